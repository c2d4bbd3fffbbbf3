import { describe, expect, it } from 'vitest'
import { toRichText, type TLRecord, type TLShape } from '@tldraw/tlschema'
import { createBoardSchema, PAGE_ID, documentRecords } from '../../../shared/board/board-schema.ts'
import { modelToRecords } from '../../../shared/board/model-to-records.ts'
import { layOutModel } from '../../../shared/board/lay-out-model.ts'
import { recordsToModel } from '../../../shared/board/records-to-model.ts'
import { richTextToPlain } from '../../../shared/board/rich-text.ts'
import { templateRecords, withLegend } from '../../../shared/board/template-records.ts'
import { ACTOR_SHAPE } from '../../../shared/board/regie-shapes.ts'
import { validateModel } from '../../../shared/regie/model.ts'
import { regiecheck } from '../../../shared/regie/regiecheck.ts'
import { TEMPLATE_IDS, templateModel } from '../../../shared/templates/index.ts'
import { actor, model, relation } from './model-fixtures.ts'

const schema = createBoardSchema()

function validate(record: TLRecord): void {
  const type = schema.types[record.typeName]
  if (!type) throw new Error(`no record type ${record.typeName}`)
  type.validate(record)
}

/** Page-space rectangle of a shape, following its chain of parent frames. */
function pageRect(shape: TLShape, byId: ReadonlyMap<string, TLShape>) {
  let x = shape.x
  let y = shape.y
  for (let parent = byId.get(shape.parentId); parent; parent = byId.get(parent.parentId)) {
    x += parent.x
    y += parent.y
  }
  const props = shape.props as { w: number; h: number }
  return { x, y, w: props.w, h: props.h }
}

describe.each(TEMPLATE_IDS)('template %s as tldraw records', (id) => {
  it('validates against the board schema, with every arrow bound at both ends to a shape on the board', async () => {
    const { shapes, bindings } = await templateRecords(id, 'nl', { pageId: PAGE_ID })
    for (const record of [...documentRecords('Bord'), ...shapes, ...bindings]) validate(record)
    const ids = new Set(shapes.map((shape) => shape.id))
    expect(ids.size).toBe(shapes.length)
    for (const shape of shapes) expect(shape.parentId === PAGE_ID || ids.has(shape.parentId as TLShape['id'])).toBe(true)
    const arrows = shapes.filter((shape) => shape.type === 'arrow')
    for (const arrow of arrows) {
      const ends = bindings.filter((binding) => binding.fromId === arrow.id)
      expect(ends.map((binding) => binding.props.terminal).sort()).toEqual(['end', 'start'])
      for (const end of ends) expect(ids.has(end.toId)).toBe(true)
    }
  })

  it('has no overlapping actor cards on the page', async () => {
    const { shapes } = await templateRecords(id, 'nl', { pageId: PAGE_ID })
    const byId = new Map(shapes.map((shape) => [shape.id as string, shape]))
    const cards = shapes.filter((shape) => shape.type === ACTOR_SHAPE).map((shape) => ({ id: shape.id, ...pageRect(shape, byId) }))
    for (const [i, a] of cards.entries()) {
      for (const b of cards.slice(i + 1)) {
        const overlaps = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
        expect(overlaps, `${a.id} overlaps ${b.id}`).toBe(false)
      }
    }
  })

  it('reads back as the same model (with its legend): every actor, relation, group and block, full labels, the same regiecheck', async () => {
    const template = withLegend(templateModel(id, 'nl'), 'nl')
    expect(template.blocks.filter((b) => b.type === 'legend')).toHaveLength(1)
    const { shapes, bindings } = await templateRecords(id, 'nl', { pageId: PAGE_ID })
    const read = recordsToModel([...shapes, ...bindings])
    expect(validateModel(read)).toEqual([])
    expect(read.actors.map((a) => a.name).sort()).toEqual(template.actors.map((a) => a.name).sort())
    expect(read.actors.map((a) => a.kind).sort()).toEqual(template.actors.map((a) => a.kind).sort())
    expect(read.relations.map((r) => r.kind).sort()).toEqual(template.relations.map((r) => r.kind).sort())
    // Labels shortened on the canvas read back in full.
    expect(read.relations.map((r) => r.label ?? '').sort()).toEqual(template.relations.map((r) => r.label ?? '').sort())
    expect(read.groups.map((g) => g.title).sort()).toEqual(template.groups.map((g) => g.title).sort())
    expect(read.blocks.map((b) => b.type).sort()).toEqual(template.blocks.map((b) => b.type).sort())
    const rules = (m: typeof template) => regiecheck(m).map((finding) => finding.ruleId).sort()
    expect(rules(read)).toEqual(rules(template))
  })
})

describe('model records', () => {
  it('keep inserted copies apart by id prefix and stack them above the given index', async () => {
    const m = model({ actors: [actor('a', 'gemeente'), actor('b', 'uitvoeringsorganisatie')], relations: [relation('r', 'uitbesteding', 'a', 'b')] })
    const layout = await layOutModel(m)
    const first = modelToRecords(m, layout, { pageId: PAGE_ID, idPrefix: 'x-' })
    const second = modelToRecords(m, layout, { pageId: PAGE_ID, idPrefix: 'y-', aboveIndex: first.shapes.at(-1)?.index ?? null, origin: { x: 1000, y: 0 } })
    const firstIds = new Set([...first.shapes, ...first.bindings].map((record) => record.id))
    expect([...second.shapes, ...second.bindings].some((record) => firstIds.has(record.id))).toBe(false)
    const topOfFirst = first.shapes.at(-1)?.index ?? ''
    for (const shape of second.shapes) expect(shape.index > topOfFirst).toBe(true)
    expect(second.shapes.find((shape) => shape.type === ACTOR_SHAPE)?.x).toBeGreaterThanOrEqual(1000)
  })
})

describe('reading a board drawn by hand', () => {
  const page = PAGE_ID
  const base = { typeName: 'shape' as const, rotation: 0, isLocked: false, opacity: 1, meta: {}, parentId: page }
  const card = (id: string, kind: string, name: string, x: number) =>
    ({
      ...base,
      id: `shape:${id}`,
      type: ACTOR_SHAPE,
      x,
      y: 0,
      index: 'a1',
      props: { w: 240, h: 110, kind, name, inwoners: null, fte: null, domeinen: null, afdelingen: null, rollen: [], competenties: [], toelichting: '', placeholder: false },
    }) as unknown as TLRecord
  const arrow = (id: string, meta: object, label: string) =>
    ({ ...base, id: `shape:${id}`, type: 'arrow', x: 0, y: 0, index: 'a2', meta, props: { richText: toRichText(label) } }) as unknown as TLRecord
  const bind = (arrowId: string, terminal: 'start' | 'end', to: string) =>
    ({
      id: `binding:${arrowId}-${terminal}`,
      typeName: 'binding',
      type: 'arrow',
      fromId: `shape:${arrowId}`,
      toId: `shape:${to}`,
      props: { terminal, normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false, snap: 'none' },
      meta: {},
    }) as unknown as TLRecord

  it('turns a typed arrow bound at both ends into a relation, and the regiecheck finds the missing opdrachtgever', () => {
    const records = [
      card('gem', 'gemeente', 'Gemeente Oost', 0),
      card('uit', 'uitvoeringsorganisatie', 'Werkbedrijf', 400),
      arrow('pijl', { regieRelation: 'uitbesteding' }, 're-integratie'),
      bind('pijl', 'start', 'gem'),
      bind('pijl', 'end', 'uit'),
    ]
    const read = recordsToModel(records)
    expect(read.relations).toEqual([{ id: 'shape:pijl', kind: 'uitbesteding', from: 'shape:gem', to: 'shape:uit', label: 're-integratie' }])
    const finding = regiecheck(read).find((f) => f.ruleId === 'uitbesteding-zonder-opdrachtgever')
    expect(finding?.relationIds).toEqual(['shape:pijl'])
    expect(finding?.actorIds).toEqual(['shape:gem', 'shape:uit'])
  })

  it('leaves out arrows without a kind, arrows with a loose end and cards of unknown kind', () => {
    const records = [
      card('gem', 'gemeente', 'Gemeente Oost', 0),
      card('raar', 'kabouter', 'Onbekend', 800),
      card('uit', 'uitvoeringsorganisatie', 'Werkbedrijf', 400),
      arrow('plain', {}, ''),
      bind('plain', 'start', 'gem'),
      bind('plain', 'end', 'uit'),
      arrow('loose', { regieRelation: 'advies' }, ''),
      bind('loose', 'start', 'gem'),
      arrow('bogus', { regieRelation: 'vriendschap' }, ''),
      bind('bogus', 'start', 'gem'),
      bind('bogus', 'end', 'uit'),
    ]
    const read = recordsToModel(records)
    expect(read.relations).toEqual([])
    expect(read.actors.map((a) => a.id)).toEqual(['shape:gem', 'shape:uit'])
  })
})

describe('rich text', () => {
  it('reads paragraphs as lines', () => {
    expect(richTextToPlain(toRichText('eerste\ntweede'))).toBe('eerste\ntweede')
    expect(richTextToPlain(undefined)).toBe('')
    expect(richTextToPlain({ type: 'doc', content: 'nope' })).toBe('')
  })
})
