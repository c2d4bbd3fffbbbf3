import { useValue, type Editor, type TLShapeId } from 'tldraw'
import type { VotingRound } from '../../shared/session/control-doc.ts'
import { isRoundOpen, refuseVote } from '../../shared/session/voting.ts'
import type { BoardSession } from '../board/board-session.ts'
import { useI18n } from '../i18n/i18n.tsx'
import type { MessageKey } from '../i18n/nl.ts'
import { useVotes } from './use-votes.ts'
import { useParticipants } from './participants.ts'
import { useVotingProgress } from './use-voting-progress.ts'
import { goToRound, roundBounds } from './voting-view.ts'
import { COVERS_CANVAS_TOP } from '../board/free-area.ts'

/**
 * Dots on the shapes of a voting round, placed over the canvas at each shape's top-right corner.
 * While the round is open a person sees only their own dots; once revealed, everyone sees totals.
 */
export function VotingLayer({ editor, session, round, now }: { editor: Editor; session: BoardSession; round: VotingRound; now: number }) {
  const { t } = useI18n()
  const votes = useVotes(session, round)
  const open = isRoundOpen(round, now)
  const canVote = session.role !== 'viewer'
  const anchors = useValue(
    'vote anchors',
    () =>
      round.shapeIds.flatMap((id) => {
        const bounds = editor.getShapePageBounds(id as TLShapeId)
        if (!bounds || editor.getAncestorPageId(id as TLShapeId) !== editor.getCurrentPageId()) return []
        const point = editor.pageToViewport({ x: bounds.maxX, y: bounds.minY })
        return [{ id, x: point.x, y: point.y }]
      }),
    [editor, round.shapeIds],
  )
  const people = useParticipants(session.main.provider.awareness)
  const progress = useVotingProgress(session, round, people)
  const facilitating = session.role === 'facilitator'
  const mine = votes.answer?.mine ?? {}
  const summonToRound = () => {
    const target = roundBounds(editor, round.shapeIds)
    if (!target) return
    goToRound(editor, round.shapeIds)
    const byName = people.find((person) => person.isMe)?.name
    void session.client
      .summon({ pageId: target.pageId, bounds: { x: target.bounds.x - 64, y: target.bounds.y - 64, w: target.bounds.w + 128, h: target.bounds.h + 128 }, by: editor.user.getId(), ...(byName && { byName }) })
      .catch(() => undefined)
  }
  const totals = round.status === 'revealed' ? (round.totals ?? votes.answer?.totals ?? {}) : null

  return (
    <div className="voting-layer" aria-label={t('session.voting.layer')}>
      {anchors.map(({ id, x, y }) => {
        const count = mine[id] ?? 0
        return (
          <div key={id} className="vote-badge" style={{ left: x, top: y }} data-vote-shape={id} data-my-votes={count}>
            {totals ? (
              <span className="vote-total" data-vote-total={totals[id] ?? 0}>
                {t('session.voting.total', { count: totals[id] ?? 0 })}
              </span>
            ) : (
              <>
                <span className="vote-dots" aria-label={t('session.voting.mine', { count })}>
                  {'●'.repeat(count)}
                </span>
                {canVote && open && (
                  <>
                    <button type="button" aria-label={t('session.voting.add')} disabled={refuseVote(round, mine, id, now) !== null} onClick={() => votes.vote(id)} data-vote-add>
                      +
                    </button>
                    <button type="button" aria-label={t('session.voting.remove')} disabled={count === 0} onClick={() => votes.unvote(id)} data-vote-remove>
                      −
                    </button>
                  </>
                )}
              </>
            )}
          </div>
        )
      })}
      <div className="vote-banner" data-vote-banner={round.status} {...{ [COVERS_CANVAS_TOP]: '' }}>
        <p className="vote-banner__title">
          <strong>{t(totals ? 'facil.voting.banner.revealed' : open ? 'facil.voting.banner.open' : 'facil.voting.banner.closed')}</strong>
          {round.question ? `: ${round.question}` : ''}
        </p>
        {canVote && open && votes.answer && (
          <p className="vote-remaining" role="status" data-votes-remaining={votes.answer.remaining}>
            {t('session.voting.remaining', { count: votes.answer.remaining })}
            {votes.refusal && ` · ${t(refusalMessage(votes.refusal))}`}
          </p>
        )}
        {progress && (
          <p className="vote-progress" role="status" data-vote-progress={`${progress.voted}/${progress.total}`}>
            {t(progress.voted === 1 ? 'facil.voting.progress.one' : 'facil.voting.progress', { voted: progress.voted, total: progress.total })}
          </p>
        )}
        <div className="vote-banner__buttons">
          <button type="button" onClick={() => goToRound(editor, round.shapeIds)} data-vote-goto>
            {t('facil.voting.goTo')}
          </button>
          {facilitating && (
            <button type="button" onClick={summonToRound} data-vote-summon>
              {t('facil.voting.summonTo')}
            </button>
          )}
        </div>
      </div>
    </div>
  )
}

function refusalMessage(code: string): MessageKey {
  switch (code) {
    case 'budget_spent':
      return 'session.voting.refused.budget'
    case 'shape_full':
      return 'session.voting.refused.full'
    case 'round_closed':
    case 'no_round':
      return 'session.voting.refused.closed'
    default:
      return 'session.voting.refused.other'
  }
}
