/**
 * Exports and import over the API, against the real server, with the board written by stock
 * clients the way browsers write it (records in the board and structure documents, the schema in
 * meta) and votes placed through the vote API.
 */
import { parse } from 'csv-parse/sync'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { TLRecord } from '@tldraw/tlschema'
import { createBoardSchema } from '../../shared/board/board-schema.ts'
import { META_MAP, MetaKey } from '../../shared/doc-layout.ts'
import type { BoardFile } from '../../shared/export/board-file.ts'
import { connectSynced, type TestClient } from '../helpers/clients.ts'
import { boardApi, countSqliteBoards, issuePerson } from '../helpers/board-http.ts'
import { createBoard, startTestServer, type BoardLinks, type TestServer } from '../helpers/server.ts'
import { waitForAsync } from '../helpers/wait.ts'
import { NOTE_TEXTS, workshopBoard, type WorkshopBoard } from '../helpers/workshop-board.ts'

let server: TestServer
let fixture: WorkshopBoard
const clients: TestClient[] = []

beforeAll(async () => {
  server = await startTestServer()
  fixture = await workshopBoard()
})
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy()
})
afterAll(async () => {
  await server.close()
})

async function join(room: string, token: string): Promise<TestClient> {
  const client = await connectSynced(server.wsUrl, room, token)
  clients.push(client)
  return client
}

/** A board filled the way browsers fill it, stored before this returns. */
async function workshop(title = 'Wijkavond Oosterhoüt'): Promise<BoardLinks> {
  const board = await createBoard(server.url, { title })
  const main = await join(board.id, board.tokens.facilitator)
  const structure = await join(`${board.id}/structure`, board.tokens.facilitator)
  // The board's schema label is the server's (written when the board was created).
  main.doc.transact(() => {
    for (const record of fixture.records) main.records.set(record.id, record)
  })
  structure.doc.transact(() => {
    for (const record of fixture.structure) structure.records.set(record.id, record)
  })
  await waitForAsync(async () => (await exportJson(board)).body.records.length === fixture.records.length, 'the board to be stored')
  await waitForAsync(async () => (await exportJson(board)).body.structure.length === fixture.structure.length, 'the structure to be stored')
  return board
}

const exportJson = (board: BoardLinks, token = board.tokens.viewer) => boardApi<BoardFile>(server.url, 'GET', `/api/boards/${board.id}/export.json`, token)
/** The body as bytes decoded without dropping a byte order mark (fetch's text() drops it). */
async function rawText(path: string, token: string): Promise<string> {
  const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } })
  expect(response.status).toBe(200)
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer())
}
const importFile = (body: unknown) => boardApi<BoardLinks & { error?: string; message?: string }>(server.url, 'POST', '/api/boards/import', null, body)

async function revealRound(board: BoardLinks, votes: Record<string, number>): Promise<void> {
  const fac = (body: unknown) => boardApi(server.url, 'POST', `/api/boards/${board.id}/session/voting`, board.tokens.facilitator, body)
  expect((await fac({ action: 'start', shapeIds: Object.keys(votes), votesPerPerson: 20, maxPerShape: 20, minutes: null })).status).toBe(200)
  const voter = await issuePerson(server.url, board.id, board.tokens.participant)
  for (const [shapeId, count] of Object.entries(votes)) {
    for (let i = 0; i < count; i++) expect((await boardApi(server.url, 'POST', `/api/boards/${board.id}/votes`, board.tokens.participant, { shapeId }, voter)).status).toBe(200)
  }
  await fac({ action: 'close' })
  expect((await fac({ action: 'reveal' })).status).toBe(200)
}

function byId(records: readonly TLRecord[]): Record<string, TLRecord> {
  return Object.fromEntries(records.map((record) => [record.id, record]))
}

describe('JSON export and import', () => {
  it('round-trips exactly: export, import, export gives the same records, structure and meta (createdAt aside)', async () => {
    const board = await workshop()
    const first = await exportJson(board)
    expect(first.status).toBe(200)
    expect(first.headers.get('content-type')).toMatch(/^application\/json/)
    expect(first.headers.get('content-disposition')).toBe('attachment; filename="wijkavond-oosterhout.json"')
    expect(first.body).toMatchObject({ format: 'regiebord-board', version: 1, title: 'Wijkavond Oosterhoüt' })
    expect(byId(first.body.records)).toEqual(byId(fixture.records))
    expect(byId(first.body.structure)).toEqual(byId(fixture.structure))

    const imported = await importFile(first.body)
    expect(imported.status).toBe(201)
    expect(imported.body.id).not.toBe(board.id)
    expect(Object.keys(imported.body.tokens).sort()).toEqual(['facilitator', 'participant', 'viewer'])
    const second = await exportJson(imported.body)

    const { createdAt: _a, meta: { createdAt: _ma, ...metaBefore }, ...before } = first.body
    const { createdAt: _b, meta: { createdAt: _mb, ...metaAfter }, ...after } = second.body
    expect(after).toEqual(before)
    expect(metaAfter).toEqual(metaBefore)
    expect(second.body.createdAt).toBeGreaterThanOrEqual(first.body.createdAt)

    // And the imported board is a board like any other: a stock client syncs its records.
    const reader = await join(imported.body.id, imported.body.tokens.viewer)
    expect(reader.records.get(fixture.notes.first)).toEqual(fixture.records.find((record) => record.id === fixture.notes.first))
  })

  it('takes a board file larger than the 64 KiB other API bodies may be', async () => {
    const lane = fixture.records.find((record) => record.id === fixture.notes.first)!
    const many = Array.from({ length: 400 }, (_, i) => ({ ...lane, id: `shape:many-${String(i).padStart(4, '0')}` }))
    const file = { format: 'regiebord-board', version: 1, title: 'Groot', createdAt: 1, meta: { schema: createBoardSchema().serialize() }, records: [...fixture.records, ...many], structure: [] }
    expect(JSON.stringify(file).length).toBeGreaterThan(128 * 1024)
    const imported = await importFile(file)
    expect(imported.status).toBe(201)
    expect((await exportJson(imported.body)).body.records).toHaveLength(fixture.records.length + 400)
  })

  it('leaves no board behind when the file is broken or invalid, and says why', async () => {
    const valid = (await exportJson(await workshop('Bron'))).body
    const lane = valid.records.find((record) => record.id === 'shape:lane-wijk')!
    const broken: [string, unknown, RegExp][] = [
      ['not JSON', '{"format": "regiebord-board", ', /not valid JSON/],
      ['no body', '', /body is required/],
      ['another format', { ...valid, format: 'excalidraw' }, /"format"/],
      ['a newer version', { ...valid, version: 99 }, /newer Regiebord/],
      ['an invalid record', { ...valid, records: valid.records.map((record) => (record.id === fixture.notes.second ? { ...record, x: 'links' } : record)) }, /shape:note-2/],
      ['a duplicate id', { ...valid, structure: [...valid.structure, lane] }, /occurs twice/],
      ['a missing parent', { ...valid, records: valid.records.filter((record) => record.id !== lane.id) }, /parent shape:lane-wijk/],
      ['deep nesting', `{"format":"regiebord-board","version":1,"title":"x","createdAt":1,"meta":{"d":${'['.repeat(100_000)}${']'.repeat(100_000)}},"records":[],"structure":[]}`, /nested more than 64 deep|not valid JSON/],
      ['a user record', { ...valid, records: [...valid.records, { id: 'user:anna', typeName: 'user', name: 'Anna' }] }, /"user" records do not belong/],
    ]
    const before = countSqliteBoards(server.dataDir)
    for (const [what, body, message] of broken) {
      const answer = await importFile(body)
      expect(answer.status, what).toBe(400)
      expect(answer.body.message, what).toMatch(message)
    }
    const huge = await importFile(JSON.stringify({ ...valid, padding: 'x'.repeat(9 * 1024 * 1024) }))
    expect(huge.status).toBe(413)
    expect(countSqliteBoards(server.dataDir)).toBe(before)
  })
})

describe('CSV exports', () => {
  it('writes every note with its lane, author and revealed dots, UTF-8 with a byte order mark, that a CSV parser reads back intact', async () => {
    const board = await workshop()
    await revealRound(board, { [fixture.notes.first]: 3, [fixture.notes.third]: 1, [fixture.notes.locked]: 0 })
    const response = await fetch(`${server.url}/api/boards/${board.id}/export.csv`, { headers: { authorization: `Bearer ${board.tokens.participant}` } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="wijkavond-oosterhout-notities.csv"')
    const bytes = Buffer.from(await response.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes.includes(Buffer.from('\r\n'))).toBe(true)

    const rows = parse(bytes, { bom: true, delimiter: ';', encoding: 'utf8' }) as string[][]
    expect(rows[0]).toEqual(['Soort', 'Tekst', 'Kader / baan', 'Auteur', 'Stemmen', 'Aanname'])
    const byText = new Map(rows.slice(1).map((row) => [row[1], row]))
    expect(byText.get(NOTE_TEXTS.first)).toEqual(['Notitie', NOTE_TEXTS.first, 'Baan één: Wensen', 'Anaïs', '3', ''])
    expect(byText.get(NOTE_TEXTS.third)).toEqual(['Notitie', NOTE_TEXTS.third, 'Baan één: Wensen', '', '1', ''])
    expect(byText.get(NOTE_TEXTS.locked)).toEqual(['Notitie', NOTE_TEXTS.locked, 'Baan één: Wensen', 'Procesbegeleider', '0', ''])
    expect(byText.get(`'${NOTE_TEXTS.second}`)?.[4]).toBe('')
    expect(byText.get('Vraag — Wie betaalt de ijsbaan?')?.[0]).toBe('Kaart')
    expect(rows).toHaveLength(7)
  })

  it('writes the arrangements table, readable by a CSV parser, in Dutch or English', async () => {
    const board = await workshop()
    const csv = await rawText(`/api/boards/${board.id}/arrangements.csv`, board.tokens.viewer)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const rows = parse(csv, { bom: true, delimiter: ';' }) as string[][]
    expect(rows).toContainEqual(['Gemeente Oosterhoüt', 'Uitbesteding', 'Uitvoeringsdienst Vrijheid & Zorg', 'Schoonmaak; "groen" onderhoud', 'Regieteam Sociaal Domein', '', ''])
    expect(rows).toContainEqual(['Regieteam Sociaal Domein', 'Opdrachtgever → opdrachtnemer', 'Uitvoeringsdienst Vrijheid & Zorg', '', 'Regieteam Sociaal Domein', 'RAD-2026-één', ''])
    const english = await rawText(`/api/boards/${board.id}/arrangements.csv?locale=en`, board.tokens.viewer)
    expect((parse(english, { bom: true, delimiter: ';' }) as string[][])[0]).toEqual(['Actor A', 'Relation', 'Actor B', 'Label', 'Commissioner', 'RAD reference', 'Assumption'])
  })
})

describe('the report', () => {
  it('is a printable HTML page with the arrangements, the vote ranking and the regiecheck', async () => {
    const board = await workshop()
    await revealRound(board, { [fixture.notes.third]: 4, [fixture.notes.first]: 2 })
    const response = await fetch(`${server.url}/api/boards/${board.id}/report.html?locale=nl`, { headers: { authorization: `Bearer ${board.tokens.viewer}` } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/i)
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'")
    const html = await response.text()
    expect(html).toContain('<html lang="nl">')
    expect(html).toContain('<h1>Wijkavond Oosterhoüt</h1>')
    expect(html).not.toMatch(/<script|<link|\bsrc=/i)
    expect(html).toContain('<td>Gemeente Oosterhoüt</td><td>Uitbesteding</td><td>Uitvoeringsdienst Vrijheid &amp; Zorg</td><td>Schoonmaak; &quot;groen&quot; onderhoud</td><td>Regieteam Sociaal Domein</td>')
    expect(html).toContain(`<td class="number">1</td><td>${NOTE_TEXTS.third.replace(/"/g, '&quot;')}</td><td class="number">4</td>`)
    expect(html).toContain(`<td class="number">2</td><td>${NOTE_TEXTS.first}</td><td class="number">2</td>`)
    expect(html).toMatch(/Deelnemers<\/dt><dd>1 <span class="basis">\(stemden in de laatste stemronde\)/)
    expect(html).toContain('Uitbesteding zonder opdrachtgever')
  })
})

describe('access to exports', () => {
  it('needs a valid token of the board, any role, and a known locale', async () => {
    const board = await createBoard(server.url)
    const other = await createBoard(server.url)
    for (const route of ['export.json', 'export.csv', 'arrangements.csv', 'report.html']) {
      const path = `/api/boards/${board.id}/${route}`
      expect((await boardApi(server.url, 'GET', path, null)).status, route).toBe(401)
      expect((await boardApi(server.url, 'GET', path, other.tokens.facilitator)).status, route).toBe(403)
      expect((await boardApi(server.url, 'GET', `/api/boards/nosuchboard1234/${route}`, board.tokens.viewer)).status, route).toBe(404)
      for (const token of Object.values(board.tokens)) expect((await boardApi(server.url, 'GET', path, token)).status, route).toBe(200)
    }
    expect((await boardApi(server.url, 'GET', `/api/boards/${board.id}/report.html?locale=de`, board.tokens.viewer)).status).toBe(400)
  })

  it('exports an empty board, whose file imports again', async () => {
    const board = await createBoard(server.url, { title: '  ' })
    const file = await exportJson(board)
    // An empty board has its document and page record from the start, and nothing else.
    expect(file.body).toMatchObject({ title: 'Naamloos bord', structure: [] })
    expect(file.body.records.map((record) => record.typeName).sort()).toEqual(['document', 'page'])
    expect((await importFile(file.body)).status).toBe(201)
    expect(await rawText(`/api/boards/${board.id}/export.csv`, board.tokens.viewer)).toBe('\uFEFFSoort;Tekst;Kader / baan;Auteur;Stemmen;Aanname\r\n')
  })
})
