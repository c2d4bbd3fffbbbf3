/**
 * SQLite storage (better-sqlite3, WAL). better-sqlite3 is synchronous; appends are group-committed
 * once per event-loop turn (see GroupCommit). When `appendUpdate` resolves, the row is committed
 * to the WAL, which survives a killed process (synchronous=NORMAL only risks the last commits on
 * power loss, not on a process crash).
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { isRole, type Role } from '../../shared/roles.ts'
import { GroupCommit } from './group-commit.ts'
import type { AssetRecord, BoardRecord, NewBoard, Storage, StoredUpdates } from './storage.ts'

const SCHEMA_VERSION = 2

const MIGRATIONS: Record<number, string> = {
  1: `
    CREATE TABLE boards (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      template TEXT,
      created_at INTEGER NOT NULL,
      last_opened_at INTEGER NOT NULL
    );
    CREATE TABLE board_tokens (
      token_hash TEXT PRIMARY KEY,
      board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
      role TEXT NOT NULL
    );
    CREATE INDEX board_tokens_board ON board_tokens(board_id);
    CREATE TABLE board_updates (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
      data BLOB NOT NULL
    );
    CREATE INDEX board_updates_board ON board_updates(board_id, seq);
  `,
  2: `
    CREATE TABLE board_assets (
      id TEXT NOT NULL,
      board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
      content_type TEXT NOT NULL,
      size INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      PRIMARY KEY (board_id, id)
    );
  `,
}

interface BoardRow {
  id: string
  title: string
  template: string | null
  created_at: number
  last_opened_at: number
}

function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number
  for (let version = current + 1; version <= SCHEMA_VERSION; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!)
      db.pragma(`user_version = ${version}`)
    })()
  }
}

export function openSqliteStorage(dataDir: string): Storage {
  fs.mkdirSync(dataDir, { recursive: true })
  const db = new Database(path.join(dataDir, 'regiebord.sqlite'))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  migrate(db)

  const insertBoard = db.prepare(
    'INSERT INTO boards (id, title, template, created_at, last_opened_at) VALUES (?, ?, ?, ?, ?)',
  )
  const insertToken = db.prepare('INSERT INTO board_tokens (token_hash, board_id, role) VALUES (?, ?, ?)')
  const selectBoard = db.prepare<[string], BoardRow>('SELECT * FROM boards WHERE id = ?')
  const selectRole = db.prepare<[string, string], { role: string }>(
    'SELECT role FROM board_tokens WHERE token_hash = ? AND board_id = ?',
  )
  const updateOpened = db.prepare('UPDATE boards SET last_opened_at = ? WHERE id = ?')
  const insertUpdate = db.prepare('INSERT INTO board_updates (board_id, data) VALUES (?, ?)')
  const selectUpdates = db.prepare<[string], { seq: number; data: Buffer }>(
    'SELECT seq, data FROM board_updates WHERE board_id = ? ORDER BY seq',
  )
  const deleteUpTo = db.prepare('DELETE FROM board_updates WHERE board_id = ? AND seq <= ?')
  const countForBoard = db.prepare<[string], { n: number }>(
    'SELECT COUNT(*) AS n FROM board_updates WHERE board_id = ?',
  )

  const insertAsset = db.prepare(
    'INSERT INTO board_assets (id, board_id, content_type, size, created_at) VALUES (?, ?, ?, ?, ?)',
  )
  const selectAsset = db.prepare<[string, string], { id: string; board_id: string; content_type: string; size: number; created_at: number }>(
    'SELECT * FROM board_assets WHERE board_id = ? AND id = ?',
  )

  const createBoardTx = db.transaction((board: NewBoard) => {
    insertBoard.run(board.id, board.title, board.template, board.createdAt, board.lastOpenedAt)
    for (const [role, hash] of Object.entries(board.tokenHashes)) insertToken.run(hash, board.id, role)
    insertUpdate.run(board.id, board.initialUpdate)
  })
  // Appends of one event-loop turn share a commit; see GroupCommit.
  const appends = new GroupCommit<{ boardId: string; update: Uint8Array }>(
    db.transaction((rows: readonly { boardId: string; update: Uint8Array }[]) => {
      for (const row of rows) insertUpdate.run(row.boardId, row.update)
    }),
  )
  const replaceTx = db.transaction((boardId: string, upToSeq: number, merged: Uint8Array) => {
    // Nothing left up to upToSeq: these rows were merged already (see Storage.replaceUpdates).
    if (deleteUpTo.run(boardId, upToSeq).changes === 0) return
    insertUpdate.run(boardId, merged)
  })

  return {
    async createBoard(board) {
      createBoardTx(board)
    },
    async getBoard(id): Promise<BoardRecord | null> {
      const row = selectBoard.get(id)
      if (!row) return null
      return {
        id: row.id,
        title: row.title,
        template: row.template,
        createdAt: row.created_at,
        lastOpenedAt: row.last_opened_at,
      }
    },
    async findRole(boardId, tokenHash): Promise<Role | null> {
      const role = selectRole.get(tokenHash, boardId)?.role
      return isRole(role) ? role : null
    },
    async touchBoard(id, at) {
      updateOpened.run(at, id)
    },
    appendUpdate(boardId, update) {
      return appends.add({ boardId, update })
    },
    async loadUpdates(boardId): Promise<StoredUpdates> {
      const rows = selectUpdates.all(boardId)
      return {
        updates: rows.map((r) => new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength)),
        lastSeq: rows.length ? rows[rows.length - 1]!.seq : 0,
      }
    },
    async replaceUpdates(boardId, upToSeq, merged) {
      replaceTx(boardId, upToSeq, merged)
    },
    async countUpdates(boardId) {
      return countForBoard.get(boardId)?.n ?? 0
    },
    async addAsset(asset) {
      insertAsset.run(asset.id, asset.boardId, asset.contentType, asset.size, asset.createdAt)
    },
    async getAsset(boardId, id): Promise<AssetRecord | null> {
      const row = selectAsset.get(boardId, id)
      if (!row) return null
      return { id: row.id, boardId: row.board_id, contentType: row.content_type, size: row.size, createdAt: row.created_at }
    },
    async ping() {
      db.prepare('SELECT 1').get()
    },
    async close() {
      if (db.open) appends.flush()
      if (db.open) db.close()
    },
  }
}
