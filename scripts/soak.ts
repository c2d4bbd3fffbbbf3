/**
 * `npm run soak`: N boards × M stock y-websocket clients editing for a set time against the
 * server as a child process, printing the server's RSS and heap over time, then whether memory
 * stayed flat. Not part of `npm test`.
 *
 * Each client moves shapes on its board at `--rate` updates/s and its cursor twice a second;
 * every `--churn` seconds one client per board leaves and a new one joins, and one board at a time
 * goes idle long enough to be unloaded and loaded again, so the load, unload and compaction paths
 * run all along, not only the relay.
 *
 * Boards are retired after `--rotate` minutes and replaced by new ones, as workshops end and others
 * begin: a Yjs document keeps a tombstone (an object of ~200 bytes in memory) for every deleted
 * entry, so a board edited five times a second by five people for hours grows, and only boards
 * of bounded age give a steady state whose memory can be flat.
 *
 * At the end every client leaves and the boards unload; a last sample after that shows what the
 * server holds with no board loaded. Growth that is gone then was live data (Yjs documents keep
 * every deleted item as a tombstone, so a board edited all day grows); growth that stays is a leak.
 *
 * Flags: --boards 10 --clients 5 --minutes 15 --rate 5 --sample 30 (seconds between samples)
 *        --churn 20 (seconds) --rotate 5 (minutes; 0 keeps the same boards all along)
 *        --database-url postgres://… --redis-url redis://… (optional)
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { connectClient, type TestClient } from '../test/helpers/clients.ts'
import { startChildServer } from '../test/helpers/child-server.ts'
import { createBoard, type BoardLinks } from '../test/helpers/server.ts'
import { waitFor } from '../test/helpers/wait.ts'
import { movedGeoShape } from '../bench/lib/shape-record.ts'

// Every y-websocket provider adds a process 'exit' listener; dozens are expected here.
process.setMaxListeners(0)

const { values } = parseArgs({
  options: {
    boards: { type: 'string', default: '10' },
    clients: { type: 'string', default: '5' },
    minutes: { type: 'string', default: '15' },
    rate: { type: 'string', default: '5' },
    sample: { type: 'string', default: '30' },
    churn: { type: 'string', default: '20' },
    rotate: { type: 'string', default: '5' },
    'database-url': { type: 'string' },
    'redis-url': { type: 'string' },
  },
})
const boardCount = Number(values.boards)
const clientsPerBoard = Number(values.clients)
const durationMs = Number(values.minutes) * 60_000
const ratePerClient = Number(values.rate)
const sampleMs = Number(values.sample) * 1000
const churnMs = Number(values.churn) * 1000
const rotateMs = Number(values.rotate) * 60_000
const MiB = 1024 * 1024

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'regiebord-soak-'))
// Every simulated client comes from 127.0.0.1, so the per-address limit is lifted.
const env: Record<string, string> = {
  DATA_DIR: dataDir,
  LOG_LEVEL: 'warn',
  BOARD_IDLE_UNLOAD_SECONDS: '2',
  MAX_CONNECTIONS_PER_IP: '100000',
}
if (values['database-url']) env.DATABASE_URL = values['database-url']
if (values['redis-url']) env.REDIS_URL = values['redis-url']
// SIGUSR2 makes the server write a heap snapshot (into dataDir), which first runs a full garbage
// collection: the idle sample after it shows what the server really retains.
const server = await startChildServer(env, undefined, ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${dataDir}`])
const pid = server.process.pid!
let finishing = false
void server.exited.then((result) => {
  if (finishing) return
  console.error(`server exited during the soak (${String(result)}):\n${server.output()}`)
  process.exit(1)
})

function rssBytes(): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(status.match(/VmRSS:\s+(\d+) kB/)?.[1] ?? 0) * 1024
}

/** Bytes of the SQLite files (database + WAL), i.e. the stored boards; 0 with PostgreSQL. */
function storedBytes(): number {
  let total = 0
  for (const name of ['regiebord.sqlite', 'regiebord.sqlite-wal']) {
    const file = path.join(dataDir, name)
    if (fs.existsSync(file)) total += fs.statSync(file).size
  }
  return total
}

async function metric(name: string): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text()
  let sum = 0
  for (const line of text.split('\n')) if (line.startsWith(name)) sum += Number(line.split(' ').pop())
  return sum
}

interface Seat {
  board: BoardLinks
  client: TestClient
  timer: NodeJS.Timeout
}

let sequence = 0
function seat(board: BoardLinks): Seat {
  const client = connectClient(server.wsUrl, board.id, board.tokens.participant)
  client.provider.awareness.setLocalStateField('user', { name: `soak-${sequence++}` })
  let tick = 0
  const timer = setInterval(() => {
    const shape = `shape:${Math.floor(Math.random() * 50)}`
    client.records.set(shape, movedGeoShape(shape, Math.random() * 2000, Math.random() * 2000))
    if (++tick % Math.max(1, Math.round(ratePerClient / 2)) === 0) {
      client.provider.awareness.setLocalStateField('cursor', { x: Math.random() * 2000, y: Math.random() * 2000 })
    }
  }, 1000 / ratePerClient)
  return { board, client, timer }
}

function unseat(seat: Seat): void {
  clearInterval(seat.timer)
  seat.client.destroy()
}

const boards = await Promise.all(Array.from({ length: boardCount }, (_, i) => createBoard(server.url, { title: `soak ${i}` })))
const seats = new Map<string, Seat[]>(boards.map((board) => [board.id, Array.from({ length: clientsPerBoard }, () => seat(board))]))
await waitFor(() => [...seats.values()].flat().every((s) => s.client.provider.synced), 'every client to sync', 60_000)

const born = new Map(boards.map((board) => [board.id, Date.now()]))
let resting: string | null = null
let churnRound = 0
let rotated = 0
let churning = false
const churn = setInterval(() => {
  if (churning) return
  churning = true
  void churnOnce().finally(() => (churning = false))
}, churnMs)

async function churnOnce(): Promise<void> {
  // Wake the board that rested last round (or, once old enough, a new board in its place), rest
  // the next one (its clients leave; it unloads).
  if (resting) {
    let board = boards.find((b) => b.id === resting)!
    seats.delete(resting)
    if (rotateMs > 0 && Date.now() - born.get(board.id)! > rotateMs) {
      const fresh = await createBoard(server.url, { title: 'soak' })
      boards[boards.indexOf(board)] = fresh
      born.set(fresh.id, Date.now())
      rotated++
      board = fresh
    }
    seats.set(board.id, Array.from({ length: clientsPerBoard }, () => seat(board)))
  }
  const next = boards[churnRound++ % boards.length]!
  for (const s of seats.get(next.id)!) unseat(s)
  seats.set(next.id, [])
  resting = next.id
  for (const board of boards) {
    const list = seats.get(board.id)!
    if (board.id === resting || list.length === 0) continue
    unseat(list.shift()!)
    list.push(seat(board))
  }
}

const samples: Array<{ minute: number; rss: number; heap: number }> = []
const started = Date.now()
console.log(`soak: ${boardCount} boards × ${clientsPerBoard} clients, ${ratePerClient} updates/s each, ${values.minutes} min, server pid ${pid}`)
console.log('minute  rss MiB  heap MiB  boards  connections  updates  stored MiB')
async function sample(): Promise<{ rss: number; heap: number; loaded: number }> {
  const minute = (Date.now() - started) / 60_000
  const rss = rssBytes()
  const [heap, loaded, connections, updates] = await Promise.all([
    metric('nodejs_heap_size_used_bytes'),
    metric('regiebord_boards_loaded'),
    metric('regiebord_connections'),
    metric('regiebord_updates_total'),
  ])
  console.log(
    `${minute.toFixed(1).padStart(6)}  ${(rss / MiB).toFixed(1).padStart(7)}  ${(heap / MiB).toFixed(1).padStart(8)}  ${String(loaded).padStart(6)}  ${String(connections).padStart(11)}  ${String(updates).padStart(7)}  ${(storedBytes() / MiB).toFixed(1).padStart(10)}`,
  )
  return { rss, heap, loaded }
}
const first = await sample()
samples.push({ minute: 0, rss: first.rss, heap: first.heap })
while (Date.now() - started < durationMs) {
  await new Promise((resolve) => setTimeout(resolve, Math.min(sampleMs, durationMs - (Date.now() - started))))
  const { rss, heap } = await sample()
  samples.push({ minute: (Date.now() - started) / 60_000, rss, heap })
}

clearInterval(churn)
for (const list of seats.values()) for (const s of list) unseat(s)
console.log('idle: every client left; waiting for the boards to unload')
let idle = await sample()
for (let i = 0; i < 12 && idle.loaded > 0; i++) {
  await new Promise((resolve) => setTimeout(resolve, 5000))
  idle = await sample()
}
await new Promise((resolve) => setTimeout(resolve, 5000))
// Writing the snapshot itself takes memory; the RSS worth reporting is the one before it.
const idleRss = rssBytes()
server.process.kill('SIGUSR2')
const snapshotWritten = async () => {
  const snapshots = fs.readdirSync(dataDir).filter((name) => name.endsWith('.heapsnapshot'))
  if (snapshots.length === 0) return false
  const size = fs.statSync(path.join(dataDir, snapshots[0]!)).size
  await new Promise((resolve) => setTimeout(resolve, 1000))
  return size > 0 && fs.statSync(path.join(dataDir, snapshots[0]!)).size === size
}
for (let i = 0; i < 120 && !(await snapshotWritten()); i++) await new Promise((resolve) => setTimeout(resolve, 500))
console.log('after a full garbage collection:')
idle = await sample()
finishing = true
server.process.kill('SIGTERM')
const exit = await server.exited

// Verdict: compare the second half's start and end (the first minutes include warm-up: JIT,
// caches, allocator arenas). A least-squares slope over the second half, in MiB per hour.
const half = samples.filter((s) => s.minute >= samples[samples.length - 1]!.minute / 2)
const n = half.length
const meanX = half.reduce((a, s) => a + s.minute, 0) / n
const meanY = half.reduce((a, s) => a + s.rss, 0) / n
const slope = half.reduce((a, s) => a + (s.minute - meanX) * (s.rss - meanY), 0) / half.reduce((a, s) => a + (s.minute - meanX) ** 2, 0)
const mibPerHour = (slope * 60) / MiB
const min = Math.min(...samples.map((s) => s.rss)) / MiB
const max = Math.max(...samples.map((s) => s.rss)) / MiB
console.log(`server exit: ${String(exit)}; ${rotated} boards retired and replaced by new ones`)
console.log(`RSS min ${min.toFixed(1)} MiB, max ${max.toFixed(1)} MiB; second-half trend ${mibPerHour.toFixed(1)} MiB/hour while editing`)
console.log(Math.abs(mibPerHour) < (0.1 * meanY) / MiB ? 'memory while editing: flat' : 'memory while editing: NOT flat (trend above 10% of RSS per hour)')
console.log(
  `idle, no board loaded, after a full GC: heap ${(idle.heap / MiB).toFixed(1)} MiB (at the start ${(first.heap / MiB).toFixed(1)} MiB), ` +
    `RSS before the snapshot ${(idleRss / MiB).toFixed(1)} MiB (at the start ${(first.rss / MiB).toFixed(1)} MiB)`,
)
fs.rmSync(dataDir, { recursive: true, force: true })
process.exit(0)
