/**
 * The layout of a board's `control` document: session state that only the server writes (see
 * channels.ts) and every client reads. One Y.Map, `doc.getMap('control')`, whose values are plain
 * JSON replaced whole, so a reader never sees half a change.
 */
export const CONTROL_MAP = 'control'

export const ControlKey = {
  timer: 'timer',
  frozen: 'frozen',
  privateMode: 'privateMode',
  voting: 'voting',
  summon: 'summon',
  viewOnly: 'viewOnly',
  rotated: 'rotated',
  deleted: 'deleted',
  rounds: 'rounds',
} as const

/**
 * Who was present, for the report: a second map in the control document, `doc.getMap('attendance')`,
 * one entry per person (their owner key) so that server instances recording their own connections
 * never overwrite each other. Written by the server only (server/session/attendance.ts).
 */
export const ATTENDANCE_MAP = 'attendance'

export interface Attendee {
  /** The display name as shown in presence, when the person first appeared (or last renamed). */
  readonly name: string
  readonly role: 'facilitator' | 'participant' | 'viewer'
  /** Server clock. */
  readonly firstSeen: number
}

/**
 * Times are the server's clock (epoch ms), never a laptop's: clients estimate their offset to it
 * (`GET /api/time`) and count down to `endsAt`.
 */
export type TimerState =
  | { readonly status: 'stopped'; readonly durationMs: number }
  | { readonly status: 'running'; readonly durationMs: number; readonly endsAt: number }
  | { readonly status: 'paused'; readonly durationMs: number; readonly remainingMs: number }

export interface PrivateModeState {
  readonly active: boolean
  /** When it was last switched, server clock. */
  readonly since: number
}

/**
 * A dot-voting round. Votes themselves are not in any document: they go to the server's vote API
 * and are stored there, so nobody can read them before `revealed`. On reveal the server writes the
 * totals here.
 */
export interface VotingRound {
  readonly id: string
  /** The shapes that may be voted on (a selection, or the contents of a frame). */
  readonly shapeIds: readonly string[]
  readonly votesPerPerson: number
  /** How many of one person's votes may go to one shape (1: no stacking). */
  readonly maxPerShape: number
  /** Server clock; null: open until the facilitator closes it. */
  readonly endsAt: number | null
  readonly status: 'open' | 'closed' | 'revealed'
  /** Votes per shape, present once revealed. */
  readonly totals?: Readonly<Record<string, number>>
  readonly voters?: number
  /** What the facilitator asked ("Waar beginnen we mee?"); '' or absent when nothing was asked. */
  readonly question?: string
  /** Server clock. */
  readonly startedAt?: number
  readonly revealedAt?: number
  /** Each voted shape's text at the reveal: the result reads the same after a note changes or goes. */
  readonly labels?: Readonly<Record<string, string>>
}

/** "Iedereen naar mij": participants' clients move to this view when `at` changes. */
export interface SummonState {
  readonly at: number
  readonly pageId: string
  /** The facilitator's viewport in page space. */
  readonly bounds: { readonly x: number; readonly y: number; readonly w: number; readonly h: number }
  readonly by: string
  /** The facilitator's display name, for "Fenna neemt je mee". */
  readonly byName?: string
}

/** Participant ids (the `pid` a client sends when it connects) that may only look. */
export type ViewOnlyState = Readonly<Record<string, true>>

/**
 * When each role's link was last replaced (server clock). Every server instance watches this and
 * closes its connections of that role, so a rotation reaches connections on all instances.
 */
export type RotatedState = Readonly<Partial<Record<'participant' | 'viewer', number>>>

export interface ControlState {
  readonly timer: TimerState
  readonly frozen: boolean
  readonly privateMode: PrivateModeState
  readonly voting: VotingRound | null
  readonly summon: SummonState | null
  readonly viewOnly: ViewOnlyState
  readonly rotated: RotatedState
  /**
   * When the facilitator (or the retention period) deleted the board, server clock; null while it
   * exists. Written just before everything of the board is removed: every instance holding the
   * board sees it and closes its connections (CLOSE_BOARD_DELETED), and a browser that reads it
   * knows to drop its local copy rather than offer it back.
   */
  readonly deleted: number | null
  /** Every revealed voting round, oldest first; clearing or starting a round keeps them. */
  readonly rounds: readonly VotingRound[]
}

export const INITIAL_CONTROL: ControlState = {
  timer: { status: 'stopped', durationMs: 5 * 60_000 },
  frozen: false,
  privateMode: { active: false, since: 0 },
  voting: null,
  summon: null,
  viewOnly: {},
  rotated: {},
  deleted: null,
  rounds: [],
}

/** Reads the control state from the map's plain values, with defaults for what is missing. */
export function readControl(get: (key: string) => unknown): ControlState {
  const value = <K extends keyof ControlState>(key: K): ControlState[K] => (get(ControlKey[key]) as ControlState[K] | undefined) ?? INITIAL_CONTROL[key]
  return {
    timer: value('timer'),
    frozen: value('frozen') === true,
    privateMode: value('privateMode'),
    voting: value('voting'),
    summon: value('summon'),
    viewOnly: value('viewOnly'),
    rotated: value('rotated'),
    deleted: typeof get(ControlKey.deleted) === 'number' ? (get(ControlKey.deleted) as number) : null,
    rounds: Array.isArray(get(ControlKey.rounds)) ? (get(ControlKey.rounds) as VotingRound[]) : [],
  }
}

/** The attendance map's entries, oldest first; entries that are not attendees are left out. */
export function readAttendance(entries: Iterable<[string, unknown]>): (Attendee & { readonly key: string })[] {
  const result: (Attendee & { key: string })[] = []
  for (const [key, value] of entries) {
    const entry = value as Partial<Attendee> | null
    if (!entry || typeof entry.name !== 'string' || typeof entry.firstSeen !== 'number') continue
    if (entry.role !== 'facilitator' && entry.role !== 'participant' && entry.role !== 'viewer') continue
    result.push({ key, name: entry.name, role: entry.role, firstSeen: entry.firstSeen })
  }
  return result.sort((a, b) => a.firstSeen - b.firstSeen || a.key.localeCompare(b.key))
}
