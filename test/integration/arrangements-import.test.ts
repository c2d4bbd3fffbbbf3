/**
 * The arrangements import against the real server: a spreadsheet becomes a board (laid out like
 * a template, with the regiecheck's findings), the board's export reads back to the same actors
 * and relations, and bad files store nothing.
 */
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { previewToPayload } from '../../shared/import/payload.ts'
import { readImportFiles, type PickedFile } from '../../shared/import/read-files.ts'
import { readArrangements } from '../../shared/import/read-arrangements.ts'
import { boardApi, countSqliteBoards } from '../helpers/board-http.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.close()
})

const docs = (name: string) => fs.readFileSync(new URL(`../../docs/${name}`, import.meta.url))
const picked = (name: string, data: Uint8Array | string): PickedFile => {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data
  return { name, bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer }
}

interface Imported {
  id: string
  title: string
  tokens: { facilitator: string; participant: string; viewer: string }
  counts: { actors: number; relations: number }
  findings: { rule: string }[]
}

async function postFiles(files: { name: string; data: Uint8Array | string; type: string }[], query = ''): Promise<{ status: number; body: Record<string, unknown> }> {
  const form = new FormData()
  for (const file of files) form.append('file', new Blob([typeof file.data === 'string' ? file.data : new Uint8Array(file.data)], { type: file.type }), file.name)
  const response = await fetch(`${server.url}/api/boards/import-arrangements${query}`, { method: 'POST', body: form })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

async function rawText(path: string, token: string): Promise<string> {
  const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } })
  expect(response.status).toBe(200)
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer())
}

/** What the two exported tables say, as sets of lines that ignore row order. */
function tables(arrangements: string, actors: string) {
  const lines = (csv: string) => csv.replace(/^\uFEFF/, '').trim().split('\r\n')
  const [arrangementHeader, ...arrangementRows] = lines(arrangements)
  const [actorHeader, ...actorRows] = lines(actors)
  return { arrangementHeader, actorHeader, arrangements: arrangementRows.sort(), actors: actorRows.sort() }
}

describe('import → board → export → the same data', () => {
  it('imports the example workbook, and the board exports to tables that import to the same board', async () => {
    const first = await postFiles([{ name: 'voorbeeld-regelingen.xlsx', data: docs('voorbeeld-regelingen.xlsx'), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }], '?title=Regelingen%20Albrandswaard')
    expect(first.status).toBe(201)
    const board = first.body as unknown as Imported
    expect(board.title).toBe('Regelingen Albrandswaard')
    // 31 rows, plus opdrachtgeverschap for each opdrachtgever named in an uitbesteding row.
    expect(board.counts).toEqual({ actors: 25, relations: 31 + 8 })
    expect(Array.isArray(board.findings)).toBe(true)

    const arrangements = await rawText(`/api/boards/${board.id}/arrangements.csv`, board.tokens.viewer)
    const actors = await rawText(`/api/boards/${board.id}/actors.csv`, board.tokens.viewer)
    expect(arrangements).toContain('Gemeente Albrandswaard;Uitbesteding;GR BAR-organisatie;Uitvoering van alle gemeentelijke taken;Regieteam Albrandswaard, Regieteam Barendrecht, Regieteam Ridderkerk;RAD Albrandswaard 2013')
    expect(actors).toContain('Gemeente Albrandswaard;Gemeente;25000;140;"Dorpen Poortugaal en Rhoon; regiegemeente sinds 2012"')

    const second = await postFiles([
      { name: 'afspraken.csv', data: arrangements, type: 'text/csv' },
      { name: 'actoren.csv', data: actors, type: 'text/csv' },
    ])
    expect(second.status).toBe(201)
    const again = second.body as unknown as Imported
    expect(again.counts).toEqual(board.counts)
    const roundTrip = tables(await rawText(`/api/boards/${again.id}/arrangements.csv`, again.tokens.viewer), await rawText(`/api/boards/${again.id}/actors.csv`, again.tokens.viewer))
    expect(roundTrip).toEqual(tables(arrangements, actors))
  })

  it('takes the JSON the preview sends, in English, and the board shows the arrangements', async () => {
    const preview = readArrangements(await readImportFiles([picked('r.csv', docs('voorbeeld-regelingen.csv')), picked('a.csv', docs('voorbeeld-actoren.csv'))]))
    const payload = previewToPayload(preview)
    if (!payload.ok) throw new Error(payload.message.en)
    const answer = await boardApi<Imported>(server.url, 'POST', '/api/boards/import-arrangements', null, { ...payload.payload, title: 'Arrangements', locale: 'en' })
    expect(answer.status).toBe(201)
    const english = await rawText(`/api/boards/${answer.body.id}/arrangements.csv?locale=en`, answer.body.tokens.viewer)
    expect(english.split('\r\n')[0]).toBe('\uFEFFActor A;Relation;Actor B;Label;Commissioner;RAD reference;Assumption')
    expect(english).toContain('Gemeente Albrandswaard;Outsourcing;GR BAR-organisatie')
    const check = await boardApi<{ counts: { actors: number; relations: number } }>(server.url, 'GET', `/api/boards/${answer.body.id}/regiecheck`, answer.body.tokens.viewer)
    expect(check.body.counts).toMatchObject({ actors: 25, relations: 39 })
  })
})

describe('bad input stores nothing', () => {
  it('refuses a file with unreadable rows or unknown kinds, listing row, column and value', async () => {
    const before = countSqliteBoards(server.dataDir)
    const csv = 'Actor A;Relatie;Actor B\nGemeente A;Subsidie;Stichting B\n;Advies;Raad A\nGemeente A;Advies;Raad A\n'
    const response = await fetch(`${server.url}/api/boards/import-arrangements`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv })
    expect(response.status).toBe(422)
    const body = (await response.json()) as { error: string; message: string; problems: { row: number; column: string; value: string }[]; unknownRelationKinds: { text: string; rows: number[] }[] }
    expect(body.error).toBe('unreadable_rows')
    expect(body.message).toMatch(/^Niets geïmporteerd/)
    expect(body.problems).toMatchObject([{ row: 3, column: 'Actor A', value: '' }])
    expect(body.unknownRelationKinds).toEqual([{ text: 'Subsidie', rows: [2] }])
    expect(countSqliteBoards(server.dataDir)).toBe(before)
  })

  it('refuses payloads naming unknown actors, too many rows, a non-spreadsheet or an old .xls, in Dutch', async () => {
    const before = countSqliteBoards(server.dataDir)
    const unknownActor = await boardApi<{ message: string }>(server.url, 'POST', '/api/boards/import-arrangements', null, {
      actors: [{ name: 'Gemeente A', kind: 'gemeente' }],
      relations: [{ from: 'Gemeente A', kind: 'advies', to: 'Raad B' }],
    })
    expect(unknownActor.status).toBe(400)
    expect(unknownActor.body.message).toContain('"Raad B"')
    const tooMany = await boardApi<{ message: string }>(server.url, 'POST', '/api/boards/import-arrangements', null, {
      actors: [{ name: 'A', kind: 'gemeente' }, { name: 'B', kind: 'gemeente' }],
      relations: Array.from({ length: 501 }, () => ({ from: 'A', kind: 'advies', to: 'B' })),
    })
    expect(tooMany.status).toBe(400)
    expect(tooMany.body.message).toContain('hoogstens 500')
    const xls = await postFiles([{ name: 'oud.xls', data: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), type: 'application/vnd.ms-excel' }])
    expect(xls.status).toBe(422)
    expect(xls.body.message).toContain('.xlsx')
    const wrongType = await fetch(`${server.url}/api/boards/import-arrangements`, { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: '%PDF' })
    expect(wrongType.status).toBe(415)
    const huge = await fetch(`${server.url}/api/boards/import-arrangements`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'x'.repeat(11 * 1024 * 1024) })
    expect(huge.status).toBe(413)
    expect(countSqliteBoards(server.dataDir)).toBe(before)
  })
})
