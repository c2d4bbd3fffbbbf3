/**
 * Where sticky notes go in a lane (or any frame): a grid below the frame's other content, so a
 * lane's question card is never covered and notes never cover each other. One rule for every way
 * a note arrives: drawn on the canvas, added from the outline view (and the phone view, which uses
 * it), revealed after "stil schrijven"; and for "Notities ordenen", which snaps a lane's notes
 * back onto the grid. Pure: frame-local coordinates in, positions out.
 */
import type { Rect, Size } from '../regie/layout.ts'

/** tldraw's sticky note at scale 1, and the grid it sits on. */
export const NOTE_GRID = { note: 200, gap: 20, padding: 24, columns: 3, rows: 4 } as const

export interface FrameItem {
  readonly rect: Rect
  /** Notes are what the grid arranges; anything else (a question card, an actor) stays put. */
  readonly isNote: boolean
}

export interface NoteCell {
  readonly x: number
  readonly y: number
  /** The frame's height, grown when the grid had to extend below it. */
  readonly frameHeight: number
}

/** The room a lane needs below its own content to hold a workshop's notes (NOTE_GRID.rows rows). */
export function notesAreaSize(): Size {
  const { note, gap, padding, columns, rows } = NOTE_GRID
  return { width: 2 * padding + columns * note + (columns - 1) * gap, height: rows * note + (rows - 1) * gap + padding }
}

/** The top of the grid: under the lowest thing that is not a note. */
export function gridTop(items: readonly FrameItem[]): number {
  const bottoms = items.filter((item) => !item.isNote).map((item) => item.rect.y + item.rect.height)
  return bottoms.length === 0 ? NOTE_GRID.padding : Math.max(...bottoms) + NOTE_GRID.gap
}

function columnsFor(frameWidth: number, noteSize: Size): number {
  const { gap, padding } = NOTE_GRID
  return Math.max(1, Math.floor((frameWidth - 2 * padding + gap) / (noteSize.width + gap)))
}

function cellAt(index: number, columns: number, top: number, noteSize: Size): Rect {
  const { gap, padding } = NOTE_GRID
  const row = Math.floor(index / columns)
  const column = index % columns
  return { x: padding + column * (noteSize.width + gap), y: top + row * (noteSize.height + gap), width: noteSize.width, height: noteSize.height }
}

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

/** The first grid cell no item covers, in reading order. */
export function nextFreeNoteCell(frame: Size, items: readonly FrameItem[], noteSize: Size = { width: NOTE_GRID.note, height: NOTE_GRID.note }): NoteCell {
  const columns = columnsFor(frame.width, noteSize)
  const top = gridTop(items)
  for (let index = 0; ; index++) {
    const cell = cellAt(index, columns, top, noteSize)
    if (!items.some((item) => overlaps(item.rect, cell))) {
      return { x: cell.x, y: cell.y, frameHeight: Math.max(frame.height, cell.y + cell.height + NOTE_GRID.padding) }
    }
  }
}

/**
 * "Notities ordenen": every note onto the grid, in the order people read them (top to bottom,
 * left to right), with the other content left where it is. Returns positions by index of `notes`.
 */
export function arrangeNotes(frame: Size, items: readonly FrameItem[]): { positions: { x: number; y: number }[]; frameHeight: number } {
  const fixed = items.filter((item) => !item.isNote)
  const notes = items
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => item.isNote)
    .sort((a, b) => a.item.rect.y - b.item.rect.y || a.item.rect.x - b.item.rect.x)
  const positions: { x: number; y: number }[] = items.map((item) => ({ x: item.rect.x, y: item.rect.y }))
  const placed: FrameItem[] = [...fixed]
  let frameHeight = frame.height
  for (const { item, index } of notes) {
    const cell = nextFreeNoteCell({ width: frame.width, height: frameHeight }, placed, { width: item.rect.width, height: item.rect.height })
    positions[index] = { x: cell.x, y: cell.y }
    placed.push({ rect: { ...item.rect, x: cell.x, y: cell.y }, isNote: true })
    frameHeight = cell.frameHeight
  }
  return { positions, frameHeight }
}

// ---------------------------------------------------------------------------------------------
// On records: what the server does when private notes are revealed, and the canvas on creation.

/** The minimal shape fields placement reads and writes. */
export interface PlacedShape {
  readonly id: string
  readonly typeName: string
  readonly type?: string
  readonly parentId?: string
  readonly x?: number
  readonly y?: number
  readonly props?: unknown
  readonly meta?: unknown
}

function sizeOf(shape: PlacedShape): Size {
  const props = (shape.props ?? {}) as { w?: number; h?: number; scale?: number; growY?: number }
  if (shape.type === 'note') {
    const scale = props.scale ?? 1
    return { width: NOTE_GRID.note * scale, height: (NOTE_GRID.note + (props.growY ?? 0)) * scale }
  }
  return { width: props.w ?? 0, height: props.h ?? 0 }
}

/** A new note's spot in a frame (any frame, lane or not): its next free cell, on records. */
export function noteCellInFrame(frame: PlacedShape, children: readonly PlacedShape[]): NoteCell {
  const items = children
    .filter((child) => child.typeName === 'shape')
    .map((child) => ({ rect: { x: child.x ?? 0, y: child.y ?? 0, ...sizeOf(child) }, isNote: child.type === 'note' }))
  return nextFreeNoteCell(sizeOf(frame), items)
}

export function isLaneFrame(shape: PlacedShape | undefined): boolean {
  if (!shape || shape.type !== 'frame') return false
  const meta = shape.meta as { regieGroup?: unknown } | undefined
  return meta?.regieGroup === 'lane'
}

/**
 * Notes arriving in lanes (revealed private notes, say) that would land on something: each moved
 * to its lane's next free cell, the lane grown where needed. Returns the changed records (notes
 * and frames); notes outside lanes, or already on a free spot, are left as they are.
 */
export function placeArrivingNotes<R extends PlacedShape>(existing: readonly R[], arriving: readonly R[]): R[] {
  const frames = new Map(existing.filter(isLaneFrame).map((frame) => [frame.id, frame]))
  const children = new Map<string, FrameItem[]>()
  const arrivingIds = new Set(arriving.map((note) => note.id))
  for (const shape of existing) {
    if (arrivingIds.has(shape.id) || shape.typeName !== 'shape' || !shape.parentId || !frames.has(shape.parentId)) continue
    const size = sizeOf(shape)
    const list = children.get(shape.parentId) ?? []
    list.push({ rect: { x: shape.x ?? 0, y: shape.y ?? 0, ...size }, isNote: shape.type === 'note' })
    children.set(shape.parentId, list)
  }
  const changed = new Map<string, R>()
  for (const note of arriving) {
    const frame = note.parentId ? (changed.get(note.parentId) ?? frames.get(note.parentId)) : undefined
    if (note.type !== 'note' || !frame) continue
    const items = children.get(frame.id) ?? []
    const size = sizeOf(note)
    const rect = { x: note.x ?? 0, y: note.y ?? 0, ...size }
    const frameSize = sizeOf(frame)
    const free = !items.some((item) => overlaps(item.rect, rect)) && rect.y >= gridTop(items) && rect.x + rect.width <= frameSize.width && rect.y + rect.height <= frameSize.height
    let placed = rect
    if (!free) {
      const cell = nextFreeNoteCell(frameSize, items, size)
      placed = { ...rect, x: cell.x, y: cell.y }
      changed.set(note.id, { ...note, x: cell.x, y: cell.y })
      if (cell.frameHeight > frameSize.height) changed.set(frame.id, { ...frame, props: { ...(frame.props as object), h: cell.frameHeight } })
    }
    items.push({ rect: placed, isNote: true })
    children.set(frame.id, items)
  }
  return [...changed.values()]
}
