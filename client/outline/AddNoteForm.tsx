import { useId, useState, type FormEvent } from 'react'
import { createShapeId, toRichText, type Editor, type TLParentId, type TLShapeId } from 'tldraw'
import { useI18n } from '../i18n/i18n.tsx'
import { nextNoteSpot } from '../regie/place-notes.ts'
import type { OutlineFrame } from './outline-model.ts'

const NOTE_SIZE = 200
const GAP = 20

/** On the page itself: under everything, at the left edge of what is there. */
function belowEverything(editor: Editor, parent: TLParentId): { x: number; y: number } {
  const siblings = editor.getSortedChildIdsForParent(parent).map((child) => editor.getShape(child)).filter((shape) => shape !== undefined)
  const below = siblings.reduce((max, shape) => Math.max(max, shape.y + ((shape.props as { h?: number }).h ?? NOTE_SIZE)), 0)
  return { x: GAP, y: below + GAP }
}

/** Adds a sticky note to a chosen frame (or the page), below what is already there. */
export function AddNoteForm({ editor, frames }: { editor: Editor; frames: readonly OutlineFrame[] }) {
  const { t } = useI18n()
  const id = useId()
  const [text, setText] = useState('')
  const [frameId, setFrameId] = useState<string>('')
  const [added, setAdded] = useState('')

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (text.trim() === '') return
    const parent = (frameId || editor.getCurrentPageId()) as TLParentId
    const noteId = createShapeId()
    editor.markHistoryStoppingPoint('add note from the outline')
    editor.run(() => {
      // In a frame: its next free grid cell (growing it when full), so the note is seen on every canvas.
      const spot = frameId ? nextNoteSpot(editor, frameId as TLShapeId) : belowEverything(editor, parent)
      editor.createShape({ id: noteId, type: 'note', parentId: parent, x: spot.x, y: spot.y, props: { richText: toRichText(text.trim()) } })
    })
    setAdded(t('outline.added', { text: text.trim() }))
    setText('')
    if (frameId) editor.select(noteId as TLShapeId)
  }

  return (
    <form className="outline-add" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('outline.add')}</h2>
      <label htmlFor={`${id}-frame`}>{t('outline.add.frame')}</label>
      <select id={`${id}-frame`} value={frameId} onChange={(e) => setFrameId(e.target.value)} data-outline-frame>
        <option value="">{t('outline.noFrame')}</option>
        {frames
          .filter((frame) => frame.id !== null)
          .map((frame) => (
            <option key={frame.id} value={frame.id ?? ''}>
              {frame.name || t('outline.unnamedFrame')}
            </option>
          ))}
      </select>
      <label htmlFor={`${id}-text`}>{t('outline.add.text')}</label>
      <textarea id={`${id}-text`} rows={3} value={text} onChange={(e) => setText(e.target.value)} data-outline-text />
      <button type="submit" data-outline-add>
        {t('outline.add.submit')}
      </button>
      <p role="status" aria-live="polite" className="outline-added">
        {added}
      </p>
    </form>
  )
}
