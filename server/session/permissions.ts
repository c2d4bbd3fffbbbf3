/**
 * Who may open and who may write each of a board's documents (shared/session/channels.ts). Pure:
 * the sync route asks `openAccess` before the upgrade, the room asks `mayWrite` for every update,
 * so a change of the session state (freeze, view-only) applies to the very next update.
 */
import type { Role } from '../../shared/roles.ts'
import type { DocRef } from '../../shared/session/channels.ts'
import type { ControlState } from '../../shared/session/control-doc.ts'

export type OpenAccess = { ok: true } | { ok: false; status: 403; code: 'not_owner' | 'viewer_private'; message: string }

export function openAccess(ref: DocRef, role: Role, ownerKey: string | null): OpenAccess {
  if (ref.channel !== 'private') return { ok: true }
  if (role === 'viewer') return { ok: false, status: 403, code: 'viewer_private', message: 'Viewers have no private notes' }
  if (ownerKey !== ref.ownerKey) return { ok: false, status: 403, code: 'not_owner', message: 'Private notes open only with their owner secret' }
  return { ok: true }
}

export function mayWrite(ref: DocRef, role: Role, ownerKey: string | null, control: ControlState): boolean {
  switch (ref.channel) {
    case 'control':
      // Written by the server alone, for the facilitator's session API.
      return false
    case 'structure':
      return role === 'facilitator'
    case 'main':
    case 'private':
      if (role === 'facilitator') return true
      if (role === 'viewer') return false
      return !control.frozen && !(ownerKey !== null && control.viewOnly[ownerKey] === true)
  }
}
