/**
 * Part 6, snapshot size (`npm run bench -- snapshots`): what one snapshot costs in storage, per
 * template, on a fresh board and after an evening of edits (every card moved `moves` times by a
 * stock y-websocket client). Compared with the board's stored log and its compacted Yjs state
 * (merged with garbage collection, as the room compacts): a
 * snapshot encodes only the records that are there, so it stays the size of the board however
 * long the history. In-process server on SQLite; sizes in KiB.
 */
import * as Y from 'yjs'
import { TEMPLATE_IDS } from '../../shared/templates/index.ts'
import { mergeUpdatesWithGc } from '../../server/rooms/compaction.ts'
import { BoardSnapshots } from '../../server/session/snapshots.ts'
import { connectSynced } from '../../test/helpers/clients.ts'
import { createBoard, startTestServer } from '../../test/helpers/server.ts'
import { waitForAsync } from '../../test/helpers/wait.ts'
import { fixed, formatTable } from '../lib/table.ts'

export interface SnapshotOptions {
  moves: number
}

export interface SnapshotRow {
  template: string
  records: number
  freshSnapshotBytes: number
  freshStateBytes: number
  afterEditsLogBytes: number
  afterEditsStateBytes: number
  afterEditsSnapshotBytes: number
  takeMs: number
}

const sum = (updates: readonly Uint8Array[]) => updates.reduce((total, update) => total + update.byteLength, 0)

export async function runSnapshots(options: SnapshotOptions, progress: (line: string) => void): Promise<SnapshotRow[]> {
  const server = await startTestServer()
  const rows: SnapshotRow[] = []
  const snapshots = new BoardSnapshots(server.storage, server.log)
  try {
    for (const template of TEMPLATE_IDS) {
      progress(`  ${template}`)
      const board = await createBoard(server.url, { template })
      const stateOf = async () => {
        const { updates } = await server.storage.loadUpdates(board.id)
        return { log: sum(updates), state: mergeUpdatesWithGc(updates).byteLength }
      }
      const fresh = await snapshots.take(board.id, { name: 'Begin', author: null, kind: 'manual' })
      const freshState = await stateOf()

      const client = await connectSynced(server.wsUrl, board.id, board.tokens.facilitator)
      const shapes = [...client.records.map.entries()].filter(([key]) => key.startsWith('shape:'))
      for (let move = 0; move < options.moves; move++) {
        client.doc.transact(() => {
          for (const [key, entry] of shapes) {
            const shape = entry.val as { x: number }
            client.records.set(key, { ...shape, x: shape.x + move + 1 })
          }
        })
      }
      const lastKey = shapes.at(-1)?.[0]
      await waitForAsync(async () => {
        const stored = await server.storage.loadUpdates(board.id)
        const doc = new Y.Doc()
        for (const update of stored.updates) Y.applyUpdate(doc, update)
        const entry = doc.getArray<{ key: string; val: { x: number } }>('tl_records').toArray().find((item) => item.key === lastKey)
        const original = shapes.at(-1)?.[1].val as { x: number } | undefined
        return !lastKey || (entry !== undefined && original !== undefined && entry.val.x === original.x + options.moves)
      }, 'the moves to be stored', 60_000)
      client.destroy()
      const started = performance.now()
      const after = await snapshots.take(board.id, { name: 'Na de avond', author: null, kind: 'manual' })
      const takeMs = performance.now() - started
      const afterState = await stateOf()
      const content = await snapshots.content(board.id, after.id)
      rows.push({
        template,
        records: (content?.records.length ?? 0) + (content?.structure.length ?? 0),
        freshSnapshotBytes: fresh.size,
        freshStateBytes: freshState.state,
        afterEditsLogBytes: afterState.log,
        afterEditsStateBytes: afterState.state,
        afterEditsSnapshotBytes: after.size,
        takeMs,
      })
    }
  } finally {
    await server.close()
  }
  return rows
}

export function snapshotsTable(rows: readonly SnapshotRow[], options: SnapshotOptions): string {
  const kib = (bytes: number) => fixed(bytes / 1024, 1)
  return formatTable(
    ['template', 'records', 'snapshot KiB (fresh)', `log KiB (after ${options.moves} moves/card)`, 'compacted state KiB (after)', 'snapshot KiB (after)', 'take ms'],
    rows.map((row) => [row.template, String(row.records), kib(row.freshSnapshotBytes), kib(row.afterEditsLogBytes), kib(row.afterEditsStateBytes), kib(row.afterEditsSnapshotBytes), fixed(row.takeMs, 0)]),
  )
}
