/**
 * Snapshots through the HTTP API, as a facilitator's browser and a curious participant would call
 * it: taken by hand and automatically (voting round, private notes revealed), read back, exported
 * as an importable board file, included in the board file on request, refused to anyone but the
 * facilitator, and gone with the board.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { SnapshotContent, SnapshotSummary } from '../../shared/session/snapshots.ts'
import { boardApi, issuePerson } from '../helpers/board-http.ts'
import { connectSynced, type TestClient } from '../helpers/clients.ts'
import { createBoard, startTestServer, type BoardLinks, type TestServer } from '../helpers/server.ts'
import { waitForAsync } from '../helpers/wait.ts'
import Database from 'better-sqlite3'
import path from 'node:path'
import { noteRecord } from '../helpers/records.ts'

let server: TestServer
const clients: TestClient[] = []

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  for (const client of clients) client.destroy()
  await server.close()
})

const api = <T>(board: BoardLinks, method: string, route: string, token: string | null = board.tokens.facilitator, body?: unknown) =>
  boardApi<T>(server.url, method, `/api/boards/${board.id}${route}`, token, body)

async function join(room: string, token: string, params: Record<string, string> = {}): Promise<TestClient> {
  const client = await connectSynced(server.wsUrl, room, token, params)
  clients.push(client)
  return client
}

async function storedShapeIds(boardId: string): Promise<string[]> {
  const doc = new Y.Doc()
  for (const update of (await server.storage.loadUpdates(boardId)).updates) Y.applyUpdate(doc, update)
  return doc
    .getArray<{ key: string }>('tl_records')
    .toArray()
    .map((entry) => entry.key)
    .filter((key) => key.startsWith('shape:'))
}

describe('snapshots', () => {
  it('keeps a named phase with its author, records and locked content, readable after the board changed', async () => {
    const board = await createBoard(server.url, { template: 'regio-noord-veluwe' })
    const facilitator = await join(board.id, board.tokens.facilitator)
    const structure = await join(`${board.id}/structure`, board.tokens.facilitator)
    const before = await storedShapeIds(board.id)
    expect(before.length).toBeGreaterThan(10)

    const taken = await api<SnapshotSummary>(board, 'POST', '/snapshots', undefined, { name: '  Na ronde 1 ', author: 'Fenna' })
    expect(taken.status).toBe(201)
    expect(taken.body).toMatchObject({ name: 'Na ronde 1', author: 'Fenna', kind: 'manual' })
    expect(taken.body.size).toBeGreaterThan(1000)

    // The board moves on: a card goes.
    const gone = before[0]!
    facilitator.records.delete(gone)
    await waitForAsync(async () => !(await storedShapeIds(board.id)).includes(gone), 'the deletion to be stored')

    const list = await api<{ snapshots: SnapshotSummary[] }>(board, 'GET', '/snapshots')
    expect(list.status).toBe(200)
    expect(list.body.snapshots).toEqual([taken.body])

    const content = await api<SnapshotContent>(board, 'GET', `/snapshots/${taken.body.id}`)
    expect(content.status).toBe(200)
    expect(content.body.records.map((record) => record.id)).toContain(gone)
    expect(content.body.records.filter((record) => record.id.startsWith('shape:')).map((record) => record.id).sort()).toEqual([...before].sort())
    expect(content.body.meta).toHaveProperty('title')
    expect(content.body.structure.length).toBe([...structure.records.map.keys()].length)
  })

  it('exports a snapshot as a board file that imports as a new board in that phase', async () => {
    const board = await createBoard(server.url, { template: 'bel-combinatie', title: 'BEL avond' })
    const taken = await api<SnapshotSummary>(board, 'POST', '/snapshots', undefined, { name: 'Begin', author: null })
    const exported = await api<{ format: string; records: { id: string }[]; snapshot: { name: string } }>(board, 'GET', `/snapshots/${taken.body.id}/export.json`)
    expect(exported.status).toBe(200)
    expect(exported.headers.get('content-disposition')).toMatch(/attachment; filename=".*snapshot.*\.json"/)
    expect(exported.body).toMatchObject({ format: 'regiebord-board', snapshot: { name: 'Begin' } })
    const imported = await boardApi<{ id: string }>(server.url, 'POST', '/api/boards/import', null, exported.body)
    expect(imported.status).toBe(201)
    expect((await storedShapeIds(imported.body.id)).sort()).toEqual(exported.body.records.map((r) => r.id).filter((id) => id.startsWith('shape:')).sort())
  })

  it('takes one by itself when a voting round is revealed and when private notes are revealed', async () => {
    const board = await createBoard(server.url, { template: 'bel-combinatie' })
    // An actor card: template question cards, frames and arrows are not votable.
    const doc = new Y.Doc()
    for (const update of (await server.storage.loadUpdates(board.id)).updates) Y.applyUpdate(doc, update)
    const shapeId = doc.getArray<{ key: string; val: { type?: string } }>('tl_records').toArray().find((entry) => entry.val.type === 'regie-actor')!.key
    const session = (route: string, body: unknown) => api(board, 'POST', `/session/${route}`, undefined, body)
    expect((await session('voting', { action: 'start', shapeIds: [shapeId], votesPerPerson: 3, maxPerShape: 3, minutes: null })).status).toBe(200)
    const voter = await issuePerson(server.url, board.id, board.tokens.participant, 'Voter')
    expect((await boardApi(server.url, 'POST', `/api/boards/${board.id}/votes`, board.tokens.participant, { shapeId }, voter)).status).toBe(200)
    expect((await session('voting', { action: 'reveal' })).status).toBe(200)
    // A second reveal of the same round is no new phase.
    expect((await session('voting', { action: 'reveal' })).status).toBe(200)

    expect((await session('private', { active: true })).status).toBe(200)
    const anna = await issuePerson(server.url, board.id, board.tokens.participant, 'Anna')
    const notes = await join(`${board.id}/private/${anna.key}`, board.tokens.participant, { owner: anna.secret })
    notes.records.set('shape:anna-idea', noteRecord('shape:anna-idea'))
    await waitForAsync(async () => (await server.storage.loadUpdates(`${board.id}/private/${anna.key}`)).updates.length > 0, 'the private note to be stored')
    expect((await session('private', { active: false })).status).toBe(200)

    const list = await api<{ snapshots: SnapshotSummary[] }>(board, 'GET', '/snapshots')
    expect(list.body.snapshots.map((s) => [s.kind, s.author, s.name])).toEqual([
      ['reveal', null, ''],
      ['voting', null, ''],
    ])
    const revealed = await api<SnapshotContent>(board, 'GET', `/snapshots/${list.body.snapshots[0]!.id}`)
    expect(revealed.body.records.map((r) => r.id)).toContain('shape:anna-idea')
  })

  it('is for the facilitator only, checks what it is sent, and answers 404 for what is not there', async () => {
    const board = await createBoard(server.url)
    const other = await createBoard(server.url)
    const taken = await api<SnapshotSummary>(board, 'POST', '/snapshots', undefined, { name: 'Na ronde 1', author: 'Fenna' })
    const routes: [string, string, unknown?][] = [
      ['GET', '/snapshots'],
      ['POST', '/snapshots', { name: 'Stiekem', author: 'Bram' }],
      ['GET', `/snapshots/${taken.body.id}`],
      ['GET', `/snapshots/${taken.body.id}/export.json`],
      ['DELETE', `/snapshots/${taken.body.id}`],
      ['GET', '/export.json?snapshots=1'],
    ]
    for (const [method, route, body] of routes) {
      for (const token of [board.tokens.participant, board.tokens.viewer]) {
        const answer = await api<{ error: string }>(board, method, route, token, body)
        expect([method, route, answer.status, answer.body.error]).toEqual([method, route, 403, 'not_facilitator'])
      }
      expect((await api(board, method, route, null, body)).status).toBe(401)
      expect((await api(board, method, route, other.tokens.facilitator, body)).status).toBe(403)
    }
    // Another board's facilitator does not reach this board's snapshot through their own board.
    expect((await api<{ error: string }>(other, 'GET', `/snapshots/${taken.body.id}`)).body.error).toBe('snapshot_not_found')
    expect((await api(board, 'GET', '/snapshots/not-a-uuid')).status).toBe(404)

    for (const body of [{ name: '', author: null }, { name: '   ', author: null }, { name: 'x'.repeat(121), author: null }, { name: 'ok', author: null, extra: 1 }, { name: 'ok' }]) {
      const answer = await api<{ error: string }>(board, 'POST', '/snapshots', undefined, body)
      expect(answer.status).toBe(400)
    }
    expect((await api<{ snapshots: SnapshotSummary[] }>(board, 'GET', '/snapshots')).body.snapshots).toHaveLength(1)

    expect((await api(board, 'DELETE', `/snapshots/${taken.body.id}`)).body).toEqual({ id: taken.body.id, deleted: true })
    expect((await api(board, 'DELETE', `/snapshots/${taken.body.id}`)).status).toBe(404)
  })

  it('keeps at most 100: refuses the facilitator’s 101st, while an automatic one replaces the oldest automatic one', async () => {
    const board = await createBoard(server.url)
    const [shapeId] = ['shape:x']
    const reveal = async () => {
      await api(board, 'POST', '/session/voting', undefined, { action: 'start', shapeIds: [shapeId], votesPerPerson: 1, maxPerShape: 1, minutes: null })
      expect((await api(board, 'POST', '/session/voting', undefined, { action: 'reveal' })).status).toBe(200)
    }
    await reveal()
    for (let n = 1; n <= 99; n++) expect((await api(board, 'POST', '/snapshots', undefined, { name: `Na ronde ${n}`, author: 'Fenna' })).status).toBe(201)
    const full = await api<{ snapshots: SnapshotSummary[] }>(board, 'GET', '/snapshots')
    expect(full.body.snapshots).toHaveLength(100)
    const firstAutomatic = full.body.snapshots.find((s) => s.kind === 'voting')!

    const refused = await api<{ error: string }>(board, 'POST', '/snapshots', undefined, { name: 'Eén te veel', author: 'Fenna' })
    expect([refused.status, refused.body.error]).toEqual([409, 'too_many_snapshots'])

    await reveal()
    const after = (await api<{ snapshots: SnapshotSummary[] }>(board, 'GET', '/snapshots')).body.snapshots
    expect(after).toHaveLength(100)
    expect(after.map((s) => s.id)).not.toContain(firstAutomatic.id)
    expect(after[0]!.kind).toBe('voting')
  }, 60_000)

  it('goes into the board file on request, and goes with the board', async () => {
    const board = await createBoard(server.url, { template: 'bel-combinatie' })
    await api(board, 'POST', '/snapshots', undefined, { name: 'Eerste', author: 'Fenna' })
    await api(board, 'POST', '/snapshots', undefined, { name: 'Tweede', author: 'Fenna' })
    const plain = await api<Record<string, unknown>>(board, 'GET', '/export.json')
    expect(plain.body).not.toHaveProperty('snapshots')
    const full = await api<{ snapshots: SnapshotContent[] }>(board, 'GET', '/export.json?snapshots=1')
    expect(full.status).toBe(200)
    expect(full.body.snapshots.map((s) => s.name)).toEqual(['Eerste', 'Tweede'])
    expect(full.body.snapshots[0]!.records.length).toBeGreaterThan(5)
    // The file still imports (its snapshots are not part of the new board).
    expect((await boardApi(server.url, 'POST', '/api/boards/import', null, full.body)).status).toBe(201)

    expect((await api(board, 'DELETE', '')).status).toBe(200)
    const db = new Database(path.join(server.dataDir, 'regiebord.sqlite'), { readonly: true })
    try {
      expect(db.prepare('SELECT COUNT(*) AS n FROM board_snapshots WHERE board_id = ?').get(board.id)).toEqual({ n: 0 })
    } finally {
      db.close()
    }
  })
})
