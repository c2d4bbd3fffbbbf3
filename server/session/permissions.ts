/**
 * Who may open each of a board's documents (shared/session/channels.ts). Pure: the sync route asks
 * `openAccess` before the upgrade. Who may write is shared with the browser
 * (shared/session/permissions.ts); the connection asks it for every update, so a change of the
 * session state (freeze, view-only, a person turned away) applies to the very next update.
 *
 * `participantId` is an identity the server issued and found in the board's roster at the upgrade
 * (see identity-check.ts), or null when the connection presented none.
 */
import type { Role } from '../../shared/roles.ts'
import type { DocRef } from '../../shared/session/channels.ts'

export type OpenAccess = { ok: true } | { ok: false; status: 403; code: 'not_owner' | 'viewer_private'; message: string }

export function openAccess(ref: DocRef, role: Role, participantId: string | null): OpenAccess {
  if (ref.channel !== 'private') return { ok: true }
  if (role === 'viewer') return { ok: false, status: 403, code: 'viewer_private', message: 'Viewers have no private notes' }
  if (participantId !== ref.ownerKey) return { ok: false, status: 403, code: 'not_owner', message: 'Private notes open only with their owner identity' }
  return { ok: true }
}
