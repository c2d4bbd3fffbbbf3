/**
 * Who may read one of a board's documents (`<boardId>`, `<boardId>/structure`, `<boardId>/control`,
 * `<boardId>/private/<ownerKey>`): the link's token, the connection limits, the identity the
 * board issued (`owner=`), the waiting room and, for private notes, ownership. The sync socket and
 * the document's state over plain HTTP (document-state.ts) ask exactly the same, so nobody reads
 * over one what the other would refuse.
 */
import type { HttpBindings } from '@hono/node-server'
import { createMiddleware } from 'hono/factory'
import type { Role } from '../../shared/roles.ts'
import { parseRoomName, type DocRef } from '../../shared/session/channels.ts'
import { OWNER_SECRET_PARAM } from '../../shared/session/owner-key.ts'
import { authorize } from '../boards/boards.ts'
import type { ControlHandle } from '../session/control-watch.ts'
import { gateIdentity, presentedIdentity } from '../session/identity-check.ts'
import { openAccess } from '../session/permissions.ts'
import { BoardDeletedError, TooManyBoardsError } from '../rooms/registry.ts'
import { clientAddress } from './client-address.ts'
import type { AppDeps } from './deps.ts'
import { jsonError } from './errors.ts'

export type DocumentEnv = { Bindings: HttpBindings; Variables: { role: Role; doc: DocRef; participantId: string | null; control: ControlHandle } }

/**
 * `held`: what the connection slot and the board's session state are held for. A socket holds
 * them until its TCP connection closes (it outlives the upgrade); a plain request only until its
 * answer is made, since a kept-alive TCP connection may stay open long after.
 */
export function documentAccess(deps: AppDeps, held: 'socket' | 'request') {
  const { storage, log, metrics, config } = deps
  return createMiddleware<DocumentEnv>(async (c, next) => {
    const releases: (() => void)[] = []
    const holdUntilDone = (release: () => void) => {
      if (held === 'socket') c.env.incoming.socket.once('close', release)
      else releases.push(release)
    }
    try {
      const doc = parseRoomName(c.req.param('room') ?? '')
      if (!doc) return jsonError(c, 404, 'unknown_document', 'Document names look like <boardId>[/structure|/control|/private/<ownerKey>]')
      const boardId = doc.boardId
      const access = await authorize(storage, boardId, c.req.query('token'))
      if (!access.ok) {
        log.info({ boardId, status: access.status }, 'document access refused')
        return jsonError(c, access.status, access.code, access.message)
      }
      const admission = deps.admitSyncConnection(clientAddress(c, config.trustProxy), boardId)
      if (!admission.ok) {
        metrics.rejected(admission.reason)
        log.info({ boardId, role: access.role, reason: admission.reason }, 'document access refused by a limit')
        c.header('Retry-After', '10')
        return jsonError(c, admission.status, admission.code, admission.message)
      }
      holdUntilDone(admission.release)
      let control: ControlHandle
      try {
        control = await deps.controls.acquire(boardId)
      } catch (error) {
        if (error instanceof BoardDeletedError) return jsonError(c, 404, 'board_not_found', 'No board with this id')
        if (!(error instanceof TooManyBoardsError)) throw error
        metrics.rejected('boards_loaded')
        return jsonError(c, 503, 'server_busy', 'This server has too many boards open; try again shortly')
      }
      holdUntilDone(control.release)
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
        log.info({ boardId, role: access.role, code: gate.code }, 'document access refused: identity')
        return jsonError(c, gate.status, gate.code, gate.message)
      }
      const opening = openAccess(doc, access.role, gate.participantId)
      if (!opening.ok) {
        log.info({ boardId, role: access.role, channel: doc.channel }, 'document access refused: not the owner')
        return jsonError(c, opening.status, opening.code, opening.message)
      }
      await storage.touchBoard(boardId, Date.now())
      c.set('role', access.role)
      c.set('doc', doc)
      c.set('participantId', gate.participantId)
      c.set('control', control)
      await next()
    } finally {
      for (const release of releases) release()
    }
  })
}
