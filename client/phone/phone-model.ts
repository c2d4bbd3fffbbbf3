/**
 * What the phone view shows of a board: its exercises (frames: lanes, organisations, blocks) in
 * reading order, each with its question cards and its notes, and where a summon points. Pure
 * over one page's records, so it is tested without a browser.
 */
import type { TLPageId, TLRecord, TLShape } from '@tldraw/tlschema'
import { ITEM_SHAPE } from '../../shared/board/regie-shapes.ts'
import { ShapeTree, shapeAuthor, shapesOf, shapeText } from '../../shared/board/shape-tree.ts'

export interface PhoneNote {
  id: string
  text: string
  createdBy: string | null
  authorName: string
  locked: boolean
}

export interface PhoneCard {
  id: string
  title: string
  text: string
}

export interface PhoneExercise {
  /** The frame's id, or null for what lies loose on the page. */
  id: string | null
  name: string
  /** Question and explanation cards in the frame. */
  cards: PhoneCard[]
  notes: PhoneNote[]
  /** Other things in the frame (cards of actors, texts), as plain words. */
  others: string[]
}

export interface Bounds {
  x: number
  y: number
  w: number
  h: number
}

/** The page to show: the one a summon points at when it exists, else the first page. */
export function pageToShow(records: readonly TLRecord[], summonedPage: string | null): TLPageId | null {
  const pages = records.filter((record) => record.typeName === 'page').sort((a, b) => ((a as { index: string }).index < (b as { index: string }).index ? -1 : 1))
  const summoned = pages.find((page) => page.id === summonedPage)
  return ((summoned ?? pages[0])?.id as TLPageId | undefined) ?? null
}

export function exercisesOf(records: readonly TLRecord[], pageId: TLPageId | null): PhoneExercise[] {
  const all = shapesOf(records)
  const tree = new ShapeTree(all)
  const onPage = all.filter((shape) => pageOf(tree, shape) === pageId)
  const ordered = tree.inReadingOrder(onPage)
  const exercises = new Map<string | null, PhoneExercise>([[null, { id: null, name: '', cards: [], notes: [], others: [] }]])
  for (const shape of ordered) {
    if (shape.type === 'frame') exercises.set(shape.id, { id: shape.id, name: shapeText(shape), cards: [], notes: [], others: [] })
  }
  for (const shape of ordered) {
    if (shape.type === 'frame' || shape.type === 'arrow') continue
    const frame = tree.ancestors(shape).find((ancestor) => ancestor.type === 'frame')
    const exercise = exercises.get(frame?.id ?? null)
    if (!exercise) continue
    if (shape.type === 'note') {
      const createdBy = (shape.meta as { createdBy?: unknown }).createdBy
      exercise.notes.push({ id: shape.id, text: shapeText(shape), createdBy: typeof createdBy === 'string' ? createdBy : null, authorName: shapeAuthor(shape), locked: shape.isLocked })
    } else if (shape.type === ITEM_SHAPE) {
      const props = shape.props as { title?: unknown; text?: unknown }
      exercise.cards.push({ id: shape.id, title: typeof props.title === 'string' ? props.title.trim() : '', text: typeof props.text === 'string' ? props.text.trim() : '' })
    } else {
      const text = shapeText(shape)
      if (text) exercise.others.push(text)
    }
  }
  return [...exercises.values()].filter((exercise) => exercise.id !== null || exercise.notes.length + exercise.cards.length + exercise.others.length > 0)
}

/** The exercise a person starts in: the first with notes or a question, else the first. */
export function firstExercise(exercises: readonly PhoneExercise[]): PhoneExercise | null {
  return exercises.find((exercise) => exercise.notes.length > 0 || exercise.cards.length > 0) ?? exercises[0] ?? null
}

/**
 * Where a summon ("iedereen naar mij") points, in the phone view's terms: the innermost frame
 * holding the centre of the facilitator's view, and the note there, if one is.
 */
export function summonTarget(records: readonly TLRecord[], pageId: TLPageId | null, bounds: Bounds): { exerciseId: string | null; noteId: string | null } {
  const all = shapesOf(records)
  const tree = new ShapeTree(all)
  const centre = { x: bounds.x + bounds.w / 2, y: bounds.y + bounds.h / 2 }
  const holding = all
    .filter((shape) => pageOf(tree, shape) === pageId && (shape.type === 'frame' || shape.type === 'note'))
    .map((shape) => ({ shape, box: pageBounds(tree, shape) }))
    .filter(({ box }) => centre.x >= box.x && centre.x <= box.x + box.w && centre.y >= box.y && centre.y <= box.y + box.h)
    .sort((a, b) => a.box.w * a.box.h - b.box.w * b.box.h)
  const note = holding.find(({ shape }) => shape.type === 'note')?.shape ?? null
  const frame =
    holding.find(({ shape }) => shape.type === 'frame')?.shape ??
    (note ? (tree.ancestors(note).find((ancestor) => ancestor.type === 'frame') ?? null) : null)
  return { exerciseId: frame?.id ?? null, noteId: note?.id ?? null }
}

function pageOf(tree: ShapeTree, shape: TLShape): string {
  const ancestors = tree.ancestors(shape)
  return (ancestors.at(-1) ?? shape).parentId
}

function pageBounds(tree: ShapeTree, shape: TLShape): Bounds {
  let x = finite(shape.x)
  let y = finite(shape.y)
  for (const ancestor of tree.ancestors(shape)) {
    x += finite(ancestor.x)
    y += finite(ancestor.y)
  }
  const props = shape.props as { w?: unknown; h?: unknown; growY?: unknown; scale?: unknown }
  if (shape.type === 'note') {
    const scale = finite(props.scale) || 1
    return { x, y, w: 200 * scale, h: (200 + finite(props.growY)) * scale }
  }
  return { x, y, w: finite(props.w), h: finite(props.h) }
}

function finite(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0
}
