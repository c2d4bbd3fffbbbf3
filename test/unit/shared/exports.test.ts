/** The export builders in shared/export/, on a workshop board, without a browser or a server. */
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import type { TLRecord } from '@tldraw/tlschema'
import { createBoardSchema } from '../../../shared/board/board-schema.ts'
import { recordsToModel } from '../../../shared/board/records-to-model.ts'
import { arrangementRows, arrangementsCsv } from '../../../shared/export/arrangements.ts'
import { visibleRecords, type BoardContent } from '../../../shared/export/board-content.ts'
import { checkBoardFile, toBoardFile } from '../../../shared/export/board-file.ts'
import { csvField, toCsv } from '../../../shared/export/csv.ts'
import { noteRows, notesCsv } from '../../../shared/export/notes-table.ts'
import { buildReport } from '../../../shared/export/report.ts'
import { BOARD_IMAGE_MARKER, renderReportHtml } from '../../../shared/export/report-html.ts'
import { voteRanking } from '../../../shared/export/vote-ranking.ts'
import { INITIAL_CONTROL, type ControlState, type VotingRound } from '../../../shared/session/control-doc.ts'
import { NOTE_TEXTS, workshopBoard, type WorkshopBoard } from '../../helpers/workshop-board.ts'

const schema = createBoardSchema()
const board: WorkshopBoard = await workshopBoard()

function content(control: Partial<ControlState> = {}): BoardContent {
  return { records: board.records, structure: board.structure, meta: { title: 'Wijkavond', schema: schema.serialize() }, control: { ...INITIAL_CONTROL, ...control } }
}

function revealed(totals: Record<string, number>, shapeIds = Object.keys(totals), voters = 3): VotingRound {
  return { id: 'round-1', shapeIds, votesPerPerson: 3, maxPerShape: 3, endsAt: null, status: 'revealed', totals, voters }
}

/** Parses our CSV the way a spreadsheet would: BOM, `;`, quotes. */
function parseCsv(text: string): string[][] {
  return parse(text, { bom: true, delimiter: ';', relax_column_count: false }) as string[][]
}

describe('the workshop board fixture', () => {
  it('is valid against the board schema', () => {
    for (const record of [...board.records, ...board.structure]) schema.types[record.typeName].validate(record)
  })
})

describe('CSV', () => {
  it('starts with a byte order mark, separates with ;, ends lines with CRLF and quotes what needs it', () => {
    const csv = toCsv(['a', 'b'], [['één; twee', 'zei "ja"'], ['regel\nnieuw', 3]])
    expect(csv.startsWith('\uFEFFa;b\r\n')).toBe(true)
    expect(csv).toBe('\uFEFFa;b\r\n"één; twee";"zei ""ja"""\r\n"regel\nnieuw";3\r\n')
    expect(parseCsv(csv)).toEqual([['a', 'b'], ['één; twee', 'zei "ja"'], ['regel\nnieuw', '3']])
  })

  it('keeps text that looks like a formula from being evaluated', () => {
    expect(csvField('=1+1')).toBe("'=1+1")
    expect(csvField('-5 euro')).toBe("'-5 euro")
    expect(csvField('@cmd')).toBe("'@cmd")
    expect(csvField(-5)).toBe('-5')
    expect(csvField('gewoon')).toBe('gewoon')
    // Full-width forms, which spreadsheet programs also take as the start of a formula.
    for (const start of ['＝', '＋', '－', '＠']) expect(csvField(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`)
  })
})

describe('the notes table', () => {
  it('lists sticky notes, text and cards in reading order, with their lane and author', () => {
    const rows = noteRows(content())
    expect(rows.map((row) => [row.kind, row.text, row.frames, row.author])).toEqual([
      ['text', NOTE_TEXTS.loose, [], ''],
      ['note', NOTE_TEXTS.first, ['Baan één: Wensen'], 'Anaïs'],
      ['note', NOTE_TEXTS.second, ['Baan één: Wensen'], 'Bram'],
      ['note', NOTE_TEXTS.locked, ['Baan één: Wensen'], 'Procesbegeleider'],
      ['note', NOTE_TEXTS.third, ['Baan één: Wensen'], ''],
      ['item', 'Vraag — Wie betaalt de ijsbaan?', ['Baan één: Wensen'], ''],
    ])
    expect(rows.every((row) => row.votes === null)).toBe(true)
  })

  it('carries the totals of a revealed round only: 0 for a note in the round nobody chose, empty for the rest', () => {
    const { first, second, third } = board.notes
    const open = { ...revealed({ [first]: 4 }, [first, second]), status: 'open' as const, totals: undefined }
    expect(noteRows(content({ voting: open })).every((row) => row.votes === null)).toBe(true)
    const rows = noteRows(content({ voting: revealed({ [first]: 4 }, [first, second]) }))
    const votes = Object.fromEntries(rows.map((row) => [row.shapeId, row.votes]))
    expect([votes[first], votes[second], votes[third]]).toEqual([4, 0, null])
  })

  it('reads back from its CSV with every character intact', () => {
    const { first } = board.notes
    const csv = notesCsv(noteRows(content({ voting: revealed({ [first]: 2 }) })), 'nl')
    const [header, ...rows] = parseCsv(csv)
    expect(header).toEqual(['Soort', 'Tekst', 'Kader / baan', 'Auteur', 'Stemmen', 'Aanname'])
    expect(rows[0]).toEqual(['Tekst', NOTE_TEXTS.loose, '', '', '', ''])
    expect(rows[1]).toEqual(['Notitie', NOTE_TEXTS.first, 'Baan één: Wensen', 'Anaïs', '2', ''])
    expect(rows[2]![1]).toBe(`'${NOTE_TEXTS.second}`)
    expect(rows[4]![1]).toBe(NOTE_TEXTS.third)
  })
})

describe('the arrangements table', () => {
  const rows = arrangementRows(recordsToModel(visibleRecords(content())), 'nl')

  it('has a row per relation, vital processes first, with Dutch kind labels', () => {
    expect(rows.map((row) => [row.from, row.kindLabel, row.to])).toEqual([
      ['Gemeente Oosterhoüt', 'Co-creatie', 'Inwoners van de wijk Ijsselmonde'],
      ['Gemeente Oosterhoüt', 'Uitbesteding', 'Bedrijf'],
      ['Gemeente Oosterhoüt', 'Uitbesteding', 'Uitvoeringsdienst Vrijheid & Zorg'],
      ['Regieteam Sociaal Domein', 'Opdrachtgever → opdrachtnemer', 'Uitvoeringsdienst Vrijheid & Zorg'],
    ])
  })

  it('names the opdrachtgever of an uitbesteding: whoever commissions the party carrying it out', () => {
    const toDienst = rows.find((row) => row.kind === 'uitbesteding' && row.to.startsWith('Uitvoeringsdienst'))!
    expect(toDienst.commissioner).toBe('Regieteam Sociaal Domein')
    expect(rows.find((row) => row.to === 'Bedrijf')!.commissioner).toBe('')
    expect(rows.find((row) => row.kind === 'opdrachtgeverschap')).toMatchObject({ commissioner: 'Regieteam Sociaal Domein', radReference: 'RAD-2026-één' })
  })

  it('reads back from its CSV', () => {
    const [header, ...parsed] = parseCsv(arrangementsCsv(rows, 'nl'))
    expect(header).toEqual(['Actor A', 'Relatie', 'Actor B', 'Label', 'Opdrachtgever', 'RAD-referentie', 'Aanname'])
    expect(parsed[2]).toEqual(['Gemeente Oosterhoüt', 'Uitbesteding', 'Uitvoeringsdienst Vrijheid & Zorg', 'Schoonmaak; "groen" onderhoud', 'Regieteam Sociaal Domein', '', ''])
    expect(parseCsv(arrangementsCsv(arrangementRows(recordsToModel(visibleRecords(content())), 'en'), 'en'))[1]![1]).toBe('Co-creation')
  })
})

describe('the vote ranking', () => {
  it('is null until a round is revealed, then ranks by dots with shared places for ties', () => {
    expect(voteRanking(content())).toBeNull()
    const { first, second, third, locked } = board.notes
    const ranking = voteRanking(content({ voting: revealed({ [second]: 5, [first]: 2, [third]: 2 }, [first, second, third, locked, 'shape:gone']) }))!
    expect(ranking.items.map((item) => [item.rank, item.text, item.votes])).toEqual([
      [1, NOTE_TEXTS.second, 5],
      [2, NOTE_TEXTS.first, 2],
      [2, NOTE_TEXTS.third, 2],
      [4, NOTE_TEXTS.locked, 0],
      [4, null, 0],
    ])
  })
})

describe('the report', () => {
  const generatedAt = Date.UTC(2026, 2, 14, 12)
  const build = (control: Partial<ControlState> = {}, locale: 'nl' | 'en' = 'nl') =>
    buildReport(content(control), { title: 'Wijkavond <Oosterhoüt>', createdAt: Date.UTC(2026, 2, 1), generatedAt, locale })

  it('counts the voters of the revealed round as participants, else the names on notes', () => {
    expect(build({ voting: revealed({ [board.notes.first]: 1 }, undefined, 7) }).participants).toEqual({ count: 7, basis: 'voters' })
    expect(build().participants).toEqual({ count: 3, basis: 'authors' })
  })

  it('is one self-contained page: lang set, no scripts, nothing loaded from elsewhere, board text escaped', () => {
    const html = renderReportHtml(build({ voting: revealed({ [board.notes.second]: 5 }) }), { locale: 'nl' })
    expect(html).toMatch(/^<!doctype html>\n<html lang="nl">/)
    expect(html).not.toMatch(/<script|<link|<iframe|\bsrc=|url\(|@import/i)
    expect(html).toContain('<h1>Wijkavond &lt;Oosterhoüt&gt;</h1>')
    expect(html).toContain('14 maart 2026')
    expect(html).toContain(BOARD_IMAGE_MARKER)
    expect(html).toContain('@media print')
  })

  it('holds the arrangements, the ranking and the regiecheck findings', () => {
    const html = renderReportHtml(build({ voting: revealed({ [board.notes.second]: 5 }) }), { locale: 'nl' })
    expect(html).toContain('<td>Regieteam Sociaal Domein</td><td>Opdrachtgever → opdrachtnemer</td><td>Uitvoeringsdienst Vrijheid &amp; Zorg</td>')
    expect(html).toContain('<td class="number">1</td><td>=HYPERLINK(&quot;http://example.com&quot;)</td><td class="number">5</td>')
    // The uitbesteding to the unnamed company has no opdrachtgever and no RAD.
    expect(html).toContain('Uitbesteding zonder opdrachtgever')
    expect(html).toContain('De uitbesteding van Gemeente Oosterhoüt aan Bedrijf heeft geen opdrachtgever')
  })

  it('speaks English when asked, and puts in a board image when given one', () => {
    const html = renderReportHtml(build({}, 'en'), { locale: 'en', boardImage: { src: 'data:image/png;base64,AAAA', alt: 'The board' } })
    expect(html).toContain('<html lang="en">')
    expect(html).toContain('No voting round has been revealed')
    expect(html).toContain('<img src="data:image/png;base64,AAAA" alt="The board">')
  })
})

describe('the board file', () => {
  const file = toBoardFile({ title: 'Wijkavond', createdAt: 1, meta: { title: 'Wijkavond', schema: schema.serialize() }, records: board.records, structure: board.structure })
  const withRecords = (records: unknown[], structure: unknown[] = file.structure as unknown[]) => ({ ...file, records, structure })
  const refusal = (value: unknown) => {
    const checked = checkBoardFile(JSON.parse(JSON.stringify(value)), schema)
    return checked.ok ? 'accepted' : checked.message
  }

  it('lists records by id and is accepted as it is', () => {
    expect(file.records.map((record) => record.id)).toEqual([...file.records.map((record) => record.id)].sort())
    const checked = checkBoardFile(JSON.parse(JSON.stringify(file)), schema)
    expect(checked.ok && checked.file).toEqual(file)
  })

  it('refuses what is not a board file of ours', () => {
    expect(refusal([])).toMatch(/not a JSON object/)
    expect(refusal({ ...file, format: 'tldraw' })).toMatch(/"format"/)
    expect(refusal({ ...file, version: 2 })).toMatch(/newer Regiebord/)
    expect(refusal({ ...file, title: 7 })).toMatch(/"title"/)
    expect(refusal({ ...file, records: {} })).toMatch(/"records" must be a list/)
    expect(refusal(JSON.parse('{"format":"regiebord-board","version":1,"title":"","createdAt":0,"meta":{"__proto__":{"x":1}},"records":[],"structure":[]}'))).toMatch(/__proto__/)
    // A sequence we do not know makes the file newer when a record of the file uses it.
    const rocket = { ...(file.records.find((record) => record.typeName === 'shape') as object), id: 'shape:rocket', type: 'rocket' }
    const rocketSchema = { schemaVersion: 2, sequences: { ...createBoardSchema().serialize().sequences, 'com.tldraw.shape.rocket': 1 } }
    expect(refusal({ ...file, records: [...file.records, rocket], meta: { ...file.meta, schema: rocketSchema } })).toMatch(/newer version/)
  })

  it('refuses nesting deep enough to exhaust a recursive reader, without exhausting its own stack', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown
    const checked = checkBoardFile({ ...file, meta: { ...file.meta, deep } }, schema)
    expect(!checked.ok && checked.message).toMatch(/nested more than 64 deep/)
  })

  it('refuses a record that fails tldraw’s validation, naming it', () => {
    const records = file.records.map((record) => (record.id === board.notes.first ? { ...record, props: { ...(record as { props: object }).props, color: 'pink' } } : record))
    expect(refusal(withRecords(records))).toMatch(new RegExp(`records\\[\\d+\\] \\(${board.notes.first}\\): .*color`))
  })

  it('refuses unknown and session records, duplicate ids, missing parents and dangling bindings', () => {
    const records = file.records as TLRecord[]
    expect(refusal(withRecords([...records, { id: 'rocket:1', typeName: 'rocket' }]))).toMatch(/unknown record type "rocket"/)
    expect(refusal(withRecords([...records, { id: 'camera:1', typeName: 'camera', x: 0, y: 0, z: 1, meta: {} }]))).toMatch(/"camera" records do not belong/)
    expect(refusal(withRecords(records, [...file.structure, records.find((record) => record.id === board.notes.first)]))).toMatch(/occurs twice/)
    expect(refusal(withRecords(records.filter((record) => record.id !== 'shape:lane-wijk')))).toMatch(/its parent shape:lane-wijk is not in the file/)
    const actor = records.find((record) => record.typeName === 'shape' && record.type === 'regie-actor')!
    expect(refusal(withRecords(records.filter((record) => record.id !== actor.id)))).toMatch(new RegExp(`binds ${actor.id}, which is not in the file`))
  })

  it('checks records of an older schema after migrating a copy, and keeps them as they were', () => {
    const serialized = schema.serialize()
    const older = { ...serialized, sequences: { ...serialized.sequences, 'com.tldraw.shape.note': serialized.sequences['com.tldraw.shape.note']! - 1 } }
    const oldNote = (record: TLRecord) => {
      if (record.typeName !== 'shape' || record.type !== 'note') return record
      const { textLastEditedBy: _dropped, ...props } = record.props
      return { ...record, props: { ...props, textFirstEditedBy: null } }
    }
    const value = { ...file, meta: { ...file.meta, schema: older }, records: file.records.map(oldNote), structure: file.structure.map(oldNote) }
    const checked = checkBoardFile(JSON.parse(JSON.stringify(value)), schema)
    expect(checked.ok).toBe(true)
    expect(checked.ok && checked.file.records).toEqual(value.records)
    // Under the current schema's label the same records are refused.
    expect(refusal({ ...value, meta: file.meta })).toMatch(/textFirstEditedBy|textLastEditedBy/)
  })
})

describe('the board file and schema sequences no record uses', () => {
  it('imports a file whose label names a sequence no record uses', () => {
    const schema = createBoardSchema()
    const labelled = { ...schema.serialize(), sequences: { ...schema.serialize().sequences, 'com.evil.future': 1 } }
    const file = toBoardFile({ title: 'Oud', createdAt: 1, meta: { schema: labelled }, records: [], structure: [] })
    expect(checkBoardFile(file, schema).ok).toBe(true)
  })
})
