/**
 * The facilitator's snapshots of a board (shared/session/snapshots.ts). Thin: check the role and
 * the body, call the snapshot service, answer with what it returns.
 */
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { toBoardFile } from '../../shared/export/board-file.ts'
import { MAX_SNAPSHOT_NAME, MAX_SNAPSHOTS_PER_BOARD, type SnapshotSummary } from '../../shared/session/snapshots.ts'
import { TooManySnapshots, type BoardSnapshots } from '../session/snapshots.ts'
import type { AppDeps } from './deps.ts'
import { jsonError } from './errors.ts'
import { readJsonBody } from './json-body.ts'
import { facilitatorOnly } from './session.ts'

export const SnapshotBody = z.strictObject({
  name: z.string().trim().min(1).max(MAX_SNAPSHOT_NAME),
  author: z.string().trim().max(200).nullable(),
})

/** Snapshot ids are UUIDs; anything else cannot be one, so it is a 404 without a query. */
const SNAPSHOT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export function snapshotRoutes(deps: AppDeps, snapshots: BoardSnapshots): Hono {
  const notFound = (c: Context) => jsonError(c, 404, 'snapshot_not_found', 'This board has no snapshot with this id')
  const snapshotId = (c: Context): string | null => {
    const id = c.req.param('snapshotId') ?? ''
    return SNAPSHOT_ID.test(id) ? id : null
  }

  const facilitator = facilitatorOnly(deps.storage)
  return new Hono()
    .get('/:id/snapshots', facilitator, async (c) => {
      const who = { boardId: c.var.board.id }
      c.header('Cache-Control', 'no-store')
      return c.json<{ snapshots: SnapshotSummary[] }>({ snapshots: await snapshots.list(who.boardId) })
    })
    .post('/:id/snapshots', facilitator, async (c) => {
      const who = { boardId: c.var.board.id }
      const body = await readJsonBody(c, SnapshotBody)
      if (!body.ok) return body.response
      try {
        return c.json(await snapshots.take(who.boardId, { ...body.value, kind: 'manual' }), 201)
      } catch (error) {
        if (error instanceof TooManySnapshots) {
          return jsonError(c, 409, 'too_many_snapshots', `A board keeps at most ${MAX_SNAPSHOTS_PER_BOARD} snapshots; delete one first`)
        }
        throw error
      }
    })
    .get('/:id/snapshots/:snapshotId', facilitator, async (c) => {
      const who = { boardId: c.var.board.id }
      const id = snapshotId(c)
      const content = id ? await snapshots.content(who.boardId, id) : null
      if (!content) return notFound(c)
      c.header('Cache-Control', 'no-store')
      return c.json(content)
    })
    .get('/:id/snapshots/:snapshotId/export.json', facilitator, async (c) => {
      const who = { boardId: c.var.board.id }
      const id = snapshotId(c)
      const content = id ? await snapshots.content(who.boardId, id) : null
      const board = await deps.storage.getBoard(who.boardId)
      if (!content || !board) return notFound(c)
      // A board file like /export.json: importing it makes a new board in this phase.
      const file = toBoardFile({ title: board.title, createdAt: content.createdAt, meta: content.meta, records: content.records, structure: content.structure })
      const stamp = new Date(content.createdAt).toISOString().slice(0, 16).replace(/[:T]/g, '-')
      return c.body(JSON.stringify({ ...file, snapshot: { name: content.name, author: content.author, kind: content.kind, createdAt: content.createdAt } }), 200, {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="${board.id}-snapshot-${stamp}.json"`,
        'cache-control': 'no-store',
      })
    })
    .delete('/:id/snapshots/:snapshotId', facilitator, async (c) => {
      const who = { boardId: c.var.board.id }
      const id = snapshotId(c)
      if (!id || !(await snapshots.delete(who.boardId, id))) return notFound(c)
      return c.json({ id, deleted: true })
    })
}
