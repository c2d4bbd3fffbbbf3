/**
 * A board's documents as stored, for what the server reads out of a board (the regiecheck,
 * exports). Read from storage rather than from a loaded room: every update is stored before it is
 * relayed, so storage is never behind what anyone has seen, on any instance.
 */
import type { TLRecord } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { META_MAP, RECORDS_ARRAY, type RecordEntry } from '../../shared/doc-layout.ts'
import type { BoardContent } from '../../shared/export/board-content.ts'
import { roomName } from '../../shared/session/channels.ts'
import { ATTENDANCE_MAP, readAttendance, readControlDoc } from '../../shared/session/control-doc.ts'
import type { Storage } from '../storage/storage.ts'

/** Loads one document's stored log into a throwaway Y.Doc and reads what `read` needs from it. */
async function readStoredDoc<T>(storage: Storage, name: string, read: (doc: Y.Doc) => T): Promise<T> {
  const { updates } = await storage.loadUpdates(name)
  const doc = new Y.Doc()
  try {
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update)
    })
    return read(doc)
  } finally {
    doc.destroy()
  }
}

export function recordsIn(doc: Y.Doc): TLRecord[] {
  const records = new YKeyValue(doc.getArray<RecordEntry<unknown>>(RECORDS_ARRAY))
  // Values come from clients: only plain objects with a string id and type name are records.
  return [...records.map.values()].map((entry) => entry.val).filter(isRecordLike)
}

/** The board, its locked structure, its meta map and its session state: what exports read. */
export async function readBoardContent(storage: Storage, boardId: string): Promise<BoardContent> {
  const [board, structure, control] = await Promise.all([
    readStoredDoc(storage, boardId, (doc) => ({ records: recordsIn(doc), meta: doc.getMap<unknown>(META_MAP).toJSON() })),
    readStoredDoc(storage, roomName({ boardId, channel: 'structure' }), recordsIn),
    readStoredDoc(storage, roomName({ boardId, channel: 'control' }), (doc) => {
      return { control: readControlDoc(doc), attendance: readAttendance(doc.getMap<unknown>(ATTENDANCE_MAP).entries()) }
    }),
  ])
  return { records: board.records, structure, meta: board.meta, control: control.control, attendance: control.attendance }
}

function isRecordLike(value: unknown): value is TLRecord {
  if (typeof value !== 'object' || value === null) return false
  const candidate = value as { id?: unknown; typeName?: unknown }
  return typeof candidate.id === 'string' && typeof candidate.typeName === 'string'
}
