/**
 * Security headers on every response. The content security policy allows only our own origin:
 * scripts and styles come from the built client, images and videos from our asset routes, the
 * sync socket goes to our own host. What tldraw needs beyond that is data: and blob: URLs (shape
 * previews, pasted images before upload, exports) and inline style attributes, which it sets on
 * its DOM nodes. The one inline script, which shows the name dialog before the app's script is in,
 * is allowed by its hash (inline-scripts.ts); Vite emits everything else as files.
 */
import type { MiddlewareHandler } from 'hono'

function contentSecurityPolicy(host: string | undefined, scriptHashes: readonly string[]): string {
  // 'self' covers same-origin ws:/wss: in current browsers; older Safari needs them spelled out.
  const socket = host && /^[A-Za-z0-9.\-:[\]]+$/.test(host) ? ` ws://${host} wss://${host}` : ''
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' data: blob:",
    "font-src 'self' data:",
    // tldraw fetch()es its translations (small ones inlined by Vite as data: URLs) and reads
    // pasted images back from blob: URLs.
    `connect-src 'self' data: blob:${socket}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

export function securityHeaders(scriptHashes: readonly string[] = []): MiddlewareHandler {
  return async (c, next) => {
    await next()
    const headers = c.res.headers
    headers.set('Content-Security-Policy', contentSecurityPolicy(c.req.header('host'), scriptHashes))
    headers.set('X-Content-Type-Options', 'nosniff')
    headers.set('X-Frame-Options', 'DENY')
    headers.set('Referrer-Policy', 'no-referrer')
    headers.set('Cross-Origin-Opener-Policy', 'same-origin')
    headers.set('Cross-Origin-Resource-Policy', 'same-origin')
    headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()')
  }
}
