/**
 * `npm run bench:sync`: what one board sustains with durable appends on.
 *
 * Starts `server/main.ts` as a child process (SQLite in a temp dir), connects C peers to one board
 * and runs two phases:
 *   1. latency:    updates at a fixed total rate, round-robin over the peers; relay latency is the
 *                  time from a peer's edit to its arrival at every other peer (p50/p95/p99).
 *   2. throughput: one writer sends as fast as the slowest reader keeps up (bounded in-flight
 *                  window); achieved updates/s is what every reader received per second.
 * Flags: --clients 10 --rate 200 --seconds 10 --profile DIR (writes the server's --cpu-prof there)
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { startChildServer } from '../test/helpers/child-server.ts'
import { BenchPeer, type ShapeRecord } from './lib/yjs-peer.ts'
import { machine, percentile, processStats } from './lib/process-stats.ts'
import { BENCH_LIMITS } from './lib/servers.ts'

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '10' },
    rate: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '10' },
    profile: { type: 'string' },
  },
})
const clients = Number(values.clients)
const rate = Number(values.rate)
const seconds = Number(values.seconds)
const now = () => performance.timeOrigin + performance.now()
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'regiebord-bench-'))
const profileArgs = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(values.profile)}`] : []
const server = await startChildServer({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...BENCH_LIMITS }, undefined, profileArgs)
const pid = server.process.pid!
const response = await fetch(`${server.url}/api/boards`, { method: 'POST', body: '{"title":"bench"}' })
const board = (await response.json()) as { id: string; tokens: { participant: string } }

const latencies: number[] = []
let measuring = false
const peers = Array.from({ length: clients }, () =>
  new BenchPeer(`${server.wsUrl}/${board.id}?token=${board.tokens.participant}`, (record: ShapeRecord) => {
    if (measuring) latencies.push(now() - record.meta.sentAt)
  }),
)
await Promise.all(peers.map((p) => p.opened()))

// Phase 1: fixed rate.
const cpu0 = processStats(pid)
measuring = true
const intervalMs = 1000 / rate
const started = now()
let sent = 0
while (now() - started < seconds * 1000) {
  const due = Math.floor((now() - started) / intervalMs)
  while (sent < due) {
    peers[sent % clients]!.move(sent % 50, sent % clients)
    sent++
  }
  await sleep(1)
}
await sleep(500)
measuring = false
const cpu1 = processStats(pid)
const expectedDeliveries = sent * (clients - 1)
latencies.sort((a, b) => a - b)

// Phase 2: throughput with one writer and a bounded window. Readers only count frames here, so
// the load generator (on the same 2 cores) is not what limits the figure.
const writer = peers[0]!
const readers = peers.slice(1)
for (const reader of readers) reader.applyUpdates = false
const base = readers.map((r) => r.updateFrames)
const slowest = () => Math.min(...readers.map((r, k) => r.updateFrames - base[k]!))
let written = 0
const window = 200
const tStart = now()
while (now() - tStart < seconds * 1000) {
  while (written - slowest() < window) writer.move(written++ % 50, 0)
  await sleep(0)
}
const tEnd = now()
const delivered = slowest()
const cpu2 = processStats(pid)

const result = {
  date: new Date().toISOString(),
  machine: machine(),
  clients,
  seconds,
  latency: {
    targetRate: rate,
    sent,
    delivered: latencies.length,
    expectedDeliveries,
    p50ms: percentile(latencies, 50),
    p95ms: percentile(latencies, 95),
    p99ms: percentile(latencies, 99),
    serverCpuPercent: ((cpu1.cpuMs - cpu0.cpuMs) / (seconds * 1000 + 500)) * 100,
  },
  throughput: {
    updatesPerSecond: (delivered / (tEnd - tStart)) * 1000,
    serverCpuPercent: ((cpu2.cpuMs - cpu1.cpuMs) / (tEnd - tStart)) * 100,
  },
  serverPeakRssMiB: cpu2.peakRssBytes / 2 ** 20,
}

for (const peer of peers) peer.close()
server.process.kill('SIGTERM')
await server.exited
fs.rmSync(dataDir, { recursive: true, force: true })

const f = (n: number) => n.toFixed(2)
console.log(`Regiebord sync bench — ${result.machine}`)
console.log(`one board, ${clients} clients, durable SQLite append on`)
console.log(`latency phase   ${rate} updates/s for ${seconds}s: sent ${sent}, delivered ${latencies.length}/${expectedDeliveries}`)
console.log(`  relay latency p50 ${f(result.latency.p50ms)} ms  p95 ${f(result.latency.p95ms)} ms  p99 ${f(result.latency.p99ms)} ms  server CPU ${f(result.latency.serverCpuPercent)}%`)
console.log(`throughput phase: ${result.throughput.updatesPerSecond.toFixed(0)} updates/s relayed to all ${clients - 1} readers  server CPU ${f(result.throughput.serverCpuPercent)}%`)
console.log(`server peak RSS ${f(result.serverPeakRssMiB)} MiB`)
const out = path.resolve(import.meta.dirname, 'results', `sync-relay-${Date.now()}.json`)
fs.mkdirSync(path.dirname(out), { recursive: true })
fs.writeFileSync(out, JSON.stringify(result, null, 2))
console.log(`written ${path.relative(process.cwd(), out)}`)
