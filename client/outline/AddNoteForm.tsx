import { useId, useState, type FormEvent } from 'react'
import type { Editor, TLParentId } from 'tldraw'
import { useI18n } from '../i18n/i18n.tsx'
import { addNote, type NoteAuthor } from './note-edits.ts'
import type { OutlineFrame } from './outline-model.ts'

/** Adds a sticky note to a chosen frame (or the page), below what is already there. */
export function AddNoteForm({ editor, frames, author }: { editor: Editor; frames: readonly OutlineFrame[]; author: NoteAuthor }) {
  const { t } = useI18n()
  const id = useId()
  const [text, setText] = useState('')
  const [frameId, setFrameId] = useState<string>('')
  const [added, setAdded] = useState('')

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (text.trim() === '') return
    const parent = (frameId || editor.getCurrentPageId()) as TLParentId
    editor.markHistoryStoppingPoint('add note from the outline')
    const noteId = addNote(editor.store, parent, text.trim(), author)
    setAdded(t('outline.added', { text: text.trim() }))
    setText('')
    if (frameId) editor.select(noteId)
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
