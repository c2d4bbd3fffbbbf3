/**
 * "At most `limit` per `windowMs` for each key" (a client address, a board link), as one token
 * bucket per key: the full allowance at once, then refilling evenly over the window. Keys whose
 * bucket has refilled are forgotten, so a stream of new addresses cannot grow the map for ever.
 *
 * Per instance: behind several instances each allows the limit (README "Limits and protection").
 */
interface Bucket {
  tokens: number
  last: number
}

export class KeyedRateLimit {
  private readonly buckets = new Map<string, Bucket>()
  private takesSinceSweep = 0

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one from the key's allowance; false (and nothing taken) when it is spent. */
  take(key: string): boolean {
    const now = this.now()
    if (++this.takesSinceSweep >= 1000) this.sweep(now)
    const bucket = this.buckets.get(key) ?? { tokens: this.limit, last: now }
    bucket.tokens = Math.min(this.limit, bucket.tokens + ((now - bucket.last) * this.limit) / this.windowMs)
    bucket.last = now
    this.buckets.set(key, bucket)
    if (bucket.tokens < 1) return false
    bucket.tokens -= 1
    return true
  }

  /** Seconds until the key has one again (for Retry-After). */
  retryAfterSeconds(key: string): number {
    const bucket = this.buckets.get(key)
    if (!bucket || bucket.tokens >= 1) return 1
    return Math.max(1, Math.ceil(((1 - bucket.tokens) * this.windowMs) / this.limit / 1000))
  }

  private sweep(now: number): void {
    this.takesSinceSweep = 0
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.last) * this.limit) / this.windowMs >= this.limit) this.buckets.delete(key)
    }
  }
}
