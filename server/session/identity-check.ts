/**
 * Reads the identity a request or sync connection presents (`owner=` / `x-regiebord-owner`: the
 * secret the server issued) and looks it up in the board's roster. Only the sha-256 of the secret
 * is ever kept or compared.
 */
import type { Role } from '../../shared/roles.ts'
import type { ControlState } from '../../shared/session/control-doc.ts'
import { identityStatus } from '../../shared/session/identity.ts'
import { OWNER_SECRET_PATTERN, ownerKeyOf } from '../../shared/session/owner-key.ts'

export type PresentedIdentity =
  | { kind: 'none' }
  /** Malformed, made up, of another link or from before the link was rotated. */
  | { kind: 'unknown' }
  | { kind: 'known'; participantId: string; status: 'admitted' | 'waiting' | 'refused' }

export async function presentedIdentity(secret: string | null | undefined, role: Role, control: ControlState): Promise<PresentedIdentity> {
  if (secret === undefined || secret === null || secret === '') return { kind: 'none' }
  if (!OWNER_SECRET_PATTERN.test(secret)) return { kind: 'unknown' }
  const participantId = await ownerKeyOf(secret)
  const status = identityStatus(control, participantId, role)
  return status === 'unknown' ? { kind: 'unknown' } : { kind: 'known', participantId, status }
}

export type IdentityGate =
  | { ok: true; participantId: string | null }
  | { ok: false; status: 401 | 403; code: 'identity_invalid' | 'identity_required' | 'waiting_for_admission' | 'turned_away'; message: string; reason: 'identity_invalid' | 'lobby' | 'turned_away' }

/**
 * Whether a connection with this identity may open the board's documents: an identity it
 * presents must be one the board issued and not turned away; while the waiting room is on,
 * everyone but the facilitator needs one that was let in.
 */
export function gateIdentity(presented: PresentedIdentity, role: Role, control: ControlState): IdentityGate {
  if (presented.kind === 'unknown') {
    return { ok: false, status: 403, code: 'identity_invalid', reason: 'identity_invalid', message: 'This identity was not issued by this board link (or the link was replaced); get a new one with POST /api/boards/<id>/identities' }
  }
  if (presented.kind === 'known' && presented.status === 'refused') {
    return { ok: false, status: 403, code: 'turned_away', reason: 'turned_away', message: 'The facilitator did not let this person in' }
  }
  if (role !== 'facilitator' && control.lobby) {
    if (presented.kind === 'none') {
      return { ok: false, status: 401, code: 'identity_required', reason: 'lobby', message: 'This board has a waiting room: get an identity with POST /api/boards/<id>/identities and wait to be let in' }
    }
    if (presented.status === 'waiting') {
      return { ok: false, status: 403, code: 'waiting_for_admission', reason: 'lobby', message: 'Waiting for the facilitator to let you in' }
    }
  }
  if (presented.kind === 'known' && presented.status === 'waiting') {
    // The waiting room was switched off meanwhile: whoever waited is in.
    return { ok: true, participantId: presented.participantId }
  }
  return { ok: true, participantId: presented.kind === 'known' ? presented.participantId : null }
}
