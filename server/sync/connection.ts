/**
 * One WebSocket client on one board. Owns the socket: decodes frames in arrival order, hands
 * them to the room, applies backpressure and closes with a code and reason on bad input.
 *
 * Frames are processed strictly one after another (a promise chain), and the first link of the
 * chain is joining the room, which loads the board. So a SyncStep1 that arrives before the board
 * is loaded waits and is answered from the loaded state: no client ever sees an empty board.
 *
 * Limits enforced here, each closing with its own code and reason and counted in metrics:
 * updates per second (token bucket, 4429), frames queued but not yet processed (1013), unsent
 * data of a slow consumer (1013; the socket is dropped, so the room never waits for it), the
 * board's size limit reported by the room (4413) and a full board registry (1013). Oversized
 * frames never get here: ws closes them with 1009.
 */
import type { WebSocket } from 'ws'
import { canEditDocument, type Role } from '../../shared/roles.ts'
import type { Logger } from '../log.ts'
import type { Peer } from '../rooms/peer.ts'
import { TokenBucket } from '../limits/token-bucket.ts'
import type { RejectionReason } from '../metrics/metrics.ts'
import { BoardDeletedError, TooManyBoardsError, type RoomRegistry } from '../rooms/registry.ts'
import { BOARD_DELETED_REASON, CLOSE_BOARD_DELETED } from '../../shared/session/session-api.ts'
import { BoardTooLargeError, CloseCode, type Room } from '../rooms/room.ts'
import { decodeClientMessage, ProtocolError } from './protocol.ts'
import { batchWritesOf } from './write-batching.ts'

export interface ConnectionLimits {
  maxBufferedBytes: number
  /** Frames received but not yet processed; past this the client is flooding us. */
  maxQueuedFrames: number
  /** Document and awareness updates per second; bursts of twice this pass. */
  maxUpdatesPerSecond: number
}

/** What a connection reports to metrics. */
export interface ConnectionCounters {
  received(bytes: number): void
  sent(bytes: number): void
  rejected(reason: RejectionReason): void
}

export class SyncConnection implements Peer {
  readonly awarenessIds = new Set<number>()
  /** The server-issued identity this connection presented (see server/session/identity-check.ts). */
  participantId: string | null = null
  /** Cleared on every ping, set by the pong; see Keepalive. */
  alive = true
  private room: Room | null = null
  private queue: Promise<void>
  private queued = 0
  private closed = false
  private readonly updateRate: TokenBucket
  private readonly log: Logger

  constructor(
    private readonly socket: WebSocket,
    readonly boardId: string,
    readonly role: Role,
    private readonly registry: RoomRegistry,
    private readonly limits: ConnectionLimits,
    private readonly counters: ConnectionCounters,
    log: Logger,
    private readonly permissions: { mayWrite(): boolean } = { mayWrite: () => canEditDocument(role) },
  ) {
    this.log = log.child({ boardId, role })
    this.updateRate = new TokenBucket(limits.maxUpdatesPerSecond, limits.maxUpdatesPerSecond * 2)
    socket.on('pong', () => {
      this.alive = true
    })
    this.queue = registry.join(boardId, this).then(
      (room) => {
        if (this.closed) registry.leave(room, this)
        else this.room = room
      },
      (error: unknown) => {
        if (error instanceof TooManyBoardsError) {
          this.reject('boards_loaded', CloseCode.tryAgainLater, 'server busy: too many boards open')
          return
        }
        if (error instanceof BoardDeletedError) {
          this.close(CLOSE_BOARD_DELETED, BOARD_DELETED_REASON)
          return
        }
        this.log.error({ err: error }, 'could not join board')
        this.close(CloseCode.internalError, 'board could not be loaded')
      },
    )
  }

  /** A frame from the socket. Text frames are not part of the protocol. */
  receive(data: ArrayBuffer | string): void {
    if (this.closed) return
    if (typeof data === 'string') {
      this.close(CloseCode.unsupportedData, 'binary frames only')
      return
    }
    this.counters.received(data.byteLength)
    if (++this.queued > this.limits.maxQueuedFrames) {
      this.reject('flooding', CloseCode.tryAgainLater, 'too many messages in flight')
      return
    }
    const frame = new Uint8Array(data)
    this.queue = this.queue.then(async () => {
      this.queued--
      if (this.closed || !this.room) return
      try {
        await this.handle(this.room, frame)
      } catch (error) {
        if (error instanceof ProtocolError) {
          this.log.info({ reason: error.message }, 'protocol violation')
          this.reject('protocol_violation', CloseCode.invalidPayload, error.message)
        } else if (error instanceof BoardTooLargeError) {
          this.reject('board_too_large', CloseCode.boardTooLarge, error.message)
        } else {
          this.log.error({ err: error }, 'message handling failed')
          this.close(CloseCode.internalError, 'internal error')
        }
      }
    })
  }

  mayWrite(): boolean {
    return this.permissions.mayWrite()
  }

  send(message: Uint8Array): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return
    // Frames sent during one event leave together (see write-batching); what makes a slow
    // consumer is what was still unsent before them.
    const unsentBefore = batchWritesOf(this.socket)
    if (unsentBefore > this.limits.maxBufferedBytes) {
      // Queued data would grow without bound; the client resyncs when it reconnects.
      this.log.warn('slow consumer disconnected')
      this.counters.rejected('slow_consumer')
      this.close(CloseCode.tryAgainLater, 'send buffer full', true)
      return
    }
    this.counters.sent(message.byteLength)
    this.socket.send(message)
  }

  close(code: number, reason: string, terminate = false): void {
    if (this.closed) return
    this.markClosed()
    if (terminate) this.socket.terminate()
    else this.socket.close(code, reason)
  }

  /** The socket is gone (closed by either side). */
  onSocketClosed(): void {
    if (!this.closed) this.markClosed()
  }

  terminate(): void {
    this.markClosed()
    this.socket.terminate()
  }

  ping(): void {
    this.alive = false
    this.socket.ping()
  }

  private markClosed(): void {
    this.closed = true
    const room = this.room
    this.room = null
    if (room) this.registry.leave(room, this)
  }

  /** Closes because a limit was hit, counting it. */
  private reject(reason: RejectionReason, code: number, message: string): void {
    if (this.closed) return
    this.counters.rejected(reason)
    this.log.info({ reason }, 'connection closed by a limit')
    this.close(code, message)
  }

  private async handle(room: Room, frame: Uint8Array): Promise<void> {
    const message = decodeClientMessage(frame)
    const isUpdate = message.kind === 'update' || message.kind === 'sync-step-2' || message.kind === 'awareness'
    if (isUpdate && !this.updateRate.take()) {
      this.reject('update_rate', CloseCode.updateRate, `more than ${this.limits.maxUpdatesPerSecond} updates per second`)
      return
    }
    switch (message.kind) {
      case 'sync-step-1':
        return room.answerSyncStep1(this, message.stateVector)
      case 'sync-step-2':
      case 'update':
        return room.applyUpdate(this, message.update)
      case 'awareness':
        return room.applyAwareness(this, message.update)
      case 'query-awareness':
        return room.answerQueryAwareness(this)
      case 'ignored':
        return
    }
  }
}
