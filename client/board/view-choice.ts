/**
 * Which view a board opens in: the simple phone view ("Eenvoudige weergave") or the full canvas.
 * Participants and viewers on a narrow screen get the phone view; anyone can switch, and the
 * choice is remembered in this browser.
 */
import type { Role } from '../../shared/roles.ts'

export type BoardViewKind = 'phone' | 'canvas'

const KEY = 'regiebord.view'
/** Below this width the canvas's own menus leave no room for the board. */
export const NARROW_SCREEN = '(max-width: 700px)'

export function chooseView(role: Role, stored: string | null = readStored(), narrow = window.matchMedia(NARROW_SCREEN).matches): BoardViewKind {
  if (stored === 'phone' || stored === 'canvas') return stored
  return role !== 'facilitator' && narrow ? 'phone' : 'canvas'
}

export function rememberView(view: BoardViewKind): void {
  try {
    localStorage.setItem(KEY, view)
  } catch {
    // Private browsing without storage: the choice lasts until the page closes.
  }
}

function readStored(): string | null {
  try {
    return localStorage.getItem(KEY)
  } catch {
    return null
  }
}
