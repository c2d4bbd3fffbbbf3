import { Hono } from 'hono'
import type { AppDeps } from './deps.ts'

/**
 * `GET /api/health`: 200 when this instance can serve boards, 503 when storage is down or, with
 * REDIS_URL, the link to the other instances is down (a load balancer then sends clients to a
 * healthy instance). The body says which part is not ready.
 */
export function healthRoutes({ storage, fanout, log }: AppDeps): Hono {
  return new Hono().get('/', async (c) => {
    let storageReady = true
    try {
      await storage.ping()
    } catch (error) {
      storageReady = false
      log.error({ err: error }, 'health check: storage not ready')
    }
    const redis = fanout.status()
    const ok = storageReady && redis !== 'down'
    return c.json(
      { status: ok ? ('ok' as const) : ('unavailable' as const), storage: storageReady ? 'ok' : 'down', redis },
      ok ? 200 : 503,
    )
  })
}
