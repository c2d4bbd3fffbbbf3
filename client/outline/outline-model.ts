/**
 * The board as a structured text outline: frames (lanes, organisations, blocks) with what is in
 * them, then the relations. Pure over a page's shapes and bindings, so it is tested without a
 * browser; the outline view renders it.
 */
import type { TLRecord, TLShape } from '@tldraw/tlschema'
import { boardAannames, type AannameRow } from '../../shared/board/aannames.ts'
import { recordsToModel } from '../../shared/board/records-to-model.ts'
import { ACTOR_SHAPE, ITEM_SHAPE } from '../../shared/board/regie-shapes.ts'
import { ShapeTree, shapeAuthor, shapesOf, shapeText } from '../../shared/board/shape-tree.ts'
import type { RegieRelation } from '../../shared/regie/model.ts'
import type { Locale } from '../../shared/regie/text.ts'

export type OutlineItemKind = 'note' | 'text' | 'actor' | 'item' | 'shape'

export interface OutlineItem {
  id: string
  kind: OutlineItemKind
  text: string
  /** An actor's kind, a shape's type. */
  detail: string
  createdBy: string | null
  createdByName: string | null
}

export interface OutlineFrame {
  id: string | null
  name: string
  items: OutlineItem[]
}

export interface Outline {
  frames: OutlineFrame[]
  relations: readonly RegieRelation<string>[]
  /** Actor names by id, for reading relations. */
  names: Record<string, string>
  /** What the template assumed where its seed is silent (issue 16), open and confirmed. */
  aannames: readonly AannameRow[]
}

export function buildOutline(records: readonly TLRecord[], locale: Locale = 'nl'): Outline {
  const shapes = shapesOf(records)
  const tree = new ShapeTree(shapes)
  const ordered = tree.inReadingOrder(shapes)
  const frames = new Map<string | null, OutlineFrame>([[null, { id: null, name: '', items: [] }]])
  for (const shape of ordered) {
    if (shape.type === 'frame') frames.set(shape.id, { id: shape.id, name: shapeText(shape), items: [] })
  }
  for (const shape of ordered) {
    const item = itemOf(shape)
    if (!item) continue
    const frame = tree.ancestors(shape).find((ancestor) => ancestor.type === 'frame')
    frames.get(frame?.id ?? null)?.items.push(item)
  }
  const model = recordsToModel(records)
  return {
    frames: [...frames.values()].filter((frame) => frame.id !== null || frame.items.length > 0),
    relations: model.relations,
    names: Object.fromEntries(model.actors.map((actor) => [actor.id, actor.name])),
    aannames: boardAannames(records, locale),
  }
}

const KINDS: Readonly<Record<string, OutlineItemKind>> = { note: 'note', text: 'text', geo: 'shape', [ACTOR_SHAPE]: 'actor', [ITEM_SHAPE]: 'item' }

function itemOf(shape: TLShape): OutlineItem | null {
  const kind = KINDS[shape.type]
  if (!kind) return null
  const text = shapeText(shape)
  // A geo shape without a label is decoration, not content.
  if (kind === 'shape' && text === '') return null
  const createdBy = (shape.meta as { createdBy?: unknown }).createdBy
  const kindProp = (shape.props as { kind?: unknown }).kind
  return {
    id: shape.id,
    kind,
    text,
    detail: kind === 'actor' && typeof kindProp === 'string' ? kindProp : shape.type,
    createdBy: typeof createdBy === 'string' ? createdBy : null,
    createdByName: shapeAuthor(shape) || null,
  }
}
