/**
 * Measures a laid-out board from its records, as the targets count: cards overlapping
 * cards, relation labels overlapping labels or cards, sibling frames overlapping, shapes clipped
 * by their frame, and relations whose arc runs through a card that is not one of their ends.
 * Uses the same arc geometry as the router (shared/board/relation-routing.ts); the browser test
 * measures the rendered board with tldraw's own geometry instead.
 */
import type { TLArrowBinding, TLArrowShape, TLShape } from '@tldraw/tlschema'
import type { Rect } from '../../shared/regie/layout.ts'
import { richTextToPlain } from '../../shared/board/rich-text.ts'
import { arcBody, labelBoxAt, labelSize, polylineHitsRect, rectsOverlap, shrink } from '../../shared/board/relation-routing.ts'

export interface BoardMeasures {
  cards: number
  relations: number
  cardOverlaps: string[]
  labelOverlaps: string[]
  frameOverlaps: string[]
  clipped: string[]
  crossing: string[]
  /** Labels another relation's line runs through: "label's relation × the line's relation". */
  labelsCrossed: string[]
  bounds: Rect
}

const CARD_TYPES = new Set(['regie-actor', 'regie-item', 'regie-legend', 'note'])

export function measureRecords(shapes: readonly TLShape[], bindings: readonly TLArrowBinding[]): BoardMeasures {
  const byId = new Map(shapes.map((shape) => [shape.id as string, shape]))
  const absolute = new Map<string, Rect>()
  const rectOf = (shape: TLShape): Rect => {
    const known = absolute.get(shape.id)
    if (known) return known
    const props = shape.props as { w?: number; h?: number }
    const parent = byId.get(shape.parentId)
    const origin = parent ? rectOf(parent) : { x: 0, y: 0 }
    const rect = { x: origin.x + shape.x, y: origin.y + shape.y, width: props.w ?? (shape.type === 'note' ? 200 : 0), height: props.h ?? (shape.type === 'note' ? 200 : 0) }
    absolute.set(shape.id, rect)
    return rect
  }
  const cards = shapes.filter((shape) => CARD_TYPES.has(shape.type))
  const frames = shapes.filter((shape) => shape.type === 'frame')
  const arrows = shapes.filter((shape): shape is TLArrowShape => shape.type === 'arrow')
  const cardOverlaps: string[] = []
  for (let i = 0; i < cards.length; i++) {
    for (let j = i + 1; j < cards.length; j++) {
      if (rectsOverlap(shrink(rectOf(cards[i]!), 0.5), shrink(rectOf(cards[j]!), 0.5))) cardOverlaps.push(`${cards[i]!.id} × ${cards[j]!.id}`)
    }
  }
  const frameOverlaps: string[] = []
  for (let i = 0; i < frames.length; i++) {
    for (let j = i + 1; j < frames.length; j++) {
      if (frames[i]!.parentId === frames[j]!.parentId && rectsOverlap(shrink(rectOf(frames[i]!), 0.5), shrink(rectOf(frames[j]!), 0.5))) frameOverlaps.push(`${frames[i]!.id} × ${frames[j]!.id}`)
    }
  }
  const clipped: string[] = []
  for (const shape of shapes) {
    const parent = byId.get(shape.parentId)
    if (!parent || parent.type !== 'frame' || shape.type === 'arrow') continue
    const r = rectOf(shape)
    const f = rectOf(parent)
    if (r.x < f.x - 0.5 || r.y < f.y - 0.5 || r.x + r.width > f.x + f.width + 0.5 || r.y + r.height > f.y + f.height + 0.5) clipped.push(shape.id)
  }
  const ends = new Map<string, { start?: string; end?: string; startAnchor?: { x: number; y: number }; endAnchor?: { x: number; y: number } }>()
  for (const binding of bindings) {
    const entry = ends.get(binding.fromId) ?? {}
    entry[binding.props.terminal] = binding.toId
    entry[`${binding.props.terminal}Anchor`] = binding.props.isPrecise ? binding.props.normalizedAnchor : { x: 0.5, y: 0.5 }
    ends.set(binding.fromId, entry)
  }
  const crossing: string[] = []
  const labels: { id: string; box: Rect }[] = []
  const lines: { id: string; body: { x: number; y: number }[] }[] = []
  for (const arrow of arrows) {
    const end = ends.get(arrow.id)
    const from = end?.start ? byId.get(end.start) : undefined
    const to = end?.end ? byId.get(end.end) : undefined
    if (!from || !to) continue
    const body = arcBody(rectOf(from), rectOf(to), arrow.props.bend, end?.startAnchor, end?.endAnchor)
    lines.push({ id: arrow.id, body })
    if (cards.some((card) => card.id !== from.id && card.id !== to.id && polylineHitsRect(body, shrink(rectOf(card), 2)))) crossing.push(arrow.id)
    const text = richTextToPlain(arrow.props.richText)
    const label = text === '' ? null : labelBoxAt(body, arrow.props.labelPosition, labelSize(text, body))
    if (label) labels.push({ id: arrow.id, box: label })
    // An arrow in a frame is cut off where it leaves the frame, its label too.
    const frame = byId.get(arrow.parentId)
    if (frame?.type === 'frame') {
      const f = rectOf(frame)
      const outside = (p: { x: number; y: number }) => p.x < f.x - 0.5 || p.y < f.y - 0.5 || p.x > f.x + f.width + 0.5 || p.y > f.y + f.height + 0.5
      const corners = label ? [label, { x: label.x + label.width, y: label.y + label.height }] : []
      if (body.some(outside) || corners.some(outside)) clipped.push(arrow.id)
    }
  }
  const labelOverlaps: string[] = []
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) if (rectsOverlap(labels[i]!.box, labels[j]!.box)) labelOverlaps.push(`${labels[i]!.id} × ${labels[j]!.id}`)
    for (const card of cards) if (rectsOverlap(labels[i]!.box, rectOf(card))) labelOverlaps.push(`${labels[i]!.id} × ${card.id}`)
  }
  const labelsCrossed = labels.flatMap((label) =>
    lines.filter((line) => line.id !== label.id && polylineHitsRect(line.body, shrink(label.box, 2))).map((line) => `${label.id} × ${line.id}`),
  )
  const all = [...cards, ...frames].map(rectOf)
  const minX = Math.min(...all.map((r) => r.x))
  const minY = Math.min(...all.map((r) => r.y))
  const maxX = Math.max(...all.map((r) => r.x + r.width))
  const maxY = Math.max(...all.map((r) => r.y + r.height))
  return {
    cards: cards.length,
    relations: arrows.length,
    cardOverlaps,
    labelOverlaps,
    frameOverlaps,
    clipped,
    crossing,
    labelsCrossed,
    bounds: { x: minX, y: minY, width: maxX - minX, height: maxY - minY },
  }
}
