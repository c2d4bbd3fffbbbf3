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

  return (
    <section aria-labelledby="participants-heading" className="participants">
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
    </section>
  )
}
