import type { MiddlewareHandler } from 'hono'
import { createMiddleware } from 'hono/factory'
import { overLimit, type RequestLimit } from '../limits/request-limits.ts'
import { clientAddress } from './client-address.ts'
import type { AppDeps } from './deps.ts'

/**
 * Takes one from the caller's address's allowance before anything else runs, so a refused
 * request never gets its (up to 8 MiB) body read or parsed.
 */
export function perAddressAllowance({ config, metrics }: Pick<AppDeps, 'config' | 'metrics'>, limit: RequestLimit): MiddlewareHandler {
  return createMiddleware(async (c, next) => overLimit(c, limit, clientAddress(c, config.trustProxy), (reason) => metrics.rejected(reason)) ?? next())
}
