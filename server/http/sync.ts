/**
 * `GET /sync/<room>?token=…[&owner=…]`: the WebSocket endpoint, one room per board document
 * (`<boardId>`, `<boardId>/structure`, `<boardId>/control`, `<boardId>/private/<ownerKey>`; see
 * shared/session/channels.ts). The token, the identity (`owner=`: the secret the server issued,
 * looked up in the board's roster), the waiting room and, for private notes, ownership are all
 * checked before the upgrade, so a refused client gets a plain HTTP 401/403/404 and never any Yjs
 * traffic: nobody waiting in the waiting room receives a byte of the board.
 */
import { Hono } from 'hono'
import type { HttpBindings } from '@hono/node-server'
import type { Role } from '../../shared/roles.ts'
import { parseRoomName, type DocRef } from '../../shared/session/channels.ts'
import { OWNER_SECRET_PARAM } from '../../shared/session/owner-key.ts'
import { authorize } from '../boards/boards.ts'
import type { ControlHandle } from '../session/control-watch.ts'
import { gateIdentity, presentedIdentity } from '../session/identity-check.ts'
import { openAccess } from '../session/permissions.ts'
import { BoardDeletedError, TooManyBoardsError } from '../rooms/registry.ts'
import { clientAddress } from './client-address.ts'
import type { AppDeps, SyncSocketHandler } from './deps.ts'
import { jsonError } from './errors.ts'
import { acceptWebSocket } from './websocket-upgrade.ts'

/** Stands for any text frame: text is not part of the protocol, so its content is never read. */
const TEXT_FRAME = ''

type SyncEnv = { Bindings: HttpBindings; Variables: { role: Role; doc: DocRef; participantId: string | null; control: ControlHandle } }

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
      const secret = c.req.query(OWNER_SECRET_PARAM)
      let presented = await presentedIdentity(secret, access.role, control.get())
      if (presented.kind === 'unknown' && !deps.soleWriter) {
        // Issued on another instance a moment ago, perhaps, and not here yet: ask storage once.
        await control.refresh()
        presented = await presentedIdentity(secret, access.role, control.get())
      }
      const gate = gateIdentity(presented, access.role, control.get())
      if (!gate.ok) {
        metrics.rejected(gate.reason)
        log.info({ boardId, role: access.role, code: gate.code }, 'sync upgrade refused: identity')
        return jsonError(c, gate.status, gate.code, gate.message)
      }
      const opening = openAccess(doc, access.role, gate.participantId)
      if (!opening.ok) {
        log.info({ boardId, role: access.role, channel: doc.channel }, 'sync upgrade refused: not the owner')
        return jsonError(c, opening.status, opening.code, opening.message)
      }
      await storage.touchBoard(boardId, Date.now())
      c.set('role', access.role)
      c.set('doc', doc)
      c.set('participantId', gate.participantId)
      c.set('control', control)
      await next()
    },
    (c) => {
      const role = c.get('role')
      const doc = c.get('doc')
      const participantId = c.get('participantId')
      const control = c.get('control')
      // The socket is opened by handleUpgrades once the handshake is done (see websocket-upgrade.ts);
      // this closure is all that stays of the request.
      const accepted = acceptWebSocket(c.env, (socket) => {
        const opened = deps.openSyncConnection(socket, doc, role, participantId, control)
        socket.on('message', (data: Buffer, isBinary: boolean) => opened.receive(isBinary ? data : TEXT_FRAME))
        socket.on('close', () => opened.onSocketClosed())
      })
      if (!accepted) return jsonError(c, 426, 'upgrade_required', 'This endpoint speaks the y-websocket protocol over WebSocket')
      return c.body(null, 200)
    },
  )
}
