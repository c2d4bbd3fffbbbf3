/**
 * Who may open and who may write each of a board's documents (shared/session/channels.ts). Pure:
 * the sync route asks `openAccess` before the upgrade, the room asks `mayWrite` for every update,
 * so a change of the session state (freeze, view-only, a person turned away) applies to the very
 * next update.
 *
 * `participantId` is an identity the server issued and found in the board's roster at the upgrade
 * (see identity-check.ts), or null when the connection presented none.
 */
import type { Role } from '../../shared/roles.ts'
import type { DocRef } from '../../shared/session/channels.ts'
import type { ControlState } from '../../shared/session/control-doc.ts'
import { identityStatus } from '../../shared/session/identity.ts'

export type OpenAccess = { ok: true } | { ok: false; status: 403; code: 'not_owner' | 'viewer_private'; message: string }

export function openAccess(ref: DocRef, role: Role, participantId: string | null): OpenAccess {
  if (ref.channel !== 'private') return { ok: true }
  if (role === 'viewer') return { ok: false, status: 403, code: 'viewer_private', message: 'Viewers have no private notes' }
  if (participantId !== ref.ownerKey) return { ok: false, status: 403, code: 'not_owner', message: 'Private notes open only with their owner identity' }
  return { ok: true }
}

export function mayWrite(ref: DocRef, role: Role, participantId: string | null, control: ControlState): boolean {
  switch (ref.channel) {
    case 'control':
      // Written by the server alone, for the facilitator's session API.
      return false
    case 'structure':
      return role === 'facilitator'
    case 'main':
    case 'private':
      if (role === 'facilitator') return true
      if (role === 'viewer' || control.frozen) return false
      if (participantId === null) return anonymousMayWrite(control)
      return identityStatus(control, participantId, role) === 'admitted' && control.viewOnly[participantId] !== true
  }
}

/**
 * A participant connection without an identity (a script, a stock client) writes only while the
 * facilitator restricts nobody: once someone is view-only, or the waiting room is on, leaving the
 * identity out would otherwise be the way around it.
 */
export function anonymousMayWrite(control: ControlState): boolean {
  return !control.lobby && Object.keys(control.viewOnly).length === 0
}
