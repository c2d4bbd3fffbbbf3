import { useState } from 'react'
import { useValue, type Editor, type TLShapeId } from 'tldraw'
import type { BoardSession } from '../../board/board-session.ts'
import { boardLink } from '../../app/api.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { lockShapes, unlockShapes } from '../locking.ts'
import { useControl } from '../use-control.ts'
import { TimerControls } from './TimerControls.tsx'
import { VotingControls } from './VotingControls.tsx'

/** The facilitator's session controls. Every action goes to the server, which checks the role. */
export function FacilitatorControls({ editor, session }: { editor: Editor; session: BoardSession }) {
  const { t } = useI18n()
  const control = useControl(session)
  const [message, setMessage] = useState<string | null>(null)
  const [links, setLinks] = useState<Partial<Record<'participant' | 'viewer', string>>>({})
  const selected = useValue('selected ids', () => editor.getSelectedShapeIds(), [editor])

  const attempt = (action: () => Promise<unknown>) => {
    setMessage(null)
    action().catch((error: unknown) => setMessage(t('session.failed', { message: error instanceof Error ? error.message : String(error) })))
  }

  const summon = () => {
    const viewport = editor.getViewportPageBounds()
    attempt(() =>
      session.client.summon({
        pageId: editor.getCurrentPageId(),
        bounds: { x: viewport.x, y: viewport.y, w: viewport.w, h: viewport.h },
        by: editor.user.getId(),
      }),
    )
  }

  const rotate = (role: 'participant' | 'viewer') =>
    attempt(async () => {
      const { token } = await session.client.rotate(role)
      setLinks((current) => ({ ...current, [role]: boardLink(window.location.origin, window.location.pathname.split('/')[2] ?? '', token) }))
    })

  const lock = (locking: boolean) => {
    const ids = [...selected] as TLShapeId[]
    const count = locking ? lockShapes(session, editor, ids) : unlockShapes(session, editor, ids)
    setMessage(t(locking ? 'session.lock.done' : 'session.unlock.done', { count }))
  }

  return (
    <div className="facilitator-controls">
      <TimerControls session={session} attempt={attempt} />

      <section aria-labelledby="session-board-heading">
        <h3 id="session-board-heading">{t('session.board')}</h3>
        <div className="session-buttons">
          <button type="button" onClick={() => attempt(() => session.client.freeze(!control.frozen))} aria-pressed={control.frozen} data-freeze>
            {control.frozen ? t('session.unfreeze') : t('session.freeze')}
          </button>
          <button type="button" onClick={() => attempt(() => session.client.privateMode(!control.privateMode.active))} aria-pressed={control.privateMode.active} data-private-mode>
            {control.privateMode.active ? t('session.private.reveal') : t('session.private.start')}
          </button>
          <button type="button" onClick={summon} data-summon>
            {t('session.summon')}
          </button>
        </div>
        <div className="session-buttons">
          <button type="button" onClick={() => lock(true)} disabled={selected.length === 0} data-lock>
            {t('session.lock')}
          </button>
          <button type="button" onClick={() => lock(false)} disabled={selected.length === 0} data-unlock>
            {t('session.unlock')}
          </button>
        </div>
        <p className="regie-help">{t('session.lock.help')}</p>
      </section>

      <VotingControls editor={editor} session={session} attempt={attempt} />

      <section aria-labelledby="session-links-heading">
        <h3 id="session-links-heading">{t('session.links')}</h3>
        <p className="regie-help">{t('session.links.help')}</p>
        <div className="session-buttons">
          <button type="button" onClick={() => rotate('participant')} data-rotate="participant">
            {t('session.links.rotateParticipant')}
          </button>
          <button type="button" onClick={() => rotate('viewer')} data-rotate="viewer">
            {t('session.links.rotateViewer')}
          </button>
        </div>
        {(['participant', 'viewer'] as const).map((role) =>
          links[role] ? (
            <label key={role} className="session-new-link">
              {t(`start.link.${role}`)}
              <input readOnly value={links[role]} onFocus={(e) => e.target.select()} data-new-link={role} />
            </label>
          ) : null,
        )}
      </section>
      {message && (
        <p className="regie-help" role="status">
          {message}
        </p>
      )}
    </div>
  )
}
