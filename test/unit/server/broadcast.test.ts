/**
 * A Broadcast is framed once and its one buffer is written to every peer's socket (see
 * server/sync/broadcast.ts). These tests check that the frame is exactly what ws would have
 * written for the message, at every length boundary of WebSocket and lib0 framing, and that over
 * real sockets no peer ever gets a stale, cut or reordered message: not when ws is busy with a
 * frame of its own (then the broadcast must wait its turn in ws's queue), not when the same
 * buffer sits in several sockets' write queues at once.
 */
import { once } from 'node:events'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket, WebSocketServer } from 'ws'
import { Broadcast, sendBroadcast } from '../../../server/sync/broadcast.ts'
import { encodeAwareness, encodeUpdate } from '../../../server/sync/protocol.ts'
import { seeded } from '../../helpers/records.ts'

// ws's own framing, to compare against (ws.Sender and its static `frame` are not in ws's type declarations).
const { Sender } = createRequire(import.meta.url)('ws') as { Sender: { frame(data: Buffer, options: object): Buffer[] } }

function bytes(length: number, seed: number): Uint8Array {
  const random = seeded(seed)
  return Uint8Array.from({ length }, () => Math.floor(random() * 256))
}

/** What ws's Sender writes for `message` from a server: FIN, binary, unmasked. */
function wsFrame(message: Uint8Array): Buffer {
  const parts = Sender.frame(Buffer.from(message), {
    fin: true,
    opcode: 2,
    mask: false,
    readOnly: true,
    rsv1: false,
  })
  return Buffer.concat(parts)
}

/** Update lengths around every boundary: lib0 varUint bytes (128, 16384), WebSocket lengths (126, 65536). */
const LENGTHS = [0, 1, 100, 121, 122, 123, 124, 125, 126, 127, 128, 129, 16_383, 16_384, 65_530, 65_531, 65_532, 65_533, 65_535, 65_536, 70_000, 300_000]

describe('Broadcast framing', () => {
  it('builds the frame ws would write, around every length boundary', () => {
    for (const [i, length] of LENGTHS.entries()) {
      const update = bytes(length, i + 1)
      const asUpdate = Broadcast.ofUpdate(update)
      expect(Buffer.from(asUpdate.message).equals(Buffer.from(encodeUpdate(update)))).toBe(true)
      expect(asUpdate.frame.equals(wsFrame(encodeUpdate(update)))).toBe(true)
      const asAwareness = Broadcast.ofAwareness(update)
      expect(Buffer.from(asAwareness.message).equals(Buffer.from(encodeAwareness(update)))).toBe(true)
      expect(asAwareness.frame.equals(wsFrame(encodeAwareness(update)))).toBe(true)
    }
  })

  it('gives every broadcast its own bytes (no buffer shared between two messages)', () => {
    const first = Broadcast.ofUpdate(bytes(40, 1))
    const copy = Buffer.from(first.frame)
    // Small buffers come from Node's shared pool; making more must not touch the first one's bytes.
    for (let i = 0; i < 500; i++) Broadcast.ofUpdate(bytes(40, i + 2))
    expect(first.frame.equals(copy)).toBe(true)
  })
})

describe('sendBroadcast over real sockets', () => {
  let wss: WebSocketServer
  let url: string
  const serverSides: WebSocket[] = []

  beforeAll(async () => {
    wss = new WebSocketServer({ port: 0, host: '127.0.0.1' })
    await once(wss, 'listening')
    url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`
    wss.on('connection', (ws) => serverSides.push(ws))
  })
  afterAll(async () => {
    for (const ws of serverSides) ws.terminate()
    await new Promise((resolve) => wss.close(resolve))
  })

  async function client(): Promise<{ ws: WebSocket; server: WebSocket; received: Buffer[] }> {
    const before = serverSides.length
    const ws = new WebSocket(url)
    const received: Buffer[] = []
    ws.binaryType = 'nodebuffer'
    ws.on('message', (data: Buffer) => received.push(Buffer.from(data)))
    await once(ws, 'open')
    while (serverSides.length === before) await new Promise((resolve) => setImmediate(resolve))
    return { ws, server: serverSides[before]!, received }
  }

  it('delivers each broadcast to every peer, in order with ws’s own frames, also while ws is busy', async () => {
    const peers = [await client(), await client(), await client()]
    const random = seeded(99)
    const expected: Buffer[][] = peers.map(() => [])
    const sent: Broadcast[] = []
    const snapshots: Buffer[] = []
    for (let i = 0; i < 120; i++) {
      const length = LENGTHS[Math.floor(random() * LENGTHS.length)]!
      const broadcast = Broadcast.ofUpdate(bytes(length, 1000 + i))
      sent.push(broadcast)
      snapshots.push(Buffer.from(broadcast.frame))
      for (const [p, peer] of peers.entries()) {
        if ((i + p) % 9 === 0) {
          // A Blob makes ws's Sender wait for its bytes (an asynchronous read): anything sent
          // meanwhile must queue behind it in ws, not overtake it on the socket.
          const own = Buffer.from(bytes(1 + Math.floor(random() * 200), 5000 + i * 10 + p))
          peer.server.send(new Blob([own]))
          expected[p]!.push(own)
        }
        if ((i + p) % 13 === 0) {
          const own = Buffer.from(bytes(1 + Math.floor(random() * 2000), 9000 + i * 10 + p))
          peer.server.send(own)
          expected[p]!.push(own)
        }
        sendBroadcast(peer.server, broadcast)
        expected[p]!.push(Buffer.from(broadcast.message))
      }
      // Some broadcasts leave in one event together, some each in its own.
      if (i % 5 === 4) await new Promise((resolve) => setImmediate(resolve))
    }
    const deadline = Date.now() + 20_000
    while (peers.some((peer, p) => peer.received.length < expected[p]!.length) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    for (const [p, peer] of peers.entries()) {
      expect(peer.received.length).toBe(expected[p]!.length)
      for (let m = 0; m < expected[p]!.length; m++) expect(peer.received[m]!.equals(expected[p]![m]!)).toBe(true)
    }
    // Written to three sockets, no frame was changed on the way.
    for (const [i, broadcast] of sent.entries()) expect(broadcast.frame.equals(snapshots[i]!)).toBe(true)
    for (const peer of peers) peer.ws.close()
  })
})
