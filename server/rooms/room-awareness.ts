/**
 * A room's awareness (presence: cursors, names, selections) and who owns which part of it. Each
 * client id in it belongs to the peer that announced it (`peer.awarenessIds`), or to a client of
 * another instance; a peer changes only its own ids, and when it leaves its ids go with it.
 *
 * Stock y-websocket echoes other people's states back to the server (on joining a busy board, all
 * of them in one frame); such an echo changes nothing. Limits come first and are checked without
 * parsing the states (awareness-limits.ts); every state is relayed stamped with the role and
 * identity the server knows for its peer (awareness-stamp.ts), never what the client claims.
 *
 * Changes of our own peers go to the other instances through the fan-out channel; what came from
 * there is relayed to our peers only.
 */
import type * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import type { BoardChannel } from '../fanout/fanout.ts'
import { stampAwareness } from '../sync/awareness-stamp.ts'
import { checkAwarenessUpdate, type AwarenessLimits, type KnownClientIds } from '../sync/awareness-limits.ts'
import { encodeAwareness, readAwarenessClientIds } from '../sync/protocol.ts'
import { Broadcast } from '../sync/broadcast.ts'
import type { Peer } from './peer.ts'

interface AwarenessChange {
  added: number[]
  updated: number[]
  removed: number[]
}

/** The origin of awareness that came from another instance through the fan-out channel. */
const REMOTE = Symbol('remote instance')

export class RoomAwareness {
  readonly awareness: awarenessProtocol.Awareness

  constructor(
    doc: Y.Doc,
    private readonly peers: ReadonlySet<Peer>,
    private readonly channel: () => BoardChannel | null,
    private readonly limits: AwarenessLimits,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc)
    // The server has no presence of its own.
    this.awareness.setLocalState(null)
    this.awareness.on('update', (change: AwarenessChange, origin: unknown) => this.relay(change, origin))
  }

  /** Sends a joining peer everyone's current state. */
  greet(peer: Peer): void {
    const states = this.awareness.getStates()
    if (states.size > 0) peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()])))
  }

  /** Removes the states a leaving peer announced (the room has removed the peer already). */
  forget(peer: Peer): void {
    if (peer.awarenessIds.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.awarenessIds], null)
  }

  /** Throws AwarenessRefusedError for an update beyond the limits (see awareness-limits). */
  apply(peer: Peer, update: Uint8Array): void {
    const others = this.othersIds(peer)
    checkAwarenessUpdate(update, peer.awarenessIds, this.limits, others)
    for (const id of readAwarenessClientIds(update)) {
      // A client id announced by another peer (or instance) is not this peer's to change.
      if (!peer.awarenessIds.has(id) && (others.has(id) || this.isClaimedByOther(peer, id))) return
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, stampAwareness(update, { role: peer.role, participantId: peer.participantId ?? null }), peer)
  }

  applyRemote(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE)
  }

  answerQuery(peer: Peer): void {
    const ids = [...this.awareness.getStates().keys()]
    peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)))
  }

  destroy(): void {
    this.awareness.destroy()
  }

  /** The client ids in the awareness that are not this peer's (see checkAwarenessUpdate). */
  private othersIds(peer: Peer): KnownClientIds {
    const states = this.awareness.getStates()
    return { has: (id) => states.has(id) && !peer.awarenessIds.has(id), size: states.size }
  }

  private isClaimedByOther(peer: Peer, id: number): boolean {
    for (const other of this.peers) if (other !== peer && other.awarenessIds.has(id)) return true
    return false
  }

  private relay({ added, updated, removed }: AwarenessChange, origin: unknown): void {
    const changed = [...added, ...updated, ...removed]
    if (changed.length === 0) return
    if (origin !== null && this.peers.has(origin as Peer)) {
      const ids = (origin as Peer).awarenessIds
      for (const id of [...added, ...updated]) ids.add(id)
      for (const id of removed) ids.delete(id)
    }
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)
    // Our own peers' changes go to the other instances; theirs came from there.
    if (origin !== REMOTE) this.channel()?.publishAwareness(update)
    const message = Broadcast.ofAwareness(update)
    for (const peer of this.peers) peer.send(message)
  }
}
