/**
 * One loaded board document: its Y.Doc and the peers connected to it. Its one job is the
 * durability rule: apply → store → relay. A document update is applied, then appended to storage,
 * and only once storage has committed it is it relayed to the other peers and published to the
 * other instances holding this document (the fan-out channel). SyncStep2 answers wait for
 * in-flight appends too, so no client ever receives state that storage does not hold.
 *
 * What arrives from other instances was stored there already; it is applied and relayed to our
 * peers but neither stored nor published again. When the channel may have dropped messages, the
 * room catches up from storage (Yjs ignores what it already has), one run at a time (SerialRun).
 *
 * The rest lives beside it: the board-size limit (size-budget.ts), when and how the log is
 * compacted (compactor.ts), and presence and who owns which part of it (room-awareness.ts).
 */
import * as Y from 'yjs'
import type { BoardChannel, Fanout } from '../fanout/fanout.ts'
import type { Storage } from '../storage/storage.ts'
import { roomName, type DocRef } from '../../shared/session/channels.ts'
import { encodeSyncStep1, encodeSyncStep2, ProtocolError } from '../sync/protocol.ts'
import { Broadcast } from '../sync/broadcast.ts'
import { applyYjsUpdate } from '../sync/apply-update.ts'
import { Compactor } from './compactor.ts'
import type { Peer } from './peer.ts'
import type { Logger } from '../log.ts'
import type { TLSchema } from '@tldraw/tlschema'
import type { RecordLookup } from '../../shared/board/record-rules.ts'
import type { UpdateBudget } from '../sync/update-reader.ts'
import { RecordGuard } from './record-guard.ts'
import { checkBoardMemory } from './memory-budget.ts'
import type { AwarenessLimits } from '../sync/awareness-limits.ts'
import { RoomAwareness } from './room-awareness.ts'
import { SerialRun } from './serial-run.ts'
import { SizeBudget } from './size-budget.ts'
import { changesSince } from './changes-since.ts'

/** The board's other documents, whose records a record in this one may refer to (see RecordGuard). */
export interface OtherDocuments {
  lookup: RecordLookup
  /** Loads those not in memory yet; resolves whether any was loaded. */
  load(): Promise<boolean>
}

export interface RoomOptions {
  compactAfterUpdates: number
  /**
   * No other instance writes this document (the fan-out is local): every stored update was loaded
   * with the room or appended through it, so the doc's state is the merge of the stored log. The
   * server decides this when it chooses its fan-out; see Compactor.
   */
  soleWriter: boolean
  /** Stored document size past which updates are refused (BoardTooLargeError). */
  maxBoardBytes: number
  /** Estimated heap past which updates are refused (BoardMemoryError, see memory-budget). */
  maxBoardMemoryBytes: number
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

/** An update that would take the board past `maxBoardBytes`; it was not applied. */
export class BoardTooLargeError extends Error {}

/** The origin of document changes that came from another instance through the fan-out channel. */
const REMOTE = Symbol('remote instance')
/** The origin of changes the server makes itself (session state, revealed notes). */
const SERVER = Symbol('server')

export class Room {
  readonly doc = new Y.Doc()
  /** Checks client updates before they are applied; also the room's index of records by key. */
  readonly guard: RecordGuard
  /** The document's room name: its key in storage, the registry and the fan-out. */
  readonly name: string
  private readonly peers = new Set<Peer>()
  private readonly presence: RoomAwareness
  private readonly budget: SizeBudget
  private readonly compactor: Compactor
  private readonly catchingUp = new SerialRun(() => this.catchUpOnce())
  private readonly pendingWrites = new Set<Promise<void>>()
  private broken = false
  private channel: BoardChannel | null = null

  private constructor(
    /** Which of a board's documents this room holds. */
    readonly ref: DocRef,
    private readonly storage: Storage,
    private readonly options: RoomOptions,
  ) {
    this.name = roomName(ref)
    this.guard = new RecordGuard(this.doc, options.schema, options.updateBudget)
    this.budget = new SizeBudget(options.maxBoardBytes)
    this.compactor = new Compactor(this.name, this.doc, storage, this.budget, options)
    this.presence = new RoomAwareness(this.doc, this.peers, () => this.channel, options.awarenessLimits)
  }

  static async load(ref: DocRef, storage: Storage, fanout: Fanout, options: RoomOptions): Promise<Room> {
    const room = new Room(ref, storage, options)
    // Join before loading: whatever other instances publish from here on arrives, and what they
    // published before is in storage.
    room.channel = await fanout.join(room.name, {
      onUpdate: (update) => room.applyRemoteUpdate(update),
      onAwareness: (update) => room.presence.applyRemote(update),
      onResync: () => void room.catchUp(),
    })
    try {
      const { updates } = await storage.loadUpdates(room.name)
      room.compactor.loaded(updates.length)
      room.budget.loaded(updates.reduce((sum, update) => sum + update.byteLength, 0))
      Y.transact(room.doc, () => {
        for (const update of updates) applyYjsUpdate(room.doc, update)
      })
      return room
    } catch (error) {
      room.destroy()
      throw error
    }
  }

  /** Presence on this document (read by attendance.ts). */
  get awareness(): RoomAwareness['awareness'] {
    return this.presence.awareness
  }

  get peerCount(): number {
    return this.peers.size
  }

  /** Adds a peer and opens the sync handshake from the server's side. */
  addPeer(peer: Peer): void {
    this.peers.add(peer)
    peer.send(encodeSyncStep1(Y.encodeStateVector(this.doc)))
    this.presence.greet(peer)
  }

  removePeer(peer: Peer): void {
    if (!this.peers.delete(peer)) return
    this.presence.forget(peer)
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
    if (this.budget.wouldExceed(this.pendingBytes() + update.byteLength)) {
      // Compaction drops deleted content; only refuse if the board is still too large after it.
      if (!this.budget.isCompacted) await this.compact().catch(() => undefined)
      if (this.budget.wouldExceed(this.pendingBytes() + update.byteLength)) {
        throw new BoardTooLargeError(`board is at its size limit (${this.budget.maxBytes} bytes)`)
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
    checkBoardMemory(this.doc, this.budget.bytes, verdict.cost, this.options.maxBoardMemoryBytes)
    const outcome = { failed: false }
    // The values the guard read, which the document takes as they are: nothing runs in between.
    const decoded = verdict.decoded
    const apply = () => {
      try {
        applyYjsUpdate(this.doc, update, peer, decoded)
      } catch {
        outcome.failed = true
      }
    }
    let effective: Uint8Array | null
    if (verdict.fresh && this.pendingBytes() === 0) {
      // The update is exactly what it changes (see GuardVerdict): store and relay the client's own
      // bytes, and spare Yjs re-encoding the transaction for an `update` event nobody listens to.
      apply()
      // Should Yjs still have stopped part-way or kept a part pending, store and relay what the
      // document gained from it instead (see changes-since.ts).
      effective = outcome.failed || this.pendingBytes() > 0 ? changesSince(this.doc, verdict.statesBefore) : update
    } else {
      effective = this.changesOf(apply)
    }
    if (effective) void this.storeAndRelay(effective, peer)
    if (outcome.failed) throw new ProtocolError('malformed update')
  }

  /**
   * Makes a change on the server's own account, under the same rule as a peer's update: resolves
   * once the change is stored, relayed to every peer and published to the other instances.
   */
  async writeAsServer(change: (doc: Y.Doc) => void): Promise<void> {
    if (this.broken) throw new Error(`document ${this.name} cannot be written: its storage failed`)
    const effective = this.changesOf(() => Y.transact(this.doc, () => change(this.doc), SERVER))
    if (effective) await this.storeAndRelay(effective, null)
  }

  /** Closes the connections of the peers `which` selects (a rotated token's holders). */
  closePeers(which: (peer: Peer) => boolean, code: number, reason: string): void {
    for (const peer of [...this.peers]) if (which(peer)) peer.close(code, reason)
  }

  /** Throws AwarenessRefusedError for an update beyond the limits (see awareness-limits). */
  applyAwareness(peer: Peer, update: Uint8Array): void {
    this.presence.apply(peer, update)
  }

  answerQueryAwareness(peer: Peer): void {
    this.presence.answerQuery(peer)
  }

  /** An update another instance stored: apply it and relay what was new to our peers. */
  applyRemoteUpdate(update: Uint8Array): void {
    if (this.broken) return
    const hadPending = this.pendingBytes() > 0
    const effective = this.changesOf(() => applyYjsUpdate(this.doc, update, REMOTE))
    this.compactor.stored()
    this.budget.stored(update.byteLength)
    if (!effective) return
    this.options.countUpdate('remote')
    this.relayApplied(effective, hadPending)
  }

  /**
   * Reloads the stored log and relays whatever of it this room had missed. Runs one at a time; a
   * request during a run starts one more run afterwards.
   */
  catchUp(): Promise<void> {
    return this.catchingUp.request()
  }

  /** Resolves when every accepted update so far is committed to storage. */
  async settled(): Promise<void> {
    while (this.pendingWrites.size > 0) await Promise.allSettled([...this.pendingWrites])
  }

  /** Merges the stored log into one update. Safe while appends continue (see Storage). */
  compact(): Promise<void> {
    return this.compactor.compact()
  }

  /** Closes every peer; used on shutdown, unload and storage failure. */
  closeAll(code: number, reason: string): void {
    for (const peer of [...this.peers]) peer.close(code, reason)
  }

  destroy(): void {
    this.broken = true
    this.channel?.leave()
    this.presence.destroy()
    this.doc.destroy()
  }

  private async catchUpOnce(): Promise<void> {
    try {
      const { updates } = await this.storage.loadUpdates(this.name)
      if (this.broken) return
      // One transaction, so the update event hands us exactly what was new (or nothing).
      const hadPending = this.pendingBytes() > 0
      const missed = this.changesOf(() =>
        Y.transact(this.doc, () => {
          for (const update of updates) applyYjsUpdate(this.doc, update, REMOTE)
        }, REMOTE),
      )
      if (missed) this.relayApplied(missed, hadPending)
    } catch (error) {
      this.options.log.warn({ doc: this.name, err: error }, 'catching up from storage failed')
    }
  }

  private async storeAndRelay(update: Uint8Array, origin: Peer | null): Promise<void> {
    const write = this.storage.appendUpdate(this.name, update)
    this.pendingWrites.add(write)
    this.budget.writing(update.byteLength)
    try {
      await write
    } catch (error) {
      this.broken = true
      this.options.onBroken(this, error)
      return
    } finally {
      this.pendingWrites.delete(write)
      this.budget.written(update.byteLength)
    }
    this.compactor.stored()
    this.budget.stored(update.byteLength)
    this.options.countUpdate('client')
    this.channel?.publishUpdate(update)
    const message = Broadcast.ofUpdate(update)
    for (const peer of this.peers) if (peer !== origin) peer.send(message)
    if (this.compactor.due) {
      // A failed compaction rolls back and leaves the log as it was; the next append retries.
      this.compact().catch((error: unknown) => this.options.log.warn({ doc: this.name, err: error }, 'compaction failed'))
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
    const message = Broadcast.ofUpdate(effective)
    for (const peer of this.peers) peer.send(message)
  }

  /**
   * What `apply` changed in the document, as Yjs encodes it for its `update` event (one
   * transaction), or null if nothing. The room listens only while it needs the encoding: Yjs
   * encodes every transaction while anyone listens.
   */
  private changesOf(apply: () => void): Uint8Array | null {
    let changed: Uint8Array | null = null
    const listener = (update: Uint8Array) => {
      changed = update
    }
    this.doc.on('update', listener)
    try {
      apply()
    } finally {
      this.doc.off('update', listener)
    }
    return changed
  }

  private pendingBytes(): number {
    const store = this.doc.store
    return (store.pendingStructs?.update.byteLength ?? 0) + (store.pendingDs?.byteLength ?? 0)
  }
}

