/**
 * The session state of the boards that have connections on this instance, read from each board's
 * control document and kept current as it changes (locally or through the fan-out from another
 * instance). Connections ask it, for every update, whether they may write; it closes the
 * connections of a role whose link was rotated; and when the board is marked deleted it hands the
 * board to `onBoardDeleted`, which drops it from this instance. Because every instance with
 * connections to a board watches its control document, that is how a deletion reaches them all.
 */
import type * as Y from 'yjs'
import { controlStateMaps, INITIAL_CONTROL, readControlDoc, type ControlState } from '../../shared/session/control-doc.ts'
import { identityStatus } from '../../shared/session/identity.ts'
import { CLOSE_NOT_ADMITTED, CLOSE_TOKEN_ROTATED, NOT_ADMITTED_REASON, TOKEN_ROTATED_REASON } from '../../shared/close-codes.ts'
import type { Peer } from '../rooms/peer.ts'
import type { Logger } from '../log.ts'
import type { RoomRegistry } from '../rooms/registry.ts'
import type { Room } from '../rooms/room.ts'
import { serverPeer } from './server-peer.ts'

export interface ControlHandle {
  get(): ControlState
  /**
   * Reads the control document from storage again, for what another instance stored that the
   * fan-out has not brought yet (an identity issued there a moment ago).
   */
  refresh(): Promise<void>
  release(): void
}

export class ControlWatches {
  private readonly watches = new Map<string, ControlWatch>()

  constructor(
    private readonly registry: RoomRegistry,
    private readonly log: Logger,
    /** Called once per watch when the board's control document says it was deleted. */
    private readonly onBoardDeleted: (boardId: string) => void = () => undefined,
  ) {}

  /** Keeps the board's control document loaded and read until the handle is released. */
  async acquire(boardId: string): Promise<ControlHandle> {
    let watch = this.watches.get(boardId)
    if (!watch) {
      watch = new ControlWatch(boardId, this.registry, this.log, this.onBoardDeleted)
      this.watches.set(boardId, watch)
    }
    const held = watch
    held.holders++
    let released = false
    const release = () => {
      if (released) return
      released = true
      if (--held.holders === 0) {
        this.watches.delete(boardId)
        held.stop()
      }
    }
    try {
      await held.ready
    } catch (error) {
      release()
      throw error
    }
    return { get: () => held.state, refresh: () => held.refresh(), release }
  }
}

class ControlWatch {
  holders = 0
  state: ControlState = INITIAL_CONTROL
  readonly ready: Promise<void>
  private readonly peer = serverPeer()
  private room: Room | null = null
  private maps: Y.Map<unknown>[] = []
  private stopped = false

  constructor(
    private readonly boardId: string,
    private readonly registry: RoomRegistry,
    private readonly log: Logger,
    private readonly onBoardDeleted: (boardId: string) => void,
  ) {
    this.ready = registry.join({ boardId, channel: 'control' }, this.peer).then((room) => {
      if (this.stopped) {
        registry.leave(room, this.peer)
        return
      }
      this.room = room
      this.maps = controlStateMaps(room.doc)
      this.state = this.read()
      for (const map of this.maps) map.observe(this.onChange)
      if (this.state.deleted !== null) this.onBoardDeleted(boardId)
    })
  }

  async refresh(): Promise<void> {
    await this.room?.catchUp()
    // catchUp applies what was missing, which our observers read; read again in case nothing changed the maps.
    if (this.room) this.state = this.read()
  }

  stop(): void {
    this.stopped = true
    for (const map of this.maps) map.unobserve(this.onChange)
    if (this.room) this.registry.leave(this.room, this.peer)
  }

  private read(): ControlState {
    return this.room ? readControlDoc(this.room.doc) : INITIAL_CONTROL
  }

  private readonly onChange = () => {
    const before = this.state
    this.state = this.read()
    for (const role of ['participant', 'viewer'] as const) {
      const at = this.state.rotated[role]
      if (at !== undefined && at !== before.rotated[role]) this.closeRole(role)
    }
    if (this.state.identities !== before.identities || this.state.lobby !== before.lobby) this.closeNotAdmitted()
    if (this.state.deleted !== null && before.deleted === null) {
      this.log.info({ boardId: this.boardId }, 'board deleted; closing its connections')
      this.onBoardDeleted(this.boardId)
    }
  }

  /**
   * Closes the connections that the current state no longer lets in: a person turned away, and,
   * once the waiting room is on, connections without an identity (the facilitator's excepted).
   * Rotation closes its own way (closeRole).
   */
  private closeNotAdmitted(): void {
    const state = this.state
    const notAdmitted = (peer: Peer) => {
      if (peer.role === 'facilitator' || peer.participantId === undefined) return false
      if (peer.participantId === null) return state.lobby
      const status = identityStatus(state, peer.participantId, peer.role)
      return status === 'refused' || (status === 'waiting' && state.lobby)
    }
    for (const room of this.registry.loadedRoomsOfBoard(this.boardId)) room.closePeers(notAdmitted, CLOSE_NOT_ADMITTED, NOT_ADMITTED_REASON)
  }

  private closeRole(role: 'participant' | 'viewer'): void {
    this.log.info({ boardId: this.boardId, role }, 'link rotated; closing its connections')
    for (const room of this.registry.loadedRoomsOfBoard(this.boardId)) {
      room.closePeers((peer) => peer.role === role, CLOSE_TOKEN_ROTATED, TOKEN_ROTATED_REASON)
    }
  }
}
