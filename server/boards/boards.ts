/**
 * Creating boards and deciding who may open them. Knows storage, not HTTP: the routes and the
 * sync upgrade both call `authorize`.
 */
import * as Y from 'yjs'
import { META_MAP, MetaKey } from '../../shared/doc-layout.ts'
import { isBoardId } from '../../shared/board-id.ts'
import { ROLES, type Role } from '../../shared/roles.ts'
import type { BoardRecord, Storage } from '../storage/storage.ts'
import { generateBoardId, generateToken, hashToken } from './tokens.ts'

export interface CreatedBoard {
  id: string
  title: string
  tokens: Record<Role, string>
}

export const DEFAULT_TITLE = 'Naamloos bord'

export async function createBoard(storage: Storage, input: { title?: string }, now = Date.now()): Promise<CreatedBoard> {
  const id = generateBoardId()
  const title = input.title?.trim() || DEFAULT_TITLE
  const tokens = Object.fromEntries(ROLES.map((role) => [role, generateToken()])) as Record<Role, string>
  const tokenHashes = Object.fromEntries(ROLES.map((role) => [role, hashToken(tokens[role])])) as Record<Role, string>
  await storage.createBoard({
    id,
    title,
    template: null,
    createdAt: now,
    lastOpenedAt: now,
    tokenHashes,
    initialUpdate: initialDocument(title, now),
  })
  return { id, title, tokens }
}

function initialDocument(title: string, createdAt: number): Uint8Array {
  const doc = new Y.Doc()
  const meta = doc.getMap(META_MAP)
  meta.set(MetaKey.title, title)
  meta.set(MetaKey.createdAt, createdAt)
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}

export type Access =
  | { ok: true; board: BoardRecord; role: Role }
  | { ok: false; status: 401 | 403 | 404; code: 'token_missing' | 'token_invalid' | 'board_not_found'; message: string }

export async function authorize(storage: Storage, boardId: string, token: string | null | undefined): Promise<Access> {
  const board = isBoardId(boardId) ? await storage.getBoard(boardId) : null
  if (!board) return { ok: false, status: 404, code: 'board_not_found', message: 'No board with this id' }
  if (!token) return { ok: false, status: 401, code: 'token_missing', message: 'A board token is required' }
  const role = await storage.findRole(boardId, hashToken(token))
  if (!role) return { ok: false, status: 403, code: 'token_invalid', message: 'This token does not open this board' }
  return { ok: true, board, role }
}
