/**
 * `GET /sync-state/<room>?token=…[&owner=…]`: a board document's stored state as one Yjs update
 * (application/octet-stream), for exactly those the sync socket would let in (document-access.ts).
 * A browser opens one WebSocket to a host at a time, and on a slow phone network every handshake
 * costs two round trips; fetched over HTTP, next to the sockets, the board and its structure can
 * be shown a few round trips sooner. The sockets then sync the rest and carry every edit.
 *
 * Each answer encodes a whole document, so an address gets MAX_DOCUMENT_STATES_PER_MINUTE_PER_IP
 * of them; past that a 429, and the web app simply waits for its sockets.
 */
import { Hono } from 'hono'
import { perAddressAllowance } from './allowance.ts'
import type { AppDeps } from './deps.ts'
import { documentAccess, type DocumentEnv } from './document-access.ts'
import { jsonError } from './errors.ts'
import { BoardDeletedError, TooManyBoardsError } from '../rooms/registry.ts'

export function documentStateRoutes(deps: AppDeps): Hono<DocumentEnv> {
  return new Hono<DocumentEnv>().get('/:room{.+}', perAddressAllowance(deps, deps.requestLimits.documentStates), documentAccess(deps, 'request'), async (c) => {
    let state: Uint8Array<ArrayBuffer>
    try {
      state = await deps.readDocumentState(c.get('doc'), c.get('role'))
    } catch (error) {
      // Deleted, or the server filled up, between the access check and loading the document.
      if (error instanceof BoardDeletedError) return jsonError(c, 404, 'board_not_found', 'No board with this id')
      if (!(error instanceof TooManyBoardsError)) throw error
      deps.metrics.rejected('boards_loaded')
      return jsonError(c, 503, 'server_busy', 'This server has too many boards open; try again shortly')
    }
    return c.body(state, 200, { 'content-type': 'application/octet-stream', 'cache-control': 'no-store' })
  })
}
