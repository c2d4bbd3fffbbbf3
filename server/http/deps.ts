import type { Config } from '../config.ts'
import type { Fanout } from '../fanout/fanout.ts'
import type { Admission } from '../limits/connection-admission.ts'
import type { Metrics } from '../metrics/metrics.ts'
import type { Logger } from '../log.ts'
import type { Storage } from '../storage/storage.ts'
import type { WebSocket } from 'ws'
import type { Role } from '../../shared/roles.ts'
import type { DocRef } from '../../shared/session/channels.ts'
import type { ControlHandle, ControlWatches } from '../session/control-watch.ts'
import type { SessionService } from '../session/session-service.ts'
import type { BoardDeletion } from '../boards/board-deletion.ts'
import type { RequestLimits } from '../limits/request-limits.ts'

/** A live sync connection as the HTTP layer sees it: frames in, close notice. */
export interface SyncSocketHandler {
  /** A binary frame's bytes (copied before they are kept), or a string for a text frame. */
  receive(data: ArrayBuffer | Uint8Array | string): void
  onSocketClosed(): void
}

export interface AppDeps {
  config: Config
  storage: Storage
  log: Logger
  metrics: Metrics
  /** For the health check: whether the link to the other instances is up. */
  fanout: Fanout
  /**
   * No other instance writes these boards (no Redis): what this instance holds is all there is,
   * so an identity it does not know was not issued a moment ago elsewhere.
   */
  soleWriter: boolean
  /** Whether one more sync connection from this address to this board may open. */
  admitSyncConnection(address: string, boardId: string): Admission
  /** The session state of boards with connections here, which decides who may write. */
  controls: ControlWatches
  /** The facilitator's session (control document, votes, reveal, link rotation). */
  session: SessionService
  /** Deletes a board and everything of it, on every instance. */
  deletion: BoardDeletion
  /** Per-address allowances for new boards, imports, uploads and identities. */
  requestLimits: RequestLimits
  /**
   * Starts serving the sync protocol for one of a board's documents on an upgraded socket.
   * `participantId`: the server-issued identity the connection presented, checked, or null.
   */
  openSyncConnection(socket: WebSocket, doc: DocRef, role: Role, participantId: string | null, control: ControlHandle): SyncSocketHandler
  /** A document's state as one Yjs update, once every update already applied to it is stored. */
  readDocumentState(doc: DocRef, role: Role): Promise<Uint8Array<ArrayBuffer>>
}
