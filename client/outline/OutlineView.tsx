import { useEffect, useRef, useState } from 'react'
import { useValue, type Editor } from 'tldraw'
import { isRoundOpen } from '../../shared/session/voting.ts'
import { formatRemaining, remainingMs } from '../../shared/session/timer.ts'
import type { BoardSession } from '../board/board-session.ts'
import type { Identity } from '../board/identity.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { currentPageRecords } from '../regie/board-model.ts'
import { actorKindLabel, relationKindLabel } from '../shapes/labels.ts'
import { useControl, useServerNow } from '../session/use-control.ts'
import { useVotes } from '../session/use-votes.ts'
import { AddNoteForm } from './AddNoteForm.tsx'
import { OutlineItemRow } from './OutlineItemRow.tsx'
import { buildOutline } from './outline-model.ts'

interface Props {
  editor: Editor
  session: BoardSession
  identity: Identity
  readOnly: boolean
  /** Back to the canvas. The view covers the canvas and its bar, so it has its own way out. */
  onClose(): void
}

/**
 * The same live board as text: for people who cannot or would rather not use a canvas (keyboard,
 * screen reader, small screens). Everything done here is an ordinary edit of the board.
 */
export function OutlineView({ editor, session, identity, readOnly, onClose }: Props) {
  const { t, language } = useI18n()
  const outline = useValue('outline', () => buildOutline(currentPageRecords(editor), language), [editor, language])
  const control = useControl(session)
  const now = useServerNow(session, 1000)
  const votes = useVotes(session, control.voting)
  const round = control.voting && isRoundOpen(control.voting, now) ? control.voting : null
  const announcement = useNewNoteAnnouncement(outline.frames.flatMap((frame) => frame.items), identity.id)
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])

  return (
    <div
      className="outline-view"
      data-outline-view
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) onClose()
      }}
    >
      <div className="outline-header">
        <h1 tabIndex={-1} ref={heading}>
          {t('outline.heading')}
        </h1>
        <button type="button" className="outline-close" onClick={onClose} data-outline-close>
          {t('outline.close')}
        </button>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {control.timer.status !== 'stopped' && (
        <p className="outline-timer">
          {t('session.timer')}: <span role="timer">{formatRemaining(remainingMs(control.timer, now))}</span>
        </p>
      )}
      {control.frozen && <p role="status">{t('session.frozen.notice')}</p>}
      {round && votes.answer && (
        <p role="status" data-votes-remaining={votes.answer.remaining}>
          {t('session.voting.remaining', { count: votes.answer.remaining })}
        </p>
      )}
      {!readOnly && <AddNoteForm editor={editor} frames={outline.frames} author={identity} />}
      {outline.frames.map((frame) => (
        <section key={frame.id ?? 'page'} aria-labelledby={`outline-frame-${frame.id ?? 'page'}`}>
          <h2 id={`outline-frame-${frame.id ?? 'page'}`}>{frame.id === null ? t('outline.noFrame') : frame.name || t('outline.unnamedFrame')}</h2>
          {frame.items.length === 0 ? (
            <p>{t('outline.empty')}</p>
          ) : (
            <ul>
              {frame.items.map((item) => (
                <OutlineItemRow
                  key={item.id}
                  editor={editor}
                  item={item}
                  kindLabel={item.kind === 'actor' ? actorKindLabel(item.detail, language) : t(`outline.kind.${item.kind}`)}
                  mine={item.createdBy === identity.id}
                  readOnly={readOnly}
                  vote={round && round.shapeIds.includes(item.id) ? { round, votes, now } : null}
                  total={control.voting?.status === 'revealed' ? (control.voting.totals?.[item.id] ?? 0) : null}
                />
              ))}
            </ul>
          )}
        </section>
      ))}
      {outline.relations.length > 0 && (
        <section aria-labelledby="outline-relations">
          <h2 id="outline-relations">{t('outline.relations')}</h2>
          <ul>
            {outline.relations.map((relation) => (
              <li key={relation.id}>
                {outline.names[relation.from] || t('actor.unnamed')} — {relationKindLabel(relation.kind, language)} →{' '}
                {outline.names[relation.to] || t('actor.unnamed')}
                {relation.label ? ` (${relation.label})` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
      {outline.aannames.length > 0 && (
        <section aria-labelledby="outline-aannames" data-outline-aannames>
          <h2 id="outline-aannames">{t('outline.aannames')}</h2>
          <ul>
            {outline.aannames.map((row) => (
              <li key={row.shapeId} data-bevestigd={row.bevestigd ? 'true' : 'false'}>
                <strong>{row.element}</strong>
                {row.bevestigd ? ` (${t('aanname.marker.confirmed')})` : ''}: {row.aanname}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}

/** Tells screen-reader users when someone else adds a note ("Nieuwe notitie van Anna: …"). */
function useNewNoteAnnouncement(items: readonly { id: string; kind: string; text: string; createdBy: string | null; createdByName: string | null }[], me: string): string {
  const { t } = useI18n()
  const seen = useRef<Set<string> | null>(null)
  const [message, setMessage] = useState('')
  useEffect(() => {
    const notes = items.filter((item) => item.kind === 'note')
    if (seen.current === null) {
      seen.current = new Set(notes.map((note) => note.id))
      return
    }
    const fresh = notes.filter((note) => !seen.current!.has(note.id) && note.createdBy !== me)
    for (const note of notes) seen.current.add(note.id)
    const last = fresh.at(-1)
    if (last) setMessage(t('outline.newNote', { name: last.createdByName ?? t('outline.someone'), text: last.text }))
  }, [items, me, t])
  return message
}
