/**
 * The layout of a board's `control` document: session state that only the server writes (see
 * channels.ts) and every client reads. One Y.Map, `doc.getMap('control')`, whose values are plain
 * JSON replaced whole, so a reader never sees half a change (the timer, a voting round).
 *
 * State that is a set of independent entries, which facilitators on different server instances
 * may change at the same moment, has a map of its own with one entry per key instead, so that
 * neither instance overwrites the other's change with the whole set as it read it: the roster of
 * issued identities (`identities`, by participant id), the view-only participants (`viewOnly`, by
 * participant id) and the link rotations (`rotated`, by role). Boards from before these two had
 * maps of their own keep their old value in the control map; entries in the map take precedence.
 */
import type * as Y from 'yjs'

export const CONTROL_MAP = 'control'
export const IDENTITIES_MAP = 'identities'
/** Participant id → true while the person may only look (false: no longer, over an old value). */
export const VIEW_ONLY_MAP = 'viewOnly'
/** Role → when its link was last replaced. */
export const ROTATED_MAP = 'rotated'

export const ControlKey = {
  timer: 'timer',
  frozen: 'frozen',
  privateMode: 'privateMode',
  voting: 'voting',
  summon: 'summon',
  viewOnly: 'viewOnly',
  rotated: 'rotated',
  deleted: 'deleted',
  // The waiting room (shared/session/identity.ts); the identities have their own map.
  lobby: 'lobby',
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

/** Participant ids (server-issued identities, see identity.ts) that may only look. */
export type ViewOnlyState = Readonly<Record<string, true>>

/**
 * When each role's link was last replaced (server clock). Every server instance watches this and
 * closes its connections of that role, so a rotation reaches connections on all instances.
 */
export type RotatedState = Readonly<Partial<Record<'participant' | 'viewer', number>>>

/** One identity a board link issued; the participant id (its key) is the sha-256 of its secret. */
export interface IdentityEntry {
  /** The name given when joining, for the facilitator's list (awareness may say otherwise). */
  readonly name: string
  readonly role: 'facilitator' | 'participant' | 'viewer'
  /** Server clock. */
  readonly issuedAt: number
  /** The link's generation when issued (`rotated[role]`, 0 before any rotation): a rotation ends it. */
  readonly generation: number
  /** `waiting` while the waiting room holds it; `refused` once turned away. */
  readonly status: 'admitted' | 'waiting' | 'refused'
}

export type IdentityRoster = Readonly<Record<string, IdentityEntry>>

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
  /** Every identity the board's links issued (and still valid), by participant id. */
  readonly identities: IdentityRoster
  /** The waiting room: while on, identities issued through the participant or viewer link wait to be let in. */
  readonly lobby: boolean
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
  identities: {},
  lobby: false,
  rounds: [],
}

/** The entries of the per-key maps (see the top of this file), when the caller has the document. */
interface PerKeyEntries {
  viewOnly?: Iterable<[string, unknown]>
  rotated?: Iterable<[string, unknown]>
}

/** Reads the control state from the map's plain values, with defaults for what is missing. */
export function readControl(get: (key: string) => unknown, identities: IdentityRoster = {}, perKey: PerKeyEntries = {}): ControlState {
  const value = <K extends Exclude<keyof ControlState, 'identities'>>(key: K): ControlState[K] => (get(ControlKey[key]) as ControlState[K] | undefined) ?? INITIAL_CONTROL[key]
  return {
    timer: value('timer'),
    frozen: value('frozen') === true,
    privateMode: value('privateMode'),
    voting: value('voting'),
    summon: value('summon'),
    viewOnly: withViewOnlyEntries(value('viewOnly'), perKey.viewOnly ?? []),
    rotated: withRotatedEntries(value('rotated'), perKey.rotated ?? []),
    deleted: typeof get(ControlKey.deleted) === 'number' ? (get(ControlKey.deleted) as number) : null,
    identities,
    lobby: value('lobby') === true,
    rounds: Array.isArray(get(ControlKey.rounds)) ? (get(ControlKey.rounds) as VotingRound[]) : [],
  }
}

/** The whole control state of a control document: its control map, its roster and its per-key maps. */
export function readControlDoc(doc: Y.Doc): ControlState {
  const map = doc.getMap<unknown>(CONTROL_MAP)
  const roster = doc.getMap<IdentityEntry>(IDENTITIES_MAP)
  return readControl((key) => map.get(key), Object.fromEntries(roster.entries()), {
    viewOnly: doc.getMap<unknown>(VIEW_ONLY_MAP).entries(),
    rotated: doc.getMap<unknown>(ROTATED_MAP).entries(),
  })
}

/** Every map readControlDoc reads: what a watcher of the control state observes. */
export function controlStateMaps(doc: Y.Doc): Y.Map<unknown>[] {
  return [CONTROL_MAP, IDENTITIES_MAP, VIEW_ONLY_MAP, ROTATED_MAP].map((name) => doc.getMap<unknown>(name))
}

function withViewOnlyEntries(old: ViewOnlyState, entries: Iterable<[string, unknown]>): ViewOnlyState {
  const viewOnly: Record<string, true> = { ...old }
  for (const [participantId, value] of entries) {
    if (value === true) viewOnly[participantId] = true
    else delete viewOnly[participantId]
  }
  return viewOnly
}

function withRotatedEntries(old: RotatedState, entries: Iterable<[string, unknown]>): RotatedState {
  const rotated: Partial<Record<'participant' | 'viewer', number>> = { ...old }
  for (const [role, at] of entries) if ((role === 'participant' || role === 'viewer') && typeof at === 'number') rotated[role] = at
  return rotated
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
