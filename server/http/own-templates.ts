/**
 * Own templates over HTTP. Thin: check who asks, check the body, hand over to server/templates.
 *
 *   POST   /api/templates/own              save a template (a facilitator's board or selection, or
 *                                          a template file): Bearer = a facilitator token of
 *                                          `boardId` in the body, or ADMIN_TOKEN
 *   GET    /api/templates/own/:id          the template as a file (to share with another installation)
 *   GET    /api/admin/templates            every own template, hidden ones too   (Bearer ADMIN_TOKEN)
 *   PATCH  /api/admin/templates/:id        { hidden: true|false }                (Bearer ADMIN_TOKEN)
 *   DELETE /api/admin/templates/:id        remove it                             (Bearer ADMIN_TOKEN)
 *
 * GET /api/templates lists the visible own templates next to the built-in ones (templates.ts);
 * POST /api/boards with `template: "eigen-…"` makes a board from one (boards.ts).
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { perAddressAllowance } from './allowance.ts'
import { OWN_TEMPLATE_LIMITS, isOwnTemplateId } from '../../shared/templates/own-template.ts'
import { authorize } from '../boards/boards.ts'
import { checkTemplateFile } from '../templates/template-file.ts'
import { MAX_OWN_TEMPLATES, ownTemplateFile, saveOwnTemplate, summary } from '../templates/own-templates.ts'
import { bearerToken } from './bearer.ts'
import type { AppDeps } from './deps.ts'
import { jsonError } from './errors.ts'

export const OWN_TEMPLATE_SAVE_PATH = /^\/api\/templates\/own\/?$/

function bilingualError(c: Context, status: 400 | 401 | 403 | 404 | 409 | 413, error: string, message: { nl: string; en: string }): Response {
  return c.json({ error, message: message.nl, messages: message }, status)
}

/** Compares hashes, so the comparison takes as long whatever the guess. */
export function isAdminToken(configured: string | null, token: string | null): boolean {
  if (!configured || !token) return false
  const digest = (value: string) => createHash('sha256').update(value).digest()
  return timingSafeEqual(digest(configured), digest(token))
}

export function ownTemplateRoutes(deps: AppDeps): Hono {
  const { storage, log, config } = deps
  return new Hono()
    .post(
      '/own',
      perAddressAllowance(deps, deps.requestLimits.templateSaves),
      bodyLimit({
        maxSize: OWN_TEMPLATE_LIMITS.maxFileBytes,
        onError: (c) => bilingualError(c, 413, 'body_too_large', { nl: 'Het sjabloon is groter dan 1 MB.', en: 'The template is larger than 1 MB.' }),
      }),
      async (c) => {
        let body: unknown
        try {
          body = JSON.parse(await c.req.text())
        } catch {
          return bilingualError(c, 400, 'invalid_json', { nl: 'De aanvraag is geen geldige JSON.', en: 'The request body is not valid JSON.' })
        }
        const token = bearerToken(c.req.header('authorization'))
        if (!isAdminToken(config.adminToken, token)) {
          const boardId = typeof body === 'object' && body !== null ? (body as { boardId?: unknown }).boardId : undefined
          if (typeof boardId !== 'string') {
            return bilingualError(c, 401, 'token_missing', { nl: 'Alleen de procesbegeleider van een bord kan een sjabloon opslaan: stuur boardId en het procesbegeleiderstoken mee.', en: "Only a board's facilitator can save a template: send boardId and the facilitator token." })
          }
          const access = await authorize(storage, boardId, token)
          if (!access.ok) return jsonError(c, access.status, access.code, access.message)
          if (access.role !== 'facilitator') return bilingualError(c, 403, 'not_facilitator', { nl: 'Alleen de procesbegeleider kan een sjabloon opslaan.', en: 'Only the facilitator can save a template.' })
        }
        const checked = checkTemplateFile(stripBoardId(body))
        if (!checked.ok) return bilingualError(c, 400, 'invalid_template', checked.message)
        const saved = await saveOwnTemplate(storage, checked.file)
        if (!saved.ok) {
          return bilingualError(c, 409, 'too_many_templates', { nl: `Deze installatie heeft al ${MAX_OWN_TEMPLATES} eigen sjablonen; vraag de beheerder om oude te verwijderen.`, en: `This installation already has ${MAX_OWN_TEMPLATES} own templates; ask the administrator to remove old ones.` })
        }
        log.info({ templateId: saved.template.id }, 'own template saved')
        return c.json(saved.template, 201)
      },
    )
    .get('/own/:id', async (c) => {
      const id = c.req.param('id')
      const file = isOwnTemplateId(id) ? await ownTemplateFile(storage, id) : null
      if (!file) return bilingualError(c, 404, 'template_not_found', { nl: 'Dit sjabloon bestaat niet (meer).', en: 'This template does not exist (any more).' })
      return c.body(JSON.stringify(file, null, 2), 200, {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="sjabloon-${id}.json"`,
        'cache-control': 'no-store',
      })
    })
}

export function adminRoutes(deps: AppDeps): Hono {
  const { storage, log, config } = deps
  const admin = async (c: Context, next: () => Promise<void>) => {
    if (!config.adminToken) return bilingualError(c, 404, 'admin_disabled', { nl: 'Het beheer staat uit: zet ADMIN_TOKEN in de configuratie van de server.', en: "Administration is off: set ADMIN_TOKEN in the server's configuration." })
    const token = bearerToken(c.req.header('authorization'))
    if (!token) return bilingualError(c, 401, 'token_missing', { nl: 'Stuur het beheertoken mee (Authorization: Bearer …).', en: 'Send the admin token (Authorization: Bearer …).' })
    if (!isAdminToken(config.adminToken, token)) return bilingualError(c, 403, 'token_invalid', { nl: 'Dit is niet het beheertoken.', en: 'This is not the admin token.' })
    await next()
    return undefined
  }
  const notFound = (c: Context) => bilingualError(c, 404, 'template_not_found', { nl: 'Er is geen eigen sjabloon met dit id.', en: 'There is no own template with this id.' })
  return new Hono()
    .use('*', admin)
    .get('/templates', async (c) => c.json({ templates: (await storage.listOwnTemplates({ includeHidden: true })).map((record) => summary(record, true)) }))
    .patch('/templates/:id', async (c) => {
      let body: unknown
      try {
        body = await c.req.json()
      } catch {
        body = null
      }
      const hidden = typeof body === 'object' && body !== null ? (body as { hidden?: unknown }).hidden : undefined
      if (typeof hidden !== 'boolean') return bilingualError(c, 400, 'invalid_body', { nl: 'Stuur { "hidden": true } of { "hidden": false }.', en: 'Send { "hidden": true } or { "hidden": false }.' })
      const id = c.req.param('id')
      if (!isOwnTemplateId(id) || !(await storage.setOwnTemplateHidden(id, hidden))) return notFound(c)
      log.info({ templateId: id, hidden }, 'own template hidden changed')
      return c.json({ id, hidden })
    })
    .delete('/templates/:id', async (c) => {
      const id = c.req.param('id')
      if (!isOwnTemplateId(id) || !(await storage.deleteOwnTemplate(id))) return notFound(c)
      log.info({ templateId: id }, 'own template deleted')
      return c.json({ id, deleted: true })
    })
}

function stripBoardId(body: unknown): unknown {
  if (typeof body !== 'object' || body === null) return body
  const { boardId: _boardId, ...rest } = body as Record<string, unknown>
  return rest
}
