import type { Context } from 'hono'
import { getConnInfo } from '@hono/node-server/conninfo'

/**
 * The address a request came from, for per-address limits. Behind a reverse proxy (TRUST_PROXY)
 * every connection comes from the proxy, which appends the real client to X-Forwarded-For; we
 * take that last entry, since earlier ones are whatever the client chose to send.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').map((part) => part.trim()).filter(Boolean)
    const last = forwarded?.[forwarded.length - 1]
    if (last) return last
  }
  return getConnInfo(c).remote.address ?? 'unknown'
}
