/**
 * The arrangements import without a browser: reading CSV and XLSX, recognising headers and
 * kinds, reporting rows it cannot read, and the payload the server checks.
 */
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { detectSeparator, parseDelimited } from '../../../shared/import/delimited.ts'
import { guessActorKind, matchActorKind, matchRelationKind } from '../../../shared/import/kind-match.ts'
import { checkImportPayload, payloadToModel, previewToPayload } from '../../../shared/import/payload.ts'
import { declaredUnpackedBytes, readImportFiles, type PickedFile } from '../../../shared/import/read-files.ts'
import {
  applyKindChoices,
  parseNumber,
  readArrangements,
  relationKindKey,
  unknownRelationKinds,
  type ArrangementsPreview,
} from '../../../shared/import/read-arrangements.ts'
import { arrangementRows, arrangementsCsv } from '../../../shared/export/arrangements.ts'
import { writeXlsx } from '../../helpers/xlsx-writer.ts'

const csvFile = (name: string, text: string): PickedFile => {
  const bytes = new TextEncoder().encode(text)
  return { name, bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer }
}
const binaryFile = (name: string, data: Uint8Array): PickedFile => ({ name, bytes: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer })
const docsFile = (name: string): PickedFile => binaryFile(name, fs.readFileSync(new URL(`../../../docs/${name}`, import.meta.url)))

async function preview(...files: PickedFile[]): Promise<ArrangementsPreview> {
  return readArrangements(await readImportFiles(files))
}

describe('CSV reading', () => {
  it('detects ; , and tab from the header line, ignoring separators inside quotes', () => {
    expect(detectSeparator('Actor A;Relatie;Actor B\r\nx,y;z;w')).toBe(';')
    expect(detectSeparator('From,Relation,To\n"a;b",c,d')).toBe(',')
    expect(detectSeparator('"Actor A; x"\tRelatie\tActor B')).toBe('\t')
  })

  it('parses quotes, doubled quotes, line breaks inside fields, CRLF and a byte order mark', () => {
    const { rows } = parseDelimited('\uFEFFa;b\r\n"x;1";"zei ""ja""\r\nen nee"\r\n')
    expect(rows).toEqual([
      ['a', 'b'],
      ['x;1', 'zei "ja"\r\nen nee'],
    ])
  })
})

describe('headers and separators', () => {
  const dutch = 'Actor A;Relatie;Actor B;Label;Opdrachtgever;RAD-referentie\nGemeente Ermelo;Uitbesteding;GR Regio Noord-Veluwe;Belastingen;Gemeente Ermelo;RAD 2024\n'
  const english = 'From,Relation,To,Description,Commissioner,RAD reference\nGemeente Ermelo,Outsourcing,GR Regio Noord-Veluwe,Belastingen,Gemeente Ermelo,RAD 2024\n'

  it('reads Dutch headers with ; and English headers with , to the same arrangements', async () => {
    const nl = await preview(csvFile('nl.csv', dutch))
    const en = await preview(csvFile('en.csv', english))
    for (const result of [nl, en]) {
      expect(result.problems).toEqual([])
      expect(result.relations).toMatchObject([{ from: 'Gemeente Ermelo', kind: 'uitbesteding', to: 'GR Regio Noord-Veluwe', label: 'Belastingen', rad: 'RAD 2024', commissioners: ['Gemeente Ermelo'] }])
    }
    expect(nl.actors).toEqual(en.actors)
  })

  it('reads a file with and without byte order mark alike, and a Windows-1252 file', async () => {
    const withBom = await preview(csvFile('a.csv', `\uFEFF${dutch}`))
    expect(withBom.relations).toHaveLength(1)
    const latin1 = new Uint8Array([...new TextEncoder().encode('Actor A;Relatie;Actor B\nGemeente Sch'), 0xe9, ...new TextEncoder().encode(';Co-creatie;Dorpsraad\n')])
    const old = await preview(binaryFile('oud.csv', latin1))
    expect(old.relations[0]?.from).toBe('Gemeente Sché')
  })

  it('says which columns it needs when the header is not one it knows', async () => {
    const result = await preview(csvFile('x.csv', 'Wie;Wat;Waar\na;b;c\n'))
    expect(result.relations).toEqual([])
    expect(result.problems.some((problem) => problem.severity === 'error' && problem.message.nl.includes('Actor A, Relatie, Actor B'))).toBe(true)
  })
})

describe('kinds', () => {
  it('matches relation and actor kinds by id or label in either language, ignoring case and accents', () => {
    expect(matchRelationKind('OPDRACHTGEVER → OPDRACHTNEMER')).toBe('opdrachtgeverschap')
    expect(matchRelationKind('opdrachtgeverschap')).toBe('opdrachtgeverschap')
    expect(matchRelationKind('commissioner -> contractor')).toBe('opdrachtgeverschap')
    expect(matchRelationKind('Co-Créatie')).toBe('co-creatie')
    expect(matchRelationKind('outsourcing')).toBe('uitbesteding')
    expect(matchRelationKind('Mandaat')).toBe('mandaat')
    expect(matchRelationKind('Subsidie')).toBeNull()
    expect(matchActorKind('college van b&w')).toBe('college')
    expect(matchActorKind('Uitvoeringsorganisatie / GR')).toBe('uitvoeringsorganisatie')
    expect(matchActorKind('regionaal-orgaan')).toBe('regionaal-orgaan')
    expect(matchActorKind('Municipal council')).toBe('gemeenteraad')
    expect(matchActorKind('Waterschap')).toBeNull()
  })

  it('guesses an actor kind from its name, checking the specific words first', () => {
    expect(guessActorKind('Gemeenteraad Ermelo')).toBe('gemeenteraad')
    expect(guessActorKind('Secretarissenoverleg Noord-Veluwe')).toBe('regionaal-orgaan')
    expect(guessActorKind('Omgevingsdienst Noord-Veluwe')).toBe('uitvoeringsorganisatie')
    expect(guessActorKind('Stichting Welzijn Ermelo')).toBe('maatschappelijke-organisatie')
    expect(guessActorKind('Dordrecht')).toBeNull()
  })

  it('lists unknown kind words with their rows and lets the user choose or skip', async () => {
    const result = await preview(
      csvFile(
        'r.csv',
        ['Actor A;Relatie;Actor B', 'Gemeente A;Subsidie;Stichting B', 'Gemeente A;subsidie;Stichting C', 'Gemeente A;Vriendschap;Stichting D', 'Gemeente A;Co-productie;Stichting E'].join('\n'),
      ),
    )
    expect(unknownRelationKinds(result)).toEqual([
      { text: 'Subsidie', rows: [2, 3] },
      { text: 'Vriendschap', rows: [4] },
    ])
    expect(previewToPayload(result).ok).toBe(false)
    const fixed = applyKindChoices(result, { relationKinds: { [relationKindKey('Subsidie')]: 'uitbesteding', [relationKindKey('Vriendschap')]: 'skip' } })
    expect(fixed.relations.map((relation) => [relation.to, relation.kind])).toEqual([
      ['Stichting B', 'uitbesteding'],
      ['Stichting C', 'uitbesteding'],
      ['Stichting E', 'co-productie'],
    ])
    expect(previewToPayload(fixed).ok).toBe(true)
  })

  it('asks for a kind when the actors sheet names one it does not know, and takes the choice', async () => {
    const result = await preview(
      csvFile('regelingen.csv', 'Actor A;Relatie;Actor B\nGemeente A;Deelname;Waterschap Rivierenland\n'),
      csvFile('actoren.csv', 'Naam;Soort\nWaterschap Rivierenland;Waterschap\nGemeente A;gemeente\n'),
    )
    const waterschap = result.actors.find((actor) => actor.name === 'Waterschap Rivierenland')!
    expect(waterschap).toMatchObject({ kind: null, kindSource: 'sheet', kindText: 'Waterschap' })
    const payload = previewToPayload(result)
    expect(payload.ok).toBe(false)
    if (!payload.ok) expect(payload.message.nl).toContain('Waterschap Rivierenland')
    const fixed = applyKindChoices(result, { actorKinds: { [waterschap.key]: 'uitvoeringsorganisatie' } })
    expect(fixed.actors.find((actor) => actor.key === waterschap.key)).toMatchObject({ kind: 'uitvoeringsorganisatie', kindSource: 'chosen' })
  })
})

describe('rows that cannot be read', () => {
  it('skips empty rows silently and reports bad rows with row number, column and value', async () => {
    const result = await preview(
      csvFile(
        'r.csv',
        ['', 'Actor A;Relatie;Actor B;Label;Opdrachtgever;RAD', 'Gemeente A;Co-creatie;Inwoners A;;;', ';;;;;', ' ; ; ', ';Advies;Raad A', 'Gemeente A;;Raad A', 'Gemeente A;Advies;gemeente a', 'Gemeente A;Advies;Raad A;;;RAD 1', '=HYPERLINK("x");Advies;Raad A'].join('\r\n'),
      ),
    )
    expect(result.rowsRead).toBe(6)
    expect(result.relations.map((relation) => relation.row)).toEqual([3, 9])
    const brief = result.problems.map(({ severity, row, column, value }) => ({ severity, row, column, value }))
    expect(brief).toEqual([
      { severity: 'error', row: 6, column: 'Actor A', value: '' },
      { severity: 'error', row: 7, column: 'Relatie', value: '' },
      { severity: 'error', row: 8, column: 'Actor B', value: 'gemeente a' },
      { severity: 'warning', row: 9, column: 'RAD-referentie', value: 'RAD 1' },
      { severity: 'error', row: 10, column: 'Actor A', value: '=HYPERLINK("x")' },
    ])
    expect(result.problems[4]!.message.nl).toContain('formule')
    // The warning row is imported, without the RAD an advice cannot carry.
    expect(result.relations[1]).toMatchObject({ kind: 'advies', rad: '' })
  })

  it('reads numbers written the Dutch or the English way and reports what is not a number', async () => {
    expect(parseNumber('25.000', true)).toBe(25000)
    expect(parseNumber('25 000', true)).toBe(25000)
    expect(parseNumber('25,000', true)).toBe(25000)
    expect(parseNumber('12,5', false)).toBe(12.5)
    expect(parseNumber('800', false)).toBe(800)
    expect(parseNumber('veel', true)).toBeNull()
    const result = await preview(
      csvFile('r.csv', 'Actor A;Relatie;Actor B\nGemeente A;Advies;Raad A\n'),
      csvFile('a.csv', 'Naam;Soort;Inwoners;fte\nGemeente A;Gemeente;veel;12,5\n'),
    )
    expect(result.actors.find((actor) => actor.name === 'Gemeente A')).toMatchObject({ fte: 12.5 })
    expect(result.problems).toMatchObject([{ severity: 'warning', row: 2, column: 'Inwoners', value: 'veel' }])
  })
})

describe('XLSX', () => {
  it('reads arrangements and actors from two sheets, formula cells by their computed value', async () => {
    const workbook = writeXlsx([
      {
        name: 'Regelingen',
        rows: [
          ['Actor A', 'Relatie', 'Actor B', 'Label'],
          ['Gemeente Ermelo', 'Uitbesteding', 'GR Noord-Veluwe', { formula: 'CONCAT("Belasting";"en")', value: 'Belastingen' }],
          [{ formula: 'Actoren!A3' }, 'Advies', 'Gemeente Ermelo', null],
          [null, null, null, null],
          ['Gemeente Ermelo', 'Deelname', 'GR Noord-Veluwe', 'GR'],
        ],
      },
      {
        name: 'Actoren',
        rows: [
          ['Naam', 'Soort', 'Inwoners', 'fte'],
          ['Gemeente Ermelo', 'Gemeente', { formula: '26000+1', value: 26001 }, 210],
          ['GR Noord-Veluwe', 'uitvoeringsorganisatie', null, null],
        ],
      },
    ])
    const result = await preview(binaryFile('regio.xlsx', workbook))
    expect(result.sheets).toEqual({ arrangements: 'regio.xlsx · Regelingen', actors: 'regio.xlsx · Actoren' })
    expect(result.relations.map((relation) => [relation.row, relation.label])).toEqual([
      [2, 'Belastingen'],
      [5, 'GR'],
    ])
    // A formula saved without its result has no value to read.
    expect(result.problems).toMatchObject([{ severity: 'error', row: 3, column: 'Actor A', value: '' }])
    expect(result.actors.find((actor) => actor.name === 'Gemeente Ermelo')).toMatchObject({ kind: 'gemeente', inwoners: 26001, fte: 210 })
  })

  it('refuses a workbook that declares it unpacks to more than 64 MB, before unpacking it', async () => {
    const workbook = writeXlsx([{ name: 'Regelingen', rows: [['Actor A', 'Relatie', 'Actor B']] }])
    expect(declaredUnpackedBytes(binaryFile('a.xlsx', workbook).bytes)).toBeGreaterThan(0)
    // Rewrite one entry's declared size in the central directory to 100 MB.
    const bomb = new Uint8Array(workbook)
    const view = new DataView(bomb.buffer)
    const central = bomb.findIndex((_, i) => i + 4 <= bomb.length && view.getUint32(i, true) === 0x02014b50)
    view.setUint32(central + 24, 100 * 1024 * 1024, true)
    await expect(readImportFiles([binaryFile('bom.xlsx', bomb)])).rejects.toThrow(/uitgepakt groter dan 64 MB/)
  })

  it('says so, in Dutch, when a file is an old .xls or a damaged workbook', async () => {
    await expect(readImportFiles([binaryFile('oud.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]))])).rejects.toThrow(/oud Excel-bestand/)
    await expect(readImportFiles([binaryFile('kapot.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9, 9]))])).rejects.toThrow(/kon niet als Excel-bestand/)
  })
})

describe('the example files in docs/', () => {
  it('reads the CSV pair and the workbook to the same ~30 arrangements without a problem', async () => {
    const csv = await preview(docsFile('voorbeeld-regelingen.csv'), docsFile('voorbeeld-actoren.csv'))
    const xlsx = await preview(docsFile('voorbeeld-regelingen.xlsx'))
    expect(csv.problems).toEqual([])
    expect(xlsx.problems).toEqual([])
    expect(csv.relations.length).toBeGreaterThanOrEqual(30)
    expect(csv.actors.every((actor) => actor.kindSource === 'sheet' && actor.kind !== null)).toBe(true)
    const strip = (p: ArrangementsPreview) => ({ actors: p.actors, relations: p.relations.map(({ sheet: _sheet, ...relation }) => relation) })
    expect(strip(xlsx)).toEqual(strip(csv))
  })
})

describe('payload and model', () => {
  it('round-trips: the export of an imported model imports to the same actors and relations', async () => {
    const first = await preview(docsFile('voorbeeld-regelingen.csv'), docsFile('voorbeeld-actoren.csv'))
    const payload = previewToPayload(first)
    if (!payload.ok) throw new Error(payload.message.en)
    const model = payloadToModel(payload.payload, 'Legenda')
    // Each uitbesteding with an opdrachtgever gains the opdrachtgeverschap relation.
    expect(model.relations.filter((relation) => relation.kind === 'opdrachtgeverschap').length).toBeGreaterThan(0)
    const exported = arrangementsCsv(arrangementRows(model, 'nl'), 'nl')
    const actorsCsv = fs.readFileSync(new URL('../../../docs/voorbeeld-actoren.csv', import.meta.url), 'utf8')
    const second = await preview(csvFile('arrangements.csv', exported), csvFile('actors.csv', actorsCsv))
    const again = previewToPayload(second)
    if (!again.ok) throw new Error(again.message.en)
    const remodel = payloadToModel(again.payload, 'Legenda')
    const describe = (m: typeof model) => {
      const names = new Map(m.actors.map((actor) => [actor.id, actor.name]))
      return {
        actors: m.actors.map(({ name, kind, attributes }) => ({ name, kind, attributes })).sort((a, b) => a.name.localeCompare(b.name)),
        relations: m.relations.map((r) => `${names.get(r.from)} ${r.kind} ${names.get(r.to)} | ${r.label ?? ''} | ${r.radReference ?? ''}`).sort(),
      }
    }
    expect(describe(remodel)).toEqual(describe(model))
  })

  it('refuses payloads that name unknown actors or kinds, or are too big, with a Dutch message', () => {
    const actor = { name: 'Gemeente A', kind: 'gemeente' }
    expect(checkImportPayload({ actors: [actor], relations: [{ from: 'Gemeente A', kind: 'advies', to: 'Onbekend' }] })).toMatchObject({ ok: false, message: { nl: expect.stringContaining('"Onbekend"') } })
    expect(checkImportPayload({ actors: [{ name: 'X', kind: 'waterschap' }], relations: [] })).toMatchObject({ ok: false, message: { nl: expect.stringContaining('onbekende soort') } })
    expect(checkImportPayload({ actors: [actor, { name: 'gemeente a', kind: 'gemeente' }], relations: [] })).toMatchObject({ ok: false })
    expect(checkImportPayload({ actors: [actor, { name: 'Raad', kind: 'gemeenteraad' }], relations: [{ from: 'Gemeente A', kind: 'advies', to: 'Raad', rad: 'RAD 1' }] })).toMatchObject({ ok: false })
    const many = Array.from({ length: 401 }, (_, i) => ({ name: `Actor ${i}`, kind: 'gemeente' }))
    expect(checkImportPayload({ actors: many, relations: [] })).toMatchObject({ ok: false, message: { nl: expect.stringContaining('hoogstens') } })
    expect(checkImportPayload({ actors: 'x' })).toMatchObject({ ok: false })
    expect(checkImportPayload({ actors: [actor, { name: 'Raad', kind: 'gemeenteraad' }], relations: [{ from: 'Gemeente A', kind: 'advies', to: 'Raad' }] })).toMatchObject({ ok: true })
  })
})

describe('5,000 rows', () => {
  it('reads a file of 5,000 arrangements and prints how long that took', async () => {
    const lines = ['Actor A;Relatie;Actor B;Label;Opdrachtgever;RAD-referentie']
    for (let i = 0; i < 5000; i++) lines.push(`Gemeente ${i % 40};Uitbesteding;Stichting ${i};Taak ${i};Gemeente ${i % 40};RAD ${i}`)
    const file = csvFile('groot.csv', lines.join('\r\n'))
    const started = performance.now()
    const result = await preview(file)
    console.log(`import: read and understood 5,000 rows in ${(performance.now() - started).toFixed(0)} ms`)
    expect(result.relations).toHaveLength(5000)
    expect(result.actors).toHaveLength(5040)
    expect(result.problems).toEqual([])
    // One more row is over the limit and reported rather than read.
    const over = await preview(csvFile('te-groot.csv', [...lines, 'Gemeente 1;Advies;Raad'].join('\n')))
    expect(over.relations).toHaveLength(5000)
    expect(over.problems).toMatchObject([{ severity: 'error', row: 5002 }])
  })
})
