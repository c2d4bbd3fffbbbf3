import type { ReactNode } from 'react'
import type { Editor } from 'tldraw'
import { useAttempt } from './use-attempt.ts'
import { canFacilitate } from '../../../shared/roles.ts'
import type { BoardSession } from '../../board/board-session.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { ShareButton } from '../share/ShareButton.tsx'
import { CollaborationControls } from './FacilitatorControls.tsx'
import { ParticipantsList } from './ParticipantsList.tsx'
import { SessionGroup } from './SessionGroup.tsx'
import { TimerControls } from './TimerControls.tsx'
import { VotingControls } from './VotingControls.tsx'
import { VotingResults } from './VotingResults.tsx'
import { ExportSection } from '../../exports/ExportSection.tsx'
import { DeleteBoard } from './DeleteBoard.tsx'
import { SnapshotsSection } from '../snapshots/SnapshotsSection.tsx'

/**
 * The sidebar's session tab: who is here first, for everyone; for the facilitator the controls in
 * groups, in the order an evening uses them, with deleting the board last and apart.
 */
export function SessionTab({ editor, session }: { editor: Editor; session: BoardSession }) {
  const { t } = useI18n()
  const exports = session.role !== 'viewer' && <ExportSection editor={editor} title={document.title.replace(/ · Regiebord$/, '')} fetchExport={session.client.fetchExport} />
  if (!canFacilitate(session.role)) {
    return (
      <div className="session-tab">
        <ParticipantsList editor={editor} session={session} />
        <VotingResults editor={editor} session={session} />
        {exports}
      </div>
    )
  }
  return <FacilitatorTab editor={editor} session={session} exports={exports} />
}

function FacilitatorTab({ editor, session, exports }: { editor: Editor; session: BoardSession; exports: ReactNode }) {
  const { t } = useI18n()
  const timer = useAttempt()
  const voting = useAttempt()
  return (
    <div className="session-tab facilitator-controls">
      <ParticipantsList editor={editor} session={session} />
      <SessionGroup id="time" title={t('facil.group.time')}>
        <TimerControls session={session} attempt={timer.attempt} />
        <Failure message={timer.message} />
      </SessionGroup>
      <SessionGroup id="together" title={t('facil.group.together')}>
        <CollaborationControls editor={editor} session={session} />
      </SessionGroup>
      <SessionGroup id="voting" title={t('facil.group.voting')}>
        <VotingControls editor={editor} session={session} attempt={voting.attempt} />
        <Failure message={voting.message} />
        <VotingResults editor={editor} session={session} />
      </SessionGroup>
      <SessionGroup id="share" title={t('facil.group.share')}>
        <ShareButton session={session} label={t('facil.share.open')} />
      </SessionGroup>
      <SessionGroup id="results" title={t('facil.group.results')}>
        {exports}
        <SnapshotsSection editor={editor} session={session} />
      </SessionGroup>
      <SessionGroup id="danger" title={t('facil.group.danger')} danger>
        <DeleteBoard session={session} />
      </SessionGroup>
    </div>
  )
}

function Failure({ message }: { message: string | null }) {
  return message ? (
    <p className="regie-help" role="status">
      {message}
    </p>
  ) : null
}
