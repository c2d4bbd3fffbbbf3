/** The HTTP surface: JSON API, the sync upgrade, and the built client. Handlers stay thin. */
import { Hono } from 'hono'
import { assetRoutes } from './assets.ts'
import { boardRoutes } from './boards.ts'
import { clientConfigRoutes } from './client-config.ts'
import { clientFileRoutes } from './client-files.ts'
import type { AppDeps } from './deps.ts'
import { jsonError } from './errors.ts'
import { healthRoutes } from './health.ts'
import { syncRoutes } from './sync.ts'

export function createApp(deps: AppDeps): Hono {
  const app = new Hono()
  app.route('/api/health', healthRoutes(deps))
  app.route('/api/config', clientConfigRoutes(deps))
  app.route('/api/boards', boardRoutes(deps))
  app.route('/api/boards', assetRoutes(deps))
  app.route('/sync', syncRoutes(deps))
  app.all('/api/*', (c) => jsonError(c, 404, 'not_found', `No API route ${c.req.method} ${c.req.path}`))
  app.all('/sync/*', (c) => jsonError(c, 404, 'not_found', 'Sync URLs look like /sync/<boardId>?token=…'))
  app.route('/', clientFileRoutes(deps))
  app.notFound((c) => jsonError(c, 404, 'not_found', `Nothing at ${c.req.method} ${c.req.path}`))
  app.onError((error, c) => {
    deps.log.error({ err: error, path: c.req.path }, 'request failed')
    return jsonError(c, 500, 'internal_error', 'Something went wrong on the server')
  })
  return app
}
