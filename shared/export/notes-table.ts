/**
 * Every written note on a board as a table row: sticky notes, text and regie cards, in reading
 * order, each with the frames (lanes) it sits in, its author's name when the board records one,
 * and its dots from the last revealed voting round. The CSV export writes this table; a report
 * page can show it.
 */
import type { TLShape } from '@tldraw/tlschema'
import { aannameOf, ITEM_SHAPE } from '../board/regie-shapes.ts'
import type { VotingRound } from '../session/control-doc.ts'
import type { Locale } from '../regie/text.ts'
import { ShapeTree, shapeAuthor, shapesOf, shapeText, visibleRecords, type BoardContent } from './board-content.ts'
import { toCsv } from './csv.ts'
import { revealedRounds } from './vote-ranking.ts'
import { exportText, type ExportTextKey } from './export-text.ts'

export type NoteKind = 'note' | 'text' | 'item'

export interface NoteRow {
  readonly shapeId: string
  readonly kind: NoteKind
  readonly text: string
  /** Enclosing frames, outermost first; empty when the note lies loose on the board. */
  readonly frames: readonly string[]
  /** '' when the shape carries no name (an anonymous board, or made before names were kept). */
  readonly author: string
  /** Dots in the last revealed round; null when no round is revealed or the note was not in it. */
  readonly votes: number | null
  /** Dots per revealed round, oldest first (null where the note was not in the round). */
  readonly votesPerRound: readonly (number | null)[]
  /** An assumption of the template the facilitator has not confirmed; '' when none. */
  readonly aanname: string
}

const KINDS: Readonly<Record<string, NoteKind>> = { note: 'note', text: 'text', [ITEM_SHAPE]: 'item' }

export function noteRows(content: BoardContent): NoteRow[] {
  const shapes = shapesOf(visibleRecords(content))
  const tree = new ShapeTree(shapes)
  const rounds = revealedRounds(content.control)
  const perRound = rounds.map(revealedTotals)
  const votes = perRound.at(-1) ?? null
  return tree
    .inReadingOrder(shapes.filter((shape) => Object.hasOwn(KINDS, shape.type)))
    .map((shape: TLShape): NoteRow => ({
      shapeId: shape.id,
      kind: KINDS[shape.type]!,
      text: shapeText(shape),
      frames: tree.frameTrail(shape),
      author: shapeAuthor(shape),
      votes: votes ? votes(shape.id) : null,
      votesPerRound: perRound.map((totals) => (totals ? totals(shape.id) : null)),
      aanname: openAanname(shape),
    }))
}

function openAanname(shape: TLShape): string {
  const aanname = aannameOf(shape.meta)
  return aanname && !aanname.bevestigd ? aanname.tekst : ''
}

/** Dots per shape of a revealed round (0 for a shape in the round nobody chose), else null. */
function revealedTotals(round: VotingRound | null | undefined): ((shapeId: string) => number | null) | null {
  if (!round || round.status !== 'revealed') return null
  const totals = round.totals ?? {}
  const inRound = new Set(round.shapeIds)
  return (shapeId) => totals[shapeId] ?? (inRound.has(shapeId) ? 0 : null)
}

const KIND_TEXT: Readonly<Record<NoteKind, ExportTextKey>> = { note: 'kind.note', text: 'kind.text', item: 'kind.item' }

/** Frames of one note in one cell, outermost first. */
export const FRAME_TRAIL_SEPARATOR = ' › '

/**
 * One "Stemmen" column for the last revealed round; with two or more rounds, one column per round
 * instead, headed with its number and question, so no round's result is lost.
 */
export function notesCsv(rows: readonly NoteRow[], locale: Locale, rounds: readonly VotingRound[] = []): string {
  const t = (key: ExportTextKey) => exportText(key, locale)
  const base = [t('notes.kind'), t('notes.text'), t('notes.frame'), t('notes.author')]
  if (rounds.length < 2) {
    return toCsv(
      [...base, t('notes.votes'), t('aanname.column')],
      rows.map((row) => [t(KIND_TEXT[row.kind]), row.text, row.frames.join(FRAME_TRAIL_SEPARATOR), row.author, row.votes ?? '', row.aanname]),
    )
  }
  const headers = rounds.map((round, index) => `${t('notes.votesInRound')} ${index + 1}${round.question ? `: ${round.question}` : ''}`)
  return toCsv(
    [...base, ...headers, t('aanname.column')],
    rows.map((row) => [t(KIND_TEXT[row.kind]), row.text, row.frames.join(FRAME_TRAIL_SEPARATOR), row.author, ...rounds.map((_round, index) => row.votesPerRound[index] ?? ''), row.aanname]),
  )
}
