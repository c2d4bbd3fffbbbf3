/**
 * What people can vote on: what they wrote or placed (sticky notes, text, shapes, actor cards),
 * not the board's scaffolding. A template's cards (its steps, questions to answer and notes) are
 * the question, not an answer, and frames, arrows and legends are structure. The server checks a
 * new round with this, the facilitator's panel uses it to pick a frame's contents.
 */
import { ITEM_SHAPE, LEGEND_SHAPE } from '../board/regie-shapes.ts'

const NOT_VOTABLE: ReadonlySet<string> = new Set(['arrow', 'frame', 'group', ITEM_SHAPE, LEGEND_SHAPE])

export function isVotableType(type: string): boolean {
  return !NOT_VOTABLE.has(type)
}
