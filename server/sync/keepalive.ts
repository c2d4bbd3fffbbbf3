/**
 * One timer for all connections: each tick terminates the connections that did not answer the
 * previous ping and pings the rest. Half-open TCP connections (a phone that lost its network)
 * are found this way; they never send a close.
 */
export interface Pingable {
  alive: boolean
  ping(): void
  terminate(): void
}

export class Keepalive {
  private readonly members = new Set<Pingable>()
  private readonly timer: NodeJS.Timeout

  constructor(intervalMs: number) {
    this.timer = setInterval(() => this.tick(), intervalMs)
    this.timer.unref()
  }

  add(member: Pingable): void {
    this.members.add(member)
  }

  delete(member: Pingable): void {
    this.members.delete(member)
  }

  get size(): number {
    return this.members.size
  }

  stop(): void {
    clearInterval(this.timer)
  }

  private tick(): void {
    for (const member of this.members) {
      if (!member.alive) {
        this.members.delete(member)
        member.terminate()
      } else {
        member.ping()
      }
    }
  }
}
