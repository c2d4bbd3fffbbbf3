/**
 * The facilitator's session API and the vote API: request bodies and answers, shared by the
 * server's routes and the browser. Every route takes `Authorization: Bearer <board token>`; the
 * session routes refuse any role but facilitator (403 `not_facilitator`). Vote routes take the
 * participant's server-issued identity in the `x-regiebord-owner` header (see identity.ts).
 *
 *   GET  /api/time                                   → TimeAnswer (no token needed)
 *   POST /api/boards/:id/session/timer               TimerAction            → ControlState
 *   POST /api/boards/:id/session/freeze              { frozen }             → ControlState
 *   POST /api/boards/:id/session/private             { active }             → ControlState
 *        (active: false reveals: the server moves every private note into the board first)
 *   POST /api/boards/:id/session/voting              VotingRequest          → ControlState
 *   POST /api/boards/:id/session/summon              SummonRequest          → ControlState
 *   POST /api/boards/:id/session/view-only           { ownerKey, viewOnly } → ControlState
 *   POST /api/boards/:id/tokens/:role/rotate         (role participant|viewer) → { role, token }
 *        connections holding the old token are closed with 4403 "token rotated" (close-codes.ts)
 *   GET  /api/boards/:id/links                       → LinksAnswer (facilitator): the participant and
 *        viewer tokens again, derived from the facilitator's (server/boards/link-tokens.ts)
 *   GET  /api/boards/:id/session/voting/progress     → VotingProgress (facilitator)
 *   GET  /api/boards/:id/session/private/count       → HiddenNotes (facilitator)
 *   GET    /api/boards/:id/votes                     → VotesAnswer
 *   POST   /api/boards/:id/votes  { shapeId }        → VotesAnswer; 409 VoteRefusal as error code
 *   DELETE /api/boards/:id/votes/:shapeId            → VotesAnswer
 *   DELETE /api/boards/:id                           → { id, deleted: true } (facilitator only)
 *        every connection to the board's documents is closed with 4410 "board deleted"
 *
 *   POST /api/boards/:id/identities  { name? }        → 201 IssuedIdentity (any link; rate limited)
 *   GET  /api/boards/:id/identity    (x-regiebord-owner) → IdentityAnswer; 403 identity_invalid
 *   POST /api/boards/:id/session/lobby  { active }       → ControlState (the waiting room)
 *   POST /api/boards/:id/session/admit  { participantId, admit } → ControlState
 *        (admit: false turns the person away; their connections close with 4401)
 *
 * Sync connections add `owner=<identity>` to the query (next to `token`): the secret the server
 * issued (see identity.ts), which identifies the participant for view-only, votes, the waiting
 * room and their private document.
 */
import type { Ballot } from './voting.ts'

export interface TimeAnswer {
  readonly now: number
}

export type VotingRequest =
  | {
      readonly action: 'start'
      readonly shapeIds: readonly string[]
      readonly votesPerPerson: number
      readonly maxPerShape: number
      /** Null: open until closed. */
      readonly minutes: number | null
      /** What is asked, shown to everyone and kept with the result (at most 200 characters). */
      readonly question?: string
    }
  | { readonly action: 'close' }
  | { readonly action: 'reveal' }
  | { readonly action: 'clear' }

export interface SummonRequest {
  readonly pageId: string
  readonly bounds: { readonly x: number; readonly y: number; readonly w: number; readonly h: number }
  readonly by: string
  /** The facilitator's display name, for "Fenna neemt je mee" (at most 60 characters). */
  readonly byName?: string
}

export interface LinksAnswer {
  /**
   * The current token per role; null for a board whose links were made before they could be shown
   * again (the facilitator makes a new one to see it).
   */
  readonly participant: string | null
  readonly viewer: string | null
}

/** Who has placed at least one dot in the current round: their owner keys (never what they chose). */
export interface VotingProgress {
  readonly roundId: string | null
  readonly voters: readonly string[]
}

/** Unrevealed private notes while "stil schrijven" is on: how many, and by how many people. */
export interface HiddenNotes {
  readonly notes: number
  readonly writers: number
}

export interface VotesAnswer {
  readonly roundId: string | null
  /** This person's own dots. */
  readonly mine: Ballot
  readonly remaining: number
  /** Only once the round is revealed (for everyone) — never before, not even to facilitators. */
  readonly totals: Readonly<Record<string, number>> | null
}
