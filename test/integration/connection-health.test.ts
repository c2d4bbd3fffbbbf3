import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { connectRaw, connectSynced, type TestClient } from '../helpers/clients.ts'
import { createBoard, startTestServer, type TestServer } from '../helpers/server.ts'
import { waitFor } from '../helpers/wait.ts'
import { shapeWith } from '../helpers/records.ts'

let server: TestServer
const clients: TestClient[] = []

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await server.close()
})

describe('connection health', () => {
  it('terminates a connection that stops answering pings', async () => {
    server = await startTestServer({ pingIntervalMs: 100 })
    const board = await createBoard(server.url)
    const silent = new WebSocket(`${server.wsUrl}/${board.id}?token=${board.tokens.participant}`, { autoPong: false })
    const answering = connectRaw(server.wsUrl, board.id, board.tokens.participant)
    const closed = new Promise<number>((resolve) => silent.on('close', (code) => resolve(code)))
    expect(await closed).toBe(1006)
    expect(answering.socket.readyState).toBe(WebSocket.OPEN)
    answering.socket.close()
  })

  it('disconnects a client that does not read instead of buffering without bound', async () => {
    // The writer sends as fast as it can until the stalled client is dropped: no rate limit here.
    server = await startTestServer({ maxBufferedBytes: 64 * 1024, maxUpdatesPerSecond: 100_000 })
    const board = await createBoard(server.url)
    const writer = await connectSynced(server.wsUrl, board.id, board.tokens.participant)
    const reader = await connectSynced(server.wsUrl, board.id, board.tokens.participant)
    clients.push(writer, reader)
    const stalled = connectRaw(server.wsUrl, board.id, board.tokens.viewer)
    await stalled.opened
    // Stop reading from the TCP socket: the server's send buffer for it fills up.
    ;(stalled.socket as unknown as { _socket: { pause(): void } })._socket.pause()
    const room = server.registry.loadedRoom(board.id)!
    expect(room.peerCount).toBe(3)
    const blob = 'x'.repeat(50_000)
    let i = 0
    await waitFor(() => {
      for (let n = 0; n < 20 && room.peerCount === 3; n++) {
        const key = `shape:${i++}`
        writer.records.set(key, shapeWith(key, { blob }))
      }
      return room.peerCount === 2
    }, 'the stalled client to be dropped', 20_000)
    // The two reading clients stay connected and keep receiving.
    expect(writer.provider.wsconnected && reader.provider.wsconnected).toBe(true)
    await waitFor(() => reader.records.get(`shape:${i - 1}`) !== undefined, 'reader to keep receiving')
    expect(i).toBeGreaterThan(1)
  })
})
