import type { Editor, TLShapeId } from 'tldraw'
import type { VotingRound } from '../../../shared/session/control-doc.ts'
import { ranking } from '../../../shared/session/voting.ts'
import { revealedRounds } from '../../../shared/export/vote-ranking.ts'
import type { BoardSession } from '../../board/board-session.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { useControl } from '../use-control.ts'
import { shapeLabel } from '../votable-shapes.ts'

/**
 * Every revealed round as a ranked list, for everyone: the current one open, earlier ones folded
 * under "Eerdere rondes". Starting or clearing a round keeps them (control state `rounds`).
 */
export function VotingResults({ editor, session }: { editor: Editor; session: BoardSession }) {
  const { t, language } = useI18n()
  const control = useControl(session)
  const rounds = revealedRounds(control)
  if (rounds.length === 0) return null
  const current = control.voting?.status === 'revealed' ? control.voting : null
  const earlier = rounds.filter((round) => round.id !== current?.id)
  const time = (at: number | undefined) => (at ? new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { timeStyle: 'short' }).format(at) : '')
  const number = (round: VotingRound) => rounds.findIndex((kept) => kept.id === round.id) + 1

  const list = (round: VotingRound) => (
    <ol className="vote-ranking" data-vote-ranking={round.id === current?.id ? 'current' : number(round)}>
      {ranking(round).map(({ shapeId, votes }) => (
        <li key={shapeId}>
          <button type="button" onClick={() => editor.getShape(shapeId as TLShapeId) && editor.select(shapeId as TLShapeId)}>
            {round.labels?.[shapeId] || shapeLabel(editor, shapeId as TLShapeId)}
          </button>{' '}
          <strong>{t('session.voting.total', { count: votes })}</strong>
        </li>
      ))}
    </ol>
  )
  const heading = (round: VotingRound) => `${t('facil.voting.round', { number: number(round) })}${round.question ? `: ${round.question}` : ''}`

  return (
    <section aria-labelledby="voting-results-heading" className="voting-results">
      {current && (
        <>
          <h3 id="voting-results-heading">{t('session.voting.ranking', { voters: current.voters ?? 0 })}</h3>
          <p className="regie-help">{heading(current)}</p>
          {list(current)}
        </>
      )}
      {earlier.length > 0 && (
        <details className="voting-history" open={!current}>
          <summary id={current ? undefined : 'voting-results-heading'}>
            {t('facil.voting.history')} ({earlier.length})
          </summary>
          {earlier.map((round) => (
            <div key={round.id} className="voting-history__round" data-vote-round={number(round)}>
              <p>
                <strong>{heading(round)}</strong>
                <br />
                <span className="regie-help">{t('facil.voting.roundFacts', { voters: round.voters ?? 0, time: time(round.revealedAt) })}</span>
              </p>
              {list(round)}
            </div>
          ))}
        </details>
      )}
    </section>
  )
}
