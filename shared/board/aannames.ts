/**
 * Every "aanname" on a board: what a template assumed where its seed is silent, marked on the
 * card, relation, frame or item itself (regie-shapes.ts, `AannameMeta`). The outline view, the
 * report and the CSV exports list them from here, so they always agree with the canvas.
 */
import type { TLArrowBinding, TLRecord, TLShape } from '@tldraw/tlschema'
import { actorKind, isActorKindId } from '../regie/actor-kinds.ts'
import { relationKind } from '../regie/relation-kinds.ts'
import type { Locale } from '../regie/text.ts'
import { richTextToPlain } from './rich-text.ts'
import { ShapeTree, shapesOf, shapeText } from './shape-tree.ts'
import { ACTOR_SHAPE, aannameOf, relationMetaOf } from './regie-shapes.ts'

export interface AannameRow {
  readonly shapeId: string
  /** What the marker sits on, in words: a card's name, "A → B (soort)", a frame's title. */
  readonly element: string
  readonly aanname: string
  /** The facilitator confirmed it for this board. */
  readonly bevestigd: boolean
}

export function boardAannames(records: readonly TLRecord[], locale: Locale): AannameRow[] {
  const shapes = shapesOf(records)
  const byId = new Map(shapes.map((shape) => [shape.id, shape]))
  const ends = new Map<string, { start?: string; end?: string }>()
  for (const record of records) {
    if (record.typeName !== 'binding' || record.type !== 'arrow') continue
    const binding = record as TLArrowBinding
    ends.set(binding.fromId, { ...ends.get(binding.fromId), [binding.props.terminal]: binding.toId })
  }
  const rows: AannameRow[] = []
  const ordered = new ShapeTree(shapes).inReadingOrder(shapes)
  for (const shape of [...ordered.filter((shape) => shape.type !== 'arrow'), ...ordered.filter((shape) => shape.type === 'arrow')]) {
    const aanname = aannameOf(shape.meta)
    if (!aanname) continue
    rows.push({ shapeId: shape.id, element: elementText(shape, byId, ends, locale), aanname: aanname.tekst, bevestigd: aanname.bevestigd })
  }
  return rows
}

function elementText(shape: TLShape, byId: ReadonlyMap<string, TLShape>, ends: ReadonlyMap<string, { start?: string; end?: string }>, locale: Locale): string {
  if (shape.type === 'arrow') {
    const arrowEnds = ends.get(shape.id)
    const name = (id: string | undefined) => {
      const end = id === undefined ? undefined : byId.get(id)
      return end ? cardName(end, locale) : '?'
    }
    const meta = relationMetaOf(shape.meta)
    const label = richTextToPlain((shape.props as { richText?: unknown }).richText)
    const kind = meta ? relationKind(meta.regieRelation).label[locale] : ''
    return `${name(arrowEnds?.start)} → ${name(arrowEnds?.end)}${kind ? ` (${kind}${label ? `: ${label}` : ''})` : label ? ` (${label})` : ''}`
  }
  return cardName(shape, locale)
}

function cardName(shape: TLShape, locale: Locale): string {
  const text = shapeText(shape)
  if (text !== '') return text
  const kind = (shape.props as { kind?: unknown }).kind
  return shape.type === ACTOR_SHAPE && isActorKindId(kind) ? actorKind(kind).label[locale] : shape.type
}

/** The aannames as a CSV a facilitator opens in Excel: what it sits on, the text, open or confirmed. */
export function aannamesCsvRows(rows: readonly AannameRow[], locale: Locale): { header: string[]; rows: string[][] } {
  const words = locale === 'nl' ? { on: 'Waarop', text: 'Aanname', status: 'Status', open: 'open', confirmed: 'bevestigd' } : { on: 'On', text: 'Assumption', status: 'Status', open: 'open', confirmed: 'confirmed' }
  return { header: [words.on, words.text, words.status], rows: rows.map((row) => [row.element, row.aanname, row.bevestigd ? words.confirmed : words.open]) }
}
