/**
 * The arrangements import's preview: pick a file, see what was understood and what was not (row,
 * column, value, why), choose a kind where the file's word is unknown or a guess is wrong, then
 * import. Where the result goes is the caller's: a new board (start page) or this board.
 *
 * Loaded lazily (see ArrangementsImportSection), with the XLSX reader loaded on top only when a
 * workbook is picked.
 */
import { useMemo, useState } from 'react'
import { ACTOR_KINDS, type ActorKindId } from '../../shared/regie/actor-kinds.ts'
import { RELATION_KINDS, type RelationKindId } from '../../shared/regie/relation-kinds.ts'
import { previewToPayload, type ArrangementsPayload } from '../../shared/import/payload.ts'
import { ImportFileError, readImportFiles } from '../../shared/import/read-files.ts'
import {
  applyKindChoices,
  readArrangements,
  relationKindKey,
  unknownRelationKinds,
  type ArrangementsPreview,
  type ImportedActor,
  type KindChoices,
} from '../../shared/import/read-arrangements.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { importTexts, type ImportTexts } from './import-texts.ts'
import './import.css'

const SHOWN_RELATIONS = 60

export interface ArrangementsImportPanelProps {
  mode: 'start' | 'board'
  /** Does the import; resolves with a status line to show, rejects with an error to show. */
  onImport(payload: ArrangementsPayload, title: string): Promise<string>
}

export default function ArrangementsImportPanel({ mode, onImport }: ArrangementsImportPanelProps) {
  const { language } = useI18n()
  const text = importTexts(language)
  const [preview, setPreview] = useState<ArrangementsPreview | null>(null)
  const [choices, setChoices] = useState<KindChoices>({})
  const [title, setTitle] = useState('')
  const [busy, setBusy] = useState<'reading' | 'importing' | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  // Open at first when an actor's kind needs a look; after that the user decides.
  const [actorsOpen, setActorsOpen] = useState(false)

  const fixed = useMemo(() => (preview ? applyKindChoices(preview, choices) : null), [preview, choices])
  const payload = useMemo(() => (fixed ? previewToPayload(fixed) : null), [fixed])
  const unknownKinds = useMemo(() => (preview ? unknownRelationKinds(preview) : []), [preview])

  const pick = async (list: FileList | null) => {
    if (!list || list.length === 0) return
    setBusy('reading')
    setError(null)
    setDone(null)
    setPreview(null)
    setChoices({})
    try {
      const files = await Promise.all([...list].map(async (file) => ({ name: file.name, bytes: await file.arrayBuffer() })))
      const read = readArrangements(await readImportFiles(files))
      setPreview(read)
      setActorsOpen(read.actors.some((actor) => actor.kind === null || actor.kindSource === 'default'))
      if (!title) setTitle(list[0]!.name.replace(/\.(csv|xlsx|txt)$/i, ''))
    } catch (e) {
      setError(text.fileError(e instanceof ImportFileError ? e[language] : e instanceof Error ? e.message : String(e)))
    } finally {
      setBusy(null)
    }
  }

  const submit = async () => {
    if (!payload?.ok) return
    setBusy('importing')
    setError(null)
    try {
      setDone(await onImport(payload.payload, title))
      setPreview(null)
    } catch (e) {
      setError(text.importError(e instanceof Error ? e.message : String(e)))
    } finally {
      setBusy(null)
    }
  }

  const chooseRelationKind = (word: string, value: string) =>
    setChoices((current) => {
      const relationKinds = { ...current.relationKinds }
      if (value === '') delete relationKinds[relationKindKey(word)]
      else relationKinds[relationKindKey(word)] = value as RelationKindId | 'skip'
      return { ...current, relationKinds }
    })
  const chooseActorKind = (actor: ImportedActor, value: ActorKindId) => setChoices((current) => ({ ...current, actorKinds: { ...current.actorKinds, [actor.key]: value } }))

  const HeadingTag = mode === 'start' ? 'h2' : 'h3'
  const relationCount = fixed?.relations.length ?? 0
  return (
    // A region rather than a <section>: the start page draws every section as a card, and this one sits inside one.
    <div role="region" className="import-panel" aria-labelledby={`import-heading-${mode}`} data-arrangements-import>
      <HeadingTag id={`import-heading-${mode}`}>{text.heading}</HeadingTag>
      <p className="import-help">{mode === 'start' ? text.help : text.boardHelp}</p>
      <label className="import-file">
        <span>{text.files}</span>
        <input
          type="file"
          multiple
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy !== null}
          onChange={(event) => void pick(event.target.files)}
          data-import-files
        />
      </label>
      {busy === 'reading' && <p role="status">{text.reading}</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {done && (
        <p role="status" className="notice" data-import-done>
          {done}
        </p>
      )}
      {preview && fixed && (
        <div className="import-preview" data-import-preview>
          <p role="status" className="import-summary" data-import-summary>
            {text.summary(preview.relations.length, preview.actors.length, [preview.sheets.arrangements, preview.sheets.actors].filter(Boolean).join(' + '))}
          </p>
          <ProblemTable preview={preview} text={text} language={language} />
          {unknownKinds.length > 0 && (
            <fieldset className="import-fix" data-unknown-relation-kinds>
              <legend>{text.unknownKindsHeading}</legend>
              <p className="import-help">{text.unknownKindsHelp}</p>
              {unknownKinds.map((kind) => {
                const id = `fix-relation-${relationKindKey(kind.text).replace(/\s+/g, '-')}`
                return (
                  <div className="import-fix-row" key={kind.text}>
                    <label htmlFor={id}>
                      “{kind.text}” <span className="import-muted">({text.rowsList(kind.rows)})</span>
                    </label>
                    <select id={id} value={choices.relationKinds?.[relationKindKey(kind.text)] ?? ''} onChange={(event) => chooseRelationKind(kind.text, event.target.value)} data-relation-kind-fix={kind.text}>
                      <option value="">{text.chooseKind}</option>
                      {RELATION_KINDS.map((option) => (
                        <option key={option.id} value={option.id}>
                          {option.label[language]}
                        </option>
                      ))}
                      <option value="skip">{text.skipRows}</option>
                    </select>
                  </div>
                )
              })}
            </fieldset>
          )}
          {fixed.actors.length > 0 && (
            <details className="import-table-block" open={actorsOpen} onToggle={(event) => setActorsOpen(event.currentTarget.open)} data-import-actors>
              <summary>
                {text.actorsHeading} ({fixed.actors.length})
              </summary>
              <p className="import-help">{text.actorsHelp}</p>
              <div className="import-scroll">
                <table className="import-table">
                  <thead>
                    <tr>
                      <th scope="col">{text.name}</th>
                      <th scope="col">{text.kind}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {fixed.actors.map((actor) => (
                      <tr key={actor.key} className={actor.kind === null ? 'import-needs-choice' : actor.kindSource === 'default' ? 'import-guess' : undefined}>
                        <th scope="row">{actor.name}</th>
                        <td>
                          <select
                            aria-label={`${text.kind}: ${actor.name}`}
                            value={actor.kind ?? ''}
                            onChange={(event) => chooseActorKind(actor, event.target.value as ActorKindId)}
                            data-actor-kind={actor.name}
                          >
                            {actor.kind === null && <option value="">{text.chooseKind}</option>}
                            {ACTOR_KINDS.map((option) => (
                              <option key={option.id} value={option.id}>
                                {option.label[language]}
                              </option>
                            ))}
                          </select>
                          <div className="import-muted import-source">{kindSourceText(actor, text)}</div>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          )}
          {fixed.relations.length > 0 && (
            <details className="import-table-block" data-import-relations>
              <summary>
                {text.relationsHeading} ({fixed.relations.length})
              </summary>
              <div className="import-scroll">
                <table className="import-table">
                  <thead>
                    <tr>
                      <th scope="col">{text.row}</th>
                      <th scope="col">{text.actorA}</th>
                      <th scope="col">{text.relation}</th>
                      <th scope="col">{text.actorB}</th>
                      <th scope="col">{text.label}</th>
                      <th scope="col">{text.commissioner}</th>
                      <th scope="col">{text.rad}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {fixed.relations.slice(0, SHOWN_RELATIONS).map((relation) => (
                      <tr key={`${relation.sheet}:${relation.row}`}>
                        <td>{relation.row}</td>
                        <td>{relation.from}</td>
                        <td>{relation.kind ? RELATION_KINDS.find((kind) => kind.id === relation.kind)!.label[language] : <em>{relation.kindText}?</em>}</td>
                        <td>{relation.to}</td>
                        <td>{relation.label}</td>
                        <td>{relation.commissioners.join(', ')}</td>
                        <td>{relation.rad}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {fixed.relations.length > SHOWN_RELATIONS && <p className="import-muted">{text.more(fixed.relations.length - SHOWN_RELATIONS)}</p>}
            </details>
          )}
          {mode === 'start' && (
            <div className="import-title">
              <label htmlFor="import-title">{text.title}</label>
              <input id="import-title" value={title} maxLength={200} onChange={(event) => setTitle(event.target.value)} />
            </div>
          )}
          {payload && !payload.ok && (
            <p className="import-blocker" data-import-blocker>
              {payload.message[language]}
            </p>
          )}
          <div className="import-actions">
            <button type="button" onClick={() => void submit()} disabled={!payload?.ok || busy !== null} data-import-submit>
              {busy === 'importing' ? text.submitting : mode === 'start' ? text.submitStart(relationCount) : text.submitBoard(relationCount)}
            </button>
            <button type="button" className="secondary" onClick={() => setPreview(null)} disabled={busy !== null}>
              {text.cancel}
            </button>
          </div>
        </div>
      )}
    </div>
  )
}

function kindSourceText(actor: ImportedActor, text: ImportTexts): string {
  if (actor.kind === null) return text.sourceUnknown(actor.kindText)
  switch (actor.kindSource) {
    case 'sheet':
      return text.sourceSheet
    case 'guessed':
      return text.sourceGuessed
    case 'default':
      return text.sourceDefault
    case 'chosen':
      return text.sourceChosen
  }
}

function ProblemTable({ preview, text, language }: { preview: ArrangementsPreview; text: ImportTexts; language: 'nl' | 'en' }) {
  if (preview.problems.length === 0) return null
  const rows = new Set(preview.problems.map((problem) => `${problem.sheet}:${problem.row}`)).size
  const severalSheets = new Set(preview.problems.map((problem) => problem.sheet)).size > 1
  return (
    <div className="import-problems" data-import-problems>
      <h4>{text.problemsHeading(rows)}</h4>
      <div className="import-scroll">
        <table className="import-table">
          <thead>
            <tr>
              {severalSheets && <th scope="col">{text.sheet}</th>}
              <th scope="col">{text.row}</th>
              <th scope="col">{text.column}</th>
              <th scope="col">{text.value}</th>
              <th scope="col">{text.problem}</th>
            </tr>
          </thead>
          <tbody>
            {preview.problems.map((problem, i) => (
              <tr key={i} className={problem.severity === 'error' ? 'import-error-row' : 'import-warning-row'} data-problem-row={problem.row}>
                {severalSheets && <td>{problem.sheet}</td>}
                <td>{problem.row || '–'}</td>
                <td>{problem.column ?? '–'}</td>
                <td className="import-value">{problem.value === '' ? <em>{text.empty}</em> : problem.value}</td>
                <td>
                  <strong>{problem.severity === 'error' ? text.notImported : text.adjusted}:</strong> {problem.message[language]}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
