import { Hono } from 'hono'
import type { AppDeps } from './deps.ts'

/**
 * `GET /api/health`: whether this instance can serve boards, and the state of each dependency.
 *
 * 503 only when storage is down: without it nothing can be stored, so a load balancer should send
 * clients elsewhere. Redis down is reported (`status: "degraded"`) but answered with 200: every
 * instance shares the one Redis, so failing them all would turn a Redis outage into a full one,
 * while degraded instances keep storing every edit and converge again (catch-up from storage)
 * once Redis is back.
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
    const status = !storageReady ? 'unavailable' : redis === 'down' ? 'degraded' : 'ok'
    return c.json({ status, storage: storageReady ? 'ok' : 'down', redis }, storageReady ? 200 : 503)
  })
}
