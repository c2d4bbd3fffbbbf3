/**
 * A client that closes right after editing (a tab closed, a script done): what it sent before
 * closing reaches the board, even what was still waiting for the connection's rate limit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectSynced, type TestClient } from '../helpers/clients.ts'
import { shapeWith } from '../helpers/records.ts'
import { createBoard, startTestServer, type TestServer } from '../helpers/server.ts'
import { waitFor } from '../helpers/wait.ts'

describe('closing right after editing', () => {
  let server: TestServer
  const clients: TestClient[] = []

  beforeAll(async () => {
    server = await startTestServer({ maxUpdatesPerSecond: 100 })
  })

  afterAll(async () => {
    for (const client of clients) client.destroy()
    await server.close()
  })

  it('keeps every update a stock client sent before it closed its socket', async () => {
    const board = await createBoard(server.url)
    const writer = await connectSynced(server.wsUrl, board.id, board.tokens.participant)
    // More updates than the rate limit lets through at once: most wait in the queue at the close.
    for (let i = 0; i < 400; i++) writer.records.set(`shape:${i}`, shapeWith(`shape:${i}`))
    writer.destroy()

    const reader = await connectSynced(server.wsUrl, board.id, board.tokens.viewer)
    clients.push(reader)
    await waitFor(() => reader.records.map.size >= 402, 'every update sent before the close', 30_000)
    expect([...reader.records.map.keys()].filter((key) => key.startsWith('shape:')).length).toBe(400)
  }, 60_000)
})
