/**
 * The tldraw schema of a Regiebord board: tldraw's default shapes and bindings plus ours. The
 * browser builds the same schema from its shape utils (a unit test keeps the two equal); the
 * server uses this one to label the boards it writes and to validate template records.
 */
import {
  createTLSchema,
  defaultBindingSchemas,
  defaultShapeSchemas,
  type TLDocument,
  type TLPage,
  type TLSchema,
} from '@tldraw/tlschema'
import type { IndexKey } from '@tldraw/utils'
import { REGIE_SHAPE_MIGRATIONS, REGIE_SHAPE_PROPS } from './regie-shapes.ts'

export function createBoardSchema(): TLSchema {
  return createTLSchema({
    shapes: {
      ...defaultShapeSchemas,
      ...Object.fromEntries(Object.entries(REGIE_SHAPE_PROPS).map(([type, props]) => [type, { props, migrations: REGIE_SHAPE_MIGRATIONS[type as keyof typeof REGIE_SHAPE_MIGRATIONS] }])),
    },
    bindings: defaultBindingSchemas,
  })
}

let shared: TLSchema | undefined
/**
 * One schema for a whole process. Building one costs ~6 ms (tldraw sorts and checks every
 * migration), which a burst of board creations or imports would otherwise pay per request while
 * everyone else's sync waits; the schema is never changed after it is built.
 */
export function boardSchema(): TLSchema {
  shared ??= createBoardSchema()
  return shared
}

/**
 * The two records tldraw creates itself when an editor mounts on an empty store. Their ids are
 * fixed, so a board the server wrote and an editor that mounts on it agree.
 */
export const DOCUMENT_ID = 'document:document' as TLDocument['id']
export const PAGE_ID = 'page:page' as TLPage['id']

export function documentRecords(pageName: string): [TLDocument, TLPage] {
  return [
    { id: DOCUMENT_ID, typeName: 'document', gridSize: 10, name: '', meta: {} },
    { id: PAGE_ID, typeName: 'page', name: pageName, index: 'a1' as IndexKey, meta: {} },
  ]
}
