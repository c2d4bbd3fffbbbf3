/**
 * One WebSocket client on one board. Owns the socket: decodes frames in arrival order, hands
 * them to the room, applies backpressure and closes with a code and reason on bad input.
 *
 * Frames are processed strictly one after another (a promise chain), and the first link of the
 * chain is joining the room, which loads the board. So a SyncStep1 that arrives before the board
 * is loaded waits and is answered from the loaded state: no client ever sees an empty board.
 *
 * A client that closes its socket right after sending (a tab closed after an edit) loses nothing:
 * the document updates still queued are applied, paced like any, before the peer leaves the room.
 * A connection the server closes (a limit, a refusal) has its queue dropped instead.
 *
 * Pacing: document updates and awareness (one token per started KiB) come out of a token bucket.
 * When it is empty the connection is throttled, not closed: frames wait until tokens flow in, and
 * while frames wait the socket is paused, so the client's TCP window fills as with any slow
 * server. A stock y-websocket client never reconnects after a 44xx close, so a limit an honest
 * client can reach (a paste handled edit by edit, a script) must never end in one.
 *
 * Limits that close, each with its own code and reason and counted in metrics: frames queued but
 * not yet processed (1013), unsent data of a slow consumer (1013; the socket is dropped, so the
 * room never waits for it), a full board registry (1013), the board's size limit and the update
 * budget (4413), refused records or meta writes (4422), awareness beyond its limits (4413/4400)
 * and updates that depend on changes the server lacks (4509, which the client retries).
 * Oversized frames never get here: ws closes them with 1009.
 */
import type { WebSocket } from 'ws'
import { roomName, type DocRef } from '../../shared/session/channels.ts'
import { canEditDocument, type Role } from '../../shared/roles.ts'
import type { Logger } from '../log.ts'
import type { Peer } from '../rooms/peer.ts'
import { TokenBucket } from '../limits/token-bucket.ts'
import type { RejectionReason } from '../metrics/metrics.ts'
import { BoardDeletedError, TooManyBoardsError, type RoomRegistry } from '../rooms/registry.ts'
import {
  BOARD_DELETED_REASON,
  CLOSE_AWARENESS_REFUSED,
  CLOSE_BOARD_DELETED,
  CLOSE_BOARD_TOO_LARGE,
  CLOSE_INTERNAL_ERROR,
  CLOSE_INVALID_PAYLOAD,
  CLOSE_RECORD_REFUSED,
  CLOSE_RESYNC,
  CLOSE_TRY_AGAIN_LATER,
  CLOSE_UNSUPPORTED_DATA,
} from '../../shared/close-codes.ts'
import { BoardTooLargeError, type Room } from '../rooms/room.ts'
import { BoardMemoryError } from '../rooms/memory-budget.ts'
import { UpdateRefusedError, type RefusalKind } from '../rooms/record-guard.ts'
import { AwarenessRefusedError, awarenessCost } from './awareness-limits.ts'
import { decodeClientMessage, ProtocolError, type ClientMessage } from './protocol.ts'
import { batchWritesOf } from './write-batching.ts'
import { Broadcast, sendBroadcast } from './broadcast.ts'

/** Frames waiting past which the socket is paused, and at or below which it reads again. */
const PAUSE_AT = 32
const RESUME_AT = 4
/** Longest a connection works through its queued frames before other events get their turn. */
const SLICE_MS = 4

const REFUSAL_CLOSE: Record<RefusalKind, number> = {
  invalid_record: CLOSE_RECORD_REFUSED,
  meta_write: CLOSE_RECORD_REFUSED,
  update_budget: CLOSE_BOARD_TOO_LARGE,
  pending_update: CLOSE_RESYNC,
  malformed_update: CLOSE_INVALID_PAYLOAD,
}

export interface ConnectionLimits {
  maxBufferedBytes: number
  /** Frames received but not yet processed; past this the client is flooding us. */
  maxQueuedFrames: number
  /** Bytes of those frames; a paused socket still delivers what ws had read already. */
  maxQueuedBytes: number
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
  private queuedBytes = 0
  /** The socket is paused: frames are waiting for processing or for rate tokens. */
  private paused = false
  /** A frame is waiting for tokens; counted once per wait in metrics ('update_rate'). */
  private throttled = false
  private sliceStart = performance.now()
  private closed = false
  /**
   * The client closed its socket after sending: the document updates it sent before are still
   * applied (a tab closed right after an edit must not lose it), then the peer leaves the room.
   */
  private draining = false
  private readonly updateRate: TokenBucket
  private childLog: Logger | null = null

  constructor(
    private readonly socket: WebSocket,
    /** The board document this connection syncs. */
    readonly doc: DocRef,
    readonly role: Role,
    private readonly registry: RoomRegistry,
    private readonly limits: ConnectionLimits,
    private readonly counters: ConnectionCounters,
    private readonly parentLog: Logger,
    private readonly permissions: { mayWrite(): boolean } = { mayWrite: () => canEditDocument(role) },
  ) {
    this.updateRate = new TokenBucket(limits.maxUpdatesPerSecond, limits.maxUpdatesPerSecond * 2)
    socket.on('pong', () => {
      this.alive = true
    })
    this.queue = registry.join(doc, this).then(
      (room) => {
        if (this.closed && !this.draining) registry.leave(room, this)
        else this.room = room
      },
      (error: unknown) => {
        if (error instanceof TooManyBoardsError) {
          this.reject('boards_loaded', CLOSE_TRY_AGAIN_LATER, 'server busy: too many boards open')
          return
        }
        if (error instanceof BoardDeletedError) {
          this.close(CLOSE_BOARD_DELETED, BOARD_DELETED_REASON)
          return
        }
        this.log.error({ err: error }, 'could not join board')
        this.close(CLOSE_INTERNAL_ERROR, 'board could not be loaded')
      },
    )
  }

  /**
   * The connection's logger, made when it first logs: a pino child serialises its bindings when it
   * is made, and most connections never log (a thousand idle connections held a thousand of them).
   */
  private get log(): Logger {
    return (this.childLog ??= this.parentLog.child({ boardId: this.doc.boardId, doc: roomName(this.doc), role: this.role }))
  }

  /** A frame from the socket. Text frames are not part of the protocol. */
  receive(data: ArrayBuffer | Uint8Array | string): void {
    if (this.closed) return
    if (typeof data === 'string') {
      this.close(CLOSE_UNSUPPORTED_DATA, 'binary frames only')
      return
    }
    this.counters.received(data.byteLength)
    const bytes = data.byteLength
    this.queuedBytes += bytes
    if (++this.queued > this.limits.maxQueuedFrames || this.queuedBytes > this.limits.maxQueuedBytes) {
      this.reject('flooding', CLOSE_TRY_AGAIN_LATER, 'too many messages in flight')
      return
    }
    if (this.queued >= PAUSE_AT) this.pause()
    // From a Uint8Array this copies (ws hands out views into the socket's read buffer, which are
    // not ours to keep); an ArrayBuffer is already a copy of its own and is only viewed.
    const frame = new Uint8Array(data)
    this.queue = this.queue.then(async () => {
      this.queued--
      this.queuedBytes -= bytes
      if (!this.room || (this.closed && !this.draining)) return
      try {
        await this.handle(frame)
      } catch (error) {
        this.refuse(error)
      }
      if (this.queued <= RESUME_AT) this.resume()
      // Frames chain as promises: a burst would run as one long task and hold up every other
      // board. Past a few milliseconds, let the event loop serve the others first.
      if (performance.now() - this.sliceStart > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve))
        this.sliceStart = performance.now()
      }
    })
  }

  private refuse(error: unknown): void {
    if (error instanceof UpdateRefusedError) {
      this.log.info({ reason: error.kind, detail: error.message }, 'update refused')
      this.reject(error.kind, REFUSAL_CLOSE[error.kind], error.message)
    } else if (error instanceof AwarenessRefusedError) {
      const tooLarge = error.message.includes('larger')
      this.reject(tooLarge ? 'awareness_too_large' : 'awareness_clients', tooLarge ? CLOSE_BOARD_TOO_LARGE : CLOSE_AWARENESS_REFUSED, error.message)
    } else if (error instanceof ProtocolError) {
      this.log.info({ reason: error.message }, 'protocol violation')
      this.reject('protocol_violation', CLOSE_INVALID_PAYLOAD, error.message)
    } else if (error instanceof BoardTooLargeError) {
      this.reject('board_too_large', CLOSE_BOARD_TOO_LARGE, error.message)
    } else if (error instanceof BoardMemoryError) {
      this.reject('board_memory', CLOSE_BOARD_TOO_LARGE, error.message)
    } else {
      this.log.error({ err: error }, 'message handling failed')
      this.close(CLOSE_INTERNAL_ERROR, 'internal error')
    }
  }

  private pause(): void {
    if (this.paused || this.closed) return
    this.paused = true
    this.socket.pause()
  }

  private resume(): void {
    if (!this.paused || this.closed || this.throttled) return
    this.paused = false
    this.socket.resume()
  }

  /** Waits until the bucket holds `cost` tokens and takes them; the socket is paused meanwhile. */
  private async pace(cost: number): Promise<void> {
    for (let wait = this.updateRate.waitFor(cost); wait > 0 && (!this.closed || this.draining); wait = this.updateRate.waitFor(cost)) {
      if (!this.throttled) this.counters.rejected('update_rate')
      this.throttled = true
      this.pause()
      await new Promise((resolve) => setTimeout(resolve, wait))
    }
    this.throttled = false
    this.updateRate.take(cost)
  }

  mayWrite(): boolean {
    return this.permissions.mayWrite()
  }

  send(message: Uint8Array | Broadcast): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return
    // Frames sent during one event leave together (see write-batching); what makes a slow
    // consumer is what was still unsent before them.
    const unsentBefore = batchWritesOf(this.socket)
    if (unsentBefore > this.limits.maxBufferedBytes) {
      // Queued data would grow without bound; the client resyncs when it reconnects.
      this.log.warn('slow consumer disconnected')
      this.counters.rejected('slow_consumer')
      this.close(CLOSE_TRY_AGAIN_LATER, 'send buffer full', true)
      return
    }
    if (message instanceof Broadcast) {
      this.counters.sent(message.message.byteLength)
      sendBroadcast(this.socket, message)
      return
    }
    this.counters.sent(message.byteLength)
    this.socket.send(message)
  }

  close(code: number, reason: string, terminate = false): void {
    if (this.closed) return
    // A paused socket would never read the client's answer to our close frame.
    if (this.paused) {
      this.paused = false
      this.socket.resume()
    }
    this.markClosed()
    if (terminate) this.socket.terminate()
    else this.socket.close(code, closeReason(reason))
  }

  /** The socket is gone (closed by either side). */
  onSocketClosed(): void {
    if (this.closed) return
    // Closed by the client: what it sent before closing is applied still, then it leaves.
    this.closed = true
    this.draining = true
    void this.queue.then(() => {
      if (!this.draining) return
      this.draining = false
      this.leaveRoom()
    })
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
    this.draining = false
    this.leaveRoom()
  }

  private leaveRoom(): void {
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

  private async handle(frame: Uint8Array): Promise<void> {
    const message = decodeClientMessage(frame)
    const cost = costOf(message, frame.byteLength)
    if (cost > 0) await this.pace(cost)
    const room = this.room
    if (!room || (this.closed && !this.draining)) return
    // Nothing can be answered any more; only what changes the document still counts.
    if (this.closed && message.kind !== 'update' && message.kind !== 'sync-step-2') return
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

/** Rate tokens a message costs: updates one, awareness one per started KiB, answers to queries one. */
function costOf(message: ClientMessage, bytes: number): number {
  switch (message.kind) {
    case 'update':
    case 'sync-step-2':
    case 'query-awareness':
      return 1
    case 'awareness':
      return awarenessCost(bytes)
    default:
      return 0
  }
}

/** A close reason may be at most 123 bytes of UTF-8. */
function closeReason(reason: string): string {
  const bytes = Buffer.from(reason)
  if (bytes.byteLength <= 123) return reason
  // Cut at a byte boundary; a character cut in half decodes as U+FFFD and is dropped.
  return new TextDecoder().decode(bytes.subarray(0, 123)).replace(/\uFFFD$/, '')
}
