/**
 * Wires storage, fan-out, rooms, limits, metrics, the WebSocket server and the HTTP app
 * together, and takes them apart again in the right order on shutdown. Tests start the real
 * server through `startServer`.
 */
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'
import type { Hono } from 'hono'
import { WebSocketServer } from 'ws'
import type { Config } from './config.ts'
import type { Role } from '../shared/roles.ts'
import type { Fanout } from './fanout/fanout.ts'
import { LocalFanout } from './fanout/local.ts'
import { createApp } from './http/app.ts'
import { handleUpgrades } from './http/websocket-upgrade.ts'
import { ConnectionAdmission } from './limits/connection-admission.ts'
import { RequestLimits } from './limits/request-limits.ts'
import { createLogger, type Logger } from './log.ts'
import { Metrics } from './metrics/metrics.ts'
import { timedStorage } from './metrics/timed-storage.ts'
import { RoomRegistry } from './rooms/registry.ts'
import { CLOSE_GOING_AWAY } from '../shared/close-codes.ts'
import { openStorage } from './storage/open.ts'
import type { Storage } from './storage/storage.ts'
import { SyncConnection } from './sync/connection.ts'
import { ControlWatches } from './session/control-watch.ts'
import { mayWrite } from '../shared/session/permissions.ts'
import { SessionService } from './session/session-service.ts'
import { recordAttendance } from './session/attendance.ts'
import { Keepalive } from './sync/keepalive.ts'
import { BoardDeletion } from './boards/board-deletion.ts'
import { RetentionSweep } from './boards/retention.ts'

export interface RunningServer {
  url: string
  port: number
  storage: Storage
  registry: RoomRegistry
  fanout: Fanout
  metrics: Metrics
  log: Logger
  deletion: BoardDeletion
  retention: RetentionSweep
  /** The HTTP app; its routes are what the API contract (GET /api/openapi.json) must describe. */
  app: Hono
  close(): Promise<void>
}

const MAX_QUEUED_FRAMES = 10_000

export async function startServer(config: Config, log: Logger = createLogger(config.logLevel)): Promise<RunningServer> {
  const connections = new Set<SyncConnection>()
  const metrics = new Metrics({
    boardsLoaded: () => registry.loadedCount,
    connections: () => {
      const counts: Record<Role, number> = { facilitator: 0, participant: 0, viewer: 0 }
      for (const connection of connections) counts[connection.role]++
      return counts
    },
  })
  const storage = timedStorage(await openStorage(config, log), metrics)
  // ioredis is imported only when Redis is configured (~90 ms of start-up and ~25 MiB otherwise).
  const fanout: Fanout = config.redisUrl
    ? new (await import('./fanout/redis.ts')).RedisFanout(config.redisUrl, log, metrics)
    : new LocalFanout()
  // Without Redis no other instance writes our boards, which lets rooms compact from their doc.
  const soleWriter = !config.redisUrl
  const registry = new RoomRegistry(storage, fanout, { ...config, soleWriter, countUpdate: (source) => metrics.update(source) }, log)
  const admission = new ConnectionAdmission(config)
  const requestLimits = new RequestLimits(config)
  const session = new SessionService(registry, storage, log)
  // Who was present, for the report: every board document loaded here whose room is a main one.
  const attendanceBook = session.attendance()
  registry.onRoomLoaded((room) => {
    if (room.ref.channel === 'main') recordAttendance(room, attendanceBook, log)
  })
  const deletion = new BoardDeletion({ storage, session, registry, dataDir: config.dataDir, log })
  // A deletion made on any instance reaches this one through the board's control document.
  const controls = new ControlWatches(registry, log, (boardId) => {
    deletion.dropLocally(boardId).catch((error: unknown) => log.error({ boardId, err: error }, 'could not drop a deleted board'))
  })
  const retention = new RetentionSweep({
    storage,
    deletion,
    boardsInUse: () => registry.boardsInUse(),
    dataDir: config.dataDir,
    log,
    retentionDays: config.retentionDays,
  })
  const keepalive = new Keepalive(config.pingIntervalMs)
  // ws closes connections whose message exceeds maxPayload with 1009 itself.
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes })

  const app = createApp({
    config,
    storage,
    log,
    metrics,
    fanout,
    soleWriter,
    controls,
    session,
    deletion,
    requestLimits,
    admitSyncConnection(address, boardId) {
      if (!registry.makeRoomFor(boardId)) {
        return {
          ok: false,
          status: 503,
          code: 'server_busy',
          message: `This server has ${config.maxBoardsLoaded} boards open; try again shortly`,
          reason: 'boards_loaded',
        }
      }
      return admission.admit(address, boardId)
    },
    readDocumentState(doc, role) {
      return registry.readState(doc, role)
    },
    openSyncConnection(socket, doc, role, participantId, control) {
      const connection = new SyncConnection(
        socket,
        doc,
        role,
        registry,
        {
          maxBufferedBytes: config.maxBufferedBytes,
          maxQueuedFrames: MAX_QUEUED_FRAMES,
          // What ws may already have read when the socket is paused: a few of the largest frames.
          maxQueuedBytes: Math.max(4 * config.maxMessageBytes, 16 * 1024 * 1024),
          maxUpdatesPerSecond: config.maxUpdatesPerSecond,
        },
        metrics,
        log,
        { mayWrite: () => mayWrite(doc, role, participantId, control.get()) },
      )
      connection.participantId = participantId
      connections.add(connection)
      keepalive.add(connection)
      socket.on('close', () => {
        connections.delete(connection)
        keepalive.delete(connection)
      })
      socket.on('error', (error: Error & { code?: string }) => {
        if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') metrics.rejected('message_too_large')
        log.debug({ boardId: doc.boardId, channel: doc.channel, role, err: error }, 'socket error')
      })
      log.debug({ boardId: doc.boardId, channel: doc.channel, role }, 'sync connection opened')
      return connection
    },
  })

  // Without serverOptions/createServer overrides the adaptor creates a node:http Server.
  const server = createAdaptorServer({ fetch: app.fetch }) as Server
  handleUpgrades(server, wss, app.fetch)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host
  const url = `http://${shownHost}:${port}`
  retention.start()

  let closing: Promise<void> | null = null
  const close = () =>
    (closing ??= (async () => {
      keepalive.stop()
      await retention.stop()
      // Stop accepting first, then let rooms flush and compact, then close the database.
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
      await registry.closeAll(CLOSE_GOING_AWAY, 'server shutting down')
      for (const connection of connections) connection.terminate()
      server.closeAllConnections()
      await stopped
      await fanout.close()
      await storage.close()
    })())

  return { url, port, storage, registry, fanout, metrics, log, deletion, retention, app, close }
}
