/**
 * Adding and rewording sticky notes without the canvas: the outline view and the phone view both
 * write through here, straight into the board's store (which the Yjs binding syncs), so a note
 * made on a phone is the same record the canvas would make.
 */
import { createShapeId, toRichText, type TLNoteShape, type TLParentId, type TLShape, type TLShapeId, type TLStore } from '@tldraw/tlschema'
import { getIndexAbove, type IndexKey } from '@tldraw/utils'
import { noteCellInFrame } from '../../shared/board/note-placement.ts'

/**
 * Marks a note whose text was written here, where it cannot be measured: the next canvas sizes it
 * to its text as tldraw would and removes the mark (client/board/fit-notes.ts).
 */
export const NEEDS_FIT = 'needsFit'

const NOTE_SIZE = 200
const GAP = 20

/** tldraw's defaults for a new note (NoteShapeUtil.getDefaultProps), with our note colour. */
const NOTE_PROPS: Omit<TLNoteShape['props'], 'richText'> = {
  color: 'yellow',
  labelColor: 'black',
  size: 'm',
  font: 'draw',
  fontSizeAdjustment: 1,
  align: 'middle',
  verticalAlign: 'middle',
  growY: 0,
  url: '',
  scale: 1,
  textLastEditedBy: null,
}

export interface NoteAuthor {
  id: string
  name: string
}

/** Where a new note goes among a frame's (or the page's) shapes: below what is already there. */
export function nextNotePosition(siblings: readonly TLShape[]): { x: number; y: number } {
  const below = siblings.reduce((max, shape) => Math.max(max, shape.y + ((shape.props as { h?: number }).h ?? NOTE_SIZE)), 0)
  return { x: GAP, y: below + GAP }
}

export function addNote(store: TLStore, parentId: TLParentId, text: string, author: NoteAuthor): TLShapeId {
  const siblings = store.query.records('shape').get().filter((shape) => shape.parentId === parentId)
  const top = siblings.reduce<IndexKey | null>((max, shape) => (max === null || shape.index > max ? shape.index : max), null)
  const id = createShapeId()
  const note: TLNoteShape = {
    id,
    typeName: 'shape',
    type: 'note',
    parentId,
    index: getIndexAbove(top),
    ...nextNotePosition(siblings),
    rotation: 0,
    isLocked: false,
    opacity: 1,
    meta: { createdBy: author.id, createdByName: author.name, [NEEDS_FIT]: true },
    props: { ...NOTE_PROPS, richText: toRichText(text) },
  }
  // In a frame: its next free grid cell, the frame grown when full (the rule the canvas and the
  // server's reveal use too), so the note never hides under a question card or another note.
  const frame = store.get(parentId as TLShapeId)
  if (frame?.typeName === 'shape' && frame.type === 'frame') {
    const cell = noteCellInFrame(frame, siblings)
    const grown = cell.frameHeight > frame.props.h ? [{ ...frame, props: { ...frame.props, h: cell.frameHeight } }] : []
    store.put([...grown, { ...note, x: cell.x, y: cell.y }])
  } else {
    store.put([note])
  }
  return id
}

export function rewordNote(store: TLStore, id: TLShapeId, text: string): void {
  const note = store.get(id)
  if (!note || note.typeName !== 'shape' || note.type !== 'note') return
  store.put([{ ...note, meta: { ...note.meta, [NEEDS_FIT]: true }, props: { ...note.props, richText: toRichText(text) } } as TLNoteShape])
}
