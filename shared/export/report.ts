/**
 * What the printable report says about a board, gathered from the same functions the panel and
 * the other exports use: the arrangements table, the vote ranking and the regiecheck. Rendering is
 * report-html.ts; the browser's report page (`/b/:id/verslag`) adds the board image.
 *
 * Participants are counted from who was present: the server records everyone who appeared on
 * the board, with the name they showed in presence and their role (server/session/attendance.ts).
 * Boards from before that was recorded fall back to the number of people who placed dots in the
 * last revealed voting round, then to the distinct names on notes, else unknown. The report says
 * which of these it counted.
 */
import { checkBoardModel } from '../board/board-check.ts'
import { boardAannames, type AannameRow } from '../board/aannames.ts'
import { recordsToModel } from '../board/records-to-model.ts'
import { boardDismissals, splitDismissed, type DismissedFindings } from '../board/regiecheck-dismissals.ts'
import type { RegieFinding } from '../regie/regiecheck.ts'
import type { Locale } from '../regie/text.ts'
import type { Role } from '../roles.ts'
import { arrangementRows, type ArrangementRow } from './arrangements.ts'
import { shapeAuthor, shapesOf, visibleRecords, type BoardContent } from './board-content.ts'
import { noteRows, type NoteRow } from './notes-table.ts'
import { voteRankings, type VoteRanking } from './vote-ranking.ts'

export interface PresentPerson {
  readonly name: string
  readonly role: Role
}

export type ParticipantCount =
  /** `count` is the people present with the participant role; `people` everyone, in order of arrival. */
  | { readonly count: number; readonly basis: 'present'; readonly people: readonly PresentPerson[] }
  | { readonly count: number; readonly basis: 'voters' | 'authors' }
  | { readonly count: null; readonly basis: 'unknown' }

/** The notes in one lane or frame (by its trail of frame names; empty: loose on the board). */
export interface NoteSection {
  readonly frames: readonly string[]
  readonly notes: readonly NoteRow[]
}

export interface BoardReport {
  readonly title: string
  /** When the board was made; null when not known. */
  readonly createdAt: number | null
  readonly generatedAt: number
  readonly participants: ParticipantCount
  readonly arrangements: readonly ArrangementRow[]
  /** The last revealed round (also the last of `rounds`). */
  readonly ranking: VoteRanking | null
  /** Every revealed round, oldest first. */
  readonly rounds: readonly VoteRanking[]
  readonly notes: readonly NoteSection[]
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
  const rounds = voteRankings(content)
  const ranking = rounds.at(-1) ?? null
  return {
    title: input.title,
    createdAt: input.createdAt,
    generatedAt: input.generatedAt,
    participants: countParticipants(content, ranking),
    arrangements: arrangementRows(model, input.locale),
    ranking,
    rounds,
    notes: notesPerFrame(noteRows(content)),
    ...findingsOf(checkBoardModel(model, input.locale), records),
    aannames: boardAannames(records, input.locale),
  }
}

function findingsOf(findings: readonly RegieFinding[], records: Parameters<typeof boardDismissals>[0]): Pick<BoardReport, 'findings' | 'dismissed'> {
  const split = splitDismissed(findings, boardDismissals(records))
  return { findings: split.open, dismissed: split.dismissed }
}

function countParticipants(content: BoardContent, ranking: VoteRanking | null): ParticipantCount {
  const present = content.attendance ?? []
  if (present.length > 0) {
    // One person may have come back with a new identity (a replaced link issues new ones): the
    // same name in the same role counts once.
    const seen = new Set<string>()
    const people = present
      .map(({ name, role }) => ({ name, role }))
      .filter(({ name, role }) => {
        const key = `${role}\u0000${name.trim().toLocaleLowerCase('nl')}`
        if (seen.has(key)) return false
        seen.add(key)
        return true
      })
    return { count: people.filter((person) => person.role === 'participant').length, basis: 'present', people }
  }
  if (ranking && ranking.voters > 0) return { count: ranking.voters, basis: 'voters' }
  const authors = new Set(shapesOf(visibleRecords(content)).map(shapeAuthor).filter((name) => name !== ''))
  if (authors.size > 0) return { count: authors.size, basis: 'authors' }
  return { count: null, basis: 'unknown' }
}

/** Notes grouped by the lane or frame they sit in, in reading order of each group's first note. */
export function notesPerFrame(rows: readonly NoteRow[]): NoteSection[] {
  const sections = new Map<string, { frames: readonly string[]; notes: NoteRow[] }>()
  for (const row of rows) {
    if (row.text === '') continue
    const key = JSON.stringify(row.frames)
    let section = sections.get(key)
    if (!section) sections.set(key, (section = { frames: row.frames, notes: [] }))
    section.notes.push(row)
  }
  return [...sections.values()]
}
