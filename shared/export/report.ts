/**
 * What the printable report says about a board, gathered from the same functions the panel and
 * the other exports use: the arrangements table, the vote ranking and the regiecheck. Rendering is
 * report-html.ts; the browser's report page (`/b/:id/verslag`) adds the board image.
 *
 * Participants are counted without awareness (who is connected now says little about who took
 * part, and the server keeps no list of people): the number of people who placed dots in the last
 * revealed voting round; when no round was revealed, the number of distinct names on notes; else
 * unknown. The report says which of these it counted.
 */
import { checkBoardModel } from '../board/board-check.ts'
import { recordsToModel } from '../board/records-to-model.ts'
import type { RegieFinding } from '../regie/regiecheck.ts'
import type { Locale } from '../regie/text.ts'
import { arrangementRows, type ArrangementRow } from './arrangements.ts'
import { shapeAuthor, shapesOf, visibleRecords, type BoardContent } from './board-content.ts'
import { voteRanking, type VoteRanking } from './vote-ranking.ts'

export type ParticipantCount =
  | { readonly count: number; readonly basis: 'voters' | 'authors' }
  | { readonly count: null; readonly basis: 'unknown' }

export interface BoardReport {
  readonly title: string
  /** When the board was made; null when not known. */
  readonly createdAt: number | null
  readonly generatedAt: number
  readonly participants: ParticipantCount
  readonly arrangements: readonly ArrangementRow[]
  readonly ranking: VoteRanking | null
  readonly findings: readonly RegieFinding[]
}

export interface ReportInput {
  readonly title: string
  readonly createdAt: number | null
  readonly generatedAt: number
  readonly locale: Locale
}

export function buildReport(content: BoardContent, input: ReportInput): BoardReport {
  const records = visibleRecords(content)
  const model = recordsToModel(records)
  const ranking = voteRanking(content)
  return {
    title: input.title,
    createdAt: input.createdAt,
    generatedAt: input.generatedAt,
    participants: countParticipants(content, ranking),
    arrangements: arrangementRows(model, input.locale),
    ranking,
    findings: checkBoardModel(model, input.locale),
  }
}

function countParticipants(content: BoardContent, ranking: VoteRanking | null): ParticipantCount {
  if (ranking && ranking.voters > 0) return { count: ranking.voters, basis: 'voters' }
  const authors = new Set(shapesOf(visibleRecords(content)).map(shapeAuthor).filter((name) => name !== ''))
  if (authors.size > 0) return { count: authors.size, basis: 'authors' }
  return { count: null, basis: 'unknown' }
}
