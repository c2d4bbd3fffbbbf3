/**
 * Deleting a board (AVG) with the real server and stock clients: nothing of it is left in the
 * database file or DATA_DIR, everyone on any of its documents is disconnected with 4410, and the
 * id answers 404 everywhere afterwards. Then the same across two instances sharing PostgreSQL and
 * Redis, and the retention period.
 */
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { BOARD_DELETED_REASON, CLOSE_BOARD_DELETED } from '../../shared/close-codes.ts'
import { connectRaw, connectSynced, upgradeStatus, type TestClient } from '../helpers/clients.ts'
import { boardApi, issuePerson, NO_ROWS, sqliteRowsOf, BOARD_TABLES, type Person } from '../helpers/board-http.ts'
import { createBoard, startTestServer, tempDataDir, type BoardLinks, type TestServer } from '../helpers/server.ts'
import { createDatabase, servicesUnavailableReason, startPostgres, startRedis, type Service } from '../helpers/services.ts'
import { waitFor } from '../helpers/wait.ts'
import { roundTrip } from '../helpers/barrier.ts'
import { shapeWith } from '../helpers/records.ts'

const clients: TestClient[] = []
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy()
})

/** A stock client on one of the board's documents that records how its connections closed. */
async function joinRecordingCloses(wsUrl: string, room: string, token: string, who?: Person): Promise<{ client: TestClient; closes: { code: number; reason: string }[] }> {
  const client = await connectSynced(wsUrl, room, token, who ? { owner: who.secret } : {})
  clients.push(client)
  const closes: { code: number; reason: string }[] = []
  client.provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason })
  })
  return { client, closes }
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4])

async function uploadAsset(baseUrl: string, board: BoardLinks): Promise<string> {
  const response = await fetch(`${baseUrl}/api/boards/${board.id}/assets`, {
    method: 'POST',
    headers: { authorization: `Bearer ${board.tokens.participant}`, 'content-type': 'image/png' },
    body: PNG,
  })
  expect(response.status).toBe(201)
  return ((await response.json()) as { src: string }).src
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
}

describe('deleting a board (SQLite)', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server.close()
  })

  it('leaves no row in the database file and no file in DATA_DIR, and closes every document’s connections with 4410', async () => {
    const board = await createBoard(server.url, { title: 'Wijkavond Oosterhout' })
    const anna = await issuePerson(server.url, board.id, board.tokens.participant)
    // Unique text, so the raw database file can be searched for it afterwards.
    const secret = `Geheime notitie ë ij ${Date.now()}${Math.random()}`
    const main = await joinRecordingCloses(server.wsUrl, board.id, board.tokens.participant, anna)
    const structure = await joinRecordingCloses(server.wsUrl, `${board.id}/structure`, board.tokens.facilitator)
    const control = await joinRecordingCloses(server.wsUrl, `${board.id}/control`, board.tokens.viewer)
    const notes = await joinRecordingCloses(server.wsUrl, `${board.id}/private/${anna.key}`, board.tokens.participant, anna)
    const raw = connectRaw(server.wsUrl, board.id, board.tokens.viewer)
    await raw.opened
    main.client.records.set('shape:open', shapeWith('shape:open', { text: `${secret} (board)` }))
    structure.client.records.set('shape:locked', shapeWith('shape:locked', { text: `${secret} (locked)` }))
    notes.client.records.set('shape:mine', shapeWith('shape:mine', { text: `${secret} (private)` }))
    const asset = await uploadAsset(server.url, board)
    const fac = (method: string, route: string, body?: unknown, token = board.tokens.facilitator) => boardApi<{ error?: string }>(server.url, method, `/api/boards/${board.id}${route}`, token, body)
    await fac('POST', '/session/voting', { action: 'start', shapeIds: ['shape:open'], votesPerPerson: 1, maxPerShape: 1, minutes: null })
    expect((await boardApi(server.url, 'POST', `/api/boards/${board.id}/votes`, board.tokens.participant, { shapeId: 'shape:open' }, anna)).status).toBe(200)
    await waitFor(() => sqliteRowsOf(server.dataDir, board.id).board_updates >= 4, 'every document to be stored')
    expect(sqliteRowsOf(server.dataDir, board.id)).toMatchObject({ boards: 1, board_tokens: 3, board_votes: 1, board_assets: 1 })

    expect((await fac('DELETE', '', undefined, board.tokens.participant)).status).toBe(403)
    expect((await fac('DELETE', '', undefined, board.tokens.viewer)).status).toBe(403)
    expect(await fac('DELETE', '')).toMatchObject({ status: 200, body: { id: board.id, deleted: true } })

    const expected = { code: CLOSE_BOARD_DELETED, reason: BOARD_DELETED_REASON }
    expect(await raw.closed).toEqual(expected)
    for (const { closes } of [main, structure, control, notes]) {
      await waitFor(() => closes.length > 0, 'the connection to close')
      expect(closes[0]).toEqual(expected)
    }

    // Coming back with any of the links is refused, and brings nothing back.
    for (const token of Object.values(board.tokens)) {
      expect((await boardApi(server.url, 'GET', `/api/boards/${board.id}`, token)).status).toBe(404)
      expect(await upgradeStatus(`${server.wsUrl}/${board.id}?token=${token}`)).toBe(404)
    }
    expect(sqliteRowsOf(server.dataDir, board.id)).toEqual(NO_ROWS)
    expect(filesUnder(path.join(server.dataDir, 'assets', board.id))).toEqual([])
    expect(fs.existsSync(path.join(server.dataDir, 'assets', board.id))).toBe(false)
    // Not even in free pages or the WAL: deleted content is overwritten.
    for (const file of ['regiebord.sqlite', 'regiebord.sqlite-wal']) {
      const bytes = fs.existsSync(path.join(server.dataDir, file)) ? fs.readFileSync(path.join(server.dataDir, file)) : Buffer.alloc(0)
      expect(bytes.includes(Buffer.from('Geheime notitie')), file).toBe(false)
    }
    expect(server.registry.loadedRoomsOfBoard(board.id)).toEqual([])
    expect((await fetch(`${server.url}${asset}`)).status).toBe(404)
    expect((await fac('GET', '/export.json')).status).toBe(404)
    expect((await fac('DELETE', '')).status).toBe(404)
  })

  it('stays deleted while a client keeps writing through the deletion, and the server stays healthy', async () => {
    const board = await createBoard(server.url)
    const writer = await joinRecordingCloses(server.wsUrl, board.id, board.tokens.participant)
    let n = 0
    const writing = setInterval(() => writer.client.records.set(`shape:${n}`, shapeWith(`shape:${n++}`)), 2)
    try {
      // Edits are flowing: the server has taken some (the round trip), more are on their way.
      await waitFor(() => n >= 20, 'the writer to write')
      await roundTrip(writer.client)
      expect((await boardApi(server.url, 'DELETE', `/api/boards/${board.id}`, board.tokens.facilitator)).status).toBe(200)
      await waitFor(() => writer.closes.length > 0, 'the writer to be closed')
      // Its next attempt to come back is refused.
      expect(await upgradeStatus(`${server.wsUrl}/${board.id}?token=${board.tokens.participant}`)).toBe(404)
    } finally {
      clearInterval(writing)
    }
    expect(writer.closes[0]?.code).toBe(CLOSE_BOARD_DELETED)
    expect(sqliteRowsOf(server.dataDir, board.id)).toEqual(NO_ROWS)
    expect((await boardApi<{ status: string }>(server.url, 'GET', '/api/health', null)).body.status).toBe('ok')
    // Other boards are untouched and still work.
    const other = await createBoard(server.url)
    const client = await joinRecordingCloses(server.wsUrl, other.id, other.tokens.participant)
    client.client.records.set('shape:after', shapeWith('shape:after'))
    await waitFor(() => sqliteRowsOf(server.dataDir, other.id).board_updates >= 2, 'the other board to store an edit')
  })

  it('closes with 4410, quietly, a client whose write reaches a board deleted without the notice (another instance, Redis down)', async () => {
    const board = await createBoard(server.url)
    const writer = await joinRecordingCloses(server.wsUrl, board.id, board.tokens.participant)
    // Storage alone: as if another instance deleted it and its notice never arrived here.
    expect(await server.storage.deleteBoard(board.id)).toBe(true)
    writer.client.records.set('shape:late', shapeWith('shape:late'))
    await waitFor(() => writer.closes.length > 0, 'the writer to be closed')
    expect(writer.closes[0]).toEqual({ code: CLOSE_BOARD_DELETED, reason: BOARD_DELETED_REASON })
    expect(sqliteRowsOf(server.dataDir, board.id)).toEqual(NO_ROWS)
    expect(server.registry.loadedRoomsOfBoard(board.id)).toEqual([])
  })

  it('answers 404 for an unknown board and 401 without a token', async () => {
    expect((await boardApi(server.url, 'DELETE', '/api/boards/nosuchboard1234', 'x')).status).toBe(404)
    const board = await createBoard(server.url)
    expect((await boardApi(server.url, 'DELETE', `/api/boards/${board.id}`, null)).status).toBe(401)
    expect((await boardApi(server.url, 'DELETE', `/api/boards/${board.id}`, 'not-a-token')).status).toBe(403)
  })
})

describe('the retention period', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({ retentionDays: 30 })
  })
  afterAll(async () => {
    await server.close()
  })

  it('deletes only boards nobody opened for longer than RETENTION_DAYS; a board with connections counts as opened', async () => {
    const day = 24 * 60 * 60_000
    const now = Date.now()
    const [old, recent, inUse, fresh] = await Promise.all([1, 2, 3, 4].map(() => createBoard(server.url)))
    await uploadAsset(server.url, old!)
    await server.storage.touchBoard(old!.id, now - 31 * day)
    await server.storage.touchBoard(recent!.id, now - 29 * day)
    // Opened 40 days ago and never reconnected since, but someone is on it right now.
    const present = await joinRecordingCloses(server.wsUrl, inUse!.id, inUse!.tokens.participant)
    await server.storage.touchBoard(inUse!.id, now - 40 * day)

    const result = await server.retention.sweep()

    expect(result.deleted).toEqual([old!.id])
    expect(sqliteRowsOf(server.dataDir, old!.id)).toEqual(NO_ROWS)
    expect(fs.existsSync(path.join(server.dataDir, 'assets', old!.id))).toBe(false)
    for (const kept of [recent!, inUse!, fresh!]) {
      expect((await boardApi(server.url, 'GET', `/api/boards/${kept.id}`, kept.tokens.viewer)).status).toBe(200)
    }
    expect(present.closes).toEqual([])
  })

  it('removes files left behind by a board that no longer exists', async () => {
    const orphan = path.join(server.dataDir, 'assets', 'gonegonegone42')
    fs.mkdirSync(orphan, { recursive: true })
    fs.writeFileSync(path.join(orphan, 'a'.repeat(24) + '.png'), PNG)
    const result = await server.retention.sweep()
    expect(result.orphanedFiles).toEqual(['gonegonegone42'])
    expect(fs.existsSync(orphan)).toBe(false)
  })
})

const unavailable = servicesUnavailableReason()

describe.skipIf(unavailable !== null)('deleting a board with two instances (PostgreSQL and Redis)', () => {
  let postgres: Service
  let redis: Service
  let databaseUrl: string
  let a: TestServer
  let b: TestServer

  beforeAll(async () => {
    ;[postgres, redis] = await Promise.all([startPostgres(), startRedis()])
    databaseUrl = await createDatabase(postgres.url, 'deletion')
    a = await startTestServer({ databaseUrl, redisUrl: redis.url, dataDir: tempDataDir() })
    b = await startTestServer({ databaseUrl, redisUrl: redis.url, dataDir: tempDataDir() })
  })
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()])
    await Promise.all([redis?.stop(), postgres?.stop()])
  })

  async function postgresRowsOf(boardId: string): Promise<Record<string, number>> {
    const client = new pg.Client({ connectionString: databaseUrl })
    await client.connect()
    try {
      const counts: Record<string, number> = {}
      for (const table of BOARD_TABLES) {
        const column = table === 'boards' ? 'id' : 'board_id'
        const { rows } = await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${table} WHERE ${column} = $1`, [boardId])
        counts[table] = Number(rows[0]!.n)
      }
      return counts
    } finally {
      await client.end()
    }
  }

  it('a deletion on one instance closes the connections on the other and removes its files', async () => {
    const board = await createBoard(a.url)
    const onB = await joinRecordingCloses(b.wsUrl, board.id, board.tokens.participant)
    const controlOnB = await joinRecordingCloses(b.wsUrl, `${board.id}/control`, board.tokens.viewer)
    onB.client.records.set('shape:b', shapeWith('shape:b'))
    await uploadAsset(b.url, board)
    expect(fs.existsSync(path.join(b.dataDir, 'assets', board.id))).toBe(true)

    expect((await boardApi(a.url, 'DELETE', `/api/boards/${board.id}`, board.tokens.facilitator)).status).toBe(200)

    for (const { closes } of [onB, controlOnB]) {
      await waitFor(() => closes.length > 0, 'the connection on the other instance to close')
      expect(closes[0]).toEqual({ code: CLOSE_BOARD_DELETED, reason: BOARD_DELETED_REASON })
    }
    await waitFor(() => !fs.existsSync(path.join(b.dataDir, 'assets', board.id)), 'the other instance to remove its files')
    // Coming back on the other instance is refused, and brings nothing back.
    expect(await upgradeStatus(`${b.wsUrl}/${board.id}?token=${board.tokens.participant}`)).toBe(404)
    expect(await postgresRowsOf(board.id)).toEqual(NO_ROWS)
    expect(b.registry.loadedRoomsOfBoard(board.id)).toEqual([])
  })
})
