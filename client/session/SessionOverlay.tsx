import { useEffect, useRef } from 'react'
import type { Editor, TLPageId } from 'tldraw'
import { canFacilitate } from '../../shared/roles.ts'
import { formatRemaining, remainingMs } from '../../shared/session/timer.ts'
import type { BoardSession } from '../board/board-session.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { chime } from './chime.ts'
import { LobbyNotice } from './LobbyNotice.tsx'
import { useControl, useServerNow } from './use-control.ts'
import { VotingLayer } from './VotingLayer.tsx'

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
    editor.stopFollowingUser()
    if (editor.getPage(summon.pageId as TLPageId)) editor.setCurrentPage(summon.pageId as TLPageId)
    editor.zoomToBounds(summon.bounds, { animation: { duration: 400 } })
  }, [control.summon, editor, session])
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
      {(control.frozen || control.privateMode.active) && (
        <div className="session-notices">
          {control.frozen && (
            <p className="session-notice" role="status" data-session-frozen>
              {t('session.frozen.notice')}
            </p>
          )}
          {control.privateMode.active && (
            <p className="session-notice session-notice--private" role="status" data-session-private>
              {session?.role === 'participant' ? t('session.private.notice') : t('session.private.noticeFacilitator')}
            </p>
          )}
        </div>
      )}
      {session && <LobbyNotice session={session} />}
      {session && control.voting && <VotingLayer editor={editor} session={session} round={control.voting} now={now} />}
    </>
  )
}
