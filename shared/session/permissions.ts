/**
 * Who may write each of a board's documents (channels.ts), written once for both sides: the
 * server asks it for every update a connection sends (and drops what it refuses, as it does a
 * viewer's), the browser asks it to show the board as editable or not. So a change of the session
 * state (freeze, view-only, a person turned away) means the same on both, and the browser never
 * offers an edit the server would drop.
 *
 * `participantId` is an identity the server issued (identity.ts), or null for a connection that
 * presented none.
 */
import type { Role } from '../roles.ts'
import type { DocRef } from './channels.ts'
import type { ControlState } from './control-doc.ts'
import { identityStatus } from './identity.ts'

export function mayWrite(doc: Pick<DocRef, 'channel'>, role: Role, participantId: string | null, control: ControlState): boolean {
  switch (doc.channel) {
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
