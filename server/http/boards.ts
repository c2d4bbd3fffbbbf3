import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import { createBoard } from '../boards/boards.ts'
import { perAddressAllowance } from './allowance.ts'
import type { AppDeps } from './deps.ts'
import { jsonError } from './errors.ts'
import { readJsonBody } from './json-body.ts'
import { requireBoard } from './require-board.ts'
import { checkBoardModel } from '../../shared/board/board-check.ts'
import { boardDismissals, splitDismissed } from '../../shared/board/regiecheck-dismissals.ts'
import { recordsToModel } from '../../shared/board/records-to-model.ts'
import { isLocale, LOCALES } from '../../shared/regie/text.ts'
import { readBoardContent } from '../boards/board-records.ts'
import { visibleRecords } from '../../shared/export/board-content.ts'
import { isTemplateId } from '../../shared/templates/template.ts'
import { isOwnTemplateId } from '../../shared/templates/own-template.ts'
import { createBoardFromOwnTemplate } from '../templates/own-templates.ts'

export const CreateBoardBody = z.strictObject({
  title: z.string().trim().max(200, 'title is longer than 200 characters').optional(),
  template: z.string().min(1).max(100).optional(),
  /** The language the template's text is written in; the board's users write in it too. */
  locale: z.enum(LOCALES).optional(),
})

const smallBody = bodyLimit({
  maxSize: 16 * 1024,
  onError: (c) => jsonError(c, 413, 'body_too_large', 'The request body may be at most 16 KiB'),
})

export function boardRoutes(deps: AppDeps): Hono {
  const { storage, log } = deps
  const creationAllowance = perAddressAllowance(deps, deps.requestLimits.boards)
  return new Hono()
    .post('/', creationAllowance, smallBody, async (c) => {
      const body = await readJsonBody(c, CreateBoardBody, { allowEmpty: true })
      if (!body.ok) return body.response
      const { title, template, locale } = body.value
      if (template !== undefined && isOwnTemplateId(template)) {
        const board = await createBoardFromOwnTemplate(storage, template, title)
        if (!board) return jsonError(c, 400, 'unknown_template', `No own template "${template}" (removed or hidden); GET /api/templates lists them`)
        log.info({ boardId: board.id, template }, 'board created')
        return c.json(board, 201)
      }
      if (template !== undefined && !isTemplateId(template)) {
        return jsonError(c, 400, 'unknown_template', `Unknown template "${template}"; GET /api/templates lists them`)
      }
      const board = await createBoard(storage, { title, template, locale })
      log.info({ boardId: board.id, template: template ?? null }, 'board created')
      return c.json(board, 201)
    })
    .get('/:id', requireBoard(storage), async (c) => {
      const { board, role } = c.var
      return c.json({ id: board.id, title: board.title, template: board.template, createdAt: board.createdAt, role })
    })
    .delete('/:id', requireBoard(storage, { role: 'facilitator', refusal: { code: 'not_facilitator', message: 'Only the facilitator can delete the board' } }), async (c) => {
      const { board } = c.var
      await deps.deletion.deleteBoard(board.id, 'facilitator')
      return c.json({ id: board.id, deleted: true })
    })
    .get('/:id/regiecheck', requireBoard(storage), async (c) => {
      const requested = c.req.query('locale') ?? 'nl'
      if (!isLocale(requested)) return jsonError(c, 400, 'unknown_locale', `Unknown locale "${requested}"; use nl or en`)
      // Locked content (the structure document) is part of the board as everyone sees it.
      const records = visibleRecords(await readBoardContent(storage, c.var.board.id))
      const model = recordsToModel(records)
      const counts = { actors: model.actors.length, relations: model.relations.length, groups: model.groups.length, blocks: model.blocks.length }
      // Rules the facilitator set aside for this board ("bewust zo gekozen") are listed apart, with the reason.
      const { open, dismissed } = splitDismissed(checkBoardModel(model, requested), boardDismissals(records))
      return c.json({ counts, findings: open, dismissed: dismissed.map(({ dismissal, findings }) => ({ ...dismissal, findings })) })
    })
}
