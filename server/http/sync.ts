/**
 * `GET /sync/<room>?token=…[&owner=…]`: the WebSocket endpoint, one room per board document
 * (`<boardId>`, `<boardId>/structure`, `<boardId>/control`, `<boardId>/private/<ownerKey>`; see
 * shared/session/channels.ts). The token, the identity (`owner=`: the secret the server issued,
 * looked up in the board's roster), the waiting room and, for private notes, ownership are all
 * checked before the upgrade, so a refused client gets a plain HTTP 401/403/404 and never any Yjs
 * traffic: nobody waiting in the waiting room receives a byte of the board.
 */
import { Hono } from 'hono'
import type { AppDeps, SyncSocketHandler } from './deps.ts'
import { documentAccess, type DocumentEnv } from './document-access.ts'
import { jsonError } from './errors.ts'
import { acceptWebSocket } from './websocket-upgrade.ts'

/** Stands for any text frame: text is not part of the protocol, so its content is never read. */
const TEXT_FRAME = ''

export function syncRoutes(deps: AppDeps): Hono<DocumentEnv> {
  return new Hono<DocumentEnv>().get(
    '/:room{.+}',
    async (c, next) => {
      if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
        return jsonError(c, 426, 'upgrade_required', 'This endpoint speaks the y-websocket protocol over WebSocket')
      }
      await next()
    },
    documentAccess(deps, 'socket'),
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
