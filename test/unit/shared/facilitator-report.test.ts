/**
 * The report that stands on its own and the rounds kept for it (shared/export, issue 15): who was
 * present, notes per lane, every revealed round in the report and the CSV; what can be voted on;
 * the links derived from the facilitator's token.
 */
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { createBoardSchema } from '../../../shared/board/board-schema.ts'
import type { BoardContent } from '../../../shared/export/board-content.ts'
import { noteRows, notesCsv } from '../../../shared/export/notes-table.ts'
import { buildReport, notesPerFrame } from '../../../shared/export/report.ts'
import { renderReportHtml } from '../../../shared/export/report-html.ts'
import { revealedRounds, voteRankings } from '../../../shared/export/vote-ranking.ts'
import { INITIAL_CONTROL, readAttendance, type Attendee, type ControlState, type VotingRound } from '../../../shared/session/control-doc.ts'
import { isVotableType } from '../../../shared/session/votable.ts'
import { linkToken } from '../../../server/boards/link-tokens.ts'
import { NOTE_TEXTS, workshopBoard } from '../../helpers/workshop-board.ts'

const board = await workshopBoard()
const schema = createBoardSchema()

function content(control: Partial<ControlState> = {}, attendance?: Attendee[]): BoardContent {
  return { records: board.records, structure: board.structure, meta: { title: 'Wijkavond', schema: schema.serialize() }, control: { ...INITIAL_CONTROL, ...control }, ...(attendance && { attendance }) }
}

function round(id: string, question: string, totals: Record<string, number>, extra: Partial<VotingRound> = {}): VotingRound {
  return { id, shapeIds: Object.keys(totals), votesPerPerson: 3, maxPerShape: 3, endsAt: null, status: 'revealed', totals, voters: 2, question, startedAt: 1, revealedAt: Date.UTC(2026, 10, 30, 19, 15), ...extra }
}

const build = (c: BoardContent) => buildReport(c, { title: 'Wijkavond', createdAt: null, generatedAt: Date.UTC(2026, 10, 30, 20), locale: 'nl' })

describe('rounds kept for the report and the CSV', () => {
  const { first, second, third } = board.notes
  const one = round('r1', 'Waar beginnen we mee?', { [first]: 3, [second]: 1 })
  const two = round('r2', 'Hoe vaak?', { [third]: 2 }, { labels: { [third]: 'Elke maand (zoals het toen heette)' } })

  it('lists every revealed round, and the current revealed one of a board from before rounds were kept', () => {
    expect(revealedRounds({ ...INITIAL_CONTROL, rounds: [one, two] }).map((r) => r.id)).toEqual(['r1', 'r2'])
    expect(revealedRounds({ ...INITIAL_CONTROL, voting: one }).map((r) => r.id)).toEqual(['r1'])
    expect(revealedRounds({ ...INITIAL_CONTROL, voting: { ...one, status: 'open' } })).toEqual([])
    expect(revealedRounds({ ...INITIAL_CONTROL, rounds: [one], voting: one })).toHaveLength(1)
  })

  it('ranks each round with its question and the text the items had at the reveal', () => {
    const rankings = voteRankings(content({ rounds: [one, two] }))
    expect(rankings.map((r) => [r.number, r.question, r.items[0]!.text, r.items[0]!.votes])).toEqual([
      [1, 'Waar beginnen we mee?', NOTE_TEXTS.first, 3],
      [2, 'Hoe vaak?', 'Elke maand (zoals het toen heette)', 2],
    ])
  })

  it('gives the CSV one column per round once there are two', () => {
    const csv = notesCsv(noteRows(content({ rounds: [one, two] })), 'nl', [one, two])
    const [header, ...rows] = parse(csv, { bom: true, delimiter: ';' }) as string[][]
    expect(header).toEqual(['Soort', 'Tekst', 'Kader / baan', 'Auteur', 'Stemmen ronde 1: Waar beginnen we mee?', 'Stemmen ronde 2: Hoe vaak?', 'Aanname'])
    const byText = new Map(rows.map((row) => [row[1]!.replace(/^'/, ''), row.slice(4, 6)]))
    expect(byText.get(NOTE_TEXTS.first)).toEqual(['3', ''])
    expect(byText.get(NOTE_TEXTS.third)).toEqual(['', '2'])
  })

  it('shows both rounds in the report, each under its question with voters and time', () => {
    const html = renderReportHtml(build(content({ rounds: [one, two] })), { locale: 'nl' })
    expect(html).toContain('<h3>Ronde 1: Waar beginnen we mee?</h3>')
    expect(html).toContain('<h3>Ronde 2: Hoe vaak?</h3>')
    expect(html).toContain('2 mensen stemden · onthuld om 20:15')
  })
})

describe('who was present and the notes per lane', () => {
  const attendance: Attendee[] = [
    { name: 'Fenna', role: 'facilitator', firstSeen: 1 },
    { name: 'Anna', role: 'participant', firstSeen: 2 },
    { name: 'Bram', role: 'participant', firstSeen: 3 },
    { name: 'Kees', role: 'viewer', firstSeen: 4 },
  ]

  it('counts someone who came back with a new identity (same name, same role) once', () => {
    const again: Attendee[] = [...attendance, { name: 'anna ', role: 'participant', firstSeen: 5 }]
    const report = build(content({ rounds: [] }, again))
    expect(report.participants).toEqual({ count: 2, basis: 'present', people: attendance.map(({ name, role }) => ({ name, role })) })
  })

  it('counts the participants present and names everyone, before any vote or note counts', () => {
    const report = build(content({ rounds: [round('r', '', { [board.notes.first]: 1 }, { voters: 7 })] }, attendance))
    expect(report.participants).toEqual({ count: 2, basis: 'present', people: attendance.map(({ name, role }) => ({ name, role })) })
    const html = renderReportHtml(report, { locale: 'nl' })
    expect(html).toContain('<dd>2 <span class="basis">(aanwezig op het bord)</span></dd>')
    expect(html).toContain('Fenna <span class="basis">(begeleider)</span>, Anna, Bram, Kees <span class="basis">(kijker)</span>')
  })

  it('reads attendance entries safely, oldest first', () => {
    const entries: [string, unknown][] = [['b', { name: 'Bram', role: 'participant', firstSeen: 3 }], ['x', { name: 1 }], ['a', { name: 'Anna', role: 'participant', firstSeen: 2 }], ['y', { name: 'Evil', role: 'admin', firstSeen: 1 }]]
    expect(readAttendance(entries).map((entry) => entry.key)).toEqual(['a', 'b'])
  })

  it('groups the notes by lane, as text, loose notes apart', () => {
    const sections = notesPerFrame(noteRows(content()))
    expect(sections.map((section) => [section.frames, section.notes.length])).toEqual([
      [[], 1],
      [['Baan één: Wensen'], 5],
    ])
    const html = renderReportHtml(build(content()), { locale: 'nl' })
    expect(html).toContain('<h3>Los op het bord</h3>')
    expect(html).toContain('<h3>Baan één: Wensen</h3>')
    expect(html).toContain(`<li>${NOTE_TEXTS.third.replace(/"/g, '&quot;')}</li>`)
  })
})

describe('what can be voted on', () => {
  it('is what people wrote or placed, not the board’s scaffolding or a template’s cards', () => {
    for (const type of ['note', 'text', 'geo', 'regie-actor', 'image']) expect(isVotableType(type)).toBe(true)
    for (const type of ['frame', 'arrow', 'group', 'regie-item', 'regie-legend']) expect(isVotableType(type)).toBe(false)
  })
})

describe('links derived from the facilitator’s token', () => {
  it('are 43 base64url characters, differ per role, generation and board, and are stable', () => {
    const facilitator = 'f'.repeat(43)
    const token = linkToken(facilitator, 'board1', 'participant', 0)
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(linkToken(facilitator, 'board1', 'participant', 0)).toBe(token)
    const others = [linkToken(facilitator, 'board1', 'viewer', 0), linkToken(facilitator, 'board1', 'participant', 1), linkToken(facilitator, 'board2', 'participant', 0), linkToken('g'.repeat(43), 'board1', 'participant', 0)]
    expect(new Set([token, ...others]).size).toBe(5)
  })
})
