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

/*
 * A cache between us and the browser must keep the compressed and the plain answer apart, also
 * for the plain one (which a browser that sends no Accept-Encoding gets).
 */
function varyOnEncoding(c: Context): void {
  const current = c.res.headers.get('Vary')
  if (current && /\bAccept-Encoding\b/i.test(current)) return
  c.header('Vary', current ? `${current}, Accept-Encoding` : 'Accept-Encoding')
}

/** br before gzip, honouring q=0 ("not this one"). */
export function preferredEncoding(header: string | undefined): 'br' | 'gzip' | null {
  const accepted = new Set(
    (header ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !q || !/^\s*q\s*=\s*0(?:\.0*)?\s*$/.test(q))
      .map(([name]) => name!.trim().toLowerCase()),
  )
  if (accepted.has('br')) return 'br'
  if (accepted.has('gzip')) return 'gzip'
  return null
}

export function clientFileRoutes({ config }: AppDeps): Hono {
  const app = new Hono()
  const root = config.clientDir
  const indexFile = path.join(root, 'index.html')
  // Mounted only when the client is built (npm start builds it); otherwise pages answer 503.
  if (!fs.existsSync(root)) return app.get('*', (c) => notBuilt(c))
  // The build wrote .br and .gz copies (scripts/precompress.ts); serveStatic picks the one the
  // browser accepts and falls back to the file itself.
  app.use(
    '/assets/*',
    serveStatic({
      root,
      precompressed: true,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable')
        varyOnEncoding(c)
      },
    }),
  )
  app.use('*', serveStatic({ root, precompressed: true, onFound: (_path, c) => varyOnEncoding(c) }))
  app.get('*', async (c) => {
    if (!fs.existsSync(indexFile)) return notBuilt(c)
    c.header('Cache-Control', 'no-cache')
    c.header('Content-Type', 'text/html; charset=UTF-8')
    varyOnEncoding(c)
    const encoding = preferredEncoding(c.req.header('Accept-Encoding'))
    const compressed = encoding ? `${indexFile}${encoding === 'br' ? '.br' : '.gz'}` : null
    if (compressed && fs.existsSync(compressed)) {
      c.header('Content-Encoding', encoding!)
      return c.body(new Uint8Array(await fs.promises.readFile(compressed)))
    }
    return c.body(await fs.promises.readFile(indexFile, 'utf8'))
  })
  return app
}
