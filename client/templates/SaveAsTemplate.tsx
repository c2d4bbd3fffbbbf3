/**
 * The facilitator saves this board, or what is selected on it, as a template of this
 * installation; or adds a template file another installation exported.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import { useValue, type Editor } from 'tldraw'
import { recordsToModel } from '../../shared/board/records-to-model.ts'
import { templateModel } from '../../shared/templates/own-template.ts'
import { parseBoardLocation } from '../board/board-location.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { currentPageRecords } from '../regie/board-model.ts'
import { saveOwnTemplate } from './own-templates-api.ts'
import { templateTexts } from './template-texts.ts'
import '../import/import.css'

export function SaveAsTemplate({ editor }: { editor: Editor }) {
  const { language } = useI18n()
  const text = templateTexts(language)
  const [open, setOpen] = useState(false)
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    if (open) dialog.current?.showModal()
    else dialog.current?.close()
  }, [open])

  return (
    <>
      <button type="button" className="secondary" onClick={() => setOpen(true)} data-open-save-template>
        {text.open}
      </button>
      <dialog ref={dialog} className="import-dialog" onClose={() => setOpen(false)} aria-labelledby="save-template-heading">
        {open && <SaveTemplateForm editor={editor} />}
        <button type="button" className="secondary import-dialog-close" onClick={() => setOpen(false)}>
          {text.close}
        </button>
      </dialog>
    </>
  )
}

function SaveTemplateForm({ editor }: { editor: Editor }) {
  const { language } = useI18n()
  const text = templateTexts(language)
  const location = parseBoardLocation(window.location.pathname, window.location.hash)
  const selected = useValue('selected shapes', () => editor.getSelectedShapeIds(), [editor])
  const [scope, setScope] = useState<'whole' | 'selection'>(selected.length > 0 ? 'selection' : 'whole')
  const [title, setTitle] = useState(() => editor.getCurrentPage().name)
  const [description, setDescription] = useState('')
  const [busy, setBusy] = useState(false)
  const [status, setStatus] = useState<{ kind: 'done' | 'error'; message: string } | null>(null)

  const model = useMemo(() => {
    const full = recordsToModel(currentPageRecords(editor))
    return scope === 'selection' && selected.length > 0 ? templateModel(full, new Set<string>(selected)) : templateModel(full)
  }, [editor, scope, selected])
  const empty = model.actors.length + model.groups.length + model.blocks.length === 0

  const post = async (body: Record<string, unknown>, done: (title: string) => string, failed: (message: string) => string) => {
    if (!location?.token) return
    setBusy(true)
    setStatus(null)
    try {
      const saved = await saveOwnTemplate({ ...body, boardId: location.boardId }, location.token, language)
      setStatus({ kind: 'done', message: done(saved.title) })
    } catch (e) {
      setStatus({ kind: 'error', message: failed(e instanceof Error ? e.message : String(e)) })
    } finally {
      setBusy(false)
    }
  }

  const addFile = async (file: File | undefined) => {
    if (!file) return
    let parsed: unknown
    try {
      parsed = JSON.parse(await file.text())
    } catch {
      setStatus({ kind: 'error', message: text.fileError(text.notJson) })
      return
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      setStatus({ kind: 'error', message: text.fileError(text.notJson) })
      return
    }
    await post(parsed as Record<string, unknown>, text.fileDone, text.fileError)
  }

  return (
    <form
      className="import-panel save-template"
      onSubmit={(event) => {
        event.preventDefault()
        void post({ title, description, locale: language, model }, text.done, text.error)
      }}
      data-save-template
    >
      <h3 id="save-template-heading">{text.heading}</h3>
      <p className="import-help">{text.help}</p>
      <fieldset className="save-template-scope">
        <legend>{text.scope}</legend>
        <label>
          <input type="radio" name="template-scope" checked={scope === 'whole'} onChange={() => setScope('whole')} /> {text.whole}
        </label>
        <label>
          <input type="radio" name="template-scope" checked={scope === 'selection'} disabled={selected.length === 0} onChange={() => setScope('selection')} />{' '}
          {selected.length > 0 ? text.selection(selected.length) : text.nothingSelected}
        </label>
      </fieldset>
      <p className="import-muted" data-template-counts>
        {text.counts(model.actors.length, model.relations.length, model.blocks.length)}
      </p>
      <label htmlFor="template-title">{text.title}</label>
      <input id="template-title" value={title} required maxLength={120} onChange={(event) => setTitle(event.target.value)} />
      <label htmlFor="template-description">{text.description}</label>
      <textarea id="template-description" value={description} maxLength={1000} rows={3} onChange={(event) => setDescription(event.target.value)} />
      {empty && <p className="import-blocker">{text.empty}</p>}
      <div className="import-actions">
        <button type="submit" disabled={busy || empty || !title.trim()} data-save-template-submit>
          {busy ? text.saving : text.save}
        </button>
      </div>
      <label className="import-file">
        <span>{text.fromFile}</span>
        <input type="file" accept="application/json,.json" disabled={busy} onChange={(event) => void addFile(event.target.files?.[0])} data-template-file />
      </label>
      {status && (
        <p role={status.kind === 'error' ? 'alert' : 'status'} className={status.kind === 'error' ? 'error' : 'notice'} data-save-template-status>
          {status.message}
        </p>
      )}
    </form>
  )
}
