/**
 * Wires storage, rooms, the WebSocket server and the HTTP app together, and takes them apart
 * again in the right order on shutdown. Tests start the real server through `startServer`.
 */
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'
import { WebSocketServer } from 'ws'
import type { Config } from './config.ts'
import { createApp } from './http/app.ts'
import { createLogger, type Logger } from './log.ts'
import { RoomRegistry } from './rooms/registry.ts'
import { CloseCode } from './rooms/room.ts'
import { openSqliteStorage } from './storage/sqlite.ts'
import type { Storage } from './storage/storage.ts'
import { SyncConnection } from './sync/connection.ts'
import { Keepalive } from './sync/keepalive.ts'

export interface RunningServer {
  url: string
  port: number
  storage: Storage
  registry: RoomRegistry
  log: Logger
  close(): Promise<void>
}

const MAX_QUEUED_FRAMES = 10_000

export async function startServer(config: Config, log: Logger = createLogger(config.logLevel)): Promise<RunningServer> {
  const storage = openSqliteStorage(config.dataDir)
  const registry = new RoomRegistry(storage, config, log)
  const keepalive = new Keepalive(config.pingIntervalMs)
  const connections = new Set<SyncConnection>()
  // ws closes connections whose message exceeds maxPayload with 1009 itself.
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes })

  const app = createApp({
    config,
    storage,
    log,
    openSyncConnection(socket, boardId, role) {
      const connection = new SyncConnection(
        socket,
        boardId,
        role,
        registry,
        { maxBufferedBytes: config.maxBufferedBytes, maxQueuedFrames: MAX_QUEUED_FRAMES },
        log,
      )
      connections.add(connection)
      keepalive.add(connection)
      socket.on('close', () => {
        connections.delete(connection)
        keepalive.delete(connection)
      })
      socket.on('error', (error) => log.debug({ boardId, err: error }, 'socket error'))
      log.debug({ boardId, role }, 'sync connection opened')
      return connection
    },
  })

  // Without serverOptions/createServer overrides the adaptor creates a node:http Server.
  const server = createAdaptorServer({ fetch: app.fetch, websocket: { server: wss } }) as Server
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host
  const url = `http://${shownHost}:${port}`

  let closing: Promise<void> | null = null
  const close = () =>
    (closing ??= (async () => {
      keepalive.stop()
      // Stop accepting first, then let rooms flush and compact, then close the database.
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
      await registry.closeAll(CloseCode.goingAway, 'server shutting down')
      for (const connection of connections) connection.terminate()
      server.closeAllConnections()
      await stopped
      await storage.close()
    })())

  return { url, port, storage, registry, log, close }
}
