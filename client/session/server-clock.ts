/**
 * The server's clock as seen from here: every client counts the timer down against the same
 * clock, not its own laptop's. The offset is the median of a few round trips, each corrected by
 * half its duration.
 */
import { atom, type Atom } from '@tldraw/state'
import type { TimeAnswer } from '../../shared/session/session-api.ts'

export interface ServerClock {
  /** Estimated server time now, in epoch ms. */
  now(): number
  readonly $offset: Atom<number>
}

export function createServerClock(samples = 5): ServerClock {
  const $offset = atom('server clock offset', 0)
  void (async () => {
    const offsets: number[] = []
    for (let i = 0; i < samples; i++) {
      try {
        const sent = Date.now()
        const response = await fetch('/api/time', { cache: 'no-store' })
        const { now } = (await response.json()) as TimeAnswer
        const received = Date.now()
        offsets.push(now - (sent + received) / 2)
        offsets.sort((a, b) => a - b)
        $offset.set(offsets[Math.floor(offsets.length / 2)] ?? 0)
      } catch {
        // Offline: keep the last estimate (or none); the timer is off by the laptop's drift only.
      }
    }
  })()
  return { now: () => Date.now() + $offset.get(), $offset }
}
