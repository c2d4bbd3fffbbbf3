import { useValue, type Editor, type TLUserId } from 'tldraw'
import { canFacilitate } from '../../../shared/roles.ts'
import type { BoardSession } from '../../board/board-session.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { useParticipants } from '../participants.ts'
import { useControl } from '../use-control.ts'

export function ParticipantsList({ editor, session }: { editor: Editor; session: BoardSession }) {
  const { t } = useI18n()
  const people = useParticipants(session.main.provider.awareness)
  const control = useControl(session)
  const following = useValue('following', () => editor.getInstanceState().followingUserId, [editor])
  const facilitating = canFacilitate(session.role)

  const setViewOnly = (ownerKey: string, viewOnly: boolean) => {
    void session.client.viewOnly(ownerKey, viewOnly).catch(() => undefined)
  }
  const admit = (participantId: string, yes: boolean) => {
    void session.client.admit(participantId, yes).catch(() => undefined)
  }

  // Every identity the links issued, newest first: the facilitator sees each new one appear,
  // also when it never shows itself in awareness (a script, someone who closed the tab).
  const roster = Object.entries(control.identities).sort(([, a], [, b]) => b.issuedAt - a.issuedAt)
  const waiting = roster.filter(([, entry]) => entry.status === 'waiting')
  const online = new Set(people.map((person) => person.ownerKey))
  const elsewhere = roster.filter(([id, entry]) => entry.status !== 'waiting' && !online.has(id))

  return (
    <section aria-labelledby="participants-heading" className="participants">
      {facilitating && (
        <div className="lobby" data-lobby={control.lobby ? 'on' : 'off'}>
          <h3>{t('session.lobby.heading')}</h3>
          <p className="lobby-explain">{t('session.lobby.explain')}</p>
          <button type="button" aria-pressed={control.lobby} onClick={() => void session.client.lobby(!control.lobby).catch(() => undefined)} data-lobby-toggle>
            {control.lobby ? t('session.lobby.turnOff') : t('session.lobby.turnOn')}
          </button>
          {waiting.length > 0 && (
            <>
              <h4>{t('session.lobby.waiting', { count: waiting.length })}</h4>
              <ul>
                {waiting.map(([id, entry]) => (
                  <li key={id} data-waiting={entry.name}>
                    <span className="participant-name">{entry.name || '—'}</span>
                    <span className="lobby-actions">
                      <button type="button" onClick={() => admit(id, true)} data-admit>
                        {t('session.lobby.admit')}
                      </button>
                      <button type="button" onClick={() => admit(id, false)} data-refuse>
                        {t('session.lobby.refuse')}
                      </button>
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <h3 id="participants-heading">{t('session.participants', { count: people.length })}</h3>
      <ul>
        {people.map((person) => {
          const viewOnly = control.viewOnly[person.ownerKey] === true
          return (
            <li key={person.clientId} data-participant={person.name} data-role={person.role}>
              <span className="participant-dot" style={{ background: person.color }} aria-hidden="true" />
              <span className="participant-name">
                {person.name}
                {person.isMe && ` (${t('session.participants.me')})`}
              </span>
              <span className="participant-role">
                {t(`start.link.${person.role}`)}
                {viewOnly && ` · ${t('session.participants.viewOnly')}`}
              </span>
              {facilitating && person.role === 'participant' && person.ownerKey && (
                <button type="button" onClick={() => setViewOnly(person.ownerKey, !viewOnly)} data-view-only-toggle>
                  {viewOnly ? t('session.participants.allowEdit') : t('session.participants.makeViewOnly')}
                </button>
              )}
              {!person.isMe && person.role === 'facilitator' && !facilitating && (
                following === person.userId ? (
                  <button type="button" onClick={() => editor.stopFollowingUser()} data-follow-stop>
                    {t('session.follow.stop')}
                  </button>
                ) : (
                  <button type="button" onClick={() => editor.startFollowingUser(person.userId as TLUserId)} data-follow>
                    {t('session.follow')}
                  </button>
                )
              )}
            </li>
          )
        })}
      </ul>
      {facilitating && elsewhere.length > 0 && (
        <>
          <h4>{t('session.participants.joined', { count: elsewhere.length })}</h4>
          <ul>
            {elsewhere.map(([id, entry]) => (
              <li key={id} data-identity={entry.name} data-status={entry.status}>
                <span className="participant-dot participant-dot--away" aria-hidden="true" />
                <span className="participant-name">{entry.name || '—'}</span>
                <span className="participant-role">
                  {t(`start.link.${entry.role}`)} · {entry.status === 'refused' ? t('session.participants.refused') : t('session.participants.offline')}
                </span>
                {entry.role !== 'facilitator' && (
                  <button type="button" onClick={() => admit(id, entry.status === 'refused')} data-identity-toggle>
                    {entry.status === 'refused' ? t('session.lobby.admit') : t('session.lobby.refuse')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
