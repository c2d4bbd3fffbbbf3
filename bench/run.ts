/**
 * `npm run bench [-- PART…] [--flags]`: the benchmarks of BENCHMARKS.md. Prints a table per part
 * and writes every figure to `bench/results/bench-<time>.json`.
 *
 * Parts (all when none is named): fanout, scaling, memory, connections, cold-load, browser, snapshots, image-export.
 * Flags, with their defaults (sized for a 2-core machine):
 *   fanout     --boards 100 --clients 10 --rate 2 --seconds 30 --saturate-seconds 15 --window 2
 *              --repeats 3 --profile DIR (CPU profile of the Regiebord server, into DIR)
 *              for A/B runs: --node-arg FLAG and --server-env NAME=VALUE (Regiebord's process, each
 *              repeatable), --servers regiebord (leave the reference out)
 * After the parts, issue 17's table (ours, reference, ratio, target) from fanout and memory.
 *   scaling    --scaling 10,50,100,200,400 --scaling-seconds 15   (uses --clients, --rate)
 *   memory     --memory-boards 300 --memory-shapes 100 --idle-seconds 45 --memory-repeats 3
 *   connections --connections 1000 --connection-boards 100 --memory-repeats 3   (idle connections)
 *   cold-load  --cold-updates 10000 --cold-runs 5
 *   browser    --shapes 200,2000,5000 --browser-runs 3 --edits 100
 *   snapshots  --snapshot-moves 50   (size of a snapshot per template; no browser)
 *   image-export --export-runs 3   (PNG/SVG export of the Noord-Veluwe template, after `npm run build`)
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { machine } from './lib/process-stats.ts'
import { REGIEBORD_ENTRY, type ServerName } from './lib/servers.ts'
import { fanoutTable, runFanout, SERVERS, type FanoutResult } from './parts/fanout.ts'
import { issue17Table } from './parts/issue17.ts'
import { browserTable, runBrowser } from './parts/browser.ts'
import { coldLoadTable, runColdLoad } from './parts/cold-load.ts'
import { memoryTable, runMemory, type MemoryResult } from './parts/memory.ts'
import { connectionsTable, runConnections } from './parts/connections.ts'
import { runScaling, scalingTable } from './parts/scaling.ts'
import { runSnapshots, snapshotsTable } from './parts/snapshots.ts'
import { imageExportTable, runImageExport } from './parts/image-export.ts'

const PARTS = ['fanout', 'scaling', 'memory', 'connections', 'cold-load', 'browser', 'snapshots', 'image-export'] as const
type Part = (typeof PARTS)[number]

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    boards: { type: 'string', default: '100' },
    clients: { type: 'string', default: '10' },
    rate: { type: 'string', default: '2' },
    seconds: { type: 'string', default: '30' },
    'saturate-seconds': { type: 'string', default: '15' },
    window: { type: 'string', default: '2' },
    repeats: { type: 'string', default: '3' },
    profile: { type: 'string' },
    'node-arg': { type: 'string', multiple: true, default: [] },
    'server-env': { type: 'string', multiple: true, default: [] },
    servers: { type: 'string', default: 'regiebord,reference' },
    scaling: { type: 'string', default: '10,50,100,200,400' },
    'scaling-seconds': { type: 'string', default: '15' },
    'memory-boards': { type: 'string', default: '300' },
    'memory-shapes': { type: 'string', default: '100' },
    'idle-seconds': { type: 'string', default: '45' },
    'memory-repeats': { type: 'string', default: '3' },
    connections: { type: 'string', default: '1000' },
    'connection-boards': { type: 'string', default: '100' },
    'cold-updates': { type: 'string', default: '10000' },
    'cold-runs': { type: 'string', default: '5' },
    shapes: { type: 'string', default: '200,2000,5000' },
    'browser-runs': { type: 'string', default: '3' },
    edits: { type: 'string', default: '100' },
    'snapshot-moves': { type: 'string', default: '50' },
    'export-runs': { type: 'string', default: '3' },
  },
})

function serverList(names: string): ServerName[] {
  const chosen = names.split(',').filter((name): name is ServerName => (SERVERS as readonly string[]).includes(name))
  if (chosen.length === 0) {
    console.error(`--servers: name one or both of ${SERVERS.join(', ')}`)
    process.exit(2)
  }
  return chosen
}

function isPart(name: string): name is Part {
  return (PARTS as readonly string[]).includes(name)
}
const unknown = positionals.filter((p) => !isPart(p))
if (unknown.length > 0) {
  console.error(`unknown part(s): ${unknown.join(', ')}; parts are ${PARTS.join(', ')}`)
  process.exit(2)
}
const parts: Part[] = positionals.length > 0 ? positionals.filter(isPart) : [...PARTS]
const int = (name: keyof typeof values) => Number(values[name])
const list = (name: keyof typeof values) => String(values[name]).split(',').map(Number)
const progress = (line: string) => console.error(line)

const out = path.resolve(import.meta.dirname, 'results', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
fs.mkdirSync(path.dirname(out), { recursive: true })
console.log(`Regiebord benchmarks — ${machine()}; Regiebord server: ${REGIEBORD_ENTRY === 'build' ? 'dist/server/main.js (as npm start)' : 'server/main.ts through tsx'}`)
const results: Record<string, unknown> = { date: new Date().toISOString(), machine: machine(), regiebordEntry: REGIEBORD_ENTRY }
for (const part of parts) {
  console.error(`${part}…`)
  let table: string
  switch (part) {
    case 'fanout': {
      const nodeArgs = [...(values['node-arg'] ?? [])]
      if (values.profile) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${path.resolve(values.profile)}`)
      const env = Object.fromEntries((values['server-env'] ?? []).map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]))
      const result = await runFanout(
        {
          boards: int('boards'),
          clients: int('clients'),
          rate: int('rate'),
          seconds: int('seconds'),
          saturateSeconds: int('saturate-seconds'),
          window: int('window'),
          repeats: int('repeats'),
          regiebord: { nodeArgs, env },
          servers: serverList(String(values.servers)),
        },
        progress,
      )
      results.fanout = result
      table = fanoutTable(result)
      break
    }
    case 'scaling': {
      const result = await runScaling(
        { boardCounts: list('scaling'), clients: int('clients'), rate: int('rate'), seconds: int('scaling-seconds'), p99LimitMs: 10 },
        progress,
      )
      results.scaling = result
      table = scalingTable(result)
      break
    }
    case 'memory': {
      const result = await runMemory(
        { boards: int('memory-boards'), shapes: int('memory-shapes'), idleSeconds: int('idle-seconds'), repeats: int('memory-repeats') },
        progress,
      )
      results.memory = result
      table = memoryTable(result)
      break
    }
    case 'connections': {
      const result = await runConnections(
        { connections: int('connections'), boards: int('connection-boards'), repeats: int('memory-repeats') },
        progress,
      )
      results.connections = result
      table = connectionsTable(result)
      break
    }
    case 'cold-load': {
      const result = await runColdLoad({ updates: int('cold-updates'), runs: int('cold-runs') }, progress)
      results.coldLoad = result
      table = coldLoadTable(result)
      break
    }
    case 'browser': {
      const result = await runBrowser({ shapes: list('shapes'), runs: int('browser-runs'), edits: int('edits') }, progress)
      results.browser = result
      table = browserTable(result)
      break
    }
    case 'snapshots': {
      const options = { moves: int('snapshot-moves') }
      const result = await runSnapshots(options, progress)
      results.snapshots = result
      table = snapshotsTable(result, options)
      break
    }
    case 'image-export': {
      const result = await runImageExport({ runs: int('export-runs') }, progress)
      results.imageExport = result
      table = imageExportTable(result)
      break
    }
  }
  console.log(`\n${table}`)
  // After every part, so that a run cut short keeps what it measured.
  fs.writeFileSync(out, JSON.stringify(results, null, 2))
}
// Issue 17's targets in one table, from whichever of fanout and memory ran.
const issue17 = issue17Table(results.fanout as FanoutResult | undefined, results.memory as MemoryResult | undefined)
if (issue17) console.log(`\n${issue17}`)
console.log(`\nwritten ${path.relative(process.cwd(), out)}`)
