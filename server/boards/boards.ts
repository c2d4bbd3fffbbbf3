/**
 * Creating boards and deciding who may open them. Knows storage, not HTTP: the routes and the
 * sync upgrade both call `authorize`.
 */
import * as Y from 'yjs'
import { boardSchema, documentRecords, PAGE_ID } from '../../shared/board/board-schema.ts'
import { templateRecords } from '../../shared/board/template-records.ts'
import { META_MAP, MetaKey, RECORDS_ARRAY, type RecordEntry } from '../../shared/doc-layout.ts'
import type { Locale } from '../../shared/regie/text.ts'
import type { TemplateId } from '../../shared/templates/template.ts'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { isBoardId } from '../../shared/board-id.ts'
import { ROLES, type Role } from '../../shared/roles.ts'
import type { BoardRecord, Storage } from '../storage/storage.ts'
import { linkToken } from './link-tokens.ts'
import { generateBoardId, generateToken, hashToken } from './tokens.ts'

export interface CreatedBoard {
  id: string
  title: string
  tokens: Record<Role, string>
}

export const DEFAULT_TITLE = 'Naamloos bord'

export interface NewBoard {
  title?: string | undefined
  /** Start from this template, laid out and written in `locale` (Dutch by default). */
  template?: TemplateId | undefined
  locale?: Locale | undefined
}

export async function createBoard(storage: Storage, input: NewBoard, now = Date.now()): Promise<CreatedBoard> {
  const title = input.title?.trim() || DEFAULT_TITLE
  return storeNewBoard(storage, {
    title,
    template: input.template ?? null,
    createdAt: now,
    initialUpdate: await initialDocument(title, now, input.template, input.locale ?? 'nl'),
  })
}

export interface BoardDocuments {
  title: string
  template: string | null
  createdAt: number
  /** The board document's first state. */
  initialUpdate: Uint8Array
  /** First states of its other documents, by key (`structure`). */
  otherDocs?: Readonly<Record<string, Uint8Array>>
}

/** Stores a board with a new id and new tokens, all in one transaction; returns its links. */
export async function storeNewBoard(storage: Storage, documents: BoardDocuments): Promise<CreatedBoard> {
  const id = generateBoardId()
  const facilitator = generateToken()
  // Derived from the facilitator's token so the board can show them again (link-tokens.ts).
  const tokens: Record<Role, string> = { facilitator, participant: linkToken(facilitator, id, 'participant', 0), viewer: linkToken(facilitator, id, 'viewer', 0) }
  const tokenHashes = Object.fromEntries(ROLES.map((role) => [role, hashToken(tokens[role])])) as Record<Role, string>
  await storage.createBoard({ id, lastOpenedAt: documents.createdAt, tokenHashes, ...documents })
  return { id, title: documents.title, tokens }
}

/**
 * The board's first state: its page, written here on the server with the schema label, so that
 * every client (a stock y-websocket client too) finds a page to put shapes on from its first sync,
 * and so that the label is never a client's to write (the record guard refuses that). A template
 * board gets its template too, and two people opening a new board at once cannot both insert it.
 */
async function initialDocument(title: string, createdAt: number, template: TemplateId | undefined, locale: Locale): Promise<Uint8Array> {
  const doc = new Y.Doc()
  const meta = doc.getMap(META_MAP)
  const { shapes, bindings } = template !== undefined ? await templateRecords(template, locale, { pageId: PAGE_ID }) : { shapes: [], bindings: [] }
  const records = new YKeyValue(doc.getArray<RecordEntry<unknown>>(RECORDS_ARRAY))
  doc.transact(() => {
    meta.set(MetaKey.title, title)
    meta.set(MetaKey.createdAt, createdAt)
    for (const record of [...documentRecords(title), ...shapes, ...bindings]) records.set(record.id, record)
    // Labelled with the schema they were written in, so clients migrate them like any board.
    meta.set(MetaKey.schema, boardSchema().serialize())
  })
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
