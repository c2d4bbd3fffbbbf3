/**
 * The board as a structured text outline: frames (lanes, organisations, blocks) with what is in
 * them, then the relations. Pure over a page's shapes and bindings, so it is tested without a
 * browser; the outline view renders it.
 */
import type { TLRecord, TLShape } from 'tldraw'
import { recordsToModel } from '../../shared/board/records-to-model.ts'
import { ACTOR_SHAPE, ITEM_SHAPE } from '../../shared/board/regie-shapes.ts'
import { richTextToPlain } from '../../shared/board/rich-text.ts'
import type { RegieRelation } from '../../shared/regie/model.ts'

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
}

export function buildOutline(records: readonly TLRecord[]): Outline {
  const shapes = records.filter((record): record is TLShape => record.typeName === 'shape')
  const byId = new Map(shapes.map((shape) => [shape.id as string, shape]))
  const frameOf = (shape: TLShape): TLShape | undefined => {
    for (let parent = byId.get(shape.parentId); parent; parent = byId.get(parent.parentId)) if (parent.type === 'frame') return parent
    return undefined
  }
  const frames = new Map<string | null, OutlineFrame>([[null, { id: null, name: '', items: [] }]])
  for (const shape of sortByPosition(shapes, byId)) {
    if (shape.type === 'frame') frames.set(shape.id, { id: shape.id, name: (shape.props as { name: string }).name, items: [] })
  }
  for (const shape of sortByPosition(shapes, byId)) {
    const item = itemOf(shape)
    if (!item) continue
    const frame = frameOf(shape)
    frames.get(frame?.id ?? null)?.items.push(item)
  }
  const model = recordsToModel(records)
  return {
    frames: [...frames.values()].filter((frame) => frame.id !== null || frame.items.length > 0),
    relations: model.relations,
    names: Object.fromEntries(model.actors.map((actor) => [actor.id, actor.name])),
  }
}

function itemOf(shape: TLShape): OutlineItem | null {
  const meta = shape.meta as { createdBy?: unknown; createdByName?: unknown }
  const base = {
    id: shape.id,
    createdBy: typeof meta.createdBy === 'string' ? meta.createdBy : null,
    createdByName: typeof meta.createdByName === 'string' ? meta.createdByName : null,
  }
  const props = shape.props as { richText?: unknown; name?: unknown; kind?: unknown; title?: unknown; text?: unknown; response?: unknown }
  switch (shape.type) {
    case 'note':
    case 'text':
      return { ...base, kind: shape.type, text: richTextToPlain(props.richText), detail: shape.type }
    case 'geo': {
      const text = richTextToPlain(props.richText)
      return text === '' ? null : { ...base, kind: 'shape', text, detail: 'geo' }
    }
    case ACTOR_SHAPE:
      return { ...base, kind: 'actor', text: typeof props.name === 'string' ? props.name : '', detail: typeof props.kind === 'string' ? props.kind : '' }
    case ITEM_SHAPE: {
      const parts = [props.title, props.text, props.response].filter((part): part is string => typeof part === 'string' && part.trim() !== '')
      return { ...base, kind: 'item', text: parts.join(' — '), detail: 'item' }
    }
    default:
      return null
  }
}

/** Reading order: top to bottom, then left to right, by page position. */
function sortByPosition(shapes: readonly TLShape[], byId: ReadonlyMap<string, TLShape>): TLShape[] {
  const position = (shape: TLShape) => {
    let x = shape.x
    let y = shape.y
    for (let parent = byId.get(shape.parentId); parent; parent = byId.get(parent.parentId)) {
      x += parent.x
      y += parent.y
    }
    return { x, y }
  }
  const positions = new Map(shapes.map((shape) => [shape.id, position(shape)]))
  return [...shapes].sort((a, b) => {
    const pa = positions.get(a.id)!
    const pb = positions.get(b.id)!
    return pa.y - pb.y || pa.x - pb.x
  })
}
