import type { Config } from '../config.ts'
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
  /** Starts serving the sync protocol on an upgraded socket. */
  openSyncConnection(socket: WebSocket, boardId: string, role: Role): SyncSocketHandler
}
