/** Calls to a board's HTTP API as a client makes them: bearer token, owner secret, JSON body. */
import { createHash, randomBytes } from 'node:crypto'
import Database from 'better-sqlite3'
import path from 'node:path'

/** A participant's identity: the secret their browser keeps, and its key (the participant id). */
export interface Person {
  secret: string
  key: string
}

/** A secret the client made up itself: the server knows nothing of it and refuses it. */
export function madeUpPerson(): Person {
  const secret = randomBytes(32).toString('base64url')
  return { secret, key: createHash('sha256').update(secret).digest('base64url') }
}

/** An identity the board issues to whoever holds `token`, as the browser gets one when joining. */
export async function issuePerson(baseUrl: string, boardId: string, token: string, name = 'Test'): Promise<Person & { status: string }> {
  const response = await fetch(`${baseUrl}/api/boards/${boardId}/identities`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  })
  if (response.status !== 201) throw new Error(`identity refused: ${response.status} ${await response.text()}`)
  const issued = (await response.json()) as { identity: string; participantId: string; status: string }
  return { secret: issued.identity, key: issued.participantId, status: issued.status }
}

export interface ApiAnswer<T> {
  status: number
  body: T
  headers: Headers
}

export async function boardApi<T>(
  baseUrl: string,
  method: string,
  route: string,
  token: string | null,
  body?: unknown,
  who?: Person,
): Promise<ApiAnswer<T>> {
  const response = await fetch(`${baseUrl}${route}`, {
    method,
    headers: {
      ...(token !== null && { authorization: `Bearer ${token}` }),
      ...(who && { 'x-regiebord-owner': who.secret }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  })
  const text = await response.text()
  let parsed: unknown = text
  try {
    parsed = JSON.parse(text)
  } catch {
    // Not JSON (CSV, HTML): the text itself.
  }
  return { status: response.status, body: parsed as T, headers: response.headers }
}

export const BOARD_TABLES = ['boards', 'board_tokens', 'board_updates', 'board_votes', 'board_assets'] as const
export type BoardRows = Record<(typeof BOARD_TABLES)[number], number>

/** Rows per table that mention the board, read straight from a server's SQLite file. */
export function sqliteRowsOf(dataDir: string, boardId: string): BoardRows {
  const db = new Database(path.join(dataDir, 'regiebord.sqlite'), { readonly: true, fileMustExist: true })
  try {
    return Object.fromEntries(
      BOARD_TABLES.map((table) => {
        const column = table === 'boards' ? 'id' : 'board_id'
        return [table, (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${column} = ?`).get(boardId) as { n: number }).n]
      }),
    ) as BoardRows
  } finally {
    db.close()
  }
}

export function countSqliteBoards(dataDir: string): number {
  const db = new Database(path.join(dataDir, 'regiebord.sqlite'), { readonly: true, fileMustExist: true })
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM boards').get() as { n: number }).n
  } finally {
    db.close()
  }
}

export const NO_ROWS: BoardRows = { boards: 0, board_tokens: 0, board_updates: 0, board_votes: 0, board_assets: 0 }
