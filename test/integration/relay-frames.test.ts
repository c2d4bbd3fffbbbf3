/**
 * The relay path as issue 17 left it: frames are read from ws directly (not through the adapter's
 * MessageEvent), each broadcast is encoded once and the same bytes go to every peer, and a
 * socket's frames of one event leave in one write. These tests check that no frame is lost,
 * doubled, reordered or sent with another frame's bytes.
 */
import net from 'node:net'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { clientFrame } from '../../bench/lib/raw-websocket.ts'
import { RECORDS_ARRAY, type RecordEntry } from '../../shared/doc-layout.ts'
import { encodeSyncStep1, encodeUpdate } from '../../server/sync/protocol.ts'
import { connectRaw, connectSynced, type RawClient, type TestClient } from '../helpers/clients.ts'
import { updateFrame } from '../helpers/frames.ts'
import { noteRecord, seeded } from '../helpers/records.ts'
import { createBoard, startTestServer, type TestServer } from '../helpers/server.ts'
import { waitFor } from '../helpers/wait.ts'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.close()
})

/** The document updates (sync Update and SyncStep2 payloads) among the frames a raw client received. */
function updatesIn(frames: readonly Uint8Array[]): Uint8Array[] {
  const updates: Uint8Array[] = []
  for (const frame of frames) {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) !== 0) continue
    const type = decoding.readVarUint(decoder)
    if (type === 1 || type === 2) updates.push(decoding.readVarUint8Array(decoder))
  }
  return updates
}

describe('relay frames', () => {
  it('applies frames a client sends in the same TCP write as its upgrade request', async () => {
    const board = await createBoard(server.url)
    const { hostname, port } = new URL(server.url)
    const socket = net.connect({ host: hostname, port: Number(port) })
    let head = ''
    socket.on('data', (chunk: Buffer) => (head += chunk.toString('latin1')))
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()))
    const request =
      `GET /sync/${board.id}?token=${board.tokens.participant} HTTP/1.1\r\nHost: ${hostname}:${port}\r\n` +
      `Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n` +
      `Sec-WebSocket-Version: 13\r\n\r\n`
    // The frames reach the server before it has even checked the token: ws and the adapter hold
    // them until the connection is open; none may be lost or handled twice.
    socket.write(
      Buffer.concat([
        Buffer.from(request, 'latin1'),
        clientFrame(updateFrame('shape:early-1', noteRecord('shape:early-1', { text: 'een' }))),
        clientFrame(updateFrame('shape:early-2', noteRecord('shape:early-2', { text: 'twee' }))),
      ]),
    )
    await waitFor(() => head.includes('\r\n\r\n'), 'the upgrade answer')
    expect(head.startsWith('HTTP/1.1 101')).toBe(true)

    const reader = await connectSynced(server.wsUrl, board.id, board.tokens.participant)
    try {
      await waitFor(() => reader.records.has('shape:early-1') && reader.records.has('shape:early-2'), 'both early records')
      expect(reader.records.get('shape:early-1')).toEqual(noteRecord('shape:early-1', { text: 'een' }))
      expect(reader.records.get('shape:early-2')).toEqual(noteRecord('shape:early-2', { text: 'twee' }))
    } finally {
      reader.destroy()
      socket.destroy()
    }
  })

  it('sends every peer the same bytes for each update, none stale, none missing, in order', async () => {
    const board = await createBoard(server.url)
    const writer: TestClient = await connectSynced(server.wsUrl, board.id, board.tokens.participant)
    const watchers: RawClient[] = [connectRaw(server.wsUrl, board.id, board.tokens.participant), connectRaw(server.wsUrl, board.id, board.tokens.participant)]
    await Promise.all(watchers.map((watcher) => watcher.opened))
    // Each watcher asks for the board as it is (SyncStep2) before any edit; every edit after that
    // reaches it as a relayed update.
    for (const watcher of watchers) watcher.socket.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())))
    await waitFor(() => watchers.every((watcher) => updatesIn(watcher.received).length === 1), 'the board state at each watcher')
    const random = seeded(17)
    const expected = new Map<string, Record<string, unknown>>()
    const edits = 80
    try {
      for (let i = 0; i < edits; i++) {
        // Sizes vary from a few bytes of text to a few KiB, so a reused or overwritten buffer
        // would show as a wrong or cut record.
        const text = `edit ${i} `.repeat(1 + Math.floor(random() * 300))
        const key = `shape:relay-${i % 30}`
        const record = noteRecord(key, { text, meta: { edit: i } })
        expected.set(key, record)
        writer.records.set(key, record)
        // Bursts of edits in one event share the socket's batched write.
        if (i % 7 === 6) await new Promise((resolve) => setImmediate(resolve))
      }
      await waitFor(
        () => watchers.every((watcher) => updatesIn(watcher.received).length >= 1 + edits),
        'every edit at every watcher',
      )
      const [first, second] = watchers.map((watcher) => updatesIn(watcher.received))
      expect(second!.length).toBe(first!.length)
      for (let i = 0; i < first!.length; i++) expect(Buffer.from(second![i]!).equals(Buffer.from(first![i]!))).toBe(true)

      // What the watcher received, applied in order, is exactly what the writer wrote.
      const doc = new Y.Doc()
      for (const update of first!) Y.applyUpdate(doc, update)
      const records = new YKeyValue<unknown>(doc.getArray<RecordEntry<unknown>>(RECORDS_ARRAY))
      for (const [key, record] of expected) expect(records.get(key)).toEqual(record)
      // Nothing was left pending: every update arrived complete and in order.
      expect(doc.store.pendingStructs).toBeNull()
    } finally {
      writer.destroy()
      for (const watcher of watchers) watcher.socket.close()
    }
  })

  it('relays a new update as the client sent it, and of a partly known one only what was new', async () => {
    const board = await createBoard(server.url)
    const writer = connectRaw(server.wsUrl, board.id, board.tokens.participant)
    const watcher = connectRaw(server.wsUrl, board.id, board.tokens.participant)
    await Promise.all([writer.opened, watcher.opened])
    watcher.socket.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())))
    await waitFor(() => updatesIn(watcher.received).length === 1, 'the board state at the watcher')
    try {
      const doc = new Y.Doc()
      const records = new YKeyValue<unknown>(doc.getArray<RecordEntry<unknown>>(RECORDS_ARRAY))
      const change = (make: () => void) => {
        const before = Y.encodeStateVector(doc)
        make()
        return Y.encodeStateAsUpdate(doc, before)
      }
      const first = change(() => records.set('shape:own-1', noteRecord('shape:own-1', { text: 'een' })))
      const afterFirst = Y.getState(doc.store, doc.clientID)
      writer.socket.send(encodeUpdate(first))
      await waitFor(() => updatesIn(watcher.received).length === 2, 'the first update at the watcher')
      // New to the server, all of it: the relayed update is the client's own bytes.
      expect(Buffer.from(updatesIn(watcher.received)[1]!).equals(Buffer.from(first))).toBe(true)

      // The first update again, merged with a second change (as a reconnecting client's sync
      // resends what the server has): only the second change is relayed.
      const second = change(() => records.set('shape:own-2', noteRecord('shape:own-2', { text: 'twee' })))
      const resent = Y.mergeUpdates([first, second])
      writer.socket.send(encodeUpdate(resent))
      await waitFor(() => updatesIn(watcher.received).length === 3, 'the second update at the watcher')
      const relayed = updatesIn(watcher.received)[2]!
      expect(Buffer.from(relayed).equals(Buffer.from(resent))).toBe(false)
      const check = new Y.Doc()
      for (const update of updatesIn(watcher.received)) Y.applyUpdate(check, update)
      const seen = new YKeyValue<unknown>(check.getArray<RecordEntry<unknown>>(RECORDS_ARRAY))
      expect(seen.get('shape:own-1')).toEqual(noteRecord('shape:own-1', { text: 'een' }))
      expect(seen.get('shape:own-2')).toEqual(noteRecord('shape:own-2', { text: 'twee' }))
      expect(check.store.pendingStructs).toBeNull()
      // Nothing of the first update came twice: the relayed part starts where the first ended.
      const structs = Y.decodeUpdate(relayed).structs
      expect(structs.length).toBeGreaterThan(0)
      expect(structs.every((struct) => struct.id.clock >= afterFirst)).toBe(true)

      // Stored as relayed: a client joining now gets both records.
      const reader = await connectSynced(server.wsUrl, board.id, board.tokens.participant)
      try {
        await waitFor(() => reader.records.has('shape:own-2'), 'the second record at a new client')
        expect(reader.records.get('shape:own-1')).toEqual(noteRecord('shape:own-1', { text: 'een' }))
      } finally {
        reader.destroy()
      }
    } finally {
      writer.socket.close()
      watcher.socket.close()
    }
  })
})
