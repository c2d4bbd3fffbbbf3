import { Hono } from 'hono'
import type { AppDeps } from './deps.ts'

/** `GET /metrics`: Prometheus text format. */
export function metricsRoutes({ metrics }: AppDeps): Hono {
  return new Hono().get('/', async (c) => {
    const { contentType, body } = await metrics.render()
    return c.body(body, 200, { 'content-type': contentType })
  })
}
