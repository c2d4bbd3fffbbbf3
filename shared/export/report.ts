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
import { boardAannames, type AannameRow } from '../board/aannames.ts'
import { recordsToModel } from '../board/records-to-model.ts'
import { boardDismissals, splitDismissed, type DismissedFindings } from '../board/regiecheck-dismissals.ts'
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
  /** Findings of rules nobody set aside. */
  readonly findings: readonly RegieFinding[]
  /** Rules the facilitator set aside for this board, with the reason and what they would report. */
  readonly dismissed: DismissedFindings['dismissed']
  readonly aannames: readonly AannameRow[]
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
    ...findingsOf(checkBoardModel(model, input.locale), records),
    aannames: boardAannames(records, input.locale),
  }
}

function findingsOf(findings: readonly RegieFinding[], records: Parameters<typeof boardDismissals>[0]): Pick<BoardReport, 'findings' | 'dismissed'> {
  const split = splitDismissed(findings, boardDismissals(records))
  return { findings: split.open, dismissed: split.dismissed }
}

function countParticipants(content: BoardContent, ranking: VoteRanking | null): ParticipantCount {
  if (ranking && ranking.voters > 0) return { count: ranking.voters, basis: 'voters' }
  const authors = new Set(shapesOf(visibleRecords(content)).map(shapeAuthor).filter((name) => name !== ''))
  if (authors.size > 0) return { count: authors.size, basis: 'authors' }
  return { count: null, basis: 'unknown' }
}
