/**
 * `GET /sync/<room>?token=…[&owner=…]`: the WebSocket endpoint, one room per board document
 * (`<boardId>`, `<boardId>/structure`, `<boardId>/control`, `<boardId>/private/<ownerKey>`; see
 * shared/session/channels.ts). The token, and for private notes the owner secret, are checked
 * before the upgrade, so a refused client gets a plain HTTP 401/403/404 and never any Yjs traffic.
 */
import { Hono } from 'hono'
import { upgradeWebSocket, type HttpBindings } from '@hono/node-server'
import type { WebSocket } from 'ws'
import { createHash } from 'node:crypto'
import type { Role } from '../../shared/roles.ts'
import { parseRoomName, type DocRef } from '../../shared/session/channels.ts'
import { OWNER_SECRET_PARAM, OWNER_SECRET_PATTERN } from '../../shared/session/owner-key.ts'
import { authorize } from '../boards/boards.ts'
import type { ControlHandle } from '../session/control-watch.ts'
import { openAccess } from '../session/permissions.ts'
import { BoardDeletedError, TooManyBoardsError } from '../rooms/registry.ts'
import { clientAddress } from './client-address.ts'
import type { AppDeps, SyncSocketHandler } from './deps.ts'
import { jsonError } from './errors.ts'

type SyncEnv = { Bindings: HttpBindings; Variables: { role: Role; doc: DocRef; ownerKey: string | null; control: ControlHandle } }

function ownerKeyOf(secret: string | undefined): string | null {
  return secret && OWNER_SECRET_PATTERN.test(secret) ? createHash('sha256').update(secret).digest('base64url') : null
}

export function syncRoutes(deps: AppDeps): Hono<SyncEnv> {
  const { storage, log, metrics, config } = deps
  return new Hono<SyncEnv>().get(
    '/:room{.+}',
    async (c, next) => {
      if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
        return jsonError(c, 426, 'upgrade_required', 'This endpoint speaks the y-websocket protocol over WebSocket')
      }
      const doc = parseRoomName(c.req.param('room'))
      if (!doc) return jsonError(c, 404, 'unknown_document', 'Sync URLs look like /sync/<boardId>[/structure|/control|/private/<ownerKey>]?token=…')
      const boardId = doc.boardId
      const access = await authorize(storage, boardId, c.req.query('token'))
      if (!access.ok) {
        log.info({ boardId, status: access.status }, 'sync upgrade refused')
        return jsonError(c, access.status, access.code, access.message)
      }
      const ownerKey = ownerKeyOf(c.req.query(OWNER_SECRET_PARAM))
      const opening = openAccess(doc, access.role, ownerKey)
      if (!opening.ok) {
        log.info({ boardId, role: access.role, channel: doc.channel }, 'sync upgrade refused: not the owner')
        return jsonError(c, opening.status, opening.code, opening.message)
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
      let control: ControlHandle
      try {
        control = await deps.controls.acquire(boardId)
      } catch (error) {
        if (error instanceof BoardDeletedError) return jsonError(c, 404, 'board_not_found', 'No board with this id')
        if (!(error instanceof TooManyBoardsError)) throw error
        metrics.rejected('boards_loaded')
        return jsonError(c, 503, 'server_busy', 'This server has too many boards open; try again shortly')
      }
      c.env.incoming.socket.once('close', control.release)
      // Deleted a moment ago, its rows maybe not yet gone: as good as gone.
      if (control.get().deleted !== null) return jsonError(c, 404, 'board_not_found', 'No board with this id')
      await storage.touchBoard(boardId, Date.now())
      c.set('role', access.role)
      c.set('doc', doc)
      c.set('ownerKey', ownerKey)
      c.set('control', control)
      await next()
    },
    upgradeWebSocket((c) => {
      const role = c.get('role')
      const doc = c.get('doc')
      const ownerKey = c.get('ownerKey')
      const control = c.get('control')
      let handler: SyncSocketHandler | null = null
      return {
        onOpen(_event, ws) {
          handler = deps.openSyncConnection(ws.raw as WebSocket, doc, role, ownerKey, control)
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
