/**
 * A token bucket: `ratePerSecond` tokens flow in, up to `burst`; each event takes some. Used to
 * pace updates per connection while letting a short burst (a paste, a reconnect) through.
 */
export class TokenBucket {
  private tokens: number
  private last: number

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst
    this.last = now()
  }

  /** Takes `cost` tokens (at most the burst); false, taking nothing, when there are fewer. */
  take(cost = 1): boolean {
    this.refill()
    const needed = Math.min(cost, this.burst)
    if (this.tokens < needed) return false
    this.tokens -= needed
    return true
  }

  /** Milliseconds until `cost` tokens (at most the burst) are there; 0 when they are now. */
  waitFor(cost = 1): number {
    this.refill()
    const missing = Math.min(cost, this.burst) - this.tokens
    return missing <= 0 ? 0 : Math.ceil((missing / this.ratePerSecond) * 1000)
  }

  private refill(): void {
    const now = this.now()
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond)
    this.last = now
  }
}
