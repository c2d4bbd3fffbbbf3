/**
 * Dot-voting rules as pure functions: the server checks every vote with them before storing it
 * (a modified client cannot get around the budget), the client uses them to grey out dots.
 */
import type { VotingRound } from './control-doc.ts'

/** One person's votes in a round: shape id → number of dots. */
export type Ballot = Readonly<Record<string, number>>

export type VoteRefusal = 'no_round' | 'round_closed' | 'not_votable' | 'budget_spent' | 'shape_full' | 'no_vote_to_remove'

export function ballotSize(ballot: Ballot): number {
  return Object.values(ballot).reduce((sum, n) => sum + n, 0)
}

export function isRoundOpen(round: VotingRound | null, now: number): round is VotingRound {
  return round !== null && round.status === 'open' && (round.endsAt === null || now < round.endsAt)
}

/** Why this person may not add a dot to this shape now, or null when they may. */
export function refuseVote(round: VotingRound | null, ballot: Ballot, shapeId: string, now: number): VoteRefusal | null {
  if (round === null) return 'no_round'
  if (!isRoundOpen(round, now)) return 'round_closed'
  if (!round.shapeIds.includes(shapeId)) return 'not_votable'
  if (ballotSize(ballot) >= round.votesPerPerson) return 'budget_spent'
  if ((ballot[shapeId] ?? 0) >= round.maxPerShape) return 'shape_full'
  return null
}

export function refuseUnvote(round: VotingRound | null, ballot: Ballot, shapeId: string, now: number): VoteRefusal | null {
  if (round === null) return 'no_round'
  if (!isRoundOpen(round, now)) return 'round_closed'
  if ((ballot[shapeId] ?? 0) === 0) return 'no_vote_to_remove'
  return null
}

/** Shapes by total, most votes first; ties keep the round's order. */
export function ranking(round: VotingRound): { shapeId: string; votes: number }[] {
  const totals = round.totals ?? {}
  return round.shapeIds.map((shapeId, order) => ({ shapeId, votes: totals[shapeId] ?? 0, order })).sort((a, b) => b.votes - a.votes || a.order - b.order).map(({ shapeId, votes }) => ({ shapeId, votes }))
}
