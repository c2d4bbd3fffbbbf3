import type { Role } from '../../shared/roles.ts'

/** What a room needs from one connected client; the WebSocket plumbing lives elsewhere. */
export interface Peer {
  readonly role: Role
  /** Awareness client ids this peer has announced; removed from the room when it leaves. */
  readonly awarenessIds: Set<number>
  send(message: Uint8Array): void
  close(code: number, reason: string): void
}
