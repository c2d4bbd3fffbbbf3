/**
 * Awareness is whatever a client says about itself, so the server overwrites the part others
 * trust: every state a connection announces is relayed with `session: { role, ownerKey }` set to
 * the role of the link it connected with and the identity it presented (null: none). A viewer
 * that writes `session.role: 'facilitator'` into its own state is relayed as the viewer it is.
 *
 * `ownerKey` is the field name the browser already reads (client/session/participants.ts); it
 * holds the participant id.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { Role } from '../../shared/roles.ts'
import { ProtocolError } from './protocol.ts'

/** The awareness state field the server writes; clients read the role and participant id there. */
const STAMPED_FIELD = 'session'

export interface AwarenessStamp {
  role: Role
  participantId: string | null
}

/** The same awareness update with each announced state stamped; removals (null states) pass as they are. */
export function stampAwareness(update: Uint8Array, stamp: AwarenessStamp): Uint8Array {
  const decoder = decoding.createDecoder(update)
  const encoder = encoding.createEncoder()
  try {
    const count = decoding.readVarUint(decoder)
    encoding.writeVarUint(encoder, count)
    for (let i = 0; i < count; i++) {
      encoding.writeVarUint(encoder, decoding.readVarUint(decoder)) // client id
      encoding.writeVarUint(encoder, decoding.readVarUint(decoder)) // clock
      const state: unknown = JSON.parse(decoding.readVarString(decoder))
      encoding.writeVarString(encoder, JSON.stringify(stamped(state, stamp)))
    }
  } catch {
    throw new ProtocolError('malformed awareness update')
  }
  return encoding.toUint8Array(encoder)
}

function stamped(state: unknown, { role, participantId }: AwarenessStamp): unknown {
  if (state === null) return null
  const session = { role, ownerKey: participantId }
  // A state that is not an object carries nothing anyone shows; it becomes one that says who sent it.
  if (typeof state !== 'object' || Array.isArray(state)) return { [STAMPED_FIELD]: session }
  return { ...(state as Record<string, unknown>), [STAMPED_FIELD]: session }
}
