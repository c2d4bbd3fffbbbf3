/**
 * Participant identities the server issues (`POST /api/boards/:id/identities`): a random secret
 * the browser keeps per board, whose sha-256 (base64url, see owner-key.ts) is the participant id.
 * The server records every identity it issued in the board's control document, with the role and
 * link generation it was issued for, so a secret the client made up, or one issued before the
 * link was rotated, opens nothing: votes, view-only, private notes and the waiting room all hang
 * on a recorded identity.
 */
import type { Role } from '../roles.ts'
import type { ControlState, IdentityEntry } from './control-doc.ts'

/** What an identity may do now: `unknown` covers made up, of another link, and from before a rotation. */
export type IdentityStatus = IdentityEntry['status'] | 'unknown'

export function linkGeneration(control: ControlState, role: Role): number {
  return role === 'facilitator' ? 0 : (control.rotated[role] ?? 0)
}

export function identityStatus(control: ControlState, participantId: string, role: Role): IdentityStatus {
  const entry = Object.hasOwn(control.identities, participantId) ? control.identities[participantId] : undefined
  if (!entry || entry.role !== role || entry.generation !== linkGeneration(control, role)) return 'unknown'
  return entry.status
}

/** How many identities one board keeps at most; rotating a link clears that link's. */
export const MAX_IDENTITIES_PER_BOARD = 2000

/** Longest name kept with an identity (the join dialog allows 60). */
export const MAX_IDENTITY_NAME = 60

/** `POST /api/boards/:id/identities` `{ name }` → 201 IssuedIdentity; `GET …/identity` → IdentityAnswer. */
export interface IssuedIdentity {
  /** The secret: sent as `owner=` on sync URLs and as the `x-regiebord-owner` header. */
  readonly identity: string
  readonly participantId: string
  readonly status: IdentityEntry['status']
}

export interface IdentityAnswer {
  readonly participantId: string
  readonly role: Role
  readonly status: IdentityEntry['status']
}
