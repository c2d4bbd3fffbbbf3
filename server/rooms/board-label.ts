/**
 * The board's schema label (meta.schema) is the server's to write (clients that write meta are
 * refused, see record-guard.ts). When a board document is loaded, the server puts it right:
 *
 * - no label, or one that is not a schema: labelled with ours (boards from before labels);
 * - an older label: the records are migrated to our schema and relabelled, in one change, so no
 *   client ever sees new-format records under an old label or the reverse;
 * - a label naming sequences we do not know that no record uses (a hostile client could write
 *   those before meta was the server's): relabelled with ours, which drops them;
 * - a newer label (a record we cannot read): left alone; browsers show the board read-only.
 */
import type { TLSchema } from '@tldraw/tlschema'
import { META_MAP, MetaKey, RECORDS_ARRAY, type RecordEntry } from '../../shared/doc-layout.ts'
import { schemaRelation } from '../../shared/export/board-file.ts'
import { sequencesUsedBy } from '../../shared/board/schema-sequences.ts'
import { isEntry } from './record-index.ts'
import type { Room } from './room.ts'
import type { Logger } from '../log.ts'

type Snapshot = Parameters<TLSchema['migrateStoreSnapshot']>[0]

export async function putBoardLabelRight(room: Room, schema: TLSchema, log: Logger): Promise<void> {
  const meta = room.doc.getMap<unknown>(META_MAP)
  const stored = meta.get(MetaKey.schema)
  const ours = schema.serialize()
  const entries = room.doc.getArray<unknown>(RECORDS_ARRAY).toArray().filter(isEntry) as RecordEntry<unknown>[]
  const relation = stored === undefined ? 'invalid' : schemaRelation(stored, ours, sequencesUsedBy(entries.map((entry) => entry.val)))
  if (relation === 'newer') return
  if (relation === 'same') {
    const sequences = (stored as { sequences: Record<string, number> }).sequences
    if (Object.keys(sequences).every((sequence) => Object.hasOwn(ours.sequences, sequence))) return
    log.info({ boardId: room.ref.boardId }, 'board label names sequences no record uses; relabelled')
    await room.writeAsServer(() => meta.set(MetaKey.schema, ours))
    return
  }
  if (relation === 'invalid') {
    await room.writeAsServer(() => meta.set(MetaKey.schema, ours))
    return
  }
  // Older: migrate copies of the records, then write the changed ones and the label together.
  const current = new Map<string, unknown>()
  for (const entry of entries) current.set(entry.key, entry.val)
  const store = Object.fromEntries([...current].map(([key, value]) => [key, structuredClone(value)])) as unknown as Snapshot['store']
  const result = schema.migrateStoreSnapshot({ schema: stored as Snapshot['schema'], store })
  if (result.type === 'error') {
    log.warn({ boardId: room.ref.boardId, reason: result.reason }, 'board could not be migrated to the current schema')
    return
  }
  const migrated = result.value as Record<string, unknown>
  await room.writeAsServer((doc) => {
    const array = doc.getArray<unknown>(RECORDS_ARRAY)
    const changed = new Set([...current.keys()].filter((key) => !Object.hasOwn(migrated, key) || JSON.stringify(migrated[key]) !== JSON.stringify(current.get(key))))
    // As YKeyValue writes: drop the key's entries, append the new value.
    const values = array.toArray()
    for (let i = values.length - 1; i >= 0; i--) {
      const value = values[i]
      if (isEntry(value) && changed.has(value.key)) array.delete(i, 1)
    }
    array.push([...changed].filter((key) => Object.hasOwn(migrated, key)).map((key) => ({ key, val: migrated[key] })))
    meta.set(MetaKey.schema, ours)
  })
  log.info({ boardId: room.ref.boardId }, 'board migrated to the current schema')
}
