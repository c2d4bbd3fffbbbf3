/**
 * A busy board with stock y-websocket clients. A newcomer's provider sends back, in one message,
 * the presence states of everyone already there; the per-connection cap on awareness client ids
 * must not mistake that echo for one client speaking for many (it closed the sixth person with a
 * final 44xx code, so their board never synced again).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectSynced, type TestClient } from '../helpers/clients.ts'
import { noteRecord } from '../helpers/records.ts'
import { createBoard, startTestServer, type TestServer } from '../helpers/server.ts'
import { waitFor } from '../helpers/wait.ts'

describe('a board with more people than the awareness cap per connection', () => {
  let server: TestServer
  const clients: TestClient[] = []

  beforeAll(async () => {
    server = await startTestServer()
  })

  afterAll(async () => {
    for (const client of clients) client.destroy()
    await server.close()
  })

  it('keeps the eighth person connected and syncing', async () => {
    const board = await createBoard(server.url)
    const closes: number[] = []
    for (let i = 0; i < 8; i++) {
      const client = await connectSynced(server.wsUrl, board.id, board.tokens.participant)
      client.provider.on('connection-close', (event: CloseEvent | null) => {
        if (event) closes.push(event.code)
      })
      client.provider.awareness.setLocalState({ user: { id: `user:${i}`, name: `Persoon ${i}`, color: '#1971c2' } })
      clients.push(client)
    }
    const last = clients.at(-1)!
    await waitFor(() => last.provider.awareness.getStates().size === 8, 'everyone to see everyone')
    last.records.set('shape:laatste', noteRecord('shape:laatste', { text: 'Ook ik doe mee' }))
    await waitFor(() => clients[0]!.records.has('shape:laatste'), "the last person's note to reach the first")
    expect(closes).toEqual([])
  })
})
