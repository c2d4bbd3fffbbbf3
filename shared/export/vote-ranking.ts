/**
 * The outcome of the last revealed dot-voting round as a ranking: what was voted on, by its text,
 * most dots first. Items with equal dots share a place ("1, 2, 2, 4").
 */
import { ranking } from '../session/voting.ts'
import { shapesOf, shapeText, visibleRecords, type BoardContent } from './board-content.ts'

export interface RankedItem {
  readonly rank: number
  readonly shapeId: string
  /** The item's text; null when the shape is no longer on the board. */
  readonly text: string | null
  readonly votes: number
}

export interface VoteRanking {
  readonly roundId: string
  readonly items: readonly RankedItem[]
  /** How many people placed dots in the round. */
  readonly voters: number
}

/** Null while no round is revealed (totals are secret until then). */
export function voteRanking(content: BoardContent): VoteRanking | null {
  const round = content.control.voting
  if (!round || round.status !== 'revealed') return null
  const shapes = new Map(shapesOf(visibleRecords(content)).map((shape) => [shape.id as string, shape]))
  let rank = 0
  let previous: number | null = null
  const items = ranking(round).map(({ shapeId, votes }, index): RankedItem => {
    if (votes !== previous) rank = index + 1
    previous = votes
    const shape = shapes.get(shapeId)
    return { rank, shapeId, text: shape ? shapeText(shape) : null, votes }
  })
  return { roundId: round.id, items, voters: round.voters ?? 0 }
}
