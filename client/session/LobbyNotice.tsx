import { canFacilitate } from '../../shared/roles.ts'
import type { BoardSession } from '../board/board-session.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { useControl } from './use-control.ts'

/** How many waiting people the notice lists; the rest are in the Sessie tab. */
const SHOWN = 3

/**
 * For the facilitator, over the canvas: who is waiting in the waiting room, with "let in" and
 * "turn away" at hand, so nobody waits unnoticed while the Sessie tab is closed.
 */
export function LobbyNotice({ session }: { session: BoardSession }) {
  const { t } = useI18n()
  const control = useControl(session)
  if (!canFacilitate(session.role)) return null
  const waiting = Object.entries(control.identities)
    .filter(([, entry]) => entry.status === 'waiting')
    .sort(([, a], [, b]) => a.issuedAt - b.issuedAt)
  if (waiting.length === 0) return null
  const admit = (participantId: string, yes: boolean) => void session.client.admit(participantId, yes).catch(() => undefined)
  return (
    <section className="lobby-notice" aria-labelledby="lobby-notice-heading" data-lobby-notice>
      <h2 id="lobby-notice-heading">{t('session.lobby.waiting', { count: waiting.length })}</h2>
      <ul>
        {waiting.slice(0, SHOWN).map(([id, entry]) => (
          <li key={id} data-lobby-notice-person={entry.name}>
            <span className="participant-name">{entry.name || '—'}</span>
            <button type="button" onClick={() => admit(id, true)} data-admit>
              {t('session.lobby.admit')}
            </button>
            <button type="button" onClick={() => admit(id, false)} data-refuse>
              {t('session.lobby.refuse')}
            </button>
          </li>
        ))}
      </ul>
      {waiting.length > SHOWN && <p>{t('session.lobby.more', { count: waiting.length - SHOWN })}</p>}
    </section>
  )
}
