/**
 * The session timer as pure transitions on the server's clock. The server applies them for the
 * facilitator's requests; clients only compute what is left.
 */
import type { TimerState } from './control-doc.ts'
import { MAX_TIMER_MS } from './limits.ts'

export type TimerAction =
  | { readonly action: 'set'; readonly minutes: number }
  | { readonly action: 'start' }
  | { readonly action: 'pause' }
  | { readonly action: 'stop' }
  | { readonly action: 'addMinute' }

export function remainingMs(timer: TimerState, now: number): number {
  switch (timer.status) {
    case 'stopped':
      return timer.durationMs
    case 'paused':
      return timer.remainingMs
    case 'running':
      // Never more than the run's length: a client whose estimate of the server clock is a little
      // behind would otherwise show 3:01 for a 3-minute timer that just started.
      return Math.min(timer.durationMs, Math.max(0, timer.endsAt - now))
  }
}

export function applyTimerAction(timer: TimerState, action: TimerAction, now: number): TimerState {
  switch (action.action) {
    case 'set': {
      const durationMs = clamp(Math.round(action.minutes * 60_000))
      return timer.status === 'running' ? { status: 'running', durationMs, endsAt: now + durationMs } : { status: 'stopped', durationMs }
    }
    case 'start':
      if (timer.status === 'running') return timer
      return { status: 'running', durationMs: timer.durationMs, endsAt: now + (timer.status === 'paused' ? timer.remainingMs : timer.durationMs) }
    case 'pause':
      return timer.status === 'running' ? { status: 'paused', durationMs: timer.durationMs, remainingMs: remainingMs(timer, now) } : timer
    case 'stop':
      return { status: 'stopped', durationMs: timer.durationMs }
    case 'addMinute':
      switch (timer.status) {
        case 'running': {
          // durationMs is the length of the run, so it grows with the minute that was added.
          const endsAt = Math.min(timer.endsAt + 60_000, now + MAX_TIMER_MS)
          return { ...timer, durationMs: Math.max(timer.durationMs, clamp(timer.durationMs + (endsAt - timer.endsAt))), endsAt }
        }
        case 'paused':
          return { ...timer, durationMs: Math.max(timer.durationMs, clamp(timer.durationMs + 60_000)), remainingMs: clamp(timer.remainingMs + 60_000) }
        case 'stopped':
          return { status: 'stopped', durationMs: clamp(timer.durationMs + 60_000) }
      }
  }
}

function clamp(ms: number): number {
  return Math.min(MAX_TIMER_MS, Math.max(0, ms))
}

/** "4:05", or "1:02:03" past an hour: what the timer shows. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(ms / 1000)
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = String(total % 60).padStart(2, '0')
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`
}
