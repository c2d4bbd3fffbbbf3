import type { Role } from '../../shared/roles.ts'
import type { Broadcast } from '../sync/broadcast.ts'

/** What a room needs from one connected client; the WebSocket plumbing lives elsewhere. */
export interface Peer {
  readonly role: Role
  /** The server-issued identity the connection presented (null: none); stamped into its awareness. */
  readonly participantId?: string | null
  /**
   * Whether this peer's document updates are applied now. Asked for every update, so a change of
   * the session (the board frozen, a participant set to view-only) applies to the next one.
   */
  mayWrite(): boolean
  /** Awareness client ids this peer has announced; removed from the room when it leaves. */
  readonly awarenessIds: Set<number>
  /** A message for this peer alone, or one framed once for every peer of the room (see Broadcast). */
  send(message: Uint8Array | Broadcast): void
  close(code: number, reason: string): void
}
