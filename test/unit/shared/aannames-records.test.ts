/**
 * Issue 16 on the board: the template's aannames travel into the records as shape meta, come back
 * out in the model, the outline's list, the report and the CSV; confirming one takes it off the
 * canvas but keeps it, confirmed, in the report. The shape-prop migrations leave stored boards
 * meaning what they meant.
 */
import { INITIAL_CONTROL } from '../../../shared/session/control-doc.ts'
import { describe, expect, it } from 'vitest'
import { type TLRecord, type TLShape } from '@tldraw/tlschema'
import { boardAannames } from '../../../shared/board/aannames.ts'
import { createBoardSchema, documentRecords, PAGE_ID } from '../../../shared/board/board-schema.ts'
import { recordsToModel } from '../../../shared/board/records-to-model.ts'
import { ACTOR_SHAPE, ITEM_SHAPE, LEGEND_SHAPE, aannameOf } from '../../../shared/board/regie-shapes.ts'
import { templateRecords } from '../../../shared/board/template-records.ts'
import { metaWithDismissal } from '../../../shared/board/regiecheck-dismissals.ts'
import { arrangementRows, arrangementsCsv } from '../../../shared/export/arrangements.ts'
import { buildReport } from '../../../shared/export/report.ts'
import { renderReportHtml } from '../../../shared/export/report-html.ts'
import { relationKind } from '../../../shared/regie/relation-kinds.ts'
import { templateModel } from '../../../shared/templates/index.ts'
import { buildOutline } from '../../../client/outline/outline-model.ts'

async function barBoard(): Promise<TLRecord[]> {
  const { shapes, bindings } = await templateRecords('regiegemeente-bar', 'nl', { pageId: PAGE_ID })
  return [...documentRecords('Bord'), ...shapes, ...bindings]
}

const EMPTY_CONTROL = INITIAL_CONTROL

describe('aannames on a board made from a template', () => {
  it('sit on the shapes as meta, in the board\u2019s language, on cards and relations alike', async () => {
    const records = await barBoard()
    const marked = records.filter((record): record is TLShape => record.typeName === 'shape' && aannameOf(record.meta) !== null)
    expect(marked.some((shape) => shape.type === ACTOR_SHAPE)).toBe(true)
    expect(marked.some((shape) => shape.type === 'arrow')).toBe(true)
    const barendrecht = marked.find((shape) => shape.id === 'shape:barendrecht')
    expect(aannameOf(barendrecht?.meta)?.tekst).toContain('bronpresentatie')
  })

  it('come back in the model read from the records, exactly as the template has them', async () => {
    const model = recordsToModel(await barBoard())
    const template = templateModel('regiegemeente-bar', 'nl')
    const marked = (m: typeof model) => [...m.actors, ...m.relations].filter((e) => e.aanname !== undefined).map((e) => e.aanname).sort()
    expect(marked(model)).toEqual(marked(template))
  })

  it('are listed for the outline and the report, relations named by their ends and kind', async () => {
    const rows = boardAannames(await barBoard(), 'nl')
    expect(rows.some((row) => row.element === 'Gemeente Barendrecht' && !row.bevestigd)).toBe(true)
    expect(rows.some((row) => row.element.startsWith('College van B&W Barendrecht → Regieteam Barendrecht (Mandaat / delegatie'))).toBe(true)
    expect(buildOutline(await barBoard(), 'nl').aannames).toEqual(rows)
  })

  it('are in the arrangements CSV while open, and leave the canvas but stay in the report once confirmed', async () => {
    const records = await barBoard()
    const csv = arrangementsCsv(arrangementRows(recordsToModel(records), 'nl'), 'nl')
    expect(csv).toContain('Aanname')
    expect(csv).toContain('maar niet wie het mandaat geeft')

    const confirmed = records.map((record) =>
      record.id === 'shape:barendrecht-mandaat' && record.typeName === 'shape' ? { ...record, meta: { ...record.meta, aannameBevestigd: true } } : record,
    )
    expect(recordsToModel(confirmed).relations.find((r) => r.id === 'shape:barendrecht-mandaat')?.aanname).toBeUndefined()
    const report = buildReport({ records: confirmed, structure: [], meta: {}, control: EMPTY_CONTROL }, { title: 'BAR', createdAt: null, generatedAt: 0, locale: 'nl' })
    expect(report.aannames.find((row) => row.shapeId === 'shape:barendrecht-mandaat')?.bevestigd).toBe(true)
    const html = renderReportHtml(report, { locale: 'nl' })
    expect(html).toContain('<h2 id="aannames">Aannames</h2>')
    expect(html).toContain('bevestigd')
  })

  it('shows a rule set aside in the report, with its reason', async () => {
    const records = (await barBoard()).map((record) =>
      record.typeName === 'document' ? { ...record, meta: metaWithDismissal(record.meta, 'raad-zonder-kaderstelling', { reason: 'De raden sturen via de koersdocumenten', by: 'Bert', at: 1 }) } : record,
    )
    const report = buildReport({ records, structure: [], meta: {}, control: EMPTY_CONTROL }, { title: 'BAR', createdAt: null, generatedAt: 0, locale: 'nl' })
    expect(report.findings.map((f) => f.ruleId)).not.toContain('raad-zonder-kaderstelling')
    const html = renderReportHtml(report, { locale: 'nl' })
    expect(html).toContain('Bewust zo gekozen')
    expect(html).toContain('Reden: De raden sturen via de koersdocumenten (door Bert)')
  })

  it('give relations their kind\u2019s own arrowheads', async () => {
    const records = await barBoard()
    const arrow = records.find((record) => record.id === 'shape:barendrecht-verantwoording') as TLShape & { props: { arrowheadStart: string; arrowheadEnd: string } }
    expect([arrow.props.arrowheadStart, arrow.props.arrowheadEnd]).toEqual([relationKind('verantwoording').arrowheadStart, relationKind('verantwoording').arrowheadEnd])
  })
})

describe('the shape-prop migrations of issue 16', () => {
  const schema = createBoardSchema()

  it('bring a stored actor card up with an empty soort regeling and nothing else changed', () => {
    const old = {
      id: 'shape:oud',
      typeName: 'shape',
      type: ACTOR_SHAPE,
      x: 0,
      y: 0,
      rotation: 0,
      index: 'a1',
      parentId: PAGE_ID,
      isLocked: false,
      opacity: 1,
      meta: {},
      props: { w: 200, h: 100, kind: 'regionaal-orgaan', name: 'AB', inwoners: null, fte: null, domeinen: null, afdelingen: null, rollen: [], competenties: [], toelichting: '', placeholder: false },
    }
    const stored = { schemaVersion: 2, sequences: { ...schema.serialize().sequences, [`com.tldraw.shape.${ACTOR_SHAPE}`]: 0 } } as const
    const result = schema.migratePersistedRecord(old as never, stored as never)
    expect(result.type).toBe('success')
    const props = (result as { value: { props: Record<string, unknown> } }).value.props
    expect(props).toEqual({ ...old.props, regeling: '' })
  })

  it('give the item and legend shapes a new version, so an older client sees the board is newer', () => {
    const sequences = schema.serialize().sequences
    expect(sequences[`com.tldraw.shape.${ACTOR_SHAPE}`]).toBe(1)
    expect(sequences[`com.tldraw.shape.${ITEM_SHAPE}`]).toBe(1)
    expect(sequences[`com.tldraw.shape.${LEGEND_SHAPE}`]).toBe(1)
  })
})
