/**
 * What one idle connection or one idle loaded board holds in the Regiebord (or the reference)
 * server's heap, by kind of object: two heap snapshots (after a full GC) around adding
 * 200 connections (10 more on each of 20 boards) or 100 boards of 100 shapes (each opened by a
 * client that left again), diffed by constructor, divided by the count. Self sizes only; compiled
 * code shows up too (a one-off, spread over the count).
 *   npx tsx bench/heap-diff.ts conn|board [regiebord|reference]
 */
import * as encoding from 'lib0/encoding'
import { encodeAwareness } from '../server/sync/protocol.ts'
import { BoardClient } from './lib/board-client.ts'
import { INSPECT_ARGS, Inspector } from './lib/inspector.ts'
import { startRegiebord, startReference } from './lib/servers.ts'
import { boardState } from './lib/board-content.ts'

const mode = process.argv[2] ?? 'conn' // conn | board
const which = process.argv[3] ?? 'regiebord'

async function snapshot(inspector: Inspector): Promise<Map<string, { count: number; size: number }>> {
  await inspector.fullGc()
  const chunks: string[] = []
  const socket = (inspector as unknown as { socket: import('ws').WebSocket }).socket
  const onMessage = (data: Buffer) => {
    const m = JSON.parse(data.toString())
    if (m.method === 'HeapProfiler.addHeapSnapshotChunk') chunks.push(m.params.chunk)
  }
  socket.on('message', onMessage)
  await inspector.call('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
  socket.off('message', onMessage)
  const snap = JSON.parse(chunks.join(''))
  const f = snap.snapshot.meta.node_fields as string[]
  const types = snap.snapshot.meta.node_types[0] as string[]
  const n = f.length
  const out = new Map<string, { count: number; size: number }>()
  for (let i = 0; i < snap.nodes.length; i += n) {
    const type = types[snap.nodes[i + f.indexOf('type')]]
    const name = snap.strings[snap.nodes[i + f.indexOf('name')]]
    const size = snap.nodes[i + f.indexOf('self_size')]
    const key = type === 'object' || type === 'closure' ? `${type}:${name}` : type === 'string' || type === 'concatenated string' || type === 'sliced string' ? 'string' : `${type}:${type === 'code' || type === 'hidden' || type === 'array' ? name.slice(0, 40) : ''}`
    const e = out.get(key) ?? { count: 0, size: 0 }
    e.count++; e.size += size
    out.set(key, e)
  }
  return out
}

function presence(clientId: number, index: number): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, 1); encoding.writeVarUint(update, clientId); encoding.writeVarUint(update, 1)
  encoding.writeVarString(update, JSON.stringify({ user: { name: `Deelnemer ${index}`, color: '#2f80ed' } }))
  return encodeAwareness(encoding.toUint8Array(update))
}

const server = which === 'regiebord' ? await startRegiebord({ nodeArgs: INSPECT_ARGS }) : await startReference(INSPECT_ARGS)
const inspector = await Inspector.attach(server.output)
const B = 20, N = mode === 'conn' ? 10 : 1
const urls = await server.boardUrls(mode === 'conn' ? B : 100, N + 1)
const clients: BoardClient[] = []
const content = mode === 'board' ? boardState(100, 5) : null
let a
if (mode === 'conn') {
  for (const u of urls) { const { client } = await BoardClient.open(u[0]!); client.sendRaw(presence(1 + Math.floor(Math.random() * 1e9), 0)); clients.push(client) }
  a = await snapshot(inspector)
  for (const u of urls) for (const url of u.slice(1, N + 1)) { const { client } = await BoardClient.open(url); client.sendRaw(presence(1 + Math.floor(Math.random() * 1e9), 1)); clients.push(client) }
  await new Promise((r) => setTimeout(r, 1000))
} else {
  a = await snapshot(inspector)
  for (const u of urls) { const { client } = await BoardClient.open(u[0]!); client.sendUpdates([content!]); await client.confirm(); client.close() }
  await new Promise((r) => setTimeout(r, 1000))
}
const b = await snapshot(inspector)
const per = mode === 'conn' ? B * N : 100
const rows = [...b].map(([k, v]) => { const o = a.get(k) ?? { count: 0, size: 0 }; return [k, (v.count - o.count) / per, (v.size - o.size) / per] as const }).filter((r) => Math.abs(r[2]) > 50).sort((x, y) => y[2] - x[2])
let total = 0; for (const r of rows) total += r[2]
console.log(`${which} ${mode}: per unit total ${(total / 1024).toFixed(1)} KiB (rows > 50 B)`)
for (const r of rows.slice(0, 45)) console.log(r[2].toFixed(0).padStart(8), r[1].toFixed(2).padStart(8), r[0])
for (const c of clients) c.close()
inspector.close()
await server.stop()
