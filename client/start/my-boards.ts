/**
 * "Mijn borden": the boards this browser made or opened, kept in localStorage only and never sent
 * to the server. One entry per board, holding the link with the most rights seen here (a
 * facilitator who also tried the participant link keeps the facilitator link), so the facilitator
 * finds tonight's board again without the e-mail.
 */
import { ROLES, isRole, type Role } from '../../shared/roles.ts'

const KEY = 'regiebord.myBoards'
/** Enough for a season of workshops; the oldest drop off. */
const MAX_BOARDS = 50

export interface MyBoard {
  id: string
  title: string
  role: Role
  token: string
  /** Epoch ms, this browser's clock. */
  lastOpened: number
}

export function myBoards(): MyBoard[] {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown
    if (!Array.isArray(stored)) return []
    return stored.filter(isMyBoard).sort((a, b) => b.lastOpened - a.lastOpened)
  } catch {
    return []
  }
}

/** Adds the board or updates its entry: title, last opened, and the link when its role is at least as strong. */
export function rememberBoard(board: Omit<MyBoard, 'lastOpened'>, at = Date.now()): void {
  const boards = myBoards()
  const before = boards.find((entry) => entry.id === board.id)
  const stronger = !before || ROLES.indexOf(board.role) <= ROLES.indexOf(before.role)
  const entry: MyBoard = { ...(before ?? board), ...(stronger && { role: board.role, token: board.token }), id: board.id, title: board.title, lastOpened: at }
  save([entry, ...boards.filter((other) => other.id !== board.id)].slice(0, MAX_BOARDS))
}

export function forgetBoard(id: string): void {
  save(myBoards().filter((entry) => entry.id !== id))
}

function save(boards: MyBoard[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(boards))
  } catch {
    // Storage full or blocked (private window): the list is a convenience, the board still works.
  }
}

function isMyBoard(value: unknown): value is MyBoard {
  const entry = value as Partial<MyBoard> | null
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.id === 'string' &&
    typeof entry.title === 'string' &&
    typeof entry.token === 'string' &&
    typeof entry.lastOpened === 'number' &&
    isRole(entry.role)
  )
}
