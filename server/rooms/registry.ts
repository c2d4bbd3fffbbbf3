/**
 * The board documents currently in memory, one room each (a board has several documents: see
 * shared/session/channels.ts; rooms are keyed by room name). A document is loaded on its first
 * connection (every connection to it waits for that one load) and unloaded, after a compaction,
 * once it has had no peers for `idleUnloadMs`. At most `maxBoardsLoaded` boards are held, however
 * many of their documents are open; when all are taken, an idle board is unloaded early to make
 * room, and only when none is idle is a new board refused.
 */
import type { Fanout } from '../fanout/fanout.ts'
import type { Logger } from '../log.ts'
import type { Storage } from '../storage/storage.ts'
import { splitDocName } from '../storage/doc-name.ts'
import type { Peer } from './peer.ts'
import { CloseCode, Room } from './room.ts'

export interface RegistryOptions {
  idleUnloadMs: number
  compactAfterUpdates: number
  maxBoardsLoaded: number
  maxBoardBytes: number
  countUpdate: (source: 'client' | 'remote') => void
}

/** Every board slot is taken by a board with connections. */
export class TooManyBoardsError extends Error {}

interface Slot {
  room: Promise<Room>
  loaded: Room | null
  idleTimer: NodeJS.Timeout | null
}

export class RoomRegistry {
  private readonly slots = new Map<string, Slot>()
  private readonly unloading = new Set<Promise<void>>()

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
    const room = Room.load(boardId, this.storage, this.fanout, {
      compactAfterUpdates: this.options.compactAfterUpdates,
      maxBoardBytes: this.options.maxBoardBytes,
      countUpdate: this.options.countUpdate,
      log: this.log,
      onBroken: (broken, error) => {
        this.log.error({ boardId, err: error }, 'storage write failed; board reloads from storage')
        if (this.slots.get(boardId)?.room === room) this.slots.delete(boardId)
        broken.closeAll(CloseCode.internalError, 'storage failure, reconnect')
        broken.destroy()
      },
    })
    room.then(
      () => this.log.debug({ boardId }, 'board loaded'),
      (error: unknown) => {
        this.log.error({ boardId, err: error }, 'board could not be loaded')
        if (this.slots.get(boardId)?.room === room) this.slots.delete(boardId)
      },
    )
    return room
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

function boardOf(name: string): string {
  return splitDocName(name).boardId
}
