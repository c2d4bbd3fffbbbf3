/**
 * The board a route acts on, and the caller's role on it: `requireBoard()` reads the board id from
 * the path (`:id`) and the token from `Authorization: Bearer`, answers 404/401/403 as `authorize`
 * decides (server/boards/boards.ts), and sets `c.var.board` and `c.var.role` for the handler.
 * With `role`, a caller below it gets 403 with the route's own code and message: who may do
 * what differs per route ("Viewers do not vote"), the check does not.
 */
import { createMiddleware } from 'hono/factory'
import type { Role } from '../../shared/roles.ts'
import { authorize } from '../boards/boards.ts'
import type { BoardRecord, Storage } from '../storage/storage.ts'
import { bearerToken } from './bearer.ts'
import { jsonError } from './errors.ts'

export type BoardEnv = { Variables: { board: BoardRecord; role: Role } }

type Requirement =
  | { role?: undefined }
  | { role: 'participant' | 'facilitator'; refusal: { code: string; message: string } }

const RANK: Record<Role, number> = { viewer: 0, participant: 1, facilitator: 2 }

export function requireBoard(storage: Storage, requirement: Requirement = {}) {
  return createMiddleware<BoardEnv>(async (c, next) => {
    const access = await authorize(storage, c.req.param('id') ?? '', bearerToken(c.req.header('authorization')))
    if (!access.ok) return jsonError(c, access.status, access.code, access.message)
    if (requirement.role && RANK[access.role] < RANK[requirement.role]) {
      return jsonError(c, 403, requirement.refusal.code, requirement.refusal.message)
    }
    c.set('board', access.board)
    c.set('role', access.role)
    await next()
    return undefined
  })
}
