/**
 * Limits on what one connection may put into a board's awareness (presence: cursors, names,
 * selections), checked before the update is parsed or applied: awareness is relayed to everyone on
 * the board, so one large state costs every peer, and many client ids from one socket would crowd
 * the participants list. The byte cost of awareness also counts in the connection's rate limit
 * (see `awarenessCost`).
 *
 * Kept apart from the room so that rules about what awareness may contain live in one place.
 */
import * as decoding from 'lib0/decoding'
import { ProtocolError } from './protocol.ts'

export interface AwarenessLimits {
  /** Largest JSON state of one client id, in bytes. */
  maxStateBytes: number
  /** Client ids one connection may speak for. y-websocket uses one per document. */
  maxClientIdsPerConnection: number
}

export class AwarenessRefusedError extends Error {}

/** The client ids the board already knows from elsewhere (other connections, other instances). */
export interface KnownClientIds {
  has(id: number): boolean
  readonly size: number
}

/**
 * Throws AwarenessRefusedError when `update` carries a state larger than allowed or would make its
 * connection speak for too many client ids, ProtocolError when it is malformed.
 *
 * Stock y-websocket sends every change of its awareness back to the server, other people's
 * included: on joining a busy board it echoes the states it was just sent, all in one frame.
 * Those ids belong to others (`others`), so they do not count as this connection's; the room
 * ignores such echoes. Only ids new to the board count against the limit.
 */
export function checkAwarenessUpdate(
  update: Uint8Array,
  ownIds: ReadonlySet<number>,
  limits: AwarenessLimits,
  others: KnownClientIds = new Set<number>(),
): void {
  const decoder = decoding.createDecoder(update)
  const added = new Set<number>()
  try {
    const count = decoding.readVarUint(decoder)
    // Checked before reading the states: an echo names at most everyone the board knows.
    if (count > limits.maxClientIdsPerConnection + others.size) {
      throw new AwarenessRefusedError(`awareness: more than ${limits.maxClientIdsPerConnection} client ids per connection`)
    }
    for (let i = 0; i < count; i++) {
      const id = decoding.readVarUint(decoder)
      decoding.readVarUint(decoder) // clock
      // A varString is a varUint8Array of UTF-8: read the bytes without decoding them.
      const state = decoding.readVarUint8Array(decoder)
      if (state.byteLength > limits.maxStateBytes) {
        throw new AwarenessRefusedError(`awareness state larger than ${limits.maxStateBytes} bytes`)
      }
      const removal = state.byteLength === 4 && state[0] === 0x6e && state[1] === 0x75 && state[2] === 0x6c && state[3] === 0x6c // "null"
      if (!removal && !ownIds.has(id) && !others.has(id)) added.add(id)
    }
  } catch (error) {
    if (error instanceof AwarenessRefusedError) throw error
    throw new ProtocolError('malformed awareness update')
  }
  if (ownIds.size + added.size > limits.maxClientIdsPerConnection) {
    throw new AwarenessRefusedError(`awareness: more than ${limits.maxClientIdsPerConnection} client ids per connection`)
  }
}

/** Rate-limit tokens an awareness frame costs: one per started KiB. */
export function awarenessCost(frameBytes: number): number {
  return Math.max(1, Math.ceil(frameBytes / 1024))
}
