/**
 * One loaded board: its Y.Doc, its awareness and the peers connected to it.
 *
 * The durability rule lives here: a document update is applied, then appended to storage, and
 * only once storage has committed it is it relayed to the other peers. SyncStep2 answers wait
 * for in-flight appends too, so no client ever receives state that storage does not hold.
 */
import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import { canEditDocument } from '../../shared/roles.ts'
import type { Storage } from '../storage/storage.ts'
import {
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  ProtocolError,
  readAwarenessClientIds,
} from '../sync/protocol.ts'
import { mergeUpdatesWithGc } from './compaction.ts'
import type { Peer } from './peer.ts'
import type { Logger } from '../log.ts'

export interface RoomOptions {
  compactAfterUpdates: number
  /** Called when storage failed and the room can no longer vouch for its state. */
  onBroken: (room: Room, error: unknown) => void
  log: Logger
}

interface AwarenessChange {
  added: number[]
  updated: number[]
  removed: number[]
}

export const CloseCode = {
  goingAway: 1001,
  unsupportedData: 1003,
  invalidPayload: 1007,
  policyViolation: 1008,
  tooLarge: 1009,
  internalError: 1011,
  tryAgainLater: 1013,
} as const

export class Room {
  readonly doc = new Y.Doc()
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  private readonly peers = new Set<Peer>()
  private readonly pendingWrites = new Set<Promise<void>>()
  private storedUpdates: number
  private compaction: Promise<void> | null = null
  /** The effective update of the transaction being applied (set by the doc's update event). */
  private captured: Uint8Array | null = null
  private broken = false

  private constructor(
    readonly boardId: string,
    private readonly storage: Storage,
    storedUpdates: number,
    private readonly options: RoomOptions,
  ) {
    this.storedUpdates = storedUpdates
    // The server has no presence of its own.
    this.awareness.setLocalState(null)
    this.doc.on('update', (update: Uint8Array) => {
      this.captured = update
    })
    this.awareness.on('update', (change: AwarenessChange, origin: unknown) => {
      this.relayAwareness(change, origin)
    })
  }

  static async load(boardId: string, storage: Storage, options: RoomOptions): Promise<Room> {
    const { updates } = await storage.loadUpdates(boardId)
    const room = new Room(boardId, storage, updates.length, options)
    Y.transact(room.doc, () => {
      for (const update of updates) Y.applyUpdate(room.doc, update)
    })
    room.captured = null
    return room
  }

  get peerCount(): number {
    return this.peers.size
  }

  /** Adds a peer and opens the sync handshake from the server's side. */
  addPeer(peer: Peer): void {
    this.peers.add(peer)
    peer.send(encodeSyncStep1(Y.encodeStateVector(this.doc)))
    const states = this.awareness.getStates()
    if (states.size > 0) {
      peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()])))
    }
  }

  removePeer(peer: Peer): void {
    if (!this.peers.delete(peer)) return
    if (peer.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.awarenessIds], null)
    }
  }

  async answerSyncStep1(peer: Peer, stateVector: Uint8Array): Promise<void> {
    await this.settled()
    peer.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector)))
  }

  /**
   * Applies a document update from a peer. Viewers' updates are dropped. A malformed update
   * throws ProtocolError, after whatever part of it Yjs did integrate has been stored and relayed,
   * so the in-memory document never holds state that storage lacks.
   */
  async applyUpdate(peer: Peer, update: Uint8Array): Promise<void> {
    if (!canEditDocument(peer.role) || this.broken) return
    this.captured = null
    let failure: unknown = null
    try {
      Y.applyUpdate(this.doc, update, peer)
    } catch (error) {
      failure = error
    }
    const effective = this.captured
    this.captured = null
    if (effective) await this.storeAndRelay(effective, peer)
    if (failure) throw new ProtocolError('malformed update')
  }

  applyAwareness(peer: Peer, update: Uint8Array): void {
    const ids = readAwarenessClientIds(update)
    for (const id of ids) {
      // A client id announced by another peer is not this peer's to change.
      if (!peer.awarenessIds.has(id) && this.isClaimedByOther(peer, id)) return
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer)
  }

  answerQueryAwareness(peer: Peer): void {
    const ids = [...this.awareness.getStates().keys()]
    peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)))
  }

  /** Resolves when every accepted update so far is committed to storage. */
  async settled(): Promise<void> {
    while (this.pendingWrites.size > 0) await Promise.allSettled([...this.pendingWrites])
  }

  /** Merges the stored log into one update. Safe while appends continue (see Storage). */
  compact(): Promise<void> {
    this.compaction ??= (async () => {
      try {
        const { updates, lastSeq } = await this.storage.loadUpdates(this.boardId)
        if (updates.length > 1) {
          await this.storage.replaceUpdates(this.boardId, lastSeq, mergeUpdatesWithGc(updates))
        }
        this.storedUpdates = await this.storage.countUpdates(this.boardId)
      } finally {
        this.compaction = null
      }
    })()
    return this.compaction
  }

  /** Closes every peer; used on shutdown, unload and storage failure. */
  closeAll(code: number, reason: string): void {
    for (const peer of [...this.peers]) peer.close(code, reason)
  }

  destroy(): void {
    this.awareness.destroy()
    this.doc.destroy()
  }

  private async storeAndRelay(update: Uint8Array, origin: Peer): Promise<void> {
    const write = this.storage.appendUpdate(this.boardId, update)
    this.pendingWrites.add(write)
    try {
      await write
    } catch (error) {
      this.broken = true
      this.options.onBroken(this, error)
      return
    } finally {
      this.pendingWrites.delete(write)
    }
    this.storedUpdates++
    const message = encodeUpdate(update)
    for (const peer of this.peers) if (peer !== origin) peer.send(message)
    if (this.storedUpdates > this.options.compactAfterUpdates && !this.compaction) {
      // A failed compaction rolls back and leaves the log as it was; the next append retries.
      this.compact().catch((error: unknown) =>
        this.options.log.warn({ boardId: this.boardId, err: error }, 'compaction failed'),
      )
    }
  }

  private isClaimedByOther(peer: Peer, id: number): boolean {
    for (const other of this.peers) if (other !== peer && other.awarenessIds.has(id)) return true
    return false
  }

  private relayAwareness({ added, updated, removed }: AwarenessChange, origin: unknown): void {
    const changed = [...added, ...updated, ...removed]
    if (changed.length === 0) return
    if (origin !== null && this.peers.has(origin as Peer)) {
      const ids = (origin as Peer).awarenessIds
      for (const id of [...added, ...updated]) ids.add(id)
      for (const id of removed) ids.delete(id)
    }
    const message = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed))
    for (const peer of this.peers) peer.send(message)
  }
}
