import type { Config } from '../config.ts'
import type { Fanout } from '../fanout/fanout.ts'
import type { Admission } from '../limits/connection-admission.ts'
import type { Metrics } from '../metrics/metrics.ts'
import type { Logger } from '../log.ts'
import type { Storage } from '../storage/storage.ts'
import type { WebSocket } from 'ws'
import type { Role } from '../../shared/roles.ts'

/** A live sync connection as the HTTP layer sees it: frames in, close notice. */
export interface SyncSocketHandler {
  receive(data: ArrayBuffer | string): void
  onSocketClosed(): void
}

export interface AppDeps {
  config: Config
  storage: Storage
  log: Logger
  metrics: Metrics
  /** For the health check: whether the link to the other instances is up. */
  fanout: Fanout
  /** Whether one more sync connection from this address to this board may open. */
  admitSyncConnection(address: string, boardId: string): Admission
  /** Starts serving the sync protocol on an upgraded socket. */
  openSyncConnection(socket: WebSocket, boardId: string, role: Role): SyncSocketHandler
}
