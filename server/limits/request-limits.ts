/**
 * Per-address (and per-link) allowances for the requests that make the server store something new:
 * boards, imports, uploads and participant identities; and for the document states read over HTTP,
 * each of which encodes a whole document. Each refusal is a 429 with Retry-After and
 * is counted in `regiebord_rejections_total{reason}`.
 */
import type { Context } from 'hono'
import type { Config } from '../config.ts'
import type { RejectionReason } from '../metrics/metrics.ts'
import { KeyedRateLimit } from './keyed-rate-limit.ts'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

export interface RequestLimit {
  readonly allowance: KeyedRateLimit
  readonly reason: RejectionReason
  /** Says what was refused, for the error message. */
  readonly what: string
}

export class RequestLimits {
  readonly boards: RequestLimit
  readonly imports: RequestLimit
  readonly uploads: RequestLimit
  readonly templateSaves: RequestLimit
  readonly documentStates: RequestLimit
  readonly identitiesPerIp: RequestLimit
  readonly identitiesPerLink: RequestLimit

  constructor(config: Config, now: () => number = Date.now) {
    const perHour = (limit: number, reason: RejectionReason, what: string): RequestLimit => ({ allowance: new KeyedRateLimit(limit, HOUR, now), reason, what: `${limit} ${what} per hour from one address` })
    this.boards = perHour(config.maxBoardsPerHourPerIp, 'boards_per_ip', 'new boards')
    this.imports = perHour(config.maxImportsPerHourPerIp, 'imports_per_ip', 'imports')
    this.uploads = perHour(config.maxUploadsPerHourPerIp, 'uploads_per_ip', 'uploads')
    this.templateSaves = perHour(config.maxTemplateSavesPerHourPerIp, 'template_saves_per_ip', 'own templates saved')
    this.identitiesPerIp = perHour(config.maxIdentitiesPerHourPerIp, 'identities_per_ip', 'new participant identities')
    this.documentStates = {
      allowance: new KeyedRateLimit(config.maxDocumentStatesPerMinutePerIp, MINUTE, now),
      reason: 'document_states_per_ip',
      what: `${config.maxDocumentStatesPerMinutePerIp} document states per minute from one address`,
    }
    this.identitiesPerLink = {
      allowance: new KeyedRateLimit(config.maxIdentitiesPerMinutePerLink, MINUTE, now),
      reason: 'identities_per_link',
      what: `${config.maxIdentitiesPerMinutePerLink} new participant identities per minute through one link`,
    }
  }
}

/** Takes one from `key`'s allowance; the 429 answer when it is spent. */
export function overLimit(c: Context, limit: RequestLimit, key: string, count: (reason: RejectionReason) => void): Response | null {
  if (limit.allowance.take(key)) return null
  count(limit.reason)
  c.header('Retry-After', String(limit.allowance.retryAfterSeconds(key)))
  // The body is not read: closing the connection spares reading (and discarding) up to 8 MiB.
  if (c.req.header('content-length') !== undefined || c.req.header('transfer-encoding') !== undefined) c.header('Connection', 'close')
  return c.json({ error: 'rate_limited', message: `Too many requests: at most ${limit.what}; try again later` }, 429)
}
