/**
 * Part 4, cold load: how long the first client waits for a board of 10,000 stored updates on a
 * freshly started server (connect → the whole board in SyncStep2), before and after compaction.
 *
 * The updates are sent through a client to a server with compaction out of reach
 * (COMPACT_AFTER_UPDATES=1000000), which is then SIGKILLed so that neither an unload nor the
 * shutdown compacts them. Each "before" run starts a server, opens the board once cold and once
 * warm, and is SIGKILLed again. Then one server opens the board and is stopped with SIGTERM,
 * which compacts it, and the "after" runs repeat the measurement.
 * The reference has no stored updates without persistence, so it has no figure here.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { BoardClient } from '../lib/board-client.ts'
import { editingSession } from '../lib/board-content.ts'
import { median } from '../lib/process-stats.ts'
import { startRegiebord, type RegiebordOptions } from '../lib/servers.ts'
import { fixed, formatTable } from '../lib/table.ts'

export interface ColdLoadOptions {
  updates: number
  runs: number
}

export interface ColdLoadFigures {
  storedUpdates: number
  /** Size of the SyncStep2 the client received. */
  stateBytes: number
  coldMs: number[]
  warmMs: number[]
  coldMedianMs: number
  warmMedianMs: number
}

export interface ColdLoadResult {
  options: ColdLoadOptions
  before: ColdLoadFigures
  after: ColdLoadFigures
}

/** Shapes the stored session moves around; 10,000 updates make 50 moves per shape. */
const SHAPES = 200
const SEND_BATCH = 500
const NO_COMPACTION: RegiebordOptions['env'] = { COMPACT_AFTER_UPDATES: '1000000' }

function storedUpdates(dataDir: string, boardId: string): number {
  const db = new Database(path.join(dataDir, 'regiebord.sqlite'), { readonly: true })
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM board_updates WHERE board_id = ?').get(boardId) as { n: number }).n
  } finally {
    db.close()
  }
}

async function measure(dataDir: string, board: { id: string; token: string }, runs: number): Promise<ColdLoadFigures> {
  const coldMs: number[] = []
  const warmMs: number[] = []
  let stateBytes = 0
  for (let r = 0; r < runs; r++) {
    const server = await startRegiebord({ dataDir, env: NO_COMPACTION })
    const url = `${server.wsUrl}/${board.id}?token=${board.token}`
    const cold = await BoardClient.open(url)
    const warm = await BoardClient.open(url)
    coldMs.push(cold.ms)
    warmMs.push(warm.ms)
    stateBytes = cold.bytes
    cold.client.close()
    warm.client.close()
    await server.kill()
  }
  return {
    storedUpdates: storedUpdates(dataDir, board.id),
    stateBytes,
    coldMs,
    warmMs,
    coldMedianMs: median(coldMs),
    warmMedianMs: median(warmMs),
  }
}

export async function runColdLoad(options: ColdLoadOptions, progress: (line: string) => void): Promise<ColdLoadResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'regiebord-bench-cold-'))
  try {
    const writer = await startRegiebord({ dataDir, env: NO_COMPACTION })
    const board = await writer.createBoard()
    const { client } = await BoardClient.open(`${writer.wsUrl}/${board.id}?token=${board.token}`)
    const session = editingSession(SHAPES, options.updates)
    for (let i = 0; i < session.length; i += SEND_BATCH) {
      client.sendUpdates(session.slice(i, i + SEND_BATCH))
      await client.confirm()
    }
    client.close()
    await writer.kill()

    const before = await measure(dataDir, board, options.runs)
    progress(`  before compaction: ${before.storedUpdates} stored updates, cold ${fixed(before.coldMedianMs)} ms`)

    const compactor = await startRegiebord({ dataDir })
    const opened = await BoardClient.open(`${compactor.wsUrl}/${board.id}?token=${board.token}`)
    opened.client.close()
    await compactor.stop()

    const after = await measure(dataDir, board, options.runs)
    progress(`  after compaction: ${after.storedUpdates} stored updates, cold ${fixed(after.coldMedianMs)} ms`)
    return { options, before, after }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

export function coldLoadTable(result: ColdLoadResult): string {
  const row = (label: string, f: ColdLoadFigures) => [
    label,
    String(f.storedUpdates),
    (f.stateBytes / 1024).toFixed(0),
    fixed(f.coldMedianMs),
    fixed(Math.max(...f.coldMs)),
    fixed(f.warmMedianMs),
  ]
  return [
    `Cold load: one board of ${result.options.updates} edits (${SHAPES} shapes moved in turn), first client on a fresh server process; ` +
      `median of ${result.options.runs} runs (the reference keeps nothing without persistence: no figure)`,
    formatTable(
      ['', 'stored updates', 'state (KiB)', 'cold p50 (ms)', 'cold max (ms)', 'warm p50 (ms)'],
      [row('before compaction', result.before), row('after compaction', result.after)],
    ),
  ].join('\n')
}
