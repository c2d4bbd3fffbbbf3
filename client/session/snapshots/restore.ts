/**
 * Restoring a snapshot in the facilitator's editor: the difference between the board now and the
 * snapshot (shared/board/restore-diff.ts), applied as one user edit. The store bindings write it
 * into the board's documents like any other edit, so it syncs to everyone, and tldraw's undo
 * takes it back in one step.
 */
import type { Editor, TLRecord, TLStore } from 'tldraw'
import { restoreDiff } from '../../../shared/board/restore-diff.ts'
import type { SnapshotContent } from '../../../shared/session/snapshots.ts'

export interface RestoreResult {
  put: number
  removed: number
}

export function restoreSnapshot(editor: Editor, snapshot: SnapshotContent): RestoreResult {
  const store = editor.store
  const documentTypes = store.scopedTypes.document
  const current = store.allRecords().filter((record) => documentTypes.has(record.typeName))
  // Records as the snapshot stored them; written by this version's clients, or migrated here.
  const wanted = snapshotRecords(store, snapshot).filter((record) => documentTypes.has(record.typeName))
  const { put, remove } = restoreDiff<TLRecord>(current, wanted)
  if (put.length === 0 && remove.length === 0) return { put: 0, removed: 0 }
  editor.markHistoryStoppingPoint('restore snapshot')
  editor.run(() => {
    // Removing first: a restored shape may reuse an index a shape added since now holds.
    if (remove.length > 0) store.remove(remove)
    if (put.length > 0) store.put(put)
  })
  return { put: put.length, removed: remove.length }
}

/** The snapshot's records (board and locked structure), migrated to this client's schema. */
export function snapshotRecords(store: TLStore, snapshot: SnapshotContent): TLRecord[] {
  const records = [...snapshot.records, ...snapshot.structure]
  const schema = snapshot.meta.schema
  if (!schema) return records
  const stored = { store: Object.fromEntries(records.map((record) => [record.id, record])), schema } as Parameters<TLStore['schema']['migrateStoreSnapshot']>[0]
  const result = store.schema.migrateStoreSnapshot(stored)
  if (result.type === 'error') throw new Error(`snapshot cannot be migrated: ${result.reason}`)
  return Object.values(result.value) as TLRecord[]
}
