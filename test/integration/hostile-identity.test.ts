/**
 * Issue 12, the identity and quota rows, done as a hostile participant would: stock y-websocket
 * clients, raw frames and the HTTP API against the real server. Each attack is refused, nothing of
 * it is stored, and the refusal is counted in /metrics. (The sync-path rows live in
 * hostile-participant.test.ts.)
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as encoding from 'lib0/encoding'
import { CLOSE_NOT_ADMITTED } from '../../shared/close-codes.ts'
import type { VotesAnswer } from '../../shared/session/session-api.ts'
import { IDENTITIES_MAP, type ControlState } from '../../shared/session/control-doc.ts'
import { encodeUpdate } from '../../server/sync/protocol.ts'
import { boardApi, countSqliteBoards, issuePerson, madeUpPerson, type Person } from '../helpers/board-http.ts'
import { connectRaw, connectSynced, upgradeStatus, type TestClient } from '../helpers/clients.ts'
import { createBoard, startTestServer, tempDataDir, type BoardLinks, type TestServer } from '../helpers/server.ts'
import { startChildServer } from '../helpers/child-server.ts'
import { sleep, waitFor, waitForAsync } from '../helpers/wait.ts'
import { roundTrips } from '../helpers/barrier.ts'
import { shapeWith } from '../helpers/records.ts'

/** Limits low enough to reach in a test; the defaults (README) are what a public server needs. */
const TIGHT = {
  maxBoardsPerHourPerIp: 20,
  maxImportsPerHourPerIp: 3,
  maxUploadsPerHourPerIp: 6,
  maxIdentitiesPerHourPerIp: 8,
  maxIdentitiesPerMinutePerLink: 5,
  maxBoardAssets: 3,
  maxBoardAssetBytes: 100_000,
  maxAssetBytes: 64 * 1024,
}

let server: TestServer
let tight: TestServer
/** Boards on `tight`, made before its board allowance is spent: for identities, uploads, and a second board for uploads. */
let tightBoards: BoardLinks[]
const clients: TestClient[] = []

beforeAll(async () => {
  ;[server, tight] = await Promise.all([startTestServer(), startTestServer(TIGHT)])
  tightBoards = await Promise.all([1, 2, 3].map(() => createBoard(tight.url)))
})
afterAll(async () => {
  for (const client of clients) client.destroy()
  await Promise.all([server.close(), tight.close()])
})

async function join(room: string, token: string, who?: Person): Promise<TestClient> {
  const client = await connectSynced(server.wsUrl, room, token, who ? { owner: who.secret } : {})
  clients.push(client)
  return client
}

const api = <T>(on: TestServer, board: BoardLinks, method: string, route: string, token: string | null, body?: unknown, who?: Person) =>
  boardApi<T & { error?: string }>(on.url, method, `/api/boards/${board.id}${route}`, token, body, who)
const session = (board: BoardLinks, route: string, body: unknown) => api<ControlState>(server, board, 'POST', `/session/${route}`, board.tokens.facilitator, body)

async function rejections(on: TestServer, reason: string): Promise<number> {
  const text = await (await fetch(`${on.url}/metrics`)).text()
  const line = text.split('\n').find((l) => l.startsWith(`regiebord_rejections_total{reason="${reason}"}`))
  return line ? Number(line.split(' ').pop()) : 0
}

async function storedRecords(on: TestServer, room: string): Promise<Record<string, unknown>> {
  const doc = new Y.Doc()
  for (const update of (await on.storage.loadUpdates(room)).updates) Y.applyUpdate(doc, update)
  return Object.fromEntries(doc.getArray<{ key: string; val: unknown }>('tl_records').toArray().map((entry) => [entry.key, entry.val]))
}

/** A note as a raw update frame, the way a script would write one. */
function noteFrame(id: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getArray('tl_records').push([{ key: id, val: { id, typeName: 'shape' } }])
  return encodeUpdate(Y.encodeStateAsUpdate(doc))
}

const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
function png(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size)
  bytes.set(PNG_HEAD)
  return bytes
}

describe('votes hang on identities the server issued', () => {
  it('ten self-made secrets cast no dot at all; one issued identity stays within its budget', async () => {
    const board = await createBoard(server.url)
    await session(board, 'voting', { action: 'start', shapeIds: ['shape:a', 'shape:b'], votesPerPerson: 3, maxPerShape: 2, minutes: null })
    const before = await rejections(server, 'identity_invalid')
    const forged = Array.from({ length: 10 }, () => madeUpPerson())
    const answers = await Promise.all(forged.flatMap((who) => [1, 2].map(() => api(server, board, 'POST', '/votes', board.tokens.participant, { shapeId: 'shape:a' }, who))))
    expect(answers.map((answer) => [answer.status, answer.body.error])).toEqual(Array.from({ length: 20 }, () => [403, 'identity_invalid']))
    expect(await rejections(server, 'identity_invalid')).toBe(before + 20)

    const anna = await issuePerson(server.url, board.id, board.tokens.participant, 'Anna')
    const mine = await Promise.all(Array.from({ length: 5 }, () => api<VotesAnswer>(server, board, 'POST', '/votes', board.tokens.participant, { shapeId: 'shape:a' }, anna)))
    expect(mine.filter((answer) => answer.status === 200)).toHaveLength(2)
    await session(board, 'voting', { action: 'close' })
    const revealed = await session(board, 'voting', { action: 'reveal' })
    expect(revealed.body.voting).toMatchObject({ totals: { 'shape:a': 2 }, voters: 1 })
  })

  it('an identity of one link does not vote through another, and a rotation ends it', async () => {
    const board = await createBoard(server.url)
    await session(board, 'voting', { action: 'start', shapeIds: ['shape:a'], votesPerPerson: 3, maxPerShape: 3, minutes: null })
    const viewerIdentity = await issuePerson(server.url, board.id, board.tokens.viewer)
    expect((await api(server, board, 'POST', '/votes', board.tokens.facilitator, { shapeId: 'shape:a' }, viewerIdentity)).body.error).toBe('identity_invalid')

    const anna = await issuePerson(server.url, board.id, board.tokens.participant)
    expect((await api(server, board, 'POST', '/votes', board.tokens.participant, { shapeId: 'shape:a' }, anna)).status).toBe(200)
    const rotated = await api<{ token: string }>(server, board, 'POST', '/tokens/participant/rotate', board.tokens.facilitator)
    const vote = await api(server, board, 'POST', '/votes', rotated.body.token, { shapeId: 'shape:a' }, anna)
    expect([vote.status, vote.body.error]).toEqual([403, 'identity_invalid'])
    expect(await upgradeStatus(`${server.wsUrl}/${board.id}?token=${rotated.body.token}&owner=${anna.secret}`)).toBe(403)
    // The identities of the old link are gone from the roster.
    const control = await session(board, 'freeze', { frozen: false })
    expect(Object.keys(control.body.identities)).not.toContain(anna.key)
  })
})

describe('view-only cannot be escaped by reconnecting', () => {
  it('without owner=, or with a new self-made secret, the participant set to view-only writes nothing', async () => {
    const board = await createBoard(server.url)
    const anna = await issuePerson(server.url, board.id, board.tokens.participant, 'Anna')
    const facilitator = await join(board.id, board.tokens.facilitator)
    const annaClient = await join(board.id, board.tokens.participant, anna)
    expect((await session(board, 'view-only', { ownerKey: anna.key, viewOnly: true })).status).toBe(200)
    annaClient.records.set('shape:as-anna', shapeWith('shape:as-anna'))

    // Reconnects without an identity: a stock client and raw frames.
    const anonymous = await join(board.id, board.tokens.participant)
    anonymous.records.set('shape:anonymous', shapeWith('shape:anonymous'))
    const raw = connectRaw(server.wsUrl, board.id, board.tokens.participant)
    await raw.opened
    raw.socket.send(noteFrame('shape:raw'))

    // Reconnects with a secret it made up: refused before any Yjs traffic, and counted.
    const before = await rejections(server, 'identity_invalid')
    expect(await upgradeStatus(`${server.wsUrl}/${board.id}?token=${board.tokens.participant}&owner=${madeUpPerson().secret}`)).toBe(403)
    expect(await upgradeStatus(`${server.wsUrl}/${board.id}?token=${board.tokens.participant}&owner=not-even-the-format`)).toBe(403)
    expect(await rejections(server, 'identity_invalid')).toBe(before + 2)

    // Someone else still writes, so we know when the board has had time to relay.
    const bram = await issuePerson(server.url, board.id, board.tokens.participant, 'Bram')
    const bramClient = await join(board.id, board.tokens.participant, bram)
    bramClient.records.set('shape:bram', shapeWith('shape:bram'))
    await waitFor(() => facilitator.records.has('shape:bram'), 'Bram’s edit')
    // The server has decided about every refused write, and whatever it relayed has arrived.
    await roundTrips(annaClient, anonymous, raw, facilitator)
    const stored = await storedRecords(server, board.id)
    for (const id of ['shape:as-anna', 'shape:anonymous', 'shape:raw']) {
      expect(facilitator.records.has(id)).toBe(false)
      expect(stored).not.toHaveProperty(id)
    }
    expect(stored).toHaveProperty('shape:bram')
    raw.socket.close()
  })

  it('private notes open only with the identity they belong to', async () => {
    const board = await createBoard(server.url)
    const anna = await issuePerson(server.url, board.id, board.tokens.participant)
    const forger = madeUpPerson()
    expect(await upgradeStatus(`${server.wsUrl}/${board.id}/private/${forger.key}?token=${board.tokens.participant}&owner=${forger.secret}`)).toBe(403)
    expect(await upgradeStatus(`${server.wsUrl}/${board.id}/private/${anna.key}?token=${board.tokens.participant}`)).toBe(403)
    expect(await upgradeStatus(`${server.wsUrl}/${board.id}/private/${anna.key}?token=${board.tokens.participant}&owner=${anna.secret}`)).toBe(101)
    expect(await server.storage.listDocs(board.id, 'private/')).toEqual([])
  })
})

describe('awareness says who a connection really is', () => {
  it('a viewer that calls itself the facilitator is relayed as a viewer, by a stock client and by raw frames', async () => {
    const board = await createBoard(server.url)
    const facilitatorIdentity = await issuePerson(server.url, board.id, board.tokens.facilitator, 'Fatima')
    const observer = await join(board.id, board.tokens.participant)
    const impostor = await join(board.id, board.tokens.viewer)
    impostor.provider.awareness.setLocalState({
      user: { id: 'x', name: 'Fatima', color: '#e03131' },
      session: { role: 'facilitator', ownerKey: facilitatorIdentity.key },
    })
    const seen = () => observer.provider.awareness.getStates().get(impostor.doc.clientID) as { session?: { role: string; ownerKey: string | null }; user?: { name: string } } | undefined
    await waitFor(() => seen()?.user?.name === 'Fatima', 'the impostor’s awareness')
    expect(seen()?.session).toEqual({ role: 'viewer', ownerKey: null })

    // Raw frames: an awareness message whose state claims the facilitator role.
    const fake = new Awareness(new Y.Doc())
    fake.setLocalState({ user: { id: 'y', name: 'Procesbegeleider' }, session: { role: 'facilitator', ownerKey: facilitatorIdentity.key } })
    const raw = connectRaw(server.wsUrl, board.id, board.tokens.viewer)
    await raw.opened
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(fake, [fake.clientID]))
    raw.socket.send(encoding.toUint8Array(encoder))
    const rawSeen = () => observer.provider.awareness.getStates().get(fake.clientID) as { session?: { role: string } } | undefined
    await waitFor(() => rawSeen() !== undefined, 'the raw awareness')
    expect(rawSeen()?.session?.role).toBe('viewer')

    // A real participant is relayed with its own participant id.
    const anna = await issuePerson(server.url, board.id, board.tokens.participant, 'Anna')
    const annaClient = await join(board.id, board.tokens.participant, anna)
    annaClient.provider.awareness.setLocalState({ user: { id: 'a', name: 'Anna', color: '#2f9e44' }, session: { role: 'facilitator', ownerKey: 'someone-else' } })
    await waitFor(() => (observer.provider.awareness.getStates().get(annaClient.doc.clientID) as { user?: unknown } | undefined)?.user !== undefined, 'Anna’s awareness')
    expect((observer.provider.awareness.getStates().get(annaClient.doc.clientID) as { session: unknown }).session).toEqual({ role: 'participant', ownerKey: anna.key })
    raw.socket.close()
    fake.destroy()
  })
})

describe('the waiting room', () => {
  it('keeps new identities out of every document until let in, and closes whoever is turned away', async () => {
    const board = await createBoard(server.url)
    const facilitator = await join(board.id, board.tokens.facilitator)
    const early = await issuePerson(server.url, board.id, board.tokens.participant, 'Eerder')
    expect((await session(board, 'lobby', { active: true })).body.lobby).toBe(true)

    const lobbyBefore = await rejections(server, 'lobby')
    // Without an identity: no document opens, not even read-only ones.
    for (const room of [board.id, `${board.id}/structure`, `${board.id}/control`]) {
      expect(await upgradeStatus(`${server.wsUrl}/${room}?token=${board.tokens.participant}`)).toBe(401)
      expect(await upgradeStatus(`${server.wsUrl}/${room}?token=${board.tokens.viewer}`)).toBe(401)
    }
    const carla = await issuePerson(server.url, board.id, board.tokens.participant, 'Carla')
    const dirk = await issuePerson(server.url, board.id, board.tokens.participant, 'Dirk')
    expect([carla.status, dirk.status]).toEqual(['waiting', 'waiting'])
    expect(await upgradeStatus(`${server.wsUrl}/${board.id}?token=${board.tokens.participant}&owner=${carla.secret}`)).toBe(403)
    expect(await rejections(server, 'lobby')).toBe(lobbyBefore + 7)
    // Nor can a waiting identity vote.
    await session(board, 'voting', { action: 'start', shapeIds: ['shape:a'], votesPerPerson: 1, maxPerShape: 1, minutes: null })
    expect((await api(server, board, 'POST', '/votes', board.tokens.participant, { shapeId: 'shape:a' }, carla)).body.error).toBe('waiting_for_admission')
    // One let in before the waiting room came on still gets in.
    const earlyClient = await join(board.id, board.tokens.participant, early)

    expect((await api<{ status: string }>(server, board, 'GET', '/identity', board.tokens.participant, undefined, carla)).body.status).toBe('waiting')
    await session(board, 'admit', { participantId: carla.key, admit: true })
    expect((await api<{ status: string }>(server, board, 'GET', '/identity', board.tokens.participant, undefined, carla)).body.status).toBe('admitted')
    const carlaClient = await join(board.id, board.tokens.participant, carla)
    carlaClient.records.set('shape:carla', shapeWith('shape:carla'))
    await waitFor(() => facilitator.records.has('shape:carla'), 'Carla’s edit')

    // Turned away while connected: closed with a final code; reconnecting is refused.
    const closed = new Promise<number>((resolve) => earlyClient.provider.on('connection-close', (event) => event && resolve(event.code)))
    const turnedAwayBefore = await rejections(server, 'turned_away')
    await session(board, 'admit', { participantId: early.key, admit: false })
    expect(await closed).toBe(CLOSE_NOT_ADMITTED)
    expect(await upgradeStatus(`${server.wsUrl}/${board.id}?token=${board.tokens.participant}&owner=${early.secret}`)).toBe(403)
    await session(board, 'admit', { participantId: dirk.key, admit: false })
    expect(await upgradeStatus(`${server.wsUrl}/${board.id}?token=${board.tokens.participant}&owner=${dirk.secret}`)).toBe(403)
    expect(await rejections(server, 'turned_away')).toBe(turnedAwayBefore + 2)
    expect(Object.keys(await storedRecords(server, board.id)).filter((key) => key.startsWith('shape:'))).toEqual(['shape:carla'])

    // Only the facilitator runs the waiting room.
    expect((await api(server, board, 'POST', '/session/lobby', board.tokens.participant, { active: false })).status).toBe(403)
    expect((await api(server, board, 'POST', '/session/admit', board.tokens.participant, { participantId: dirk.key, admit: true })).status).toBe(403)
  })

  it('closes connections without an identity when it is switched on, and lets everyone waiting in when switched off', async () => {
    const board = await createBoard(server.url)
    const anonymous = await join(board.id, board.tokens.viewer)
    const closed = new Promise<number>((resolve) => anonymous.provider.on('connection-close', (event) => event && resolve(event.code)))
    await session(board, 'lobby', { active: true })
    expect(await closed).toBe(CLOSE_NOT_ADMITTED)
    const waiting = await issuePerson(server.url, board.id, board.tokens.participant)
    await session(board, 'lobby', { active: false })
    expect((await api<{ status: string }>(server, board, 'GET', '/identity', board.tokens.participant, undefined, waiting)).body.status).toBe('admitted')
    expect(await upgradeStatus(`${server.wsUrl}/${board.id}?token=${board.tokens.participant}&owner=${waiting.secret}`)).toBe(101)
  })
})

describe('limits on what one address can make the server store', () => {
  it('a link issues only so many identities a minute, an address only so many an hour', async () => {
    const board = tightBoards[0]!
    const before = { link: await rejections(tight, 'identities_per_link'), ip: await rejections(tight, 'identities_per_ip') }
    const issue = (token: string) => api<{ identity?: string }>(tight, board, 'POST', '/identities', token, { name: 'x' })
    const perLink = await Promise.all(Array.from({ length: 7 }, () => issue(board.tokens.participant)))
    expect(perLink.map((answer) => answer.status).sort()).toEqual([201, 201, 201, 201, 201, 429, 429])
    expect(perLink.find((answer) => answer.status === 429)?.headers.get('retry-after')).toMatch(/^\d+$/)
    // The viewer link has its own allowance per minute, but the address's hourly one runs out.
    const other = await Promise.all(Array.from({ length: 5 }, () => issue(board.tokens.viewer)))
    expect(other.map((answer) => answer.status).sort()).toEqual([201, 201, 201, 429, 429])
    expect(await rejections(tight, 'identities_per_link')).toBe(before.link + 2)
    expect(await rejections(tight, 'identities_per_ip')).toBe(before.ip + 2)
    const control = await api<ControlState>(tight, board, 'POST', '/session/freeze', board.tokens.facilitator, { frozen: false })
    expect(Object.keys(control.body.identities)).toHaveLength(8)
  })

  it('creating boards: the 21st in an hour from one address is refused with 429, and no board is stored for it', async () => {
    // Three of the twenty were made when the server started (tightBoards).
    const before = await rejections(tight, 'boards_per_ip')
    const boardsBefore = countSqliteBoards(tight.dataDir)
    const answers = await Promise.all(Array.from({ length: 30 }, () => fetch(`${tight.url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })))
    const statuses = answers.map((answer) => answer.status)
    expect(statuses.filter((status) => status === 201).length).toBe(17)
    expect(statuses.filter((status) => status === 429).length).toBe(13)
    const refused = answers.find((answer) => answer.status === 429)!
    expect(await refused.json()).toMatchObject({ error: 'rate_limited' })
    expect(await rejections(tight, 'boards_per_ip')).toBe(before + 13)
    expect(countSqliteBoards(tight.dataDir)).toBe(boardsBefore + 17)
  })

  it('imports: large board files without any token, past the hourly allowance, are refused unread', async () => {
    const before = await rejections(tight, 'imports_per_ip')
    const boardsBefore = countSqliteBoards(tight.dataDir)
    const big = JSON.stringify({ junk: 'x'.repeat(7 * 1024 * 1024) })
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) statuses.push((await fetch(`${tight.url}/api/boards/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big })).status)
    expect(statuses).toEqual([400, 400, 400, 429, 429])
    expect(await rejections(tight, 'imports_per_ip')).toBe(before + 2)
    expect(countSqliteBoards(tight.dataDir)).toBe(boardsBefore)
  })

  it('arrangement imports share the import allowance and own-template saves have their own, both counted before the body is read', async () => {
    const quota = await startTestServer({ maxImportsPerHourPerIp: 2, maxTemplateSavesPerHourPerIp: 2 })
    try {
      const boardsBefore = countSqliteBoards(quota.dataDir)
      const junk = JSON.stringify({ rows: 'x'.repeat(512 * 1024) })
      const post = (route: string) => fetch(`${quota.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: junk }).then((answer) => answer.status)
      const imports = [await post('/api/boards/import-arrangements'), await post('/api/boards/import'), await post('/api/boards/import-arrangements')]
      expect(imports).toEqual([400, 400, 429])
      const saves = [await post('/api/templates/own'), await post('/api/templates/own'), await post('/api/templates/own')]
      expect(saves).toEqual([401, 401, 429])
      expect(await rejections(quota, 'imports_per_ip')).toBe(1)
      expect(await rejections(quota, 'template_saves_per_ip')).toBe(1)
      expect(countSqliteBoards(quota.dataDir)).toBe(boardsBefore)
    } finally {
      await quota.close()
    }
  })
})

describe('uploads', () => {
  const upload = (on: TestServer, board: BoardLinks, body: Uint8Array<ArrayBuffer> | string, type = 'image/png') =>
    fetch(`${on.url}/api/boards/${board.id}/assets`, { method: 'POST', headers: { authorization: `Bearer ${board.tokens.participant}`, 'content-type': type }, body })
  const filesOf = (on: TestServer, board: BoardLinks) => (fs.existsSync(path.join(on.dataDir, 'assets', board.id)) ? fs.readdirSync(path.join(on.dataDir, 'assets', board.id)) : [])

  it('refuses a file whose bytes are not the type it claims', async () => {
    const board = await createBoard(server.url)
    const before = await rejections(server, 'asset_type_mismatch')
    const html = await upload(server, board, '<html><script>alert(1)</script></html>', 'image/png')
    expect(html.status).toBe(415)
    expect(await html.json()).toMatchObject({ error: 'type_mismatch' })
    expect((await upload(server, board, png(100), 'image/jpeg')).status).toBe(415)
    expect((await upload(server, board, png(100), 'video/mp4')).status).toBe(415)
    expect(await rejections(server, 'asset_type_mismatch')).toBe(before + 3)
    expect(filesOf(server, board)).toEqual([])
    expect((await upload(server, board, png(100))).status).toBe(201)
  })

  it('keeps each board within its bytes and file count, and each address within its uploads per hour', async () => {
    const board = tightBoards[1]!
    const before = { bytes: await rejections(tight, 'board_asset_bytes'), count: await rejections(tight, 'board_asset_count'), ip: await rejections(tight, 'uploads_per_ip') }
    // 100,000 bytes per board: two of 40 KB fit, the third does not.
    const big = []
    for (let i = 0; i < 3; i++) big.push((await upload(tight, board, png(40_000))).status)
    expect(big).toEqual([201, 201, 413])
    expect(await rejections(tight, 'board_asset_bytes')).toBe(before.bytes + 1)
    // Three files per board: one more small one fits, then none.
    expect((await upload(tight, board, png(100))).status).toBe(201)
    const fourth = await upload(tight, board, png(100))
    expect([fourth.status, ((await fourth.json()) as { error: string }).error]).toEqual([413, 'board_asset_count'])
    expect(await rejections(tight, 'board_asset_count')).toBe(before.count + 1)
    expect(filesOf(tight, board)).toHaveLength(3)
    expect(await tight.storage.assetUsage(board.id)).toEqual({ count: 3, bytes: 80_100 })
    // Six uploads an hour from one address (refused ones count too): five so far, one more, then none.
    const other = tightBoards[2]!
    expect((await upload(tight, other, png(100))).status).toBe(201)
    const refused = await upload(tight, other, png(100))
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(await rejections(tight, 'uploads_per_ip')).toBe(before.ip + 1)
    expect(filesOf(tight, other)).toHaveLength(1)
  })
})

describe('identities in the participants list', () => {
  it('every issued identity appears in the board’s roster, which every client reads, with its name and link', async () => {
    const board = await createBoard(server.url)
    const control = await join(`${board.id}/control`, board.tokens.facilitator)
    const read = () => control.doc.getMap<ControlState['identities'][string]>(IDENTITIES_MAP).toJSON() as ControlState['identities']
    const anna = await issuePerson(server.url, board.id, board.tokens.participant, 'Anna')
    await waitForAsync(async () => read()[anna.key] !== undefined, 'the new identity in the roster')
    expect(read()[anna.key]).toMatchObject({ name: 'Anna', role: 'participant', status: 'admitted' })
    // The secret itself is nowhere in what clients receive.
    expect(JSON.stringify(read())).not.toContain(anna.secret)
  })
})

describe('an honest client on another board while one address floods boards, imports, uploads and identities', () => {
  /** Write→seen round trips between two stock clients on one board, sampled until `until` settles. */
  async function roundTrips(writer: TestClient, reader: TestClient, until: Promise<unknown>): Promise<number[]> {
    let done = false
    void until.finally(() => (done = true))
    const samples: number[] = []
    for (let i = 0; !done || samples.length < 30; i++) {
      const id = `shape:rt-${i}`
      const seen = new Promise<void>((resolve) => {
        const check = () => {
          if (!reader.records.has(id)) return
          reader.doc.off('update', check)
          resolve()
        }
        reader.doc.on('update', check)
      })
      const started = performance.now()
      writer.records.set(id, shapeWith(id))
      await seen
      samples.push(performance.now() - started)
      await sleep(5)
    }
    return samples
  }
  const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!
  const summary = (values: number[]) => `n=${values.length} p50=${percentile(values, 50).toFixed(1)} ms p99=${percentile(values, 99).toFixed(1)} ms max=${Math.max(...values).toFixed(1)} ms`

  /**
   * The attacker runs in its own process against a server in its own process, so that neither
   * building 70 MiB of request bodies nor serving them stalls the honest clients' event loop here
   * by accident: what is measured is the server. One attack per run, `parallel` requests at a time.
   */
  const ATTACK = `
    const [url, boardId, token, kind, parallel] = process.argv.slice(1)
    const post = (route, body, headers) => fetch(url + route, { method: 'POST', headers, body }).then((r) => r.status, () => 0)
    const png = new Uint8Array(60000); png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    const big = JSON.stringify({ junk: 'x'.repeat(7 * 1024 * 1024) })
    const json = { 'content-type': 'application/json' }
    const attacks = {
      boards: Array.from({ length: 300 }, () => () => post('/api/boards', '{}', json)),
      imports: Array.from({ length: 10 }, () => () => post('/api/boards/import', big, json)),
      uploads: Array.from({ length: 50 }, () => () => post('/api/boards/' + boardId + '/assets', png, { authorization: 'Bearer ' + token, 'content-type': 'image/png' })),
      identities: Array.from({ length: 200 }, () => () => post('/api/boards/' + boardId + '/identities', '{}', { authorization: 'Bearer ' + token, ...json })),
    }
    const queue = kind === 'all' ? Object.values(attacks).flat() : attacks[kind]
    const statuses = []
    await Promise.all(Array.from({ length: Number(parallel) }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) statuses.push(await job())
    }))
    const counts = {}
    for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1
    console.log(JSON.stringify(counts))
  `

  it('keeps its round trips (figures printed, not asserted) and every request past the limits is refused and counted', async () => {
    const child = await startChildServer({
      DATA_DIR: tempDataDir(),
      MAX_BOARDS_PER_HOUR_PER_IP: '20',
      MAX_IMPORTS_PER_HOUR_PER_IP: '3',
      MAX_UPLOADS_PER_HOUR_PER_IP: '6',
      MAX_IDENTITIES_PER_HOUR_PER_IP: '8',
      MAX_IDENTITIES_PER_MINUTE_PER_LINK: '5',
    })
    try {
      const [honest, target] = [await createBoard(child.url), await createBoard(child.url)]
      const connect = async () => {
        const client = await connectSynced(child.wsUrl, honest.id, honest.tokens.participant)
        clients.push(client)
        return client
      }
      const [writer, reader] = await Promise.all([connect(), connect()])
      const attack = async (kind: string, parallel: number): Promise<{ counts: Record<string, number>; during: number[] }> => {
        const attacker = spawn(process.execPath, ['--input-type=module', '-e', ATTACK, child.url, target.id, target.tokens.participant, kind, String(parallel)], { stdio: ['ignore', 'pipe', 'inherit'] })
        let output = ''
        attacker.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
        const finished = new Promise<void>((resolve) => attacker.once('exit', () => resolve()))
        const during = await roundTrips(writer, reader, finished)
        return { counts: JSON.parse(output) as Record<string, number>, during }
      }
      const figures = [`before any attack: ${summary(await roundTrips(writer, reader, sleep(1000)))}`]
      // The table's rows, one at a time, at the pace one busy script manages (8 requests in flight).
      const boards = await attack('boards', 8)
      const imports = await attack('imports', 8)
      const uploads = await attack('uploads', 8)
      const identities = await attack('identities', 8)
      // 18 boards (two were made above), 5 identities per minute through the link; imports of
      // junk are 400 (3) then refused; 6 uploads; the rest 429.
      expect(boards.counts).toEqual({ '201': 18, '429': 282 })
      expect(imports.counts).toEqual({ '400': 3, '429': 7 })
      expect(uploads.counts).toEqual({ '201': 6, '429': 44 })
      expect(identities.counts).toEqual({ '201': 5, '429': 195 })
      // Then all 560 at once, every one of them refused: what a flood costs the server at worst.
      const all = await attack('all', 560)
      expect(all.counts).toEqual({ '429': 560 })
      for (const [label, row] of Object.entries({ '300 new boards': boards, '10 imports of 7 MiB without a token': imports, '50 uploads': uploads, '200 identities': identities, 'all 560 at once (refused)': all })) {
        figures.push(`${label.padEnd(38)} ${summary(row.during)}`)
      }
      const text = await (await fetch(`${child.url}/metrics`)).text()
      const counted = (reason: string) => Number(text.split('\n').find((l) => l.startsWith(`regiebord_rejections_total{reason="${reason}"}`))?.split(' ').pop() ?? 0)
      expect(counted('boards_per_ip')).toBe(282 + 300)
      expect(counted('imports_per_ip')).toBe(7 + 10)
      expect(counted('uploads_per_ip')).toBe(44 + 50)
      expect(counted('identities_per_link') + counted('identities_per_ip')).toBe(195 + 200)
      const gauge = (name: string) => Number(text.split('\n').find((l) => l.startsWith(`${name} `))?.split(' ').pop() ?? NaN)
      console.log(`honest client on another board (server in its own process), write→seen round trips:\n  ${figures.join('\n  ')}\n  server CPU ${gauge('process_cpu_seconds_total').toFixed(2)} s in all`)
    } finally {
      child.process.kill('SIGKILL')
      await child.exited
    }
  }, 180_000)
})
