/**
 * The server side of the facilitator's evening (issue 15 part 1), with stock y-websocket clients
 * and direct API calls: links shown again and replaced, voting rounds kept with their question,
 * template cards refused, the live voting count, the count of hidden notes, and who was present.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ATTENDANCE_MAP, CONTROL_MAP, readAttendance, readControl, type ControlState } from '../../shared/session/control-doc.ts'
import type { HiddenNotes, LinksAnswer, VotingProgress } from '../../shared/session/session-api.ts'
import { boardApi, issuePerson } from '../helpers/board-http.ts'
import { noteRecord } from '../helpers/records.ts'
import { connectSynced, type TestClient } from '../helpers/clients.ts'
import { createBoard, startTestServer, type BoardLinks, type TestServer } from '../helpers/server.ts'
import { waitFor, waitForAsync } from '../helpers/wait.ts'

let server: TestServer
const clients: TestClient[] = []

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  for (const client of clients) client.destroy()
  await server.close()
})

interface Person {
  secret: string
  key: string
}

/** An identity the board issues through `token`, as a browser gets one when it joins. */
async function person(board: BoardLinks, token: string): Promise<Person> {
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

const voting = (board: BoardLinks, body: unknown) => api<ControlState & { error?: string }>(board, 'POST', '/session/voting', board.tokens.facilitator, body)

function note(id: string, text: string, parentId = 'page:page') {
  return noteRecord(id, { text, parentId, meta: { createdBy: 'user:anna', createdByName: 'Anna' } })
}

describe('links shown again inside the board', () => {
  it('gives the facilitator the participant and viewer links, and nobody else', async () => {
    const board = await createBoard(server.url, { title: 'Wijkavond' })
    const links = await api<LinksAnswer>(board, 'GET', '/links', board.tokens.facilitator)
    expect(links).toEqual({ status: 200, body: { participant: board.tokens.participant, viewer: board.tokens.viewer } })
    expect((await api(board, 'GET', '/links', board.tokens.participant)).status).toBe(403)
    expect((await api(board, 'GET', '/links', board.tokens.viewer)).status).toBe(403)
    expect((await api(board, 'GET', '/links', 'not-a-token')).status).toBe(403)
  })

  it('shows the new link after a rotation; the old one no longer opens the board, the new one does', async () => {
    const board = await createBoard(server.url, { title: 'Wijkavond' })
    const rotated = await api<{ token: string }>(board, 'POST', '/tokens/participant/rotate', board.tokens.facilitator)
    expect(rotated.status).toBe(200)
    expect(rotated.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(rotated.body.token).not.toBe(board.tokens.participant)
    const links = await api<LinksAnswer>(board, 'GET', '/links', board.tokens.facilitator)
    expect(links.body).toEqual({ participant: rotated.body.token, viewer: board.tokens.viewer })
    expect((await api(board, 'GET', '', board.tokens.participant)).status).toBe(403)
    expect((await api<{ role: string }>(board, 'GET', '', rotated.body.token)).body.role).toBe('participant')
    // A second rotation gives yet another link.
    const again = await api<{ token: string }>(board, 'POST', '/tokens/participant/rotate', board.tokens.facilitator)
    expect(again.body.token).not.toBe(rotated.body.token)
    expect((await api<LinksAnswer>(board, 'GET', '/links', board.tokens.facilitator)).body.participant).toBe(again.body.token)
  })
})

describe('voting rounds people can follow', () => {
  let board: BoardLinks
  let anna: Person
  let bram: Person

  beforeAll(async () => {
    board = await createBoard(server.url, { title: 'Stemmen', template: 'co-creatie-co-productie-uitbesteding' })
    anna = await person(board, board.tokens.participant)
    bram = await person(board, board.tokens.participant)
    const writer = await join(board.id, board.tokens.participant, anna)
    writer.doc.transact(() => {
      for (const [id, text] of [['shape:a', 'Speeltuin'], ['shape:b', 'Bankjes'], ['shape:c', 'Buurtfeest']] as const) writer.records.set(id, note(id, text))
    })
    await waitForAsync(async () => (await voting(board, { action: 'start', shapeIds: ['shape:a'], votesPerPerson: 1, maxPerShape: 1, minutes: null })).status === 200, 'the notes to be stored')
    await voting(board, { action: 'clear' })
  })

  it('refuses a template card, a frame or an arrow as something to vote on', async () => {
    const reader = await join(board.id, board.tokens.viewer)
    const records = [...reader.records.map.values()].map((entry) => entry.val as { id: string; type?: string })
    const card = records.find((record) => record.type === 'regie-item')!
    const frame = records.find((record) => record.type === 'frame')!
    for (const refused of [card.id, frame.id]) {
      const answer = await voting(board, { action: 'start', shapeIds: ['shape:a', refused], votesPerPerson: 2, maxPerShape: 1, minutes: null })
      expect(answer.status).toBe(400)
      expect(answer.body.error).toBe('not_votable')
    }
  })

  it('counts who has voted for the facilitator only, and keeps every revealed round with its question', async () => {
    const started = await voting(board, { action: 'start', shapeIds: ['shape:a', 'shape:b', 'shape:c'], votesPerPerson: 2, maxPerShape: 1, minutes: null, question: 'Waar beginnen we mee?' })
    expect(started.status).toBe(200)
    expect(started.body.voting).toMatchObject({ question: 'Waar beginnen we mee?', status: 'open' })
    const progress = () => api<VotingProgress>(board, 'GET', '/session/voting/progress', board.tokens.facilitator)
    expect((await progress()).body.voters).toEqual([])
    expect((await api(board, 'GET', '/session/voting/progress', board.tokens.participant)).status).toBe(403)

    expect((await api(board, 'POST', '/votes', board.tokens.participant, { shapeId: 'shape:a' }, anna)).status).toBe(200)
    expect((await progress()).body.voters).toEqual([anna.key])
    expect((await api(board, 'POST', '/votes', board.tokens.participant, { shapeId: 'shape:a' }, bram)).status).toBe(200)
    expect((await api(board, 'POST', '/votes', board.tokens.participant, { shapeId: 'shape:b' }, bram)).status).toBe(200)
    expect([...(await progress()).body.voters].sort()).toEqual([anna.key, bram.key].sort())

    const revealed = await voting(board, { action: 'reveal' })
    expect(revealed.body.rounds).toHaveLength(1)
    expect(revealed.body.rounds[0]).toMatchObject({ question: 'Waar beginnen we mee?', totals: { 'shape:a': 2, 'shape:b': 1 }, voters: 2, labels: { 'shape:a': 'Speeltuin', 'shape:b': 'Bankjes', 'shape:c': 'Buurtfeest' } })
    expect(revealed.body.rounds[0]!.revealedAt).toEqual(expect.any(Number))

    // Clearing and a second round keep the first.
    await voting(board, { action: 'clear' })
    await voting(board, { action: 'start', shapeIds: ['shape:c'], votesPerPerson: 1, maxPerShape: 1, minutes: null, question: 'En daarna?' })
    await api(board, 'POST', '/votes', board.tokens.participant, { shapeId: 'shape:c' }, anna)
    const second = await voting(board, { action: 'reveal' })
    expect(second.body.rounds.map((round) => round.question)).toEqual(['Waar beginnen we mee?', 'En daarna?'])
    // Revealing twice does not add the round twice.
    expect((await voting(board, { action: 'reveal' })).body.rounds).toHaveLength(2)

    const csv = await (await fetch(`${server.url}/api/boards/${board.id}/export.csv`, { headers: { authorization: `Bearer ${board.tokens.viewer}` } })).text()
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('Soort;Tekst;Kader / baan;Auteur;Stemmen ronde 1: Waar beginnen we mee?;Stemmen ronde 2: En daarna?;Aanname')
    expect(csv).toContain('Notitie;Speeltuin;;Anna;2;;\r\n')
    expect(csv).toContain('Notitie;Buurtfeest;;Anna;0;1;\r\n')
    const report = await (await fetch(`${server.url}/api/boards/${board.id}/report.html`, { headers: { authorization: `Bearer ${board.tokens.viewer}` } })).text()
    expect(report).toContain('Ronde 1: Waar beginnen we mee?')
    expect(report).toContain('Ronde 2: En daarna?')
  })
})

describe('"stil schrijven" and presence, as the facilitator sees them', () => {
  it('counts hidden notes without showing them', async () => {
    const board = await createBoard(server.url, { title: 'Stil' })
    const anna = await person(board, board.tokens.participant)
    await api(board, 'POST', '/session/private', board.tokens.facilitator, { active: true })
    const secret = await join(`${board.id}/private/${anna.key}`, board.tokens.participant, anna)
    secret.doc.transact(() => {
      secret.records.set('shape:s1', note('shape:s1', 'geheim 1'))
      secret.records.set('shape:s2', note('shape:s2', 'geheim 2'))
    })
    await waitForAsync(async () => (await api<HiddenNotes>(board, 'GET', '/session/private/count', board.tokens.facilitator)).body.notes === 2, 'the hidden notes to be counted')
    expect((await api<HiddenNotes>(board, 'GET', '/session/private/count', board.tokens.facilitator)).body).toEqual({ notes: 2, writers: 1 })
    expect((await api(board, 'GET', '/session/private/count', board.tokens.participant)).status).toBe(403)
  })

  it('records who was present, with the role of their link and the name they showed, for the report', async () => {
    const board = await createBoard(server.url, { title: 'Aanwezig' })
    const fenna = await person(board, board.tokens.facilitator)
    const anna = await person(board, board.tokens.participant)
    const facilitator = await join(board.id, board.tokens.facilitator, fenna)
    facilitator.provider.awareness.setLocalState({ user: { id: 'user:f', name: 'Fenna', color: '#f00' }, session: { role: 'facilitator', ownerKey: fenna.key } })
    const participant = await join(board.id, board.tokens.participant, anna)
    // Claiming to be the facilitator in presence does not make the participant one.
    participant.provider.awareness.setLocalState({ user: { id: 'user:a', name: 'Anna', color: '#0f0' }, session: { role: 'facilitator', ownerKey: anna.key } })
    const control = await join(`${board.id}/control`, board.tokens.viewer)
    await waitFor(() => control.doc.getMap(ATTENDANCE_MAP).size === 2, 'both people to be recorded')
    expect(readAttendance(control.doc.getMap<unknown>(ATTENDANCE_MAP).entries()).map(({ name, role }) => ({ name, role }))).toEqual([
      { name: 'Fenna', role: 'facilitator' },
      { name: 'Anna', role: 'participant' },
    ])
    // Cursor moves do not write; a rename does.
    const before = Y.encodeStateVector(control.doc)
    participant.provider.awareness.setLocalStateField('presence', { cursor: { x: 1, y: 2 } })
    participant.provider.awareness.setLocalStateField('user', { id: 'user:a', name: 'Anna B.', color: '#0f0' })
    await waitFor(() => (control.doc.getMap(ATTENDANCE_MAP).get(anna.key) as { name?: string } | undefined)?.name === 'Anna B.', 'the rename')
    expect(Buffer.from(Y.encodeStateVector(control.doc)).equals(Buffer.from(before))).toBe(false)
    expect(readControl((key) => control.doc.getMap(CONTROL_MAP).get(key)).deleted).toBeNull()

    const report = await (await fetch(`${server.url}/api/boards/${board.id}/report.html`, { headers: { authorization: `Bearer ${board.tokens.viewer}` } })).text()
    expect(report).toContain('<dd>1 <span class="basis">(aanwezig op het bord)</span></dd>')
    expect(report).toContain('Fenna <span class="basis">(begeleider)</span>, Anna B.')
  })
})
