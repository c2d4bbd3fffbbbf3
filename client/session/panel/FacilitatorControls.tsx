import { useValue, type Editor, type TLShapeId } from 'tldraw'
import type { BoardSession } from '../../board/board-session.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { lockShapes, unlockShapes } from '../locking.ts'
import { useParticipants } from '../participants.ts'
import { MAX_SUMMON_NAME } from '../../../shared/session/limits.ts'
import { useControl } from '../use-control.ts'
import { useAttempt } from './use-attempt.ts'

/**
 * "Samen werken": freeze, "stil schrijven", "iedereen naar mij" and locking. Every session action
 * goes to the server, which checks the role; locking moves records between documents.
 */
export function CollaborationControls({ editor, session }: { editor: Editor; session: BoardSession }) {
  const { t } = useI18n()
  const control = useControl(session)
  const { attempt, message, setMessage } = useAttempt()
  const selected = useValue('selected ids', () => editor.getSelectedShapeIds(), [editor])
  const me = useParticipants(session.main.provider.awareness).find((person) => person.isMe)

  const summon = () => {
    const viewport = editor.getViewportPageBounds()
    attempt(() =>
      session.client.summon({
        pageId: editor.getCurrentPageId(),
        bounds: { x: viewport.x, y: viewport.y, w: viewport.w, h: viewport.h },
        by: editor.user.getId(),
        ...(me && { byName: me.name.slice(0, MAX_SUMMON_NAME) }),
      }),
    )
  }

  const lock = (locking: boolean) => {
    const ids = [...selected] as TLShapeId[]
    const count = locking ? lockShapes(session, editor, ids) : unlockShapes(session, editor, ids)
    setMessage(t(locking ? 'session.lock.done' : 'session.unlock.done', { count }))
  }

  return (
    <div className="collaboration-controls">
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
      {message && (
        <p className="regie-help" role="status">
          {message}
        </p>
      )}
    </div>
  )
}
