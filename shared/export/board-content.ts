/**
 * What exports read out of a board, from either side: the records of the board document and of
 * the locked-structure document, the board's meta map and the session's control state. The
 * server reads them from storage, the browser from its documents; the export builders in this
 * folder take this and nothing else. Private notes are not part of it: until the reveal they are
 * their writer's alone.
 *
 * Shapes are read the way the canvas shows them: text as plain text, position on the page,
 * the frames (lanes, organisations) they sit in. Records come from other people's clients, so
 * nothing about their props is trusted.
 */
import type { TLRecord, TLShape } from '@tldraw/tlschema'
import type { ControlState } from '../session/control-doc.ts'
import { ACTOR_SHAPE, ITEM_SHAPE } from '../board/regie-shapes.ts'
import { richTextToPlain } from '../board/rich-text.ts'

export interface BoardContent {
  /** Records of the board document (`<boardId>`). */
  readonly records: readonly TLRecord[]
  /** Records of the locked-structure document (`<boardId>/structure`). */
  readonly structure: readonly TLRecord[]
  /** The board document's meta map (title, createdAt, tldraw schema, …). */
  readonly meta: Readonly<Record<string, unknown>>
  readonly control: ControlState
}

/**
 * Both documents as the canvas shows them: one set of records. A record that is in both for a
 * moment (being locked or unlocked) counts once, as the structure has it.
 */
export function visibleRecords(content: Pick<BoardContent, 'records' | 'structure'>): TLRecord[] {
  const byId = new Map<string, TLRecord>()
  for (const record of content.records) byId.set(record.id, record)
  for (const record of content.structure) byId.set(record.id, record)
  return [...byId.values()]
}

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
