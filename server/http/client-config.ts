import { Hono } from 'hono'
import type { AppDeps } from './deps.ts'

/**
 * Run-time settings the browser needs. The tldraw licence key is read from the server's
 * environment here rather than baked into the bundle, so one build serves every host.
 */
export function clientConfigRoutes({ config }: AppDeps): Hono {
  return new Hono().get('/', (c) => c.json({ tldrawLicenseKey: config.tldrawLicenseKey }))
}
