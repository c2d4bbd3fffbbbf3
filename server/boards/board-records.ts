/**
 * A board's tldraw records as stored, for what the server reads out of a board (the regiecheck,
 * exports). Read from storage rather than from a loaded room: every update is stored before it is
 * relayed, so storage is never behind what anyone has seen, on any instance.
 */
import type { TLRecord } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { RECORDS_ARRAY, type RecordEntry } from '../../shared/doc-layout.ts'
import type { Storage } from '../storage/storage.ts'

export async function readBoardRecords(storage: Storage, boardId: string): Promise<TLRecord[]> {
  const { updates } = await storage.loadUpdates(boardId)
  const doc = new Y.Doc()
  try {
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update)
    })
    const records = new YKeyValue(doc.getArray<RecordEntry<unknown>>(RECORDS_ARRAY))
    // Values come from clients: only plain objects with a string id and type name are records.
    return [...records.map.values()].map((entry) => entry.val).filter(isRecordLike)
  } finally {
    doc.destroy()
  }
}

function isRecordLike(value: unknown): value is TLRecord {
  if (typeof value !== 'object' || value === null) return false
  const candidate = value as { id?: unknown; typeName?: unknown }
  return typeof candidate.id === 'string' && typeof candidate.typeName === 'string'
}
