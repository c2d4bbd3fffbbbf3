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
import { storageKeyOf } from '../storage/doc-name.ts'
import type { Peer } from './peer.ts'
import { Room, type OtherDocuments } from './room.ts'
import { BOARD_DELETED_REASON, CLOSE_BOARD_DELETED, CLOSE_INTERNAL_ERROR } from '../../shared/close-codes.ts'
import { parseRoomName, roomName } from '../../shared/session/channels.ts'
import { createBoardSchema } from '../../shared/board/board-schema.ts'
import type { TLSchema } from '@tldraw/tlschema'
import { putBoardLabelRight } from './board-label.ts'

export interface RegistryOptions {
  idleUnloadMs: number
  compactAfterUpdates: number
  maxBoardsLoaded: number
  maxBoardBytes: number
  maxUpdateStructs: number
  maxUpdateDeleteRanges: number
  maxAwarenessStateBytes: number
  maxAwarenessClientsPerConnection: number
  countUpdate: (source: 'client' | 'remote') => void
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

interface Slot {
  room: Promise<Room>
  loaded: Room | null
  idleTimer: NodeJS.Timeout | null
}

export class RoomRegistry {
  private readonly slots = new Map<string, Slot>()
  private readonly unloading = new Set<Promise<void>>()
  private readonly discarded = new Set<string>()
  /** Built once: every room checks records against it. */
  private readonly schema: TLSchema = createBoardSchema()
  private readonly loadedListeners: ((room: Room) => void)[] = []

  constructor(
    private readonly storage: Storage,
    private readonly fanout: Fanout,
    private readonly options: RegistryOptions,
    private readonly log: Logger,
  ) {}

  /** Boards with at least one document in memory. */
  get loadedCount(): number {
    return new Set([...this.slots.keys()].map(boardOf)).size
  }

  /**
   * Called with every document that is loaded from now on, before any connection joins it: for
   * what watches a room without being a member of it (attendance, server/session/attendance.ts).
   */
  onRoomLoaded(listener: (room: Room) => void): void {
    this.loadedListeners.push(listener)
  }

  /** The room of a board if it is loaded (for metrics and tests); never loads. */
  loadedRoom(boardId: string): Room | null {
    return this.slots.get(boardId)?.loaded ?? null
  }

  /** The loaded rooms of a board's documents (the board itself, structure, control, private notes). */
  loadedRoomsOfBoard(boardId: string): Room[] {
    const rooms: Room[] = []
    for (const [name, slot] of this.slots) {
      if (slot.loaded && (name === boardId || name.startsWith(`${boardId}/`))) rooms.push(slot.loaded)
    }
    return rooms
  }

  /** Boards with at least one peer (a connection, or the server at work) in one of their rooms. */
  boardsInUse(): Set<string> {
    const boards = new Set<string>()
    for (const [name, slot] of this.slots) if (slot.loaded && slot.loaded.peerCount > 0) boards.add(boardOf(name))
    return boards
  }

  /**
   * Whether a connection to this board can be served: it is loaded, or there is a free slot, or
   * an idle board can give up its slot (which this unloads).
   */
  makeRoomFor(name: string): boolean {
    const board = boardOf(name)
    const boards = new Map<string, Slot[]>()
    for (const [key, slot] of this.slots) boards.set(boardOf(key), [...(boards.get(boardOf(key)) ?? []), slot])
    if (boards.has(board) || boards.size < this.options.maxBoardsLoaded) return true
    for (const slots of boards.values()) {
      const idle = slots.every((slot) => slot.idleTimer && slot.loaded && slot.loaded.peerCount === 0)
      if (idle) {
        for (const slot of slots) if (slot.loaded) this.track(this.unload(slot.loaded))
        return true
      }
    }
    return false
  }

  /** Loads the board if needed and adds the peer; the returned room already has the peer. */
  async join(boardId: string, peer: Peer): Promise<Room> {
    if (this.discarded.has(boardOf(boardId))) throw new BoardDeletedError(`board ${boardOf(boardId)} was deleted`)
    let slot = this.slots.get(boardId)
    if (!slot) {
      if (!this.makeRoomFor(boardId)) throw new TooManyBoardsError(`${this.options.maxBoardsLoaded} boards are in use`)
      slot = { room: this.load(boardId), loaded: null, idleTimer: null }
      this.slots.set(boardId, slot)
    }
    const room = await slot.room
    // While we waited the board may have been unloaded; then load it again.
    if (this.slots.get(boardId) !== slot) return this.join(boardId, peer)
    slot.loaded = room
    this.cancelIdleTimer(slot)
    room.addPeer(peer)
    return room
  }

  leave(room: Room, peer: Peer): void {
    room.removePeer(peer)
    const slot = this.slots.get(room.boardId)
    if (room.peerCount > 0 || !slot || slot.idleTimer) return
    slot.idleTimer = setTimeout(() => {
      slot.idleTimer = null
      if (this.slots.get(room.boardId) !== slot || room.peerCount > 0) return
      this.track(this.unload(room))
    }, this.options.idleUnloadMs)
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
      if (boardOf(name) !== boardId) continue
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

  private load(boardId: string): Promise<Room> {
    const loading = Room.load(boardId, this.storage, this.fanout, {
      compactAfterUpdates: this.options.compactAfterUpdates,
      maxBoardBytes: this.options.maxBoardBytes,
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
      otherDocuments: this.otherDocumentsOf(boardId),
      onBroken: (broken, error) => {
        if (this.slots.get(boardId)?.room === room) this.slots.delete(boardId)
        void this.afterFailedWrite(broken, error)
      },
    })
    // The board's schema label is the server's: put it right before anyone syncs (board-label.ts).
    const room = parseRoomName(boardId)?.channel === 'main' ? loading.then(async (loaded) => {
      try {
        await putBoardLabelRight(loaded, this.schema, this.log)
      } catch (error) {
        this.log.warn({ boardId, err: error }, 'could not put the board label right')
      }
      return loaded
    }) : loading
    room.then(
      (loaded) => {
        this.log.debug({ boardId }, 'board loaded')
        for (const listener of this.loadedListeners) listener(loaded)
      },
      (error: unknown) => {
        this.log.error({ boardId, err: error }, 'board could not be loaded')
        if (this.slots.get(boardId)?.room === room) this.slots.delete(boardId)
      },
    )
    return room
  }

  /**
   * The documents of the same board whose records a record in `name` may refer to: a shape in the
   * board may sit in a locked frame (structure) and the other way round; private notes sit on
   * either. Those not loaded are loaded on demand, held by a peer of the server for a moment.
   */
  private otherDocumentsOf(name: string): OtherDocuments {
    const ref = parseRoomName(name)
    const names: string[] = []
    if (ref && ref.channel !== 'control') {
      const main = roomName({ boardId: ref.boardId, channel: 'main' })
      const structure = roomName({ boardId: ref.boardId, channel: 'structure' })
      if (ref.channel !== 'main') names.push(main)
      if (ref.channel !== 'structure') names.push(structure)
    }
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
        for (const other of names) {
          if (this.slots.get(other)?.loaded) continue
          const peer = momentaryPeer()
          try {
            this.leave(await this.join(other, peer), peer)
            loaded = true
          } catch (error) {
            this.log.warn({ boardId: other, err: error }, 'could not load a document to check references')
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
    const board = boardOf(broken.boardId)
    const exists = this.discarded.has(board) ? false : await boardStillExists(this.storage, board)
    if (!exists) {
      this.log.info({ boardId: broken.boardId }, 'write to a deleted board refused; dropping the board')
      broken.closeAll(CLOSE_BOARD_DELETED, BOARD_DELETED_REASON)
      broken.destroy()
      await this.discardBoard(board)
      return
    }
    this.log.error({ boardId: broken.boardId, err: error }, 'storage write failed; board reloads from storage')
    broken.closeAll(CLOSE_INTERNAL_ERROR, 'storage failure, reconnect')
    broken.destroy()
  }

  private async unload(room: Room): Promise<void> {
    const slot = this.slots.get(room.boardId)
    if (slot?.loaded === room) {
      this.cancelIdleTimer(slot)
      this.slots.delete(room.boardId)
    }
    try {
      await room.settled()
      await room.compact()
    } catch (error) {
      this.log.warn({ boardId: room.boardId, err: error }, 'compaction on unload failed')
    } finally {
      room.destroy()
      this.log.debug({ boardId: room.boardId }, 'board unloaded')
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

function boardOf(name: string): string {
  return storageKeyOf(name).boardId
}

/** A member of a room for the moment it takes to load it; it sends nothing and writes nothing. */
function momentaryPeer(): Peer {
  return { role: 'viewer', awarenessIds: new Set(), mayWrite: () => false, send: () => undefined, close: () => undefined }
}
