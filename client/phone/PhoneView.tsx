import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { useValue } from '@tldraw/state-react'
import type { TLParentId, TLShapeId } from '@tldraw/tlschema'
import type { VotingRound } from '../../shared/session/control-doc.ts'
import { isRoundOpen, refuseVote } from '../../shared/session/voting.ts'
import { formatRemaining, remainingMs } from '../../shared/session/timer.ts'
import type { BoardSession } from '../board/board-session.ts'
import { ConnectionIndicator } from '../board/ConnectionIndicator.tsx'
import type { Identity } from '../board/identity.ts'
import type { SyncStatusSnapshot } from '../board/sync-status.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx'
import { addNote, rewordNote } from '../outline/note-edits.ts'
import { useControl, useServerNow } from '../session/use-control.ts'
import { useVotes, type Votes } from '../session/use-votes.ts'
import { exercisesOf, firstExercise, pageToShow, summonTarget, type PhoneExercise, type PhoneNote } from './phone-model.ts'

interface Props {
  session: BoardSession
  title: string
  identity: Identity
  /** The board's documents are in (from the server or this browser's copy). */
  ready: boolean
  readOnly: boolean
  status: SyncStatusSnapshot
  banners: ReactNode
  onOpenCanvas(): void
}

/**
 * "Eenvoudige weergave": the board for a thumb on a 390 px screen. One exercise at a time (a
 * frame: lane, organisation, block) with its question and its notes; adding and rewording one's
 * own notes, dot voting, the timer and the session notices. Same live store as the canvas.
 */
export function PhoneView({ session, title, identity, ready, readOnly, status, banners, onOpenCanvas }: Props) {
  const { t } = useI18n()
  const control = useControl(session)
  const now = useServerNow(session, 1000)
  const round = control.voting && isRoundOpen(control.voting, now) ? control.voting : null
  const votes = useVotes(session, control.voting)
  const shapes = useValue('phone shapes', () => session.store.query.records('shape').get(), [session])
  const pages = useValue('phone pages', () => session.store.query.records('page').get(), [session])
  const records = useMemo(() => [...pages, ...shapes], [pages, shapes])
  const pageId = useMemo(() => pageToShow(records, control.summon?.pageId ?? null), [records, control.summon?.pageId])
  const exercises = useMemo(() => exercisesOf(records, pageId), [records, pageId])
  const [chosen, setChosen] = useState<string | null | undefined>(undefined)
  const [pointedNote, setPointedNote] = useState<string | null>(null)
  const [summoned, setSummoned] = useState(false)
  const exercise = exercises.find((candidate) => candidate.id === chosen) ?? firstExercise(exercises)
  const pickerId = useId()
  const exerciseTop = useRef<HTMLElement>(null)

  // A summon ("kijk mee") issued after this page opened brings the phone to where it points.
  const lastSummon = useRef<number | null>(null)
  useEffect(() => {
    if (!ready) return
    const summon = control.summon
    if (lastSummon.current === null) {
      lastSummon.current = summon?.at ?? 0
      return
    }
    if (!summon || summon.at === lastSummon.current) return
    lastSummon.current = summon.at
    const target = summonTarget(records, pageToShow(records, summon.pageId), summon.bounds)
    setChosen(target.exerciseId)
    setPointedNote(target.noteId)
    setSummoned(true)
  }, [control.summon, ready, records])
  useEffect(() => {
    if (!summoned) return
    const element = pointedNote ? document.querySelector(`[data-phone-note="${CSS.escape(pointedNote)}"]`) : exerciseTop.current
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches
    element?.scrollIntoView({ behavior: reduceMotion ? 'auto' : 'smooth', block: 'center' })
  }, [summoned, pointedNote, exercise?.id])

  const timerShown = control.timer.status !== 'stopped'
  const left = remainingMs(control.timer, now)
  const canVote = session.role !== 'viewer' && round !== null

  return (
    <div className="phone-view" data-phone-view data-board-ready={ready ? 'true' : 'false'}>
      <header className="phone-header">
        <h1 className="phone-title">{title}</h1>
        <div className="phone-header__tools">
          <ConnectionIndicator status={status} />
          <button type="button" className="phone-open-canvas" onClick={onOpenCanvas} data-open-canvas>
            {t('phone.openCanvas')}
          </button>
        </div>
        <div className="phone-session" aria-live="polite">
          {timerShown && (
            <p className="phone-timer" data-phone-timer data-status={control.timer.status}>
              <span>{control.timer.status === 'paused' ? t('session.timer.paused') : t('phone.timer')}</span>{' '}
              <strong role="timer">{formatRemaining(left)}</strong>
            </p>
          )}
          {control.frozen && (
            <p className="phone-notice" role="status" data-phone-frozen>
              {t('session.frozen.notice')}
            </p>
          )}
          {control.privateMode.active && session.role === 'participant' && (
            <p className="phone-notice phone-notice--private" role="status" data-phone-private>
              {t('session.private.notice')}
            </p>
          )}
          {canVote && votes.answer && (
            <p className="phone-notice phone-notice--vote" role="status" data-votes-remaining={votes.answer.remaining}>
              {t('session.voting.remaining', { count: votes.answer.remaining })}
              {votes.refusal && ` · ${t(votes.refusal === 'budget_spent' ? 'session.voting.refused.budget' : votes.refusal === 'shape_full' ? 'session.voting.refused.full' : 'session.voting.refused.other')}`}
            </p>
          )}
          {summoned && (
            <p className="phone-notice phone-notice--summon" role="status" data-phone-summoned={exercise?.id ?? ''}>
              {t('phone.summoned')}
              <button type="button" className="phone-link-button" onClick={() => setSummoned(false)}>
                {t('phone.summoned.ok')}
              </button>
            </p>
          )}
        </div>
      </header>
      {banners}
      {!ready ? (
        <p className="phone-loading" role="status">
          {t('board.loading')}
        </p>
      ) : exercises.length === 0 ? (
        <p className="phone-empty">{t('phone.emptyBoard')}</p>
      ) : (
        <main className="phone-main">
          {exercises.length > 1 && (
            <div className="phone-picker">
              <label htmlFor={pickerId}>{t('phone.exercise.pick')}</label>
              <select
                id={pickerId}
                value={exercise?.id ?? ''}
                onChange={(event) => (setChosen(event.target.value === '' ? null : event.target.value), setSummoned(false))}
                data-phone-picker
              >
                {exercises.map((option) => (
                  <option key={option.id ?? 'page'} value={option.id ?? ''}>
                    {exerciseName(option, t)}
                  </option>
                ))}
              </select>
            </div>
          )}
          {exercise && (
            <ExerciseSection
              key={exercise.id ?? 'page'}
              heading={exerciseTop}
              exercise={exercise}
              session={session}
              identity={identity}
              readOnly={readOnly}
              pageId={pageId}
              pointedNote={summoned ? pointedNote : null}
              vote={canVote && round ? { round, votes, now } : null}
              totals={control.voting?.status === 'revealed' ? (control.voting.totals ?? {}) : null}
            />
          )}
        </main>
      )}
      <footer className="phone-footer">
        <LanguageSwitch />
        <a href="/toegankelijkheid">{t('footer.accessibility')}</a>
      </footer>
    </div>
  )
}

function exerciseName(exercise: PhoneExercise, t: ReturnType<typeof useI18n>['t']): string {
  if (exercise.id === null) return t('phone.exercise.loose')
  return exercise.name || t('phone.exercise.unnamed')
}

interface SectionProps {
  heading: React.RefObject<HTMLElement | null>
  exercise: PhoneExercise
  session: BoardSession
  identity: Identity
  readOnly: boolean
  pageId: string | null
  pointedNote: string | null
  vote: { round: VotingRound; votes: Votes; now: number } | null
  totals: Readonly<Record<string, number>> | null
}

function ExerciseSection({ heading, exercise, session, identity, readOnly, pageId, pointedNote, vote, totals }: SectionProps) {
  const { t } = useI18n()
  const headingId = useId()
  const [adding, setAdding] = useState(false)
  const [added, setAdded] = useState('')
  const parent = (exercise.id ?? pageId) as TLParentId | null

  return (
    <section className="phone-exercise" aria-labelledby={headingId} data-phone-exercise={exercise.id ?? ''} ref={heading}>
      <h2 id={headingId}>{exerciseName(exercise, t)}</h2>
      {exercise.cards.map((card) => (
        <div key={card.id} className="phone-question" data-phone-question>
          {card.title && <p className="phone-question__title">{card.title}</p>}
          {card.text && <p className="phone-question__text">{card.text}</p>}
        </div>
      ))}
      {!readOnly && parent && session.role !== 'viewer' && (
        adding ? (
          <NoteForm
            label={t('phone.note.new')}
            initial=""
            submitLabel={t('phone.note.add.save')}
            onCancel={() => setAdding(false)}
            onSave={(text) => {
              addNote(session.store, parent, text, identity)
              setAdded(t('phone.note.added'))
              setAdding(false)
            }}
          />
        ) : (
          <button type="button" className="phone-add" onClick={() => (setAdding(true), setAdded(''))} data-phone-add>
            <span aria-hidden="true">+</span> {t('phone.note.add')}
          </button>
        )
      )}
      <p className="visually-hidden" role="status">
        {added}
      </p>
      {exercise.notes.length === 0 ? (
        <p className="phone-empty">{t('phone.notes.none')}</p>
      ) : (
        <ul className="phone-notes" aria-label={t('phone.notes.label', { count: exercise.notes.length })}>
          {exercise.notes.map((note) => (
            <NoteCard
              key={note.id}
              note={note}
              session={session}
              mine={note.createdBy === identity.id}
              readOnly={readOnly}
              pointed={pointedNote === note.id}
              vote={vote && vote.round.shapeIds.includes(note.id) ? vote : null}
              total={totals ? (totals[note.id] ?? 0) : null}
            />
          ))}
        </ul>
      )}
      {exercise.others.length > 0 && (
        <>
          <h3>{t('phone.others')}</h3>
          <ul className="phone-others">
            {exercise.others.map((text, index) => (
              <li key={index}>{text}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

interface NoteCardProps {
  note: PhoneNote
  session: BoardSession
  mine: boolean
  readOnly: boolean
  pointed: boolean
  vote: { round: VotingRound; votes: Votes; now: number } | null
  total: number | null
}

function NoteCard({ note, session, mine, readOnly, pointed, vote, total }: NoteCardProps) {
  const { t } = useI18n()
  const [editing, setEditing] = useState(false)
  const text = note.text || t('outline.noText')
  const mineCount = vote?.votes.answer?.mine[note.id] ?? 0
  return (
    <li className="phone-note" data-phone-note={note.id} data-pointed={pointed ? 'true' : undefined} data-mine={mine ? 'true' : undefined}>
      {editing ? (
        <NoteForm
          label={t('phone.note.edit.label')}
          initial={note.text}
          submitLabel={t('outline.edit.save')}
          onCancel={() => setEditing(false)}
          onSave={(next) => {
            rewordNote(session.store, note.id as TLShapeId, next)
            setEditing(false)
          }}
        />
      ) : (
        <>
          <p className="phone-note__text">{text}</p>
          <p className="phone-note__author">{mine ? t('phone.note.byMe') : note.authorName ? t('phone.note.by', { name: note.authorName }) : ''}</p>
          {mine && !readOnly && !note.locked && (
            <button type="button" className="phone-note__edit" onClick={() => setEditing(true)} aria-label={t('outline.edit', { text })} data-phone-edit>
              {t('outline.edit.button')}
            </button>
          )}
        </>
      )}
      {vote && (
        <div className="phone-vote" data-phone-vote={note.id}>
          <span className="phone-vote__mine" data-my-votes={mineCount}>
            {t('phone.vote.mine', { count: mineCount })}
          </span>
          <button
            type="button"
            disabled={mineCount === 0}
            onClick={() => vote.votes.unvote(note.id)}
            aria-label={t('outline.vote.remove', { text })}
            data-phone-unvote
          >
            −
          </button>
          <button
            type="button"
            disabled={refuseVote(vote.round, vote.votes.answer?.mine ?? {}, note.id, vote.now) !== null}
            onClick={() => vote.votes.vote(note.id)}
            aria-label={t('outline.vote.add', { text })}
            data-phone-vote-add
          >
            +
          </button>
        </div>
      )}
      {total !== null && (
        <p className="phone-vote__total" data-vote-total={total}>
          {t('session.voting.total', { count: total })}
        </p>
      )}
    </li>
  )
}

function NoteForm({ label, initial, submitLabel, onSave, onCancel }: { label: string; initial: string; submitLabel: string; onSave(text: string): void; onCancel(): void }) {
  const { t } = useI18n()
  const id = useId()
  const [text, setText] = useState(initial)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (text.trim() === '') return
    onSave(text.trim())
  }
  return (
    <form className="phone-note-form" onSubmit={submit}>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={4} value={text} maxLength={1000} autoFocus onChange={(event) => setText(event.target.value)} data-phone-note-text />
      <div className="phone-note-form__buttons">
        <button type="submit" disabled={text.trim() === ''} data-phone-save>
          {submitLabel}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('outline.edit.cancel')}
        </button>
      </div>
    </form>
  )
}
