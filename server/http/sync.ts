/**
 * `GET /sync/<room>?token=…[&owner=…]`: the WebSocket endpoint, one room per board document
 * (`<boardId>`, `<boardId>/structure`, `<boardId>/control`, `<boardId>/private/<ownerKey>`; see
 * shared/session/channels.ts). The token, the identity (`owner=`: the secret the server issued,
 * looked up in the board's roster), the waiting room and, for private notes, ownership are all
 * checked before the upgrade, so a refused client gets a plain HTTP 401/403/404 and never any Yjs
 * traffic: nobody waiting in the waiting room receives a byte of the board.
 */
import { Hono } from 'hono'
import type { WSEvents } from 'hono/ws'
import { upgradeWebSocket } from '@hono/node-server'
import type { WebSocket } from 'ws'
import type { AppDeps, SyncSocketHandler } from './deps.ts'
import { documentAccess, type DocumentEnv } from './document-access.ts'
import { jsonError } from './errors.ts'

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
    upgradeWebSocket((c) => {
      const role = c.get('role')
      const doc = c.get('doc')
      const participantId = c.get('participantId')
      const control = c.get('control')
      let handler: SyncSocketHandler | null = null
      const events: WSEvents = {
        onOpen(_event, ws) {
          const socket = ws.raw as WebSocket
          const opened = deps.openSyncConnection(socket, doc, role, participantId, control)
          handler = opened
          // Frames are read from ws itself: the adapter wraps every frame in a DOM MessageEvent
          // and copies it into a new ArrayBuffer, which was a large share of the relay path's
          // allocation (see BENCHMARKS.md, issue 17). Frames that arrived before this point were
          // held by the adapter and are handed to onMessage right after onOpen returns, in the
          // same turn; once they are through, onMessage is removed, so the adapter builds no
          // event for later frames (it calls `events.onMessage?.(new MessageEvent(…))`, and an
          // optional call to nothing evaluates no arguments). No frame can arrive in between:
          // ws emits frames from socket reads, which never run inside this turn's microtasks.
          socket.on('message', (data: Buffer, isBinary: boolean) => opened.receive(isBinary ? data : TEXT_FRAME))
          queueMicrotask(() => delete events.onMessage)
        },
        onMessage(event) {
          handler?.receive(typeof event.data === 'string' ? TEXT_FRAME : (event.data as ArrayBuffer))
        },
        onClose() {
          handler?.onSocketClosed()
        },
      }
      return events
    }),
  )
}
