import { Hono } from 'hono'
import type { AppDeps } from './deps.ts'
import { jsonError } from './errors.ts'

export function healthRoutes({ storage, log }: AppDeps): Hono {
  return new Hono().get('/', async (c) => {
    try {
      await storage.ping()
      return c.json({ status: 'ok' as const })
    } catch (error) {
      log.error({ err: error }, 'health check: storage not ready')
      return jsonError(c, 503, 'storage_unavailable', 'Storage is not available')
    }
  })
}
