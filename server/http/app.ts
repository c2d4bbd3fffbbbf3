/** The HTTP surface: JSON API, the sync upgrade, and the built client. Handlers stay thin. */
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { createMiddleware } from 'hono/factory'
import { arrangementImportRoutes, ARRANGEMENTS_IMPORT_PATH } from './arrangements-import.ts'
import { assetRoutes } from './assets.ts'
import { boardRoutes } from './boards.ts'
import { clientConfigRoutes } from './client-config.ts'
import { clientFileRoutes } from './client-files.ts'
import type { AppDeps } from './deps.ts'
import { jsonError } from './errors.ts'
import { healthRoutes } from './health.ts'
import { BOARD_IMPORT_PATH, exportRoutes } from './exports.ts'
import { metricsRoutes } from './metrics.ts'
import { openApiRoutes } from './openapi.ts'
import { builtClientScriptHashes } from './inline-scripts.ts'
import { securityHeaders } from './security-headers.ts'
import { syncRoutes } from './sync.ts'
import { documentStateRoutes } from './document-state.ts'
import { templateRoutes } from './templates.ts'
import { adminRoutes, OWN_TEMPLATE_SAVE_PATH, ownTemplateRoutes } from './own-templates.ts'
import { sessionRoutes, timeRoutes } from './session.ts'
import { snapshotRoutes } from './snapshots.ts'

export function createApp(deps: AppDeps): Hono {
  const app = new Hono()
  app.use('*', securityHeaders(builtClientScriptHashes(deps.config.clientDir)))
  app.use('/api/*', apiBodyLimit(deps))
  app.route('/metrics', metricsRoutes(deps))
  app.route('/api/health', healthRoutes(deps))
  app.route('/api/openapi.json', openApiRoutes())
  app.route('/api/config', clientConfigRoutes(deps))
  app.route('/api/templates', templateRoutes(deps))
  app.route('/api/templates', ownTemplateRoutes(deps))
  app.route('/api/admin', adminRoutes(deps))
  app.route('/api/time', timeRoutes())
  app.route('/api/boards', sessionRoutes(deps, deps.session))
  app.route('/api/boards', snapshotRoutes(deps, deps.session.snapshots))
  app.route('/api/boards', boardRoutes(deps))
  app.route('/api/boards', assetRoutes(deps))
  app.route('/api/boards', exportRoutes(deps))
  app.route('/api/boards', arrangementImportRoutes(deps))
  app.route('/sync', syncRoutes(deps))
  app.route('/sync-state', documentStateRoutes(deps))
  app.all('/api/*', (c) => jsonError(c, 404, 'not_found', `No API route ${c.req.method} ${c.req.path}`))
  app.all('/sync/*', (c) => jsonError(c, 404, 'not_found', 'Sync URLs look like /sync/<boardId>?token=…'))
  app.all('/sync-state/*', (c) => jsonError(c, 404, 'not_found', 'Document states are at /sync-state/<boardId>[/structure|/control|/private/<ownerKey>]?token=…'))
  app.route('/', clientFileRoutes(deps))
  app.notFound((c) => jsonError(c, 404, 'not_found', `Nothing at ${c.req.method} ${c.req.path}`))
  app.onError((error, c) => {
    deps.log.error({ err: error, path: c.req.path }, 'request failed')
    return jsonError(c, 500, 'internal_error', 'Something went wrong on the server')
  })
  return app
}

const ASSET_UPLOAD = /^\/api\/boards\/[^/]+\/assets\/?$/

/**
 * A body limit for every API route (MAX_REQUEST_BODY_BYTES), so a route added later cannot be
 * sent an unbounded body by mistake. Asset uploads and board imports have their own, larger limits.
 */
function apiBodyLimit(deps: AppDeps) {
  const limit = bodyLimit({
    maxSize: deps.config.maxRequestBodyBytes,
    onError: (c) => {
      deps.metrics.rejected('request_body_too_large')
      return jsonError(c, 413, 'body_too_large', `The request body may be at most ${deps.config.maxRequestBodyBytes} bytes`)
    },
  })
  const ownLimit = (path: string) => ASSET_UPLOAD.test(path) || BOARD_IMPORT_PATH.test(path) || ARRANGEMENTS_IMPORT_PATH.test(path) || OWN_TEMPLATE_SAVE_PATH.test(path)
  return createMiddleware((c, next) => (c.req.method === 'POST' && ownLimit(c.req.path) ? next() : limit(c, next)))
}
