import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectClient, connectRaw, connectSynced, type TestClient } from '../helpers/clients.ts'
import { rawRoundTrip } from '../helpers/barrier.ts'
import { awarenessStatesIn } from '../helpers/frames.ts'
import { createBoard, startTestServer, type BoardLinks, type TestServer } from '../helpers/server.ts'
import { waitFor } from '../helpers/wait.ts'
import { noteRecord, shapeWith } from '../helpers/records.ts'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { RECORDS_ARRAY, type RecordEntry } from '../../shared/doc-layout.ts'
import { encodeSyncStep1, encodeUpdate } from '../../server/sync/protocol.ts'

let server: TestServer
let board: BoardLinks
const clients: TestClient[] = []

async function join(token = board.tokens.participant): Promise<TestClient> {
  const client = await connectSynced(server.wsUrl, board.id, token)
  clients.push(client)
  return client
}

function recordsOf(client: TestClient): Record<string, unknown> {
  return Object.fromEntries([...client.records.map.entries()].map(([key, entry]) => [key, entry.val]))
}

/** Records as a string independent of insertion order. */
function canonical(client: TestClient): string {
  return JSON.stringify(Object.entries(recordsOf(client)).sort(([x], [y]) => x.localeCompare(y)))
}

/** A deterministic pseudo-random generator so a failing run can be replayed. */
function seeded(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff
    return state / 0x7fffffff
  }
}

beforeEach(async () => {
  server = await startTestServer()
  board = await createBoard(server.url, { title: 'Sync' })
})

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await server.close()
})

describe('sync endpoint with stock y-websocket clients', () => {
  it('delivers the stored board state on the first sync', async () => {
    const client = await join()
    expect(client.doc.getMap('meta').get('title')).toBe('Sync')
  })

  it('makes two clients converge on random concurrent edits', async () => {
    const a = await join()
    const b = await join()
    const random = seeded(42)
    for (let i = 0; i < 200; i++) {
      const writer = random() < 0.5 ? a : b
      const key = `shape:${Math.floor(random() * 20)}`
      if (random() < 0.15) writer.records.delete(key)
      else writer.records.set(key, shapeWith(key, { x: Math.round(random() * 1000), by: writer === a ? 'a' : 'b' }))
    }
    // YKeyValue settles concurrent writes to one key with a follow-up delete, so wait for both
    // the documents and the key-value views to agree.
    const converged = () =>
      Buffer.from(Y.encodeStateVector(a.doc)).equals(Buffer.from(Y.encodeStateVector(b.doc))) &&
      canonical(a) === canonical(b)
    await waitFor(converged, 'clients to converge')
    expect(recordsOf(a)).toEqual(recordsOf(b))
    expect(Object.keys(recordsOf(a)).length).toBeGreaterThan(0)
  })

  it('gives a late joiner the full state', async () => {
    const a = await join()
    for (let i = 0; i < 50; i++) a.records.set(`shape:${i}`, shapeWith(`shape:${i}`, { i }))
    const b = await join()
    // 50 notes and the page and document records every board starts with.
    await waitFor(() => b.records.map.size === 52, 'other client to receive edits')
    await server.registry.closeAll(1001, 'test')
    const late = await join()
    expect(recordsOf(late)).toEqual(recordsOf(a))
  })

  it('relays awareness and removes it when the connection closes', async () => {
    const a = await join()
    const b = await join()
    a.provider.awareness.setLocalStateField('user', { name: 'Anna' })
    const aId = a.doc.clientID
    await waitFor(() => (b.provider.awareness.getStates().get(aId) as { user?: { name: string } } | undefined)?.user?.name === 'Anna', 'awareness to arrive')
    a.provider.disconnect()
    await waitFor(() => !b.provider.awareness.getStates().has(aId), 'awareness to be removed')
    expect(b.provider.awareness.getStates().has(b.doc.clientID)).toBe(true)
  })

  it('sends a joining client every known awareness state', async () => {
    const a = await join()
    a.provider.awareness.setLocalStateField('user', { name: 'Anna' })
    const b = connectClient(server.wsUrl, board.id, board.tokens.participant)
    clients.push(b)
    await waitFor(() => b.provider.awareness.getStates().has(a.doc.clientID), 'existing awareness on join')
  })

  it('answers query-awareness with every known state', async () => {
    const a = await join()
    const c = await join()
    a.provider.awareness.setLocalStateField('user', { name: 'Anna' })
    c.provider.awareness.setLocalStateField('user', { name: 'Cor' })
    const nameOf = (state: unknown) => (state as { user?: { name?: string } } | null)?.user?.name
    await waitFor(
      () => nameOf(a.provider.awareness.getStates().get(c.doc.clientID)) === 'Cor' && nameOf(c.provider.awareness.getStates().get(a.doc.clientID)) === 'Anna',
      'both states to reach the server and each other',
    )
    const raw = connectRaw(server.wsUrl, board.id, board.tokens.viewer)
    await raw.opened
    // Past the join (which sends the states too), so what comes next answers the query.
    await rawRoundTrip(raw)
    raw.received.length = 0
    raw.socket.send(Uint8Array.of(3))
    await waitFor(() => raw.received.some((m) => m[0] === 1), 'the answer to query-awareness')
    // One message with both states: a relayed change would carry only the client that changed.
    const answer = awarenessStatesIn(raw.received.find((m) => m[0] === 1)!)
    expect(nameOf(answer.get(a.doc.clientID))).toBe('Anna')
    expect(nameOf(answer.get(c.doc.clientID))).toBe('Cor')
    raw.socket.close()
  })

  it('stores the edits a client sent right before it closed its socket', async () => {
    const raw = connectRaw(server.wsUrl, board.id, board.tokens.participant)
    await raw.opened
    const doc = new Y.Doc()
    const records = new YKeyValue<unknown>(doc.getArray<RecordEntry<unknown>>(RECORDS_ARRAY))
    // One frame per edit, as y-websocket sends them, and the socket closed right after the last:
    // most are still queued on the server when the close arrives.
    for (let i = 0; i < 120; i++) {
      const before = Y.encodeStateVector(doc)
      records.set(`shape:last-${i}`, noteRecord(`shape:last-${i}`))
      raw.socket.send(encodeUpdate(Y.encodeStateAsUpdate(doc, before)))
      // Its answer waits for the update to be stored, so the frames behind it wait too.
      raw.socket.send(encodeSyncStep1(Y.encodeStateVector(doc)))
    }
    raw.socket.close(1000)
    await raw.closed
    const reader = await join()
    await waitFor(() => reader.records.map.size >= 120 && [...Array(120).keys()].every((i) => reader.records.has(`shape:last-${i}`)), 'every edit sent before the close')
  })
})
