/**
 * One loaded board: its Y.Doc, its awareness and the peers connected to it.
 *
 * The durability rule lives here: a document update is applied, then appended to storage, and
 * only once storage has committed it is it relayed to the other peers and published to the other
 * instances holding this board (the fan-out channel). SyncStep2 answers wait for in-flight
 * appends too, so no client ever receives state that storage does not hold.
 *
 * What arrives from other instances was stored there already; it is applied and relayed to our
 * peers but neither stored nor published again. When the channel may have dropped messages, the
 * room catches up from storage (Yjs ignores what it already has).
 */
import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import type { BoardChannel, Fanout } from '../fanout/fanout.ts'
import type { Storage } from '../storage/storage.ts'
import { roomName, type DocRef } from '../../shared/session/channels.ts'
import {
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  ProtocolError,
  readAwarenessClientIds,
} from '../sync/protocol.ts'
import { stampAwareness } from '../sync/awareness-stamp.ts'
import { mergeUpdatesWithGcInSlices } from './compaction.ts'
import type { Peer } from './peer.ts'
import type { Logger } from '../log.ts'
import type { TLSchema } from '@tldraw/tlschema'
import type { RecordLookup } from '../../shared/board/record-rules.ts'
import type { UpdateBudget } from '../sync/update-reader.ts'
import { RecordGuard } from './record-guard.ts'
import { checkAwarenessUpdate, type AwarenessLimits, type KnownClientIds } from '../sync/awareness-limits.ts'

/** The board's other documents, whose records a record in this one may refer to (see RecordGuard). */
export interface OtherDocuments {
  lookup: RecordLookup
  /** Loads those not in memory yet; resolves whether any was loaded. */
  load(): Promise<boolean>
}

export interface RoomOptions {
  compactAfterUpdates: number
  /** Stored document size past which updates are refused (BoardTooLargeError). */
  maxBoardBytes: number
  /** Counts applied updates (metrics). */
  countUpdate: (source: 'client' | 'remote') => void
  /** Called when storage failed and the room can no longer vouch for its state. */
  onBroken: (room: Room, error: unknown) => void
  log: Logger
  /** The board schema every record a client writes is checked against. */
  schema: TLSchema
  updateBudget: UpdateBudget
  awarenessLimits: AwarenessLimits
  otherDocuments: OtherDocuments
}

interface AwarenessChange {
  added: number[]
  updated: number[]
  removed: number[]
}

/** An update that would take the board past `maxBoardBytes`; it was not applied. */
export class BoardTooLargeError extends Error {}

/** The origin of changes that came from another instance through the fan-out channel. */
const REMOTE = Symbol('remote instance')
/** The origin of changes the server makes itself (session state, revealed notes). */
const SERVER = Symbol('server')

export class Room {
  readonly doc = new Y.Doc()
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  /** Checks client updates before they are applied; also the room's index of records by key. */
  readonly guard: RecordGuard
  private readonly peers = new Set<Peer>()
  private readonly pendingWrites = new Set<Promise<void>>()
  private storedUpdates: number
  private compaction: Promise<void> | null = null
  /** The effective update of the transaction being applied (set by the doc's update event). */
  private captured: Uint8Array | null = null
  private broken = false
  private channel: BoardChannel | null = null
  /**
   * Bytes of the stored log as far as this room knows: what it loaded, appended or received,
   * reset to the merged size by compaction. The board-size limit is checked against it.
   */
  private storedBytes = 0
  /** Bytes handed to storage and not yet committed; they count toward the size limit already. */
  private writingBytes = 0
  private bytesSinceCompactionStart = 0
  /** Whether storedBytes is the compacted size (nothing stored since the last compaction). */
  private sizeIsCompacted = false
  private catchingUp: Promise<void> | null = null
  private catchUpAgain = false
  /**
   * No other instance writes this board (the fan-out is local): every stored update was loaded
   * with the room or appended through it after being applied to the doc, so the doc's state is
   * the merge of the stored log. See `compact`.
   */
  private docHoldsStoredLog = false
  /**
   * The log length at which this room compacts next: somewhere between half the configured
   * bound and the bound, drawn anew after each compaction. Boards that are edited at the same
   * pace (a workshop, a load test, all boards loaded after a restart) would otherwise all reach
   * the bound in the same second, and their compactions together stall the server.
   */
  private compactAt = 0

  /** The document's room name: its key in storage, the registry and the fan-out. */
  readonly name: string

  private constructor(
    /** Which of a board's documents this room holds. */
    readonly ref: DocRef,
    private readonly storage: Storage,
    storedUpdates: number,
    private readonly options: RoomOptions,
  ) {
    this.name = roomName(ref)
    this.storedUpdates = storedUpdates
    this.guard = new RecordGuard(this.doc, options.schema, options.updateBudget)
    this.compactAt = this.nextCompactionBound()
    // The server has no presence of its own.
    this.awareness.setLocalState(null)
    this.doc.on('update', (update: Uint8Array) => {
      this.captured = update
    })
    this.awareness.on('update', (change: AwarenessChange, origin: unknown) => {
      this.relayAwareness(change, origin)
    })
  }

  static async load(ref: DocRef, storage: Storage, fanout: Fanout, options: RoomOptions): Promise<Room> {
    const room = new Room(ref, storage, 0, options)
    // Join before loading: whatever other instances publish from here on arrives, and what they
    // published before is in storage.
    room.docHoldsStoredLog = fanout.status() === 'disabled'
    room.channel = await fanout.join(room.name, {
      onUpdate: (update) => room.applyRemoteUpdate(update),
      onAwareness: (update) => room.applyRemoteAwareness(update),
      onResync: () => void room.catchUp(),
    })
    try {
      const { updates } = await storage.loadUpdates(room.name)
      room.storedUpdates = updates.length
      room.storedBytes = updates.reduce((sum, update) => sum + update.byteLength, 0)
      Y.transact(room.doc, () => {
        for (const update of updates) Y.applyUpdate(room.doc, update)
      })
      room.captured = null
      return room
    } catch (error) {
      room.destroy()
      throw error
    }
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
   * Applies a document update from a peer and hands what it changed to storage; it is relayed once
   * stored. Viewers' updates are dropped. An update the record guard refuses throws
   * UpdateRefusedError and changes nothing. A malformed update throws ProtocolError; whatever part
   * of it Yjs did integrate is still stored and relayed, so the in-memory document never holds
   * state that storage lacks for long, and no peer receives it before storage has it.
   *
   * Resolves without waiting for the write: the connection goes on with its next frame, so that a
   * burst of frames shares one group commit (see GroupCommit) instead of one commit per event-loop
   * turn. Relays still follow the commits, in order; SyncStep2 answers wait for them (settled).
   */
  async applyUpdate(peer: Peer, update: Uint8Array): Promise<void> {
    if (!peer.mayWrite() || this.broken) return
    // Updates whose dependencies are missing wait in memory (Yjs keeps them pending); they count
    // toward the limit, so such updates cannot grow memory without bound either.
    if (this.storedBytes + this.writingBytes + this.pendingBytes() + update.byteLength > this.options.maxBoardBytes) {
      // Compaction drops deleted content; only refuse if the board is still too large after it.
      // Once compacted, further refusals need no new compaction (a client retrying cannot make
      // us merge the log over and over).
      if (!this.sizeIsCompacted) await this.compact().catch(() => undefined)
      if (this.storedBytes + this.writingBytes + this.pendingBytes() + update.byteLength > this.options.maxBoardBytes) {
        throw new BoardTooLargeError(`board is at its size limit (${this.options.maxBoardBytes} bytes)`)
      }
    }
    const others = this.options.otherDocuments
    let verdict = this.guard.check(update, others.lookup)
    // A record may refer to one in a document of the board nobody has opened yet: load it and look
    // again. The second check runs right before applying, so nothing can change in between.
    if (!verdict.ok && verdict.missingReference && (await others.load())) {
      if (this.broken) return
      verdict = this.guard.check(update, others.lookup)
    }
    if (!verdict.ok) throw verdict.error
    this.captured = null
    let failure: unknown = null
    try {
      Y.applyUpdate(this.doc, update, peer)
    } catch (error) {
      failure = error
    }
    const effective = this.captured
    this.captured = null
    if (effective) void this.storeAndRelay(effective, peer)
    if (failure) throw new ProtocolError('malformed update')
  }

  /**
   * Makes a change on the server's own account, under the same rule as a peer's update: resolves
   * once the change is stored, relayed to every peer and published to the other instances.
   */
  async writeAsServer(change: (doc: Y.Doc) => void): Promise<void> {
    if (this.broken) throw new Error(`document ${this.name} cannot be written: its storage failed`)
    this.captured = null
    Y.transact(this.doc, () => change(this.doc), SERVER)
    const effective = this.captured
    this.captured = null
    if (effective) await this.storeAndRelay(effective, null)
  }

  /** Closes the connections of the peers `which` selects (a rotated token's holders). */
  closePeers(which: (peer: Peer) => boolean, code: number, reason: string): void {
    for (const peer of [...this.peers]) if (which(peer)) peer.close(code, reason)
  }

  /** Throws AwarenessRefusedError for an update beyond the limits (see awareness-limits). */
  applyAwareness(peer: Peer, update: Uint8Array): void {
    // Limits first: they are checked without parsing the states.
    const others = this.othersAwarenessIds(peer)
    checkAwarenessUpdate(update, peer.awarenessIds, this.options.awarenessLimits, others)
    const ids = readAwarenessClientIds(update)
    for (const id of ids) {
      // A client id announced by another peer (or instance) is not this peer's to change: an
      // echo of other people's states, which stock y-websocket sends, changes nothing.
      if (!peer.awarenessIds.has(id) && (others.has(id) || this.isClaimedByOther(peer, id))) return
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, stampAwareness(update, { role: peer.role, participantId: peer.participantId ?? null }), peer)
  }

  /** An update another instance stored: apply it and relay what was new to our peers. */
  applyRemoteUpdate(update: Uint8Array): void {
    if (this.broken) return
    const hadPending = this.pendingBytes() > 0
    this.captured = null
    Y.applyUpdate(this.doc, update, REMOTE)
    const effective = this.captured
    this.captured = null
    this.storedUpdates++
    this.noteStoredBytes(update.byteLength)
    if (!effective) return
    this.options.countUpdate('remote')
    this.relayApplied(effective, hadPending)
  }

  applyRemoteAwareness(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE)
  }

  /**
   * Reloads the stored log and relays whatever of it this room had missed. Runs one at a time; a
   * request during a run starts one more run afterwards.
   */
  catchUp(): Promise<void> {
    if (this.catchingUp) {
      this.catchUpAgain = true
      return this.catchingUp
    }
    this.catchingUp = (async () => {
      try {
        do {
          this.catchUpAgain = false
          const { updates } = await this.storage.loadUpdates(this.name)
          if (this.broken) return
          // One transaction, so the update event hands us exactly what was new (or nothing).
          const hadPending = this.pendingBytes() > 0
          this.captured = null
          Y.transact(this.doc, () => {
            for (const update of updates) Y.applyUpdate(this.doc, update, REMOTE)
          }, REMOTE)
          const missed = this.captured
          this.captured = null
          if (missed) this.relayApplied(missed, hadPending)
        } while (this.catchUpAgain)
      } catch (error) {
        this.options.log.warn({ doc: this.name, err: error }, 'catching up from storage failed')
      } finally {
        this.catchingUp = null
      }
    })()
    return this.catchingUp
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
        this.bytesSinceCompactionStart = 0
        const { updates, lastSeq } = await this.storage.loadUpdates(this.name)
        let size = updates.reduce((sum, update) => sum + update.byteLength, 0)
        if (updates.length > 1) {
          // Encoding the live doc takes about a millisecond; replaying the log into a new doc
          // takes 10–20 ms per 500 updates, which under load (many boards reaching the bound
          // together) held up relaying for whole seconds. The doc may hold updates newer than
          // lastSeq as well; they stay stored after it too, and applying one twice is harmless.
          // More rows than this room stored means someone else wrote: then replay the log.
          const fromDoc = this.docHoldsStoredLog && updates.length <= this.storedUpdates
          const merged = fromDoc ? Y.encodeStateAsUpdate(this.doc) : await mergeUpdatesWithGcInSlices(updates)
          await this.storage.replaceUpdates(this.name, lastSeq, merged)
          size = merged.byteLength
        }
        this.storedBytes = size + this.bytesSinceCompactionStart
        this.sizeIsCompacted = this.bytesSinceCompactionStart === 0
        this.storedUpdates = await this.storage.countUpdates(this.name)
        this.compactAt = this.nextCompactionBound()
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
    this.broken = true
    this.channel?.leave()
    this.awareness.destroy()
    this.doc.destroy()
  }

  private async storeAndRelay(update: Uint8Array, origin: Peer | null): Promise<void> {
    const write = this.storage.appendUpdate(this.name, update)
    this.pendingWrites.add(write)
    this.writingBytes += update.byteLength
    try {
      await write
    } catch (error) {
      this.broken = true
      this.options.onBroken(this, error)
      return
    } finally {
      this.pendingWrites.delete(write)
      this.writingBytes -= update.byteLength
    }
    this.storedUpdates++
    this.noteStoredBytes(update.byteLength)
    this.options.countUpdate('client')
    this.channel?.publishUpdate(update)
    const message = encodeUpdate(update)
    for (const peer of this.peers) if (peer !== origin) peer.send(message)
    if (this.storedUpdates > this.compactAt && !this.compaction) {
      // A failed compaction rolls back and leaves the log as it was; the next append retries.
      this.compact().catch((error: unknown) =>
        this.options.log.warn({ doc: this.name, err: error }, 'compaction failed'),
      )
    }
  }

  /**
   * Relays what applying stored content (from another instance or from storage) changed. If
   * updates from our own peers were pending, applying may have completed them, and then the
   * change holds content storage lacks: it is stored and published like a peer's update.
   */
  private relayApplied(effective: Uint8Array, hadPending: boolean): void {
    if (hadPending) {
      void this.storeAndRelay(effective, null)
      return
    }
    const message = encodeUpdate(effective)
    for (const peer of this.peers) peer.send(message)
  }

  private pendingBytes(): number {
    const store = this.doc.store
    return (store.pendingStructs?.update.byteLength ?? 0) + (store.pendingDs?.byteLength ?? 0)
  }

  private nextCompactionBound(): number {
    const bound = this.options.compactAfterUpdates
    return Math.ceil(bound / 2 + Math.random() * (bound / 2))
  }

  private noteStoredBytes(bytes: number): void {
    this.storedBytes += bytes
    this.bytesSinceCompactionStart += bytes
    this.sizeIsCompacted = false
  }

  /** The client ids in the board's awareness that are not this peer's (see checkAwarenessUpdate). */
  private othersAwarenessIds(peer: Peer): KnownClientIds {
    const states = this.awareness.getStates()
    return { has: (id) => states.has(id) && !peer.awarenessIds.has(id), size: states.size }
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
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)
    // Our own peers' changes go to the other instances; theirs came from there.
    if (origin !== REMOTE) this.channel?.publishAwareness(update)
    const message = encodeAwareness(update)
    for (const peer of this.peers) peer.send(message)
  }
}
