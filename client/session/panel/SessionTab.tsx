import type { Editor } from 'tldraw'
import { canFacilitate } from '../../../shared/roles.ts'
import type { BoardSession } from '../../board/board-session.ts'
import { FacilitatorControls } from './FacilitatorControls.tsx'
import { ParticipantsList } from './ParticipantsList.tsx'
import { VotingResults } from './VotingResults.tsx'
import { ExportSection } from '../../exports/ExportSection.tsx'
import { DeleteBoard } from './DeleteBoard.tsx'
import { SnapshotsSection } from '../snapshots/SnapshotsSection.tsx'

/** The sidebar's session tab: who is here for everyone, the controls for the facilitator. */
export function SessionTab({ editor, session }: { editor: Editor; session: BoardSession }) {
  return (
    <div className="session-tab">
      {canFacilitate(session.role) && <FacilitatorControls editor={editor} session={session} />}
      <VotingResults editor={editor} session={session} />
      {canFacilitate(session.role) && <SnapshotsSection editor={editor} session={session} />}
      {canFacilitate(session.role) && <DeleteBoard session={session} />}
      {session.role !== 'viewer' && <ExportSection editor={editor} title={document.title.replace(/ · Regiebord$/, '')} fetchExport={session.client.fetchExport} />}
      <ParticipantsList editor={editor} session={session} />
    </div>
  )
}
