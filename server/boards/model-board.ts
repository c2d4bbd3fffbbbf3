/**
 * A new board holding a regie model (an imported spreadsheet, an own template): laid out and
 * written on the server, like a built-in template, so every client finds it from the first sync.
 * The written records go through the board schema's validators before anything is stored.
 */
import * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
import type { TLRecord } from '@tldraw/tlschema'
import { boardSchema, documentRecords, PAGE_ID } from '../../shared/board/board-schema.ts'
import { modelBoardRecords } from '../../shared/board/model-board-records.ts'
import { META_MAP, MetaKey, RECORDS_ARRAY, type RecordEntry } from '../../shared/doc-layout.ts'
import type { RegieModel } from '../../shared/regie/model.ts'
import type { Storage } from '../storage/storage.ts'
import { storeNewBoard, type CreatedBoard } from './boards.ts'

/**
 * Layouts run on the event loop (ELK has no worker here) and take a second or more for a large
 * model, so boards are laid out one at a time rather than all at once.
 */
let queue: Promise<unknown> = Promise.resolve()

function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const result = queue.then(work, work)
  queue = result.catch(() => undefined)
  return result
}

export async function createBoardFromModel(
  storage: Storage,
  input: { title: string; template: string | null; model: RegieModel<string> },
  now = Date.now(),
): Promise<CreatedBoard> {
  const { shapes, bindings } = await oneAtATime(() => modelBoardRecords(input.model, { pageId: PAGE_ID }))
  const schema = boardSchema()
  const records: TLRecord[] = [...documentRecords(input.title), ...shapes, ...bindings]
  for (const record of records) schema.types[record.typeName].validate(record)
  const doc = new Y.Doc()
  try {
    const meta = doc.getMap(META_MAP)
    const kv = new YKeyValue(doc.getArray<RecordEntry<unknown>>(RECORDS_ARRAY))
    doc.transact(() => {
      meta.set(MetaKey.title, input.title)
      meta.set(MetaKey.createdAt, now)
      meta.set(MetaKey.schema, schema.serialize())
      for (const record of records) kv.set(record.id, record)
    })
    return await storeNewBoard(storage, { title: input.title, template: input.template, createdAt: now, initialUpdate: Y.encodeStateAsUpdate(doc) })
  } finally {
    doc.destroy()
  }
}
