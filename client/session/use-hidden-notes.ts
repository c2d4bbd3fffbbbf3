import { useEffect, useState } from 'react'
import type { HiddenNotes } from '../../shared/session/session-api.ts'
import type { BoardSession } from '../board/board-session.ts'

const POLL_MS = 3000

/** The facilitator's live count of unrevealed private notes while "stil schrijven" is on. */
export function useHiddenNotes(session: BoardSession | null, active: boolean): HiddenNotes | null {
  const [count, setCount] = useState<HiddenNotes | null>(null)
  const polling = active && session?.role === 'facilitator'
  useEffect(() => {
    setCount(null)
    if (!polling || !session) return
    let stopped = false
    const poll = () => session.client.hiddenNotes().then((next) => !stopped && setCount(next), () => undefined)
    void poll()
    const timer = window.setInterval(() => void poll(), POLL_MS)
    return () => {
      stopped = true
      window.clearInterval(timer)
    }
  }, [session, polling])
  return polling ? count : null
}
