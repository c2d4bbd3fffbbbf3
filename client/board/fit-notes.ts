/**
 * Notes written without the canvas (the phone view, the text view) cannot be measured where they
 * are written: tldraw sizes a note to its text (taller for long text, smaller letters for a long
 * word) only when its own editor changes the text. Such notes carry a mark (NEEDS_FIT, set in
 * client/outline/note-edits.ts); the first canvas that sees one measures it as tldraw would after
 * an edit and stores the size without the mark, so the note looks right on every screen at once.
 * A canvas that may not write leaves the note to the next one that may.
 */
import type { Editor, TLFrameShape, TLNoteShape, TLRecord, TLShapeId } from 'tldraw'
import { NOTE_GRID } from '../../shared/board/note-placement.ts'
import { NEEDS_FIT } from '../outline/note-edits.ts'

function needsFit(record: TLRecord | undefined): record is TLNoteShape {
  return record?.typeName === 'shape' && record.type === 'note' && (record.meta as Record<string, unknown>)[NEEDS_FIT] === true
}

export function registerNoteFitting(editor: Editor): () => void {
  const waiting = new Set<TLShapeId>()
  let timer: number | null = null

  const fitWaiting = () => {
    timer = null
    if (editor.getIsReadonly()) return
    const notes = [...waiting].map((id) => editor.store.get(id)).filter(needsFit)
    waiting.clear()
    if (notes.length === 0) return
    const util = editor.getShapeUtil<TLNoteShape>('note')
    const fitted = notes.map((note) => {
      // onBeforeCreate is tldraw's own sizing of a note to its text (growY, fontSizeAdjustment).
      const sized = util.onBeforeCreate?.(note) ?? note
      const { [NEEDS_FIT]: _done, ...meta } = note.meta as Record<string, unknown>
      return { ...note, meta, props: { ...note.props, growY: sized.props.growY, fontSizeAdjustment: sized.props.fontSizeAdjustment } } as TLNoteShape
    })
    // A note grown past the bottom of its frame (a lane) would be cut off there: the frame grows
    // with it, as it does when a note is placed in a full lane.
    const frames = new Map<TLShapeId, TLFrameShape>()
    for (const note of fitted) {
      const parent = frames.get(note.parentId as TLShapeId) ?? editor.store.get(note.parentId as TLShapeId)
      if (parent?.typeName !== 'shape' || parent.type !== 'frame') continue
      const frame = parent as TLFrameShape
      const bottom = note.y + (NOTE_GRID.note + note.props.growY) * note.props.scale + NOTE_GRID.padding
      if (bottom > frame.props.h) frames.set(frame.id, { ...frame, props: { ...frame.props, h: bottom } })
    }
    // Not an undo step of this person's: they did not write these notes.
    editor.run(() => editor.store.put([...frames.values(), ...fitted]), { history: 'ignore' })
  }
  const schedule = (ids: Iterable<TLShapeId>) => {
    for (const id of ids) waiting.add(id)
    // Outside the change that brought the notes (a remote merge must not write).
    if (waiting.size > 0 && timer === null) timer = window.setTimeout(fitWaiting, 0)
  }

  schedule(editor.store.allRecords().filter(needsFit).map((note) => note.id))
  const stopListening = editor.store.listen(
    ({ changes }) => {
      const arrived = [...Object.values(changes.added), ...Object.values(changes.updated).map(([, after]) => after)].filter(needsFit)
      schedule(arrived.map((note) => note.id))
    },
    { scope: 'document' },
  )
  // When this canvas may write again (a freeze lifted), the notes it skipped are fitted.
  const stopReadonly = editor.sideEffects.registerAfterChangeHandler('instance', (before, after) => {
    if (before.isReadonly && !after.isReadonly) schedule(editor.store.allRecords().filter(needsFit).map((note) => note.id))
  })
  return () => {
    stopListening()
    stopReadonly()
    if (timer !== null) window.clearTimeout(timer)
  }
}
