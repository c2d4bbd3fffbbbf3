import type { Editor, TLShapeId } from 'tldraw'
import { ranking } from '../../../shared/session/voting.ts'
import type { BoardSession } from '../../board/board-session.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { useControl } from '../use-control.ts'
import { shapeLabel } from '../votable-shapes.ts'

/** The revealed round as a ranked list, for everyone. */
export function VotingResults({ editor, session }: { editor: Editor; session: BoardSession }) {
  const { t } = useI18n()
  const round = useControl(session).voting
  if (round?.status !== 'revealed') return null
  return (
    <section aria-labelledby="voting-results-heading">
      <h3 id="voting-results-heading">{t('session.voting.ranking', { voters: round.voters ?? 0 })}</h3>
      <ol className="vote-ranking" data-vote-ranking>
        {ranking(round).map(({ shapeId, votes }) => (
          <li key={shapeId}>
            <button type="button" onClick={() => editor.select(shapeId as TLShapeId)}>
              {shapeLabel(editor, shapeId as TLShapeId)}
            </button>{' '}
            <strong>{t('session.voting.total', { count: votes })}</strong>
          </li>
        ))}
      </ol>
    </section>
  )
}
