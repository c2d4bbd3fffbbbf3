/**
 * Fuzz: more than 10,000 random and mutated frames from several connections against a live server
 * (a child process) while two stock clients keep editing. The server must stay up with bounded
 * memory, the two clients must keep syncing, and the stored board must load after a restart.
 */
import fs from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { startChildServer, type ChildServer } from '../helpers/child-server.ts'
import { connectRaw, connectSynced, type TestClient } from '../helpers/clients.ts'
import { FrameFuzzer } from '../helpers/frame-fuzzer.ts'
import { converged, recordsOf } from '../helpers/records.ts'
import { createBoard, tempDataDir } from '../helpers/server.ts'
import { sleep, waitFor } from '../helpers/wait.ts'
import { shapeWith } from '../helpers/records.ts'

const CONNECTIONS = 8
const FRAMES_PER_CONNECTION = 1300
/** Frames sent before waiting for the server to have handled them (see `fuzzConnection`). */
const BATCH = 6
const MiB = 1024 * 1024

const clients: TestClient[] = []
const children: ChildServer[] = []

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  for (const child of children.splice(0)) {
    child.process.kill('SIGKILL')
    await child.exited
  }
})

function rssOf(child: ChildServer): number {
  const status = fs.readFileSync(`/proc/${child.process.pid}/status`, 'utf8')
  return Number(status.match(/VmRSS:\s+(\d+) kB/)?.[1] ?? 0) * 1024
}

/**
 * Sends frames in batches, each followed by a query-awareness: the server handles one
 * connection's frames in order, so its awareness answer (or a close) means the batch was read.
 * A closed connection is replaced by a new one. Resolves with how many frames were sent.
 */
async function fuzzConnection(wsUrl: string, boardId: string, token: string, fuzzer: FrameFuzzer, closeCodes: Map<number, number>): Promise<number> {
  let sent = 0
  while (sent < FRAMES_PER_CONNECTION) {
    const raw = connectRaw(wsUrl, boardId, token)
    await raw.opened
    let open = true
    void raw.closed.then(({ code }) => {
      open = false
      closeCodes.set(code, (closeCodes.get(code) ?? 0) + 1)
    })
    while (open && sent < FRAMES_PER_CONNECTION) {
      for (let i = 0; i < BATCH && sent < FRAMES_PER_CONNECTION; i++, sent++) raw.socket.send(fuzzer.next())
      const answered = raw.received.length
      raw.socket.send(Uint8Array.of(3))
      await Promise.race([raw.closed, waitFor(() => raw.received.length > answered || !open, 'the batch to be read', 30_000)])
      raw.received.length = 0
    }
    raw.socket.terminate()
    await raw.closed
  }
  return sent
}

describe('fuzz', () => {
  it('survives 10,000+ random and mutated frames with bounded memory; clients keep syncing; the board loads', async () => {
    const dataDir = tempDataDir()
    const env = { DATA_DIR: dataDir, MAX_CONNECTIONS_PER_IP: '10000', MAX_UPDATES_PER_SECOND: '100000' }
    let server = await startChildServer(env)
    children.push(server)
    const board = await createBoard(server.url)
    const a = await connectSynced(server.wsUrl, board.id, board.tokens.participant)
    const b = await connectSynced(server.wsUrl, board.id, board.tokens.participant)
    clients.push(a, b)
    for (let i = 0; i < 50; i++) a.records.set(`shape:warm-${i}`, shapeWith(`shape:warm-${i}`))
    await waitFor(() => b.records.map.size >= 50, 'warm-up edits')
    const rssBefore = rssOf(server)

    let fuzzing = true
    let peakRss = rssBefore
    let edits = 0
    const editing = (async () => {
      while (fuzzing) {
        const writer = edits % 2 === 0 ? a : b
        writer.records.set(`shape:during-${edits % 40}`, shapeWith(`shape:during-${edits % 40}`, { n: edits }))
        edits++
        peakRss = Math.max(peakRss, rssOf(server))
        await sleep(20)
      }
    })()
    const closeCodes = new Map<number, number>()
    const counts = await Promise.all(
      Array.from({ length: CONNECTIONS }, (_, i) =>
        fuzzConnection(server.wsUrl, board.id, i % 4 === 3 ? board.tokens.viewer : board.tokens.participant, new FrameFuzzer(1000 + i), closeCodes),
      ),
    )
    fuzzing = false
    await editing
    const frames = counts.reduce((sum, n) => sum + n, 0)
    const rssAfter = rssOf(server)
    console.log(
      `fuzz: ${frames} frames on ${CONNECTIONS} connections, closes by code ${JSON.stringify(Object.fromEntries(closeCodes))}, ` +
        `${edits} edits alongside; server RSS ${(rssBefore / MiB).toFixed(0)} → peak ${(peakRss / MiB).toFixed(0)} → ${(rssAfter / MiB).toFixed(0)} MiB`,
    )
    expect(frames).toBeGreaterThanOrEqual(10_000)

    // Still up, and the two honest clients still sync both ways.
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true)
    a.records.set('shape:after-a', shapeWith('shape:after-a', { from: 'a' }))
    b.records.set('shape:after-b', shapeWith('shape:after-b', { from: 'b' }))
    await waitFor(() => a.records.get('shape:after-b') !== undefined && b.records.get('shape:after-a') !== undefined, 'edits after the fuzz')
    await waitFor(() => converged([a, b]), 'a and b to converge')
    expect(peakRss - rssBefore).toBeLessThan(200 * MiB)

    // The stored board loads: a graceful stop compacts it, a restart reads it back.
    const expected = recordsOf(a)
    for (const client of clients.splice(0)) client.destroy()
    server.process.kill('SIGTERM')
    expect(await server.exited).toBe(0)
    children.splice(0)
    server = await startChildServer(env)
    children.push(server)
    const reader = await connectSynced(server.wsUrl, board.id, board.tokens.viewer)
    clients.push(reader)
    expect(recordsOf(reader)).toEqual(expected)
    // Two server starts and 10,000+ frames: more than the default 30 s on a busy machine.
  }, 180_000)
})
