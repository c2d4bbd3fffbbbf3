import { useEffect, useState, type FormEvent } from 'react'
import { api, boardLink, type CreatedBoard, type TemplateSummary } from '../app/api.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx'
import { ArrangementsImportSection } from '../import/ArrangementsImportSection.tsx'
import { OwnTemplateDescription, OwnTemplateOptions } from '../templates/OwnTemplatePicker.tsx'
import { useOwnTemplates } from '../templates/own-templates-api.ts'
import { CopyableLink } from './CopyableLink.tsx'
import { QrCode } from './QrCode.tsx'
import { MyBoards } from './MyBoards.tsx'
import { rememberBoard } from './my-boards.ts'

export function StartPage() {
  const { t, language } = useI18n()
  const [title, setTitle] = useState('')
  const [templates, setTemplates] = useState<TemplateSummary[]>([])
  const [template, setTemplate] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [board, setBoard] = useState<CreatedBoard | null>(null)
  const ownTemplates = useOwnTemplates(language)

  useEffect(() => {
    // Without the list the start page still makes empty boards, so a failure here stays quiet.
    api.templates().then(setTemplates, () => setTemplates([]))
  }, [])
  const importFile = async (file: File | undefined) => {
    if (!file) return
    setBusy(true)
    setError(null)
    try {
      const created = await api.importBoard(await file.text())
      rememberBoard({ id: created.id, title: created.title, role: 'facilitator', token: created.tokens.facilitator })
      setBoard(created)
    } catch (e) {
      setError(t('start.import.error', { message: e instanceof Error ? e.message : String(e) }))
    } finally {
      setBusy(false)
    }
  }
  const chosen = templates.find((candidate) => candidate.id === template)

  // Never rejects: a failure becomes the error shown in the form.
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const created = await api.createBoard(title, template || null, language)
      rememberBoard({ id: created.id, title: created.title, role: 'facilitator', token: created.tokens.facilitator })
      setBoard(created)
    } catch (e) {
      setError(t('start.error', { message: e instanceof Error ? e.message : String(e) }))
    } finally {
      setBusy(false)
    }
  }

  const origin = window.location.origin
  return (
    <main className="page start-page">
      <header className="page-header">
        <h1>{t('app.name')}</h1>
        <LanguageSwitch />
      </header>
      <p className="tagline">{t('app.tagline')}</p>
      {new URLSearchParams(window.location.search).has('verwijderd') && (
        <p role="status" className="notice" data-deleted-notice>
          {t('start.deleted')}
        </p>
      )}
      {/* A returning facilitator looks for tonight's board first; a first visit has no list. */}
      {!board && <MyBoards />}
      <section aria-labelledby="new-board">
        <h2 id="new-board">{t('start.heading')}</h2>
        <form onSubmit={(event) => void submit(event)} className="create-form">
          <label htmlFor="board-title">{t('start.title.label')}</label>
          <input
            id="board-title"
            value={title}
            maxLength={200}
            placeholder={t('start.title.placeholder')}
            onChange={(e) => setTitle(e.target.value)}
          />
          <label htmlFor="board-template">{t('start.template.label')}</label>
          <select id="board-template" value={template} onChange={(e) => setTemplate(e.target.value)}>
            <option value="">{t('start.template.none')}</option>
            {templates.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.title[language]}
              </option>
            ))}
            <OwnTemplateOptions own={ownTemplates} />
          </select>
          {chosen && (
            <p className="template-description">
              {chosen.description[language]} <em>{t('start.template.source', { source: chosen.seed.title })}</em>
            </p>
          )}
          <OwnTemplateDescription own={ownTemplates} chosen={template} />
          <button type="submit" disabled={busy}>
            {busy ? t('start.creating') : t('start.create')}
          </button>
        </form>
        <p className="import-row">
          <label htmlFor="board-import">{t('start.import')}</label>{' '}
          <input id="board-import" type="file" accept="application/json,.json" disabled={busy} onChange={(e) => void importFile(e.target.files?.[0])} />
        </p>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <ArrangementsImportSection onCreated={setBoard} />
      </section>
      {board && (
        <section aria-labelledby="links" className="links">
          <h2 id="links">{board.title}</h2>
          <p role="status">{t('start.created')}</p>
          <CopyableLink
            id="facilitator"
            label={t('start.link.facilitator')}
            help={t('start.link.facilitator.help')}
            url={boardLink(origin, board.id, board.tokens.facilitator)}
          />
          <CopyableLink
            id="participant"
            label={t('start.link.participant')}
            help={t('start.link.participant.help')}
            url={boardLink(origin, board.id, board.tokens.participant)}
          />
          <CopyableLink
            id="viewer"
            label={t('start.link.viewer')}
            help={t('start.link.viewer.help')}
            url={boardLink(origin, board.id, board.tokens.viewer)}
          />
          <QrCode value={boardLink(origin, board.id, board.tokens.participant)} label={t('start.qr')} />
          <p>
            <a className="button" href={boardLink(origin, board.id, board.tokens.facilitator)}>
              {t('start.open')}
            </a>
          </p>
        </section>
      )}
      <footer className="page-footer">
        <a href="/toegankelijkheid">{t('footer.accessibility')}</a> · <a href="/privacy">{t('footer.privacy')}</a>
      </footer>
    </main>
  )
}
