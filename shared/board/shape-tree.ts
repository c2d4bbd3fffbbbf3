/**
 * Reading shapes the way the canvas shows them, from records other people's clients wrote: their
 * text, their author, the shapes around them and their place on the page. Nothing about the
 * records is trusted; parent chains are walked safely even when they loop.
 */
import type { TLRecord, TLShape } from '@tldraw/tlschema'
import { ACTOR_SHAPE, ITEM_SHAPE } from './regie-shapes.ts'
import { richTextToPlain } from './rich-text.ts'

export function shapesOf(records: Iterable<TLRecord>): TLShape[] {
  return [...records].filter((record): record is TLShape => record.typeName === 'shape')
}

/** A shape's text as a reader sees it: a note's or label's text, a card's name or title. */
export function shapeText(shape: TLShape): string {
  const props = shape.props as Record<string, unknown>
  switch (shape.type) {
    case ACTOR_SHAPE:
      return typeof props.name === 'string' ? props.name.trim() : ''
    case ITEM_SHAPE:
      // As the outline view shows a card: its title, text and filled-in response.
      return [props.title, props.text, props.response]
        .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
        .map((part) => part.trim())
        .join(' — ')
    case 'frame':
      return typeof props.name === 'string' ? props.name.trim() : ''
    default:
      return richTextToPlain(props.richText)
  }
}

/** The author's display name, when the shape carries one (boards that are not anonymous). */
export function shapeAuthor(shape: TLShape): string {
  const meta = shape.meta as Record<string, unknown>
  const name = meta.createdByName
  return typeof name === 'string' ? name.trim() : ''
}

/** Looks shapes up by id and walks their parents, safe against cycles in untrusted records. */
export class ShapeTree {
  private readonly byId: ReadonlyMap<string, TLShape>

  constructor(shapes: readonly TLShape[]) {
    this.byId = new Map(shapes.map((shape) => [shape.id, shape]))
  }

  get(id: string): TLShape | undefined {
    return this.byId.get(id)
  }

  /** Enclosing shapes, nearest first. */
  ancestors(shape: TLShape): TLShape[] {
    const result: TLShape[] = []
    const seen = new Set<string>([shape.id])
    for (let parent = this.byId.get(shape.parentId); parent && !seen.has(parent.id); parent = this.byId.get(parent.parentId)) {
      seen.add(parent.id)
      result.push(parent)
    }
    return result
  }

  /** Names of the frames (lanes, organisations, blocks) the shape sits in, outermost first. */
  frameTrail(shape: TLShape): string[] {
    return this.ancestors(shape)
      .filter((ancestor) => ancestor.type === 'frame')
      .map((frame) => shapeText(frame))
      .reverse()
  }

  /** Reading order: top to bottom, then left to right, by position on the page; ties by id. */
  inReadingOrder(shapes: readonly TLShape[]): TLShape[] {
    const position = new Map(shapes.map((shape) => [shape.id, this.pagePosition(shape)]))
    return [...shapes].sort((a, b) => {
      const pa = position.get(a.id)!
      const pb = position.get(b.id)!
      return pa.y - pb.y || pa.x - pb.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
    })
  }

  private pagePosition(shape: TLShape): { x: number; y: number } {
    let x = finite(shape.x)
    let y = finite(shape.y)
    for (const ancestor of this.ancestors(shape)) {
      x += finite(ancestor.x)
      y += finite(ancestor.y)
    }
    return { x, y }
  }
}

function finite(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0
}
