/**
 * Workshop facilitation as the server enforces it, tested the way a modified client would try to
 * get around it: stock y-websocket clients writing whatever they like, raw update frames, and
 * direct API calls. Nothing here goes through the UI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CONTROL_MAP, readControl, type ControlState } from '../../shared/session/control-doc.ts'
import { CLOSE_TOKEN_ROTATED } from '../../shared/close-codes.ts'
import type { VotesAnswer } from '../../shared/session/session-api.ts'
import { encodeUpdate } from '../../server/sync/protocol.ts'
import { connectClient, connectRaw, connectSynced, upgradeStatus, type TestClient } from '../helpers/clients.ts'
import { createBoard, startTestServer, type BoardLinks, type TestServer } from '../helpers/server.ts'
import { boardApi, issuePerson, type Person } from '../helpers/board-http.ts'
import { waitFor, waitForAsync } from '../helpers/wait.ts'
import { roundTrips } from '../helpers/barrier.ts'
import { shapeWith } from '../helpers/records.ts'

let server: TestServer
const clients: TestClient[] = []

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  for (const client of clients) client.destroy()
  await server.close()
})

/** An identity the board issued (POST /api/boards/:id/identities), as a browser gets one. */
function person(board: BoardLinks, token = board.tokens.participant): Promise<Person> {
  return issuePerson(server.url, board.id, token)
}

async function join(room: string, token: string, who?: Person): Promise<TestClient> {
  const client = await connectSynced(server.wsUrl, room, token, who ? { owner: who.secret } : {})
  clients.push(client)
  return client
}

function api<T>(board: BoardLinks, method: string, path: string, token: string, body?: unknown, who?: Person): Promise<{ status: number; body: T }> {
  return boardApi<T>(server.url, method, `/api/boards/${board.id}${path}`, token, body, who).then(({ status, body }) => ({ status, body }))
}

const session = (board: BoardLinks, path: string, body: unknown, token = board.tokens.facilitator) => api<ControlState>(board, 'POST', `/session/${path}`, token, body)

/** What the server has stored for a document, read back from storage. */
async function storedRecords(room: string): Promise<Record<string, unknown>> {
  const doc = new Y.Doc()
  for (const update of (await server.storage.loadUpdates(room)).updates) Y.applyUpdate(doc, update)
  return Object.fromEntries(doc.getArray<{ key: string; val: unknown }>('tl_records').toArray().map((entry) => [entry.key, entry.val]))
}

function controlOf(client: TestClient): ControlState {
  const map = client.doc.getMap<unknown>(CONTROL_MAP)
  return readControl((key) => map.get(key))
}


describe('locked content (the structure document)', () => {
  it('takes the facilitator’s changes and drops a participant’s, from a stock client and from raw frames', async () => {
    const board = await createBoard(server.url)
    const room = `${board.id}/structure`
    const facilitator = await join(room, board.tokens.facilitator)
    const participant = await join(room, board.tokens.participant)
    facilitator.records.set('shape:frame', shapeWith('shape:frame', { locked: true }))
    await waitFor(() => participant.records.has('shape:frame'), 'the locked frame to reach the participant')

    participant.records.set('shape:frame', shapeWith('shape:frame', { moved: true }))
    participant.records.delete('shape:frame')
    const raw = connectRaw(server.wsUrl, room, board.tokens.participant)
    await raw.opened
    const forged = new Y.Doc()
    forged.getArray('tl_records').push([{ key: 'shape:forged', val: { id: 'shape:forged' } }])
    raw.socket.send(encodeUpdate(Y.encodeStateAsUpdate(forged)))
    // The server has decided about the participant's and the raw frames; what it relayed has arrived.
    await roundTrips(participant, raw, facilitator)

    expect(await storedRecords(room)).toEqual({ 'shape:frame': shapeWith('shape:frame', { locked: true }) })
    expect(facilitator.records.get('shape:frame')).toEqual(shapeWith('shape:frame', { locked: true }))
    expect(facilitator.records.has('shape:forged')).toBe(false)
    raw.socket.close()
  })
})

describe('the control document', () => {
  it('is written by the server alone: neither a participant nor the facilitator can write it directly', async () => {
    const board = await createBoard(server.url)
    const room = `${board.id}/control`
    const facilitator = await join(room, board.tokens.facilitator)
    const participant = await join(room, board.tokens.participant)
    participant.doc.getMap(CONTROL_MAP).set('frozen', true)
    facilitator.doc.getMap(CONTROL_MAP).set('voting', { id: 'fake', shapeIds: ['shape:x'], votesPerPerson: 99, maxPerShape: 99, endsAt: null, status: 'open' })
    await roundTrips(participant, facilitator)
    const observer = await join(room, board.tokens.viewer)
    expect(controlOf(observer).frozen).toBe(false)
    expect(controlOf(observer).voting).toBeNull()

    const timer = await session(board, 'timer', { action: 'set', minutes: 2 })
    expect(timer.status).toBe(200)
    const started = await session(board, 'timer', { action: 'start' })
    expect(started.body.timer).toMatchObject({ status: 'running', durationMs: 120_000 })
    await waitFor(() => controlOf(observer).timer.status === 'running', 'the timer to reach everyone')
    const { now } = (await (await fetch(`${server.url}/api/time`)).json()) as { now: number }
    const timerState = controlOf(observer).timer
    expect(timerState.status === 'running' && timerState.endsAt - now).toBeGreaterThan(110_000)
  })

  it('refuses session calls from anyone but the facilitator, and bad bodies', async () => {
    const board = await createBoard(server.url)
    expect((await session(board, 'freeze', { frozen: true }, board.tokens.participant)).status).toBe(403)
    expect((await session(board, 'freeze', { frozen: true }, board.tokens.viewer)).status).toBe(403)
    expect((await session(board, 'freeze', { frozen: true }, 'wrong')).status).toBe(403)
    expect((await session(board, 'freeze', { frozen: 'yes' })).status).toBe(400)
    expect((await session(board, 'timer', { action: 'explode' })).status).toBe(400)
    expect((await api(board, 'POST', '/tokens/facilitator/rotate', board.tokens.facilitator)).status).toBe(400)
  })
})

describe('freeze and view-only', () => {
  it('drop a participant’s board updates while frozen, and the facilitator’s still count', async () => {
    const board = await createBoard(server.url)
    const anna = await person(board)
    const facilitator = await join(board.id, board.tokens.facilitator)
    const participant = await join(board.id, board.tokens.participant, anna)
    await session(board, 'freeze', { frozen: true })
    participant.records.set('shape:while-frozen', shapeWith('shape:while-frozen'))
    facilitator.records.set('shape:by-facilitator', shapeWith('shape:by-facilitator'))
    await waitFor(() => participant.records.has('shape:by-facilitator'), 'the facilitator’s edit')
    await roundTrips(participant, facilitator)
    expect(facilitator.records.has('shape:while-frozen')).toBe(false)
    expect(await storedRecords(board.id)).not.toHaveProperty('shape:while-frozen')

    // A client whose update was dropped is behind the server by that update, and later updates
    // build on it; the client resyncs when the board thaws (as the browser does), and from then
    // on its edits count again.
    await session(board, 'freeze', { frozen: false })
    participant.provider.disconnect()
    participant.provider.connect()
    participant.records.set('shape:after', shapeWith('shape:after'))
    await waitFor(() => facilitator.records.has('shape:after'), 'an edit after unfreezing')
  })

  it('drop only the updates of the participant set to view-only', async () => {
    const board = await createBoard(server.url)
    const anna = await person(board)
    const bram = await person(board)
    const facilitator = await join(board.id, board.tokens.facilitator)
    const annaClient = await join(board.id, board.tokens.participant, anna)
    const bramClient = await join(board.id, board.tokens.participant, bram)
    expect((await session(board, 'view-only', { ownerKey: anna.key, viewOnly: true })).status).toBe(200)
    annaClient.records.set('shape:anna', shapeWith('shape:anna'))
    bramClient.records.set('shape:bram', shapeWith('shape:bram'))
    await waitFor(() => facilitator.records.has('shape:bram'), 'Bram’s edit')
    await roundTrips(annaClient, facilitator)
    expect(facilitator.records.has('shape:anna')).toBe(false)
  })
})

describe('private notes', () => {
  it('open only with their owner secret, never for viewers, and reach the board only on reveal', async () => {
    const board = await createBoard(server.url)
    const anna = await person(board)
    const bram = await person(board)
    const annaRoom = `${board.id}/private/${anna.key}`
    expect(await upgradeStatus(`${server.wsUrl}/${annaRoom}?token=${board.tokens.participant}&owner=${bram.secret}`)).toBe(403)
    expect(await upgradeStatus(`${server.wsUrl}/${annaRoom}?token=${board.tokens.participant}`)).toBe(403)
    expect(await upgradeStatus(`${server.wsUrl}/${annaRoom}?token=${board.tokens.viewer}&owner=${anna.secret}`)).toBe(403)
    expect(await upgradeStatus(`${server.wsUrl}/${board.id}/private/short?token=${board.tokens.participant}`)).toBe(404)

    await session(board, 'private', { active: true })
    const notes = await join(annaRoom, board.tokens.participant, anna)
    const bramBoard = await join(board.id, board.tokens.participant, bram)
    notes.records.set('shape:idea', shapeWith('shape:idea', { text: 'stil geschreven' }))
    await waitForAsync(async () => 'shape:idea' in (await storedRecords(annaRoom)), 'the note to be stored privately')
    await roundTrips(notes, bramBoard)
    expect(bramBoard.records.has('shape:idea')).toBe(false)
    expect(await storedRecords(board.id)).not.toHaveProperty('shape:idea')

    // Survives a reload: a new connection with the same secret finds it.
    const again = await join(annaRoom, board.tokens.participant, anna)
    expect(again.records.get('shape:idea')).toEqual(shapeWith('shape:idea', { text: 'stil geschreven' }))

    const revealed = await session(board, 'private', { active: false })
    expect(revealed.body.privateMode.active).toBe(false)
    await waitFor(() => bramBoard.records.has('shape:idea'), 'the revealed note on the board')
    expect(await storedRecords(board.id)).toHaveProperty('shape:idea')
    await waitFor(() => !notes.records.has('shape:idea'), 'the private document to be emptied')
  })
})

describe('dot-voting', () => {
  it('enforces the budget on the server and keeps totals secret until the reveal', async () => {
    const board = await createBoard(server.url)
    const anna = await person(board)
    const bram = await person(board)
    const control = await join(`${board.id}/control`, board.tokens.participant, anna)
    const vote = (who: Person, shapeId: string, token = board.tokens.participant) => api<VotesAnswer & { error?: string }>(board, 'POST', '/votes', token, { shapeId }, who)

    expect((await vote(anna, 'shape:a')).body.error).toBe('no_round')
    expect((await session(board, 'voting', { action: 'start', shapeIds: ['shape:a', 'shape:b'], votesPerPerson: 2, maxPerShape: 1, minutes: null }, board.tokens.participant)).status).toBe(403)
    expect((await session(board, 'voting', { action: 'start', shapeIds: ['shape:a', 'shape:b'], votesPerPerson: 2, maxPerShape: 1, minutes: null })).status).toBe(200)

    expect((await vote(anna, 'shape:a')).status).toBe(200)
    const twice = await vote(anna, 'shape:a')
    expect([twice.status, twice.body.error]).toEqual([409, 'shape_full'])
    expect((await vote(anna, 'shape:elsewhere')).body.error).toBe('not_votable')
    expect((await vote(anna, 'shape:b')).body.remaining).toBe(0)
    const over = await vote(anna, 'shape:b')
    expect(over.status).toBe(409)
    // A burst of parallel votes from one person gets no further than the budget.
    const burst = await Promise.all(Array.from({ length: 10 }, () => vote(bram, 'shape:a')))
    expect(burst.filter((result) => result.status === 200)).toHaveLength(1)

    expect((await vote(anna, 'shape:a', board.tokens.viewer)).status).toBe(403)
    const missingOwner = await api<{ error: string }>(board, 'POST', '/votes', board.tokens.participant, { shapeId: 'shape:a' })
    expect(missingOwner.body.error).toBe('owner_missing')

    // Before the reveal nobody learns the totals: not through the API, not through the document.
    const mine = await api<VotesAnswer>(board, 'GET', '/votes', board.tokens.facilitator, undefined, await person(board, board.tokens.facilitator))
    expect(mine.body.totals).toBeNull()
    expect((await api<VotesAnswer>(board, 'GET', '/votes', board.tokens.participant, undefined, anna)).body).toMatchObject({ mine: { 'shape:a': 1, 'shape:b': 1 }, totals: null })
    expect(controlOf(control).voting?.totals).toBeUndefined()

    expect((await api(board, 'DELETE', '/votes/shape:b', board.tokens.participant, undefined, anna)).status).toBe(200)
    expect((await api<{ error: string }>(board, 'DELETE', '/votes/shape:b', board.tokens.participant, undefined, anna)).body.error).toBe('no_vote_to_remove')

    await session(board, 'voting', { action: 'close' })
    expect((await vote(anna, 'shape:b')).body.error).toBe('round_closed')
    const revealed = await session(board, 'voting', { action: 'reveal' })
    expect(revealed.body.voting).toMatchObject({ status: 'revealed', totals: { 'shape:a': 2 }, voters: 2 })
    await waitFor(() => controlOf(control).voting?.status === 'revealed', 'the totals to reach everyone')
    expect((await api<VotesAnswer>(board, 'GET', '/votes', board.tokens.participant, undefined, bram)).body.totals).toEqual({ 'shape:a': 2 })
  })
})

describe('rotating a link', () => {
  it('closes the connections holding the old token with a clear reason, and only the new one opens the board', async () => {
    const board = await createBoard(server.url)
    const old = connectClient(server.wsUrl, board.id, board.tokens.participant)
    clients.push(old)
    await waitFor(() => old.provider.synced, 'the participant to connect')
    const closed = new Promise<{ code: number; reason: string }>((resolve) => old.provider.on('connection-close', (event) => event && resolve({ code: event.code, reason: event.reason })))
    const facilitator = await join(board.id, board.tokens.facilitator)

    const rotated = await api<{ role: string; token: string }>(board, 'POST', '/tokens/participant/rotate', board.tokens.facilitator)
    expect(rotated.status).toBe(200)
    expect(await closed).toEqual({ code: CLOSE_TOKEN_ROTATED, reason: 'token rotated: ask the facilitator for the new link' })
    old.provider.disconnect()
    expect(await upgradeStatus(`${server.wsUrl}/${board.id}?token=${board.tokens.participant}`)).toBe(403)
    expect((await api(board, 'GET', '', board.tokens.participant)).status).toBe(403)
    const fresh = await join(board.id, rotated.body.token)
    fresh.records.set('shape:new-link', shapeWith('shape:new-link'))
    await waitFor(() => facilitator.records.has('shape:new-link'), 'an edit over the new link')
  })
})
