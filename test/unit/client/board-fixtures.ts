/**
 * Building blocks for the board sync tests: tldraw stores without an editor, Yjs docs wired
 * together in memory, and a logger that remembers what it was told.
 */
import {
  createShapeId,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  DocumentRecordType,
  PageRecordType,
  TLDOCUMENT_ID,
  toRichText,
  type IndexKey,
  type TLGeoShape,
  type TLNoteShape,
  type TLPageId,
  type TLRecord,
  type TLStore,
} from 'tldraw'
import * as Y from 'yjs'
import { recordsKeyValue } from '../../../client/board/records-kv.ts'
import type { SyncLogger } from '../../../client/board/sync-logger.ts'

export const PAGE_ID: TLPageId = PageRecordType.createId('page')

export function makeStore(): TLStore {
  return createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils })
}

/** What the editor puts in an empty store when it mounts: the document record and one page. */
export function editorDefaults(): TLRecord[] {
  return [
    DocumentRecordType.create({ id: TLDOCUMENT_ID }),
    PageRecordType.create({ id: PAGE_ID, name: 'Pagina 1', index: 'a1' as IndexKey }),
  ]
}

export function geoShape(name: string, overrides: { x?: number; y?: number; w?: number } = {}): TLGeoShape {
  return {
    id: createShapeId(name),
    typeName: 'shape',
    type: 'geo',
    parentId: PAGE_ID,
    index: 'a1' as IndexKey,
    x: overrides.x ?? 0,
    y: overrides.y ?? 0,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    meta: {},
    props: {
      w: overrides.w ?? 100,
      h: 100,
      geo: 'rectangle',
      dash: 'draw',
      growY: 0,
      url: '',
      scale: 1,
      flipX: false,
      flipY: false,
      color: 'black',
      labelColor: 'black',
      fill: 'none',
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      richText: toRichText(name),
    },
  }
}

export function noteShape(name: string, lastEditedBy: string | null): TLNoteShape {
  return {
    id: createShapeId(name),
    typeName: 'shape',
    type: 'note',
    parentId: PAGE_ID,
    index: 'a2' as IndexKey,
    x: 0,
    y: 0,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    meta: {},
    props: {
      color: 'yellow',
      richText: toRichText(name),
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      labelColor: 'black',
      growY: 0,
      fontSizeAdjustment: 1,
      url: '',
      scale: 1,
      textLastEditedBy: lastEditedBy,
    },
  }
}

export interface DocLink {
  /** Holds updates in both directions, as a dropped connection would. */
  pause(): void
  /** Delivers everything held back (both ways, in order), then relays live again. */
  resume(): void
  disconnect(): void
}

/**
 * The origin of updates a link relays, i.e. what a provider would use. One per link, so that a doc
 * with several links forwards what it got from one to the others, as the server does.
 */
class LinkOrigin {}

/** Whether an update arrived over a link rather than being made on the doc itself. */
export function isRelayed(origin: unknown): boolean {
  return origin instanceof LinkOrigin
}

/**
 * Keeps two docs in step through their update events, like two clients on one server: updates
 * travel in order (FIFO, as over a websocket), and while paused they queue up rather than vanish.
 */
export function linkDocs(a: Y.Doc, b: Y.Doc): DocLink {
  const origin = new LinkOrigin()
  let paused = false
  let delivering = false
  const queue: Array<{ to: Y.Doc; update: Uint8Array }> = []
  // Updates a delivery causes on the receiving side join the back of the queue instead of being
  // delivered from inside the delivery, so that nothing overtakes what was sent before it.
  const drain = () => {
    if (delivering) return
    delivering = true
    try {
      while (!paused && queue.length > 0) {
        const { to, update } = queue.shift()!
        Y.applyUpdate(to, update, origin)
      }
    } finally {
      delivering = false
    }
  }
  const relay = (to: Y.Doc) => (update: Uint8Array, from: unknown) => {
    if (from === origin) return
    queue.push({ to, update })
    drain()
  }
  const toB = relay(b)
  const toA = relay(a)
  a.on('update', toB)
  b.on('update', toA)
  // Start from the same state, as a provider's first sync would.
  queue.push({ to: b, update: Y.encodeStateAsUpdate(a) }, { to: a, update: Y.encodeStateAsUpdate(b) })
  drain()
  return {
    pause: () => {
      paused = true
    },
    resume: () => {
      paused = false
      drain()
    },
    disconnect: () => {
      a.off('update', toB)
      b.off('update', toA)
    },
  }
}

export interface MemoryLogger extends SyncLogger {
  warnings: Array<{ message: string; context: Record<string, unknown> | undefined }>
  errors: Array<{ message: string; context: Record<string, unknown> | undefined }>
}

export function memoryLogger(): MemoryLogger {
  const logger: MemoryLogger = {
    warnings: [],
    errors: [],
    warn: (message, context) => void logger.warnings.push({ message, context }),
    error: (message, context) => void logger.errors.push({ message, context }),
  }
  return logger
}

/** The doc's records as a plain object, for comparing docs and stores. */
export function docRecords(doc: Y.Doc): Record<string, unknown> {
  return Object.fromEntries([...recordsKeyValue(doc).map].map(([key, entry]) => [key, entry.val]))
}

/** The store's document records (what the board shares), as a plain object. */
export function storeRecords(store: TLStore): Record<string, unknown> {
  return Object.fromEntries(Object.entries(store.serialize('document')))
}

/** Counts updates a doc emits that did not come from its peer, i.e. the ones it would send. */
export function countOutgoingUpdates(doc: Y.Doc): { readonly count: number } {
  const counter = { count: 0 }
  doc.on('update', (_update: Uint8Array, origin: unknown) => {
    if (!isRelayed(origin)) counter.count++
  })
  return counter
}
