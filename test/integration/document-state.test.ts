/**
 * `GET /sync-state/<room>`: a board document's state over plain HTTP, for exactly those the sync
 * socket lets in, holding what the socket would send and nothing a crash could still lose.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { RECORDS_ARRAY } from '../../shared/doc-layout.ts'
import { connectSynced, upgradeRefusal, type TestClient } from '../helpers/clients.ts'
import { boardApi, issuePerson, madeUpPerson } from '../helpers/board-http.ts'
import { shapeWith } from '../helpers/records.ts'
import { createBoard, startTestServer, type TestServer } from '../helpers/server.ts'
import { waitFor, waitForAsync } from '../helpers/wait.ts'

async function stateOf(server: TestServer, room: string, query: Record<string, string>): Promise<{ status: number; bytes: Uint8Array; json: { error?: string } | null }> {
  const response = await fetch(`${server.url}/sync-state/${room}?${new URLSearchParams(query)}`)
  const bytes = new Uint8Array(await response.arrayBuffer())
  const json = response.headers.get('content-type')?.startsWith('application/json') ? (JSON.parse(new TextDecoder().decode(bytes)) as { error?: string }) : null
  return { status: response.status, bytes, json }
}

function recordsIn(update: Uint8Array): Map<string, unknown> {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  return new Map([...new YKeyValue<unknown>(doc.getArray(RECORDS_ARRAY)).map].map(([key, entry]) => [key, entry.val]))
}

describe('a board document over HTTP', () => {
  let server: TestServer
  const clients: TestClient[] = []

  beforeAll(async () => {
    // Few connections per address: the state requests below would use them all up if a kept-alive
    // request held its slot the way a socket does.
    server = await startTestServer({ maxConnectionsPerIp: 8 })
  })

  afterAll(async () => {
    for (const client of clients) client.destroy()
    await server.close()
  })

  it("holds what a synced client holds once the edits are relayed (relayed only once stored)", async () => {
    const board = await createBoard(server.url, { template: 'co-creatie-co-productie-uitbesteding' })
    const writer = await connectSynced(server.wsUrl, board.id, board.tokens.participant)
    clients.push(writer)
    const reader = await connectSynced(server.wsUrl, board.id, board.tokens.viewer)
    clients.push(reader)
    for (let i = 0; i < 50; i++) writer.records.set(`shape:state-${i}`, shapeWith(`shape:state-${i}`))
    await waitFor(() => [...reader.records.map.keys()].filter((key) => key.startsWith('shape:state-')).length === 50, 'the edits relayed')
    const answer = await stateOf(server, board.id, { token: board.tokens.viewer })
    expect(answer.status).toBe(200)
    const records = recordsIn(answer.bytes)
    expect([...records.keys()].filter((key) => key.startsWith('shape:state-'))).toHaveLength(50)
    expect(records).toEqual(new Map([...reader.records.map].map(([key, entry]) => [key, entry.val])))

    const structure = await connectSynced(server.wsUrl, `${board.id}/structure`, board.tokens.facilitator)
    clients.push(structure)
    structure.records.set('shape:lane', shapeWith('shape:lane'))
    await waitForAsync(async () => recordsIn((await stateOf(server, `${board.id}/structure`, { token: board.tokens.viewer })).bytes).has('shape:lane'), 'the lane in the structure')
    for (const client of clients.splice(0)) client.destroy()
  })

  it('gives its connection slot back with the answer (many requests on one address)', async () => {
    const board = await createBoard(server.url)
    for (let i = 0; i < 24; i++) expect((await stateOf(server, board.id, { token: board.tokens.viewer })).status).toBe(200)
  })

  it('gives one address a number of states a minute, then 429 with Retry-After', async () => {
    const limited = await startTestServer({ maxDocumentStatesPerMinutePerIp: 3 })
    try {
      const board = await createBoard(limited.url)
      for (let i = 0; i < 3; i++) expect((await stateOf(limited, board.id, { token: board.tokens.viewer })).status).toBe(200)
      const response = await fetch(`${limited.url}/sync-state/${board.id}?token=${board.tokens.viewer}`)
      expect(response.status).toBe(429)
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(await response.json()).toMatchObject({ error: 'rate_limited' })
      // The socket is not held to it: the board still syncs.
      const client = await connectSynced(limited.wsUrl, board.id, board.tokens.viewer)
      client.destroy()
    } finally {
      await limited.close()
    }
  })

  it('refuses whom the socket refuses, with the same errors and not a byte of the board', async () => {
    const board = await createBoard(server.url, { template: 'co-creatie-co-productie-uitbesteding' })
    expect(await stateOf(server, board.id, {})).toMatchObject({ status: 401, json: { error: 'token_missing' } })
    expect(await stateOf(server, board.id, { token: 'wrong' })).toMatchObject({ status: 403, json: { error: 'token_invalid' } })
    expect(await stateOf(server, 'nosuchboard1', { token: board.tokens.viewer })).toMatchObject({ status: 404, json: { error: 'board_not_found' } })
    expect(await stateOf(server, `${board.id}/nonsense`, { token: board.tokens.viewer })).toMatchObject({ status: 404, json: { error: 'unknown_document' } })

    // Somebody else's private notes.
    const anna = await issuePerson(server.url, board.id, board.tokens.participant, 'Anna')
    const bert = await issuePerson(server.url, board.id, board.tokens.participant, 'Bert')
    expect((await stateOf(server, `${board.id}/private/${anna.key}`, { token: board.tokens.participant, owner: anna.secret })).status).toBe(200)
    expect(await stateOf(server, `${board.id}/private/${anna.key}`, { token: board.tokens.participant, owner: bert.secret })).toMatchObject({ status: 403, json: { error: 'not_owner' } })

    // The waiting room: nobody waiting reads the board; a made-up identity is refused.
    expect((await boardApi(server.url, 'POST', `/api/boards/${board.id}/session/lobby`, board.tokens.facilitator, { active: true })).status).toBe(200)
    const waiting = await issuePerson(server.url, board.id, board.tokens.participant, 'Cas')
    expect(waiting.status).toBe('waiting')
    const refused = await stateOf(server, board.id, { token: board.tokens.participant, owner: waiting.secret })
    expect(refused).toMatchObject({ status: 403, json: { error: 'waiting_for_admission' } })
    // The socket says the same, in the same words.
    expect(await upgradeRefusal(`${server.wsUrl}/${board.id}?token=${board.tokens.participant}&owner=${waiting.secret}`)).toEqual({ status: 403, body: refused.json })
    expect(await stateOf(server, `${board.id}/structure`, { token: board.tokens.participant })).toMatchObject({ status: 401, json: { error: 'identity_required' } })
    expect(await stateOf(server, board.id, { token: board.tokens.participant, owner: madeUpPerson().secret })).toMatchObject({ status: 403, json: { error: 'identity_invalid' } })
    // Admitted, the same request reads the board.
    expect((await boardApi(server.url, 'POST', `/api/boards/${board.id}/session/admit`, board.tokens.facilitator, { participantId: waiting.key, admit: true })).status).toBe(200)
    expect((await stateOf(server, board.id, { token: board.tokens.participant, owner: waiting.secret })).status).toBe(200)
  })
})
