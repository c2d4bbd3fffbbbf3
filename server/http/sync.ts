/**
 * `GET /sync/:boardId?token=…`: the WebSocket endpoint. The token is checked before the upgrade,
 * so a refused client gets a plain HTTP 401/403/404 and never any Yjs traffic.
 */
import { Hono } from 'hono'
import { upgradeWebSocket, type HttpBindings } from '@hono/node-server'
import type { WebSocket } from 'ws'
import type { Role } from '../../shared/roles.ts'
import { authorize } from '../boards/boards.ts'
import { clientAddress } from './client-address.ts'
import type { AppDeps, SyncSocketHandler } from './deps.ts'
import { jsonError } from './errors.ts'

type SyncEnv = { Bindings: HttpBindings; Variables: { role: Role } }

export function syncRoutes(deps: AppDeps): Hono<SyncEnv> {
  const { storage, log, metrics, config } = deps
  return new Hono<SyncEnv>().get(
    '/:boardId',
    async (c, next) => {
      if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
        return jsonError(c, 426, 'upgrade_required', 'This endpoint speaks the y-websocket protocol over WebSocket')
      }
      const boardId = c.req.param('boardId')
      const access = await authorize(storage, boardId, c.req.query('token'))
      if (!access.ok) {
        log.info({ boardId, status: access.status }, 'sync upgrade refused')
        return jsonError(c, access.status, access.code, access.message)
      }
      const admission = deps.admitSyncConnection(clientAddress(c, config.trustProxy), boardId)
      if (!admission.ok) {
        metrics.rejected(admission.reason)
        log.info({ boardId, role: access.role, reason: admission.reason }, 'sync upgrade refused by a limit')
        c.header('Retry-After', '10')
        return jsonError(c, admission.status, admission.code, admission.message)
      }
      // The TCP socket outlives the upgrade and closes with the WebSocket, or alone when the
      // upgrade fails: either way the slot is given back.
      c.env.incoming.socket.once('close', admission.release)
      await storage.touchBoard(boardId, Date.now())
      c.set('role', access.role)
      await next()
    },
    upgradeWebSocket((c) => {
      const boardId = c.req.param('boardId')!
      const role = c.get('role')
      let handler: SyncSocketHandler | null = null
      return {
        onOpen(_event, ws) {
          handler = deps.openSyncConnection(ws.raw as WebSocket, boardId, role)
        },
        onMessage(event) {
          handler?.receive(event.data as ArrayBuffer | string)
        },
        onClose() {
          handler?.onSocketClosed()
        },
      }
    }),
  )
}
