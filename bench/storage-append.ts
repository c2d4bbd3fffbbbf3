/**
 * `npm run bench:storage`: the durable append on its own, as the relay path uses it. SQLite in a
 * fresh directory under the OS temp dir, 100 boards, appends of ~150 bytes at a fixed rate
 * spread over the event loop's turns, and every board compacted once its log passes its bound,
 * as rooms do. Prints, per variant, how long an append took to be committed (what a relayed
 * update waits for) and the event loop's stalls, in alternating runs.
 *
 * Variants: WAL checkpoints on the worker thread (the server's default) or SQLite's own on the
 * event loop. Flags: --rate 2000 --seconds 10 --runs 2 --compact-after 500
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import * as Y from 'yjs'
import { openSqliteStorage } from '../server/storage/sqlite.ts'
import type { Storage } from '../server/storage/storage.ts'
import { newBoardRecord } from '../test/helpers/new-board.ts'
import { percentile } from './lib/process-stats.ts'

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '10' },
    runs: { type: 'string', default: '2' },
    'compact-after': { type: 'string', default: '500' },
  },
})
const rate = Number(values.rate)
const seconds = Number(values.seconds)
const runs = Number(values.runs)
const compactAfter = Number(values['compact-after'])
const BOARDS = 100

interface Figures {
  appends: number
  commitMs: { p50: number; p95: number; p99: number; max: number }
  loopDelayMs: { p99: number; max: number }
  cpuMicrosPerAppend: number
  replaceMs: { p50: number; max: number }
  walMiB: number
}

/** One board's document and its log length, so that compactions happen as in a room. */
interface Board {
  id: string
  doc: Y.Doc
  logged: number
  bound: number
}

function update(board: Board, n: number): Uint8Array {
  let captured: Uint8Array | null = null
  const capture = (u: Uint8Array) => (captured = u)
  board.doc.on('update', capture)
  board.doc.getMap('records').set(`shape:${n % 50}`, { x: n, y: n * 2, text: 'notitie' })
  board.doc.off('update', capture)
  return captured!
}

async function run(checkpointsOnWorker: boolean): Promise<Figures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regiebord-bench-storage-'))
  const storage: Storage = openSqliteStorage(dir, { checkpointsOnWorker })
  try {
    const boards: Board[] = []
    for (let b = 0; b < BOARDS; b++) {
      const doc = new Y.Doc()
      const board = newBoardRecord({ title: 'bench', initialUpdate: Y.encodeStateAsUpdate(doc) })
      await storage.createBoard(board)
      boards.push({ id: board.id, doc, logged: 1, bound: compactAfter / 2 + Math.random() * (compactAfter / 2) })
    }
    const commits: number[] = []
    const replaces: number[] = []
    const loop = monitorEventLoopDelay({ resolution: 1 })
    const cpu0 = process.cpuUsage()
    const started = performance.now()
    loop.enable()
    let sent = 0
    const pending: Promise<void>[] = []
    while (performance.now() - started < seconds * 1000) {
      const due = Math.floor(((performance.now() - started) / 1000) * rate)
      for (; sent < due; sent++) {
        const board = boards[sent % BOARDS]!
        const at = performance.now()
        pending.push(
          storage.appendUpdate(board.id, update(board, sent)).then(() => {
            commits.push(performance.now() - at)
            if (++board.logged > board.bound) {
              board.logged = 1
              const replaceAt = performance.now()
              const merged = Y.encodeStateAsUpdate(board.doc)
              void storage.summarizeUpdates(board.id).then(({ lastSeq }) =>
                storage.replaceUpdates(board.id, lastSeq, merged).then(() => replaces.push(performance.now() - replaceAt)),
              )
            }
          }),
        )
      }
      await new Promise((resolve) => setTimeout(resolve, 1))
    }
    await Promise.all(pending)
    loop.disable()
    const cpu = process.cpuUsage(cpu0)
    commits.sort((a, b) => a - b)
    replaces.sort((a, b) => a - b)
    const wal = path.join(dir, 'regiebord.sqlite-wal')
    return {
      appends: commits.length,
      commitMs: { p50: percentile(commits, 50), p95: percentile(commits, 95), p99: percentile(commits, 99), max: commits.at(-1) ?? NaN },
      loopDelayMs: { p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
      cpuMicrosPerAppend: (cpu.user + cpu.system) / commits.length,
      replaceMs: { p50: percentile(replaces, 50), max: replaces.at(-1) ?? NaN },
      walMiB: fs.existsSync(wal) ? fs.statSync(wal).size / 2 ** 20 : 0,
    }
  } finally {
    await storage.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

const f = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '–')
console.log(`durable append: ${BOARDS} boards, ${rate} appends/s for ${seconds} s, compaction after ${compactAfter / 2}–${compactAfter}; load average ${os.loadavg()[0]!.toFixed(2)}`)
console.log('checkpoints   run  appends  commit p50 / p95 / p99 / max (ms)   loop delay p99 / max (ms)   CPU µs/append  replace p50 / max (ms)  WAL MiB')
for (let r = 0; r < runs; r++) {
  for (const onWorker of r % 2 === 0 ? [true, false] : [false, true]) {
    const x = await run(onWorker)
    console.log(
      `${(onWorker ? 'worker' : 'event loop').padEnd(13)} ${String(r + 1).padStart(3)}  ${String(x.appends).padStart(7)}  ` +
        `${f(x.commitMs.p50)} / ${f(x.commitMs.p95)} / ${f(x.commitMs.p99)} / ${f(x.commitMs.max, 1)}`.padEnd(36) +
        `${f(x.loopDelayMs.p99, 1)} / ${f(x.loopDelayMs.max, 1)}`.padEnd(28) +
        `${f(x.cpuMicrosPerAppend, 1)}`.padEnd(15) +
        `${f(x.replaceMs.p50)} / ${f(x.replaceMs.max, 1)}`.padEnd(24) +
        f(x.walMiB, 1),
    )
  }
}
console.log(`load average at the end ${os.loadavg()[0]!.toFixed(2)}`)
