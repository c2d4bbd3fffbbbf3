import { useEffect, useRef, useState } from 'react'
import type { Editor, TLPageId } from 'tldraw'
import { canFacilitate } from '../../shared/roles.ts'
import { formatRemaining, remainingMs } from '../../shared/session/timer.ts'
import type { BoardSession } from '../board/board-session.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { chime } from './chime.ts'
import { LobbyNotice } from './LobbyNotice.tsx'
import { useControl, useServerNow } from './use-control.ts'
import { VotingLayer } from './VotingLayer.tsx'
import { PrivateNotesLayer } from './PrivateNotesLayer.tsx'
import { nameFirstPage } from './name-first-page.ts'
import { useHiddenNotes } from './use-hidden-notes.ts'

const SUMMON_NOTICE_MS = 4000

/**
 * What the session shows everyone over the canvas: the timer, the freeze and "stil schrijven"
 * notices and the voting dots; and what it does to everyone's view: "iedereen naar mij".
 */
export function SessionOverlay({ editor, session }: { editor: Editor; session: BoardSession | null }) {
  const { t } = useI18n()
  const control = useControl(session)
  const now = useServerNow(session)
  const left = remainingMs(control.timer, now)
  const running = control.timer.status === 'running'
  const ended = running && left === 0
  const hidden = useHiddenNotes(session, control.privateMode.active)
  const [summonNotice, setSummonNotice] = useState<string | null>(null)
  const viewOnly = session?.role === 'participant' && control.viewOnly[session.owner.key] === true

  useEffect(() => {
    if (!summonNotice) return
    const timer = window.setTimeout(() => setSummonNotice(null), SUMMON_NOTICE_MS)
    return () => window.clearTimeout(timer)
  }, [summonNotice])

  // Once the board is in, an empty board's page gets the board's title instead of "Page 1".
  useEffect(() => {
    if (!session) return
    void session.ready.then(() => nameFirstPage(editor, document.title.replace(/ · Regiebord$/, '')))
  }, [editor, session])

  // The chime sounds once per run that reaches zero, on every screen.
  const chimed = useRef<number | null>(null)
  useEffect(() => {
    if (!ended || control.timer.status !== 'running' || chimed.current === control.timer.endsAt) return
    chimed.current = control.timer.endsAt
    chime()
  }, [ended, control.timer])

  // Summons issued before this page opened are old news; only new ones move the view.
  const lastSummon = useRef<number | null>(null)
  useEffect(() => {
    const summon = control.summon
    if (!session || !summon) return
    if (lastSummon.current === null) {
      lastSummon.current = summon.at
      return
    }
    if (summon.at === lastSummon.current) return
    lastSummon.current = summon.at
    if (canFacilitate(session.role)) return
    setSummonNotice(summon.byName ? t('facil.summon.notice', { name: summon.byName }) : t('facil.summon.noticeUnknown'))
    editor.stopFollowingUser()
    if (editor.getPage(summon.pageId as TLPageId)) editor.setCurrentPage(summon.pageId as TLPageId)
    editor.zoomToBounds(summon.bounds, { animation: { duration: 400 } })
  }, [control.summon, editor, session, t])
  useEffect(() => {
    // The summon state at page open counts as seen.
    if (session && lastSummon.current === null) lastSummon.current = session.$control.get().summon?.at ?? 0
  }, [session])

  const showTimer = control.timer.status !== 'stopped'
  return (
    <>
      {showTimer && (
        <div className="session-timer" role="timer" aria-live="off" data-status={control.timer.status} data-ended={ended ? 'true' : 'false'} data-remaining-ms={left}>
          <span className="session-timer__label">{control.timer.status === 'paused' ? t('session.timer.paused') : t('session.timer')}</span>
          <span className="session-timer__time">{formatRemaining(left)}</span>
        </div>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {ended ? t('session.timer.ended') : ''}
      </p>
      {summonNotice && (
        <p className="summon-notice" role="status" data-summon-notice>
          {summonNotice}
        </p>
      )}
      {(control.frozen || control.privateMode.active || viewOnly) && (
        <div className="session-notices">
          {control.frozen && (
            <p className="session-notice" role="status" data-session-frozen={session?.role ?? 'participant'}>
              {session?.role === 'facilitator' ? t('facil.state.frozen.facilitator') : session?.role === 'viewer' ? t('facil.state.frozen.viewer') : t('session.frozen.notice')}
            </p>
          )}
          {viewOnly && !control.frozen && (
            <p className="session-notice" role="status" data-session-view-only>
              {t('facil.state.viewOnly')}
            </p>
          )}
          {control.privateMode.active && (
            <p className="session-notice session-notice--private" role="status" data-session-private>
              {session?.role === 'participant' ? t('session.private.notice') : t('session.private.noticeFacilitator')}
              {hidden && (
                <>
                  {' '}
                  <strong data-hidden-notes={hidden.notes}>{t(hidden.notes === 1 ? 'facil.private.hidden.oneNote' : hidden.writers === 1 ? 'facil.private.hidden.oneWriter' : 'facil.private.hidden', { notes: hidden.notes, writers: hidden.writers })}</strong>
                </>
              )}
            </p>
          )}
        </div>
      )}
      {session && <LobbyNotice session={session} />}
      {session && control.privateMode.active && session.private && <PrivateNotesLayer editor={editor} session={session} />}
      {session && control.voting && <VotingLayer editor={editor} session={session} round={control.voting} now={now} />}
    </>
  )
}
