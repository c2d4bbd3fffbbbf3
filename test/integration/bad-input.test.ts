import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { RECORDS_ARRAY } from '../../shared/doc-layout.ts'
import { connectRaw, connectSynced, upgradeStatus, type TestClient } from '../helpers/clients.ts'
import { createBoard, startTestServer, type BoardLinks, type TestServer } from '../helpers/server.ts'
import { waitFor } from '../helpers/wait.ts'
import { rawRoundTrip, roundTrip } from '../helpers/barrier.ts'
import { awarenessStatesIn, updateFrame } from '../helpers/frames.ts'
import { shapeWith } from '../helpers/records.ts'

let server: TestServer
let board: BoardLinks
const clients: TestClient[] = []

beforeEach(async () => {
  server = await startTestServer({ maxMessageBytes: 64 * 1024 })
  board = await createBoard(server.url)
})

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await server.close()
})

async function join(token: string): Promise<TestClient> {
  const client = await connectSynced(server.wsUrl, board.id, token)
  clients.push(client)
  return client
}


/** Proves the board still works for everyone else: a fresh edit goes from a to b. */
async function boardStillSyncs(a: TestClient, b: TestClient, key: string): Promise<void> {
  a.records.set(key, shapeWith(key, { ok: true }))
  await waitFor(() => b.records.get(key) !== undefined, `${key} to reach the other client`)
}

describe('tokens', () => {
  it('refuses an upgrade without a token with 401', async () => {
    expect(await upgradeStatus(`${server.wsUrl}/${board.id}`)).toBe(401)
  })

  it('refuses an upgrade with a wrong token with 403', async () => {
    expect(await upgradeStatus(`${server.wsUrl}/${board.id}?token=not-a-real-token`)).toBe(403)
  })

  it('refuses a token of another board with 403', async () => {
    const other = await createBoard(server.url)
    expect(await upgradeStatus(`${server.wsUrl}/${board.id}?token=${other.tokens.facilitator}`)).toBe(403)
  })

  it('refuses an unknown board with 404', async () => {
    expect(await upgradeStatus(`${server.wsUrl}/nosuchboard1?token=${board.tokens.facilitator}`)).toBe(404)
  })

  it('accepts each of the three tokens', async () => {
    for (const token of Object.values(board.tokens)) {
      expect(await upgradeStatus(`${server.wsUrl}/${board.id}?token=${token}`)).toBe(101)
    }
  })
})

describe('viewer role', () => {
  it("does not apply, store or relay a viewer's raw update frames", async () => {
    const participant = await join(board.tokens.participant)
    const other = await join(board.tokens.participant)
    const viewer = connectRaw(server.wsUrl, board.id, board.tokens.viewer)
    await viewer.opened
    viewer.socket.send(updateFrame('shape:forged', shapeWith('shape:forged', { forged: true })))
    // A sync step 2 carries an update too.
    const step2 = updateFrame('shape:forged2', shapeWith('shape:forged2', { forged: true }))
    step2[1] = 1
    viewer.socket.send(step2)
    // The server has decided about both frames (and kept the viewer connected); then everything it
    // relayed before has reached the participant.
    expect(await rawRoundTrip(viewer)).toBe('answered')
    await roundTrip(participant)
    await boardStillSyncs(participant, other, 'shape:own')
    expect(participant.records.get('shape:forged')).toBeUndefined()
    expect(participant.records.get('shape:forged2')).toBeUndefined()
    const late = await join(board.tokens.facilitator)
    expect(late.records.get('shape:forged')).toBeUndefined()
    const { updates } = await server.storage.loadUpdates(board.id)
    const stored = new Y.Doc()
    for (const update of updates) Y.applyUpdate(stored, update)
    expect(new YKeyValue<unknown>(stored.getArray(RECORDS_ARRAY)).get('shape:forged')).toBeUndefined()
  })

  it("relays a viewer's awareness so its cursor shows", async () => {
    const participant = await join(board.tokens.participant)
    const viewer = await join(board.tokens.viewer)
    viewer.provider.awareness.setLocalStateField('user', { name: 'Kijker' })
    await waitFor(() => participant.provider.awareness.getStates().has(viewer.doc.clientID), 'viewer awareness')
  })

  it('still sends a viewer every document change', async () => {
    const participant = await join(board.tokens.participant)
    const viewer = await join(board.tokens.viewer)
    await boardStillSyncs(participant, viewer, 'shape:seen-by-viewer')
  })
})

describe('hostile frames', () => {
  const cases: Array<[string, () => Uint8Array | string, number]> = [
    ['a text frame', () => 'hello', 1003],
    ['an empty frame', () => new Uint8Array(0), 1007],
    ['a truncated sync message', () => new Uint8Array([0, 2, 50, 1, 2]), 1007],
    ['an update with random bytes', () => new Uint8Array([0, 2, 8, 200, 13, 77, 1, 99, 250, 3, 4]), 1007],
    ['a malformed state vector', () => new Uint8Array([0, 0, 3, 255, 255, 255]), 1007],
    ['a malformed awareness update', () => new Uint8Array([1, 3, 1, 5, 9]), 1007],
  ]

  for (const [name, frame, code] of cases) {
    it(`closes the connection on ${name} (${code}) and the others carry on`, async () => {
      const a = await join(board.tokens.participant)
      const b = await join(board.tokens.participant)
      const raw = connectRaw(server.wsUrl, board.id, board.tokens.participant)
      await raw.opened
      raw.socket.send(frame())
      const closed = await raw.closed
      expect(closed.code).toBe(code)
      expect(closed.reason.length).toBeGreaterThan(0)
      await boardStillSyncs(a, b, `shape:after-${code}`)
    })
  }

  it('closes an oversized frame with 1009 and the others carry on', async () => {
    const a = await join(board.tokens.participant)
    const b = await join(board.tokens.participant)
    const raw = connectRaw(server.wsUrl, board.id, board.tokens.participant)
    await raw.opened
    raw.socket.send(new Uint8Array(128 * 1024))
    expect((await raw.closed).code).toBe(1009)
    await boardStillSyncs(a, b, 'shape:after-oversize')
  })

  it('ignores unknown message types without closing', async () => {
    const a = await join(board.tokens.participant)
    a.provider.awareness.setLocalStateField('user', { name: 'Anna' })
    await roundTrip(a)
    const raw = connectRaw(server.wsUrl, board.id, board.tokens.participant)
    await raw.opened
    // Past the join, which sends the known awareness states too.
    await rawRoundTrip(raw)
    raw.received.length = 0
    raw.socket.send(new Uint8Array([42, 1, 2, 3]))
    raw.socket.send(new Uint8Array([0, 9, 1]))
    raw.socket.send(new Uint8Array([3]))
    // Answered after them: the server read all three and still talks to this connection.
    expect(await rawRoundTrip(raw)).toBe('answered')
    // One of the answers is to the query-awareness: everyone's state, so `a`'s too.
    expect(raw.received.some((m) => m[0] === 1 && awarenessStatesIn(m).has(a.doc.clientID))).toBe(true)
    expect(raw.socket.readyState).toBe(raw.socket.OPEN)
    raw.socket.close()
    expect(a.provider.wsconnected).toBe(true)
  })

  it('survives a burst of random frames from many connections', async () => {
    const a = await join(board.tokens.participant)
    const b = await join(board.tokens.participant)
    let seed = 7
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647)
    const raws = Array.from({ length: 10 }, () => connectRaw(server.wsUrl, board.id, board.tokens.participant))
    await Promise.all(raws.map((r) => r.opened))
    for (const raw of raws) {
      for (let i = 0; i < 50; i++) {
        const frame = new Uint8Array(1 + Math.floor(random() * 40))
        for (let j = 0; j < frame.length; j++) frame[j] = Math.floor(random() * 256)
        if (raw.socket.readyState === raw.socket.OPEN) raw.socket.send(frame)
      }
    }
    // Each connection's frames are read: its query-awareness is answered, or the server closed it.
    await Promise.all(raws.map((r) => rawRoundTrip(r)))
    for (const raw of raws) raw.socket.terminate()
    await boardStillSyncs(a, b, 'shape:after-fuzz')
    const reloaded = await join(board.tokens.viewer)
    expect(reloaded.records.get('shape:after-fuzz')).toEqual(shapeWith('shape:after-fuzz', { ok: true }))
  })
})
