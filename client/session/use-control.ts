import { useEffect, useState } from 'react'
import { useValue } from '@tldraw/state-react'
import { INITIAL_CONTROL, type ControlState } from '../../shared/session/control-doc.ts'
import type { BoardSession } from '../board/board-session.ts'

export function useControl(session: BoardSession | null): ControlState {
  return useValue('control', () => session?.$control.get() ?? INITIAL_CONTROL, [session])
}

/** The server's time, re-read every `intervalMs` (for countdowns). */
export function useServerNow(session: BoardSession | null, intervalMs = 250): number {
  const offset = useValue('clock offset', () => session?.clock.$offset.get() ?? 0, [session])
  const [, setTick] = useState(0)
  useEffect(() => {
    const timer = window.setInterval(() => setTick((n) => n + 1), intervalMs)
    return () => window.clearInterval(timer)
  }, [intervalMs])
  return Date.now() + offset
}
