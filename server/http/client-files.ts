/**
 * Serves the built client (Vite's output). Every page route answers with index.html, which then
 * routes in the browser; hashed assets are cached for a year.
 */
import fs from 'node:fs'
import path from 'node:path'
import { Hono } from 'hono'
import { serveStatic } from '@hono/node-server/serve-static'
import type { AppDeps } from './deps.ts'
import { jsonError } from './errors.ts'
import type { Context } from 'hono'

function notBuilt(c: Context): Response {
  return jsonError(c, 503, 'client_not_built', 'The client is not built; run "npm run build" (npm start does this)')
}

export function clientFileRoutes({ config }: AppDeps): Hono {
  const app = new Hono()
  const root = config.clientDir
  const indexFile = path.join(root, 'index.html')
  // Mounted only when the client is built (npm start builds it); otherwise pages answer 503.
  if (!fs.existsSync(root)) return app.get('*', (c) => notBuilt(c))
  app.use(
    '/assets/*',
    serveStatic({
      root,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable')
      },
    }),
  )
  app.use('*', serveStatic({ root }))
  app.get('*', async (c) => {
    if (!fs.existsSync(indexFile)) return notBuilt(c)
    c.header('Cache-Control', 'no-cache')
    return c.html(await fs.promises.readFile(indexFile, 'utf8'))
  })
  return app
}
