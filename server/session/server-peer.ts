import type { Peer } from '../rooms/peer.ts'

/**
 * The server itself as a member of a room: it keeps a board document loaded while it reads or
 * writes it (session state, revealing notes) without being a client. It sends nothing anywhere.
 */
export function serverPeer(): Peer {
  return {
    role: 'facilitator',
    awarenessIds: new Set(),
    mayWrite: () => true,
    send: () => undefined,
    close: () => undefined,
  }
}
