/**
 * The board documents currently in memory, one room each (a board has several documents: see
 * shared/session/channels.ts; rooms are keyed by room name). A document is loaded on its first
 * connection (every connection to it waits for that one load) and unloaded, after a compaction,
 * once it has had no peers for `idleUnloadMs`. At most `maxBoardsLoaded` boards are held, however
 * many of their documents are open; when all are taken, an idle board is unloaded early to make
 * room, and only when none is idle is a new board refused.
 *
 * A deleted board is discarded: its rooms are closed and dropped without the compaction an unload
 * does (there is nothing left to write to), and for a while afterwards it is not loaded again, so
 * a connection that raced the deletion cannot bring an empty copy of it back to life.
 */
import type { Fanout } from '../fanout/fanout.ts'
import type { Logger } from '../log.ts'
import type { Storage } from '../storage/storage.ts'
import * as Y from 'yjs'
import type { Role } from '../../shared/roles.ts'
import type { Peer } from './peer.ts'
import { Room, type OtherDocuments } from './room.ts'
import { BOARD_DELETED_REASON, CLOSE_BOARD_DELETED, CLOSE_INTERNAL_ERROR } from '../../shared/close-codes.ts'
import { roomName, type DocRef } from '../../shared/session/channels.ts'
import { boardSchema } from '../../shared/board/board-schema.ts'
import type { TLSchema } from '@tldraw/tlschema'
import { putBoardLabelRight } from './board-label.ts'

export interface RegistryOptions {
  idleUnloadMs: number
  compactAfterUpdates: number
  maxBoardsLoaded: number
  maxBoardBytes: number
  maxBoardMemoryBytes: number
  maxUpdateStructs: number
  maxUpdateDeleteRanges: number
  maxAwarenessStateBytes: number
  maxAwarenessClientsPerConnection: number
  countUpdate: (source: 'client' | 'remote') => void
  /** This instance is the only one writing its boards (see RoomOptions.soleWriter). */
  soleWriter: boolean
}

/** Every board slot is taken by a board with connections. */
export class TooManyBoardsError extends Error {}

/** The board was deleted (here or on another instance); it is not loaded again. */
export class BoardDeletedError extends Error {}

/**
 * How long a discarded board is refused without asking storage. Past it the board's tokens are
 * long gone (every upgrade and API call is refused with 404 before it gets here); this only
 * covers connections and session calls that were authorised just before the deletion.
 */
const DISCARDED_MEMORY_MS = 10 * 60_000

/**
 * How long a board's control document (session state) stays loaded once nobody holds it: the
 * session state is read by every connection of the board (server/session/control-watch.ts) and
 * so held while the board has any; once the last one has gone it is only needed again when
 * someone connects or uses a session tool, and reading it back is one small row. Each loaded
 * document has its own Y.Doc, awareness and room, ~10 KiB of an idle board's memory otherwise
 * kept for the whole BOARD_IDLE_UNLOAD_SECONDS (issue 17).
 */
const CONTROL_IDLE_UNLOAD_MS = 1000

interface Slot {
  ref: DocRef
  room: Promise<Room>
  loaded: Room | null
  idleTimer: NodeJS.Timeout | null
}

export class RoomRegistry {
  /** By room name. */
  private readonly slots = new Map<string, Slot>()
  private readonly unloading = new Set<Promise<void>>()
  private readonly discarded = new Set<string>()
  /** Built once: every room checks records against it. */
  private readonly schema: TLSchema = boardSchema()
  private readonly loadedListeners: ((room: Room) => void)[] = []

  constructor(
    private readonly storage: Storage,
    private readonly fanout: Fanout,
    private readonly options: RegistryOptions,
    private readonly log: Logger,
  ) {}

  /** Boards with at least one document in memory. */
  get loadedCount(): number {
    return new Set([...this.slots.values()].map((slot) => slot.ref.boardId)).size
  }

  /**
   * Called with every document that is loaded from now on, before any connection joins it: for
   * what watches a room without being a member of it (attendance, server/session/attendance.ts).
   */
  onRoomLoaded(listener: (room: Room) => void): void {
    this.loadedListeners.push(listener)
  }

  /** The room of a document, by its room name, if it is loaded (for metrics and tests); never loads. */
  loadedRoom(name: string): Room | null {
    return this.slots.get(name)?.loaded ?? null
  }

  /** The loaded rooms of a board's documents (the board itself, structure, control, private notes). */
  loadedRoomsOfBoard(boardId: string): Room[] {
    const rooms: Room[] = []
    for (const slot of this.slots.values()) if (slot.loaded && slot.ref.boardId === boardId) rooms.push(slot.loaded)
    return rooms
  }

  /** Boards with at least one peer (a connection, or the server at work) in one of their rooms. */
  boardsInUse(): Set<string> {
    const boards = new Set<string>()
    for (const slot of this.slots.values()) if (slot.loaded && slot.loaded.peerCount > 0) boards.add(slot.ref.boardId)
    return boards
  }

  /**
   * Whether a connection to this board can be served: it is loaded, or there is a free slot, or
   * an idle board can give up its slot (which this unloads).
   */
  makeRoomFor(boardId: string): boolean {
    const boards = new Map<string, Slot[]>()
    for (const slot of this.slots.values()) boards.set(slot.ref.boardId, [...(boards.get(slot.ref.boardId) ?? []), slot])
    if (boards.has(boardId) || boards.size < this.options.maxBoardsLoaded) return true
    for (const slots of boards.values()) {
      const idle = slots.every((slot) => slot.idleTimer && slot.loaded && slot.loaded.peerCount === 0)
      if (idle) {
        for (const slot of slots) if (slot.loaded) this.track(this.unload(slot.loaded))
        return true
      }
    }
    return false
  }

  /** Loads the document if needed and adds the peer; the returned room already has the peer. */
  async join(ref: DocRef, peer: Peer): Promise<Room> {
    if (this.discarded.has(ref.boardId)) throw new BoardDeletedError(`board ${ref.boardId} was deleted`)
    const name = roomName(ref)
    let slot = this.slots.get(name)
    if (!slot) {
      if (!this.makeRoomFor(ref.boardId)) throw new TooManyBoardsError(`${this.options.maxBoardsLoaded} boards are in use`)
      slot = { ref, room: this.load(ref), loaded: null, idleTimer: null }
      this.slots.set(name, slot)
    }
    const room = await slot.room
    // While we waited the document may have been unloaded; then load it again.
    if (this.slots.get(name) !== slot) return this.join(ref, peer)
    slot.loaded = room
    this.cancelIdleTimer(slot)
    room.addPeer(peer)
    return room
  }

  /**
   * A document's state, once every update applied to it is stored (nobody reads what a crash
   * could still lose), for a reader without a connection: server/http/document-state.ts.
   */
  async readState(ref: DocRef, role: Role): Promise<Uint8Array<ArrayBuffer>> {
    const reader: Peer = { role, awarenessIds: new Set(), mayWrite: () => false, send() {}, close() {} }
    const room = await this.join(ref, reader)
    try {
      await room.settled()
      // lib0's encoders write into plain ArrayBuffers, never shared ones.
      return Y.encodeStateAsUpdate(room.doc) as Uint8Array<ArrayBuffer>
    } finally {
      this.leave(room, reader)
    }
  }

  leave(room: Room, peer: Peer): void {
    room.removePeer(peer)
    const slot = this.slots.get(room.name)
    if (room.peerCount > 0 || !slot || slot.idleTimer) return
    // Idle until it unloads, or until someone joins: the time to take as little memory as it can.
    room.guard.index.pack()
    const idleMs = room.ref.channel === 'control' ? Math.min(CONTROL_IDLE_UNLOAD_MS, this.options.idleUnloadMs) : this.options.idleUnloadMs
    slot.idleTimer = setTimeout(() => {
      slot.idleTimer = null
      if (this.slots.get(room.name) !== slot || room.peerCount > 0) return
      this.track(this.unload(room))
    }, idleMs)
    slot.idleTimer.unref()
  }

  /**
   * Drops every document of a deleted board from memory: closes its connections with
   * CLOSE_BOARD_DELETED, lets writes in flight finish (they fail, or are deleted with the board)
   * and destroys the rooms without compacting them. Safe to call more than once, and for a board
   * that is not loaded.
   */
  async discardBoard(boardId: string): Promise<void> {
    this.discarded.add(boardId)
    setTimeout(() => this.discarded.delete(boardId), DISCARDED_MEMORY_MS).unref()
    const rooms: Promise<Room>[] = []
    for (const [name, slot] of [...this.slots]) {
      if (slot.ref.boardId !== boardId) continue
      this.cancelIdleTimer(slot)
      this.slots.delete(name)
      rooms.push(slot.room)
    }
    for (const result of await Promise.allSettled(rooms)) {
      if (result.status === 'rejected') continue
      const room = result.value
      room.closeAll(CLOSE_BOARD_DELETED, BOARD_DELETED_REASON)
      await room.settled()
      room.destroy()
    }
    if (rooms.length > 0) this.log.info({ boardId, documents: rooms.length }, 'deleted board dropped from memory')
  }

  /** Whether the board was discarded as deleted (recently; see DISCARDED_MEMORY_MS). */
  isDiscarded(boardId: string): boolean {
    return this.discarded.has(boardId)
  }

  /** Closes every connection, waits for pending writes and compacts every loaded board. */
  async closeAll(code: number, reason: string): Promise<void> {
    const rooms = await Promise.allSettled([...this.slots.values()].map((s) => s.room))
    for (const result of rooms) {
      if (result.status === 'fulfilled') {
        result.value.closeAll(code, reason)
        this.track(this.unload(result.value))
      }
    }
    while (this.unloading.size > 0) await Promise.allSettled([...this.unloading])
  }

  private load(ref: DocRef): Promise<Room> {
    const name = roomName(ref)
    const loading = Room.load(ref, this.storage, this.fanout, {
      compactAfterUpdates: this.options.compactAfterUpdates,
      soleWriter: this.options.soleWriter,
      maxBoardBytes: this.options.maxBoardBytes,
      maxBoardMemoryBytes: this.options.maxBoardMemoryBytes,
      countUpdate: this.options.countUpdate,
      log: this.log,
      schema: this.schema,
      updateBudget: {
        maxStructs: this.options.maxUpdateStructs,
        maxDeleteRanges: this.options.maxUpdateDeleteRanges,
        // Elements (records, characters) all structs of an update insert together.
        maxInsertedLength: this.options.maxUpdateStructs * 5,
      },
      awarenessLimits: {
        maxStateBytes: this.options.maxAwarenessStateBytes,
        maxClientIdsPerConnection: this.options.maxAwarenessClientsPerConnection,
      },
      otherDocuments: this.otherDocumentsOf(ref),
      onBroken: (broken, error) => {
        if (this.slots.get(name)?.room === room) this.slots.delete(name)
        void this.afterFailedWrite(broken, error)
      },
    })
    // The board's schema label is the server's: put it right before anyone syncs (board-label.ts).
    const room = ref.channel === 'main' ? loading.then(async (loaded) => {
      try {
        await putBoardLabelRight(loaded, this.schema, this.log)
      } catch (error) {
        this.log.warn({ boardId: ref.boardId, err: error }, 'could not put the board label right')
      }
      return loaded
    }) : loading
    room.then(
      (loaded) => {
        this.log.debug({ doc: name }, 'board document loaded')
        for (const listener of this.loadedListeners) listener(loaded)
      },
      (error: unknown) => {
        this.log.error({ doc: name, err: error }, 'board document could not be loaded')
        if (this.slots.get(name)?.room === room) this.slots.delete(name)
      },
    )
    return room
  }

  /**
   * The documents of the same board whose records a record in `ref` may refer to: a shape in the
   * board may sit in a locked frame (structure) and the other way round; private notes sit on
   * either. Those not loaded are loaded on demand, held by a peer of the server for a moment.
   */
  private otherDocumentsOf(ref: DocRef): OtherDocuments {
    const others: DocRef[] = []
    if (ref.channel !== 'control') {
      if (ref.channel !== 'main') others.push({ boardId: ref.boardId, channel: 'main' })
      if (ref.channel !== 'structure') others.push({ boardId: ref.boardId, channel: 'structure' })
    }
    const names = others.map(roomName)
    return {
      lookup: (id) => {
        for (const other of names) {
          const value = this.slots.get(other)?.loaded?.guard.index.current(id)
          if (value !== undefined) return value
        }
        return undefined
      },
      load: async () => {
        let loaded = false
        for (const other of others) {
          if (this.slots.get(roomName(other))?.loaded) continue
          const peer = momentaryPeer()
          try {
            this.leave(await this.join(other, peer), peer)
            loaded = true
          } catch (error) {
            this.log.warn({ doc: roomName(other), err: error }, 'could not load a document to check references')
          }
        }
        return loaded
      },
    }
  }

  /**
   * A write failed. Usually storage is in trouble: the room closes (clients reconnect and the
   * board reloads from storage). But an append to a board deleted a moment ago fails too, and
   * that is no failure: then the whole board is discarded, with the deletion's close code.
   */
  private async afterFailedWrite(broken: Room, error: unknown): Promise<void> {
    const board = broken.ref.boardId
    const exists = this.discarded.has(board) ? false : await boardStillExists(this.storage, board)
    if (!exists) {
      this.log.info({ boardId: board }, 'write to a deleted board refused; dropping the board')
      broken.closeAll(CLOSE_BOARD_DELETED, BOARD_DELETED_REASON)
      broken.destroy()
      await this.discardBoard(board)
      return
    }
    this.log.error({ doc: broken.name, err: error }, 'storage write failed; board reloads from storage')
    broken.closeAll(CLOSE_INTERNAL_ERROR, 'storage failure, reconnect')
    broken.destroy()
  }

  private async unload(room: Room): Promise<void> {
    const slot = this.slots.get(room.name)
    if (slot?.loaded === room) {
      this.cancelIdleTimer(slot)
      this.slots.delete(room.name)
    }
    try {
      await room.settled()
      await room.compact()
    } catch (error) {
      this.log.warn({ doc: room.name, err: error }, 'compaction on unload failed')
    } finally {
      room.destroy()
      this.log.debug({ doc: room.name }, 'board document unloaded')
    }
  }

  private cancelIdleTimer(slot: Slot): void {
    if (slot.idleTimer) clearTimeout(slot.idleTimer)
    slot.idleTimer = null
  }

  private track(work: Promise<void>): void {
    this.unloading.add(work)
    void work.finally(() => this.unloading.delete(work))
  }
}

/** Whether storage still has the board; when storage cannot say within a moment, assume it does. */
async function boardStillExists(storage: Storage, boardId: string): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const undecided = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(true), 2000)
  })
  try {
    return await Promise.race([storage.getBoard(boardId).then((board) => board !== null, () => true), undecided])
  } finally {
    clearTimeout(timer)
  }
}

/** A member of a room for the moment it takes to load it; it sends nothing and writes nothing. */
function momentaryPeer(): Peer {
  return { role: 'viewer', awarenessIds: new Set(), mayWrite: () => false, send: () => undefined, close: () => undefined }
}
