/**
 * The outcome of revealed dot-voting rounds as rankings: what was voted on, by its text, most dots
 * first. Items with equal dots share a place ("1, 2, 2, 4"). Every revealed round is kept in the
 * control state (`rounds`), with the question, the times and each item's text at the reveal, so a
 * ranking reads the same after notes are changed or removed.
 */
import type { TLShape } from '@tldraw/tlschema'
import type { ControlState, VotingRound } from '../session/control-doc.ts'
import { ranking } from '../session/voting.ts'
import { shapesOf, shapeText, visibleRecords, type BoardContent } from './board-content.ts'

export interface RankedItem {
  readonly rank: number
  readonly shapeId: string
  /** The item's text; null when the shape is no longer on the board and its text was not kept. */
  readonly text: string | null
  readonly votes: number
}

export interface VoteRanking {
  readonly roundId: string
  /** 1 for the first revealed round. */
  readonly number: number
  readonly question: string
  readonly startedAt: number | null
  readonly revealedAt: number | null
  readonly items: readonly RankedItem[]
  /** How many people placed dots in the round. */
  readonly voters: number
}

/**
 * The revealed rounds, oldest first. Boards from before rounds were kept have only the current
 * round, which counts when it is revealed.
 */
export function revealedRounds(control: ControlState): VotingRound[] {
  const rounds = [...control.rounds]
  const current = control.voting
  if (current?.status === 'revealed' && !rounds.some((round) => round.id === current.id)) rounds.push(current)
  return rounds
}

/** Every revealed round, oldest first. */
export function voteRankings(content: BoardContent): VoteRanking[] {
  const shapes = new Map(shapesOf(visibleRecords(content)).map((shape) => [shape.id as string, shape]))
  return revealedRounds(content.control).map((round, index) => rankRound(round, index + 1, shapes))
}

/** The last revealed round; null while none is (totals are secret until then). */
export function voteRanking(content: BoardContent): VoteRanking | null {
  return voteRankings(content).at(-1) ?? null
}

function rankRound(round: VotingRound, number: number, shapes: ReadonlyMap<string, TLShape>): VoteRanking {
  let rank = 0
  let previous: number | null = null
  const items = ranking(round).map(({ shapeId, votes }, index): RankedItem => {
    if (votes !== previous) rank = index + 1
    previous = votes
    const shape = shapes.get(shapeId)
    return { rank, shapeId, text: round.labels?.[shapeId] ?? (shape ? shapeText(shape) : null), votes }
  })
  return {
    roundId: round.id,
    number,
    question: round.question ?? '',
    startedAt: round.startedAt ?? null,
    revealedAt: round.revealedAt ?? null,
    items,
    voters: round.voters ?? 0,
  }
}
