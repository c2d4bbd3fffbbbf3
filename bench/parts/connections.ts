/**
 * Part "connections", memory per idle connection: what N idle y-websocket connections on B boards
 * cost each server, and the peak RSS of holding them. Each client is a raw WebSocket that does
 * what a stock y-websocket client does on joining and then nothing: SyncStep1, waits for the
 * server's SyncStep2, and announces a small presence state (a name and a colour). The boards are
 * empty, so that the per-connection figure is not mixed with document memory.
 *
 * Readings follow a full garbage collection (over the inspector, see memory.ts): before any
 * client, with one client per board (B connections: each board loaded), and with all N. What one
 * idle connection costs is the difference of the last two divided by N − B; what a board with
 * its first connection costs, the difference of the first two divided by B. Runs alternate
 * between the servers; medians are reported, with each run's load average.
 */
import os from 'node:os'
import * as encoding from 'lib0/encoding'
import { encodeAwareness } from '../../server/sync/protocol.ts'
import { BoardClient } from '../lib/board-client.ts'
import { INSPECT_ARGS, Inspector } from '../lib/inspector.ts'
import { median, processStats } from '../lib/process-stats.ts'
import { startReference, startRegiebord, type ServerName, type ServerUnderTest } from '../lib/servers.ts'
import { fixed, formatTable, ratio } from '../lib/table.ts'
import { alternating } from './fanout.ts'
import { gcReading, type MemoryReading } from './memory.ts'

export interface ConnectionsOptions {
  connections: number
  boards: number
  repeats: number
}

export interface ConnectionsRun {
  server: ServerName
  loadAverage: number
  before: MemoryReading
  oneClientPerBoard: MemoryReading
  allClients: MemoryReading
  perConnectionRssKiB: number
  perConnectionHeapKiB: number
  /** A board with its first connection (an empty board: the room, its control document, the connection). */
  perBoardRssKiB: number
  perBoardHeapKiB: number
  peakRssMiB: number
}

export interface ConnectionsResult {
  options: ConnectionsOptions
  runs: ConnectionsRun[]
}

const OPEN_CONCURRENCY = 20

/** The awareness update a y-websocket client sends on joining: one small state. */
function presence(clientId: number, index: number): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, 1)
  encoding.writeVarUint(update, clientId)
  encoding.writeVarUint(update, 1)
  encoding.writeVarString(update, JSON.stringify({ user: { name: `Deelnemer ${index}`, color: '#2f80ed' } }))
  return encodeAwareness(encoding.toUint8Array(update))
}

async function openAll(urls: readonly string[], clients: BoardClient[]): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < urls.length) {
      const index = next++
      const { client } = await BoardClient.open(urls[index]!)
      client.sendRaw(presence(1 + Math.floor(Math.random() * 0x7fffffff), index))
      clients.push(client)
    }
  }
  await Promise.all(Array.from({ length: OPEN_CONCURRENCY }, worker))
}

async function measureOnce(name: ServerName, options: ConnectionsOptions): Promise<ConnectionsRun> {
  const server: ServerUnderTest =
    name === 'regiebord' ? await startRegiebord({ nodeArgs: INSPECT_ARGS }) : await startReference(INSPECT_ARGS)
  const inspector = await Inspector.attach(server.output)
  const clients: BoardClient[] = []
  try {
    const perBoard = Math.ceil(options.connections / options.boards)
    const urls = await server.boardUrls(options.boards, perBoard)
    const before = await gcReading(inspector)
    await openAll(urls.map((board) => board[0]!), clients)
    const oneClientPerBoard = await gcReading(inspector)
    const rest = urls.flatMap((board) => board.slice(1)).slice(0, options.connections - options.boards)
    await openAll(rest, clients)
    // Let presence relays and acknowledgements settle before the reading.
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const allClients = await gcReading(inspector)
    const peakRssMiB = processStats(server.pid).peakRssBytes / 2 ** 20
    const extra = clients.length - options.boards
    return {
      server: name,
      loadAverage: os.loadavg()[0]!,
      before,
      oneClientPerBoard,
      allClients,
      perConnectionRssKiB: ((allClients.rssMiB - oneClientPerBoard.rssMiB) * 1024) / extra,
      perConnectionHeapKiB: ((allClients.heapMiB - oneClientPerBoard.heapMiB) * 1024) / extra,
      perBoardRssKiB: ((oneClientPerBoard.rssMiB - before.rssMiB) * 1024) / options.boards,
      perBoardHeapKiB: ((oneClientPerBoard.heapMiB - before.heapMiB) * 1024) / options.boards,
      peakRssMiB,
    }
  } finally {
    for (const client of clients) client.close()
    inspector.close()
    await server.stop()
  }
}

export async function runConnections(options: ConnectionsOptions, progress: (line: string) => void): Promise<ConnectionsResult> {
  const runs: ConnectionsRun[] = []
  for (let r = 0; r < options.repeats; r++) {
    for (const name of alternating(r)) {
      const run = await measureOnce(name, options)
      runs.push(run)
      progress(
        `  run ${r + 1}/${options.repeats} ${name.padEnd(9)} ${fixed(run.perConnectionHeapKiB)} KiB heap, ` +
          `${fixed(run.perConnectionRssKiB)} KiB RSS per idle connection; load average ${run.loadAverage.toFixed(2)}`,
      )
    }
  }
  return { options, runs }
}

export function connectionsTable(result: ConnectionsResult): string {
  const { options: o, runs } = result
  const of = (name: ServerName) => runs.filter((run) => run.server === name)
  const m = (name: ServerName, pick: (run: ConnectionsRun) => number) => median(of(name).map(pick))
  const row = (label: string, pick: (run: ConnectionsRun) => number, digits = 1, target = '') => [
    label,
    fixed(m('regiebord', pick), digits),
    fixed(m('reference', pick), digits),
    ratio(m('regiebord', pick), m('reference', pick)),
    target,
  ]
  const loads = (name: ServerName) => of(name).map((run) => run.loadAverage.toFixed(1)).join(', ')
  return [
    `Idle connections: ${o.connections} y-websocket clients on ${o.boards} empty boards (synced, one presence state each, then idle); ` +
      `readings after a full GC; median of ${o.repeats} alternating runs`,
    formatTable(
      ['', 'Regiebord', 'reference', 'ours/ref', 'target'],
      [
        row('RSS / heap+external before any client (MiB)', (r) => r.before.rssMiB),
        row('  … heap+external (MiB)', (r) => r.before.heapMiB),
        row(`RSS with all ${o.connections} clients (MiB)`, (r) => r.allClients.rssMiB),
        row(`  … heap+external (MiB)`, (r) => r.allClients.heapMiB),
        row('peak RSS (MiB)', (r) => r.peakRssMiB, 1, '≤ ref'),
        row('RSS per idle connection (KiB)', (r) => r.perConnectionRssKiB),
        row('heap+external per idle connection (KiB)', (r) => r.perConnectionHeapKiB),
        row('RSS per empty board with its first client (KiB)', (r) => r.perBoardRssKiB),
        row('heap+external per empty board with its first client (KiB)', (r) => r.perBoardHeapKiB),
      ],
    ),
    `load average (1 min) at each run: Regiebord ${loads('regiebord')}; reference ${loads('reference')}`,
  ].join('\n')
}
