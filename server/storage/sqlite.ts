/**
 * SQLite storage (better-sqlite3, WAL). better-sqlite3 is synchronous; appends are group-committed
 * once per event-loop turn (see GroupCommit). When `appendUpdate` resolves, the row is committed
 * to the WAL, which survives a killed process (synchronous=NORMAL only risks the last commits on
 * power loss, not on a process crash).
 *
 * Deleted means gone from the file (AVG): `secure_delete` overwrites what a DELETE frees with
 * zeros, so neither a deleted board nor the superseded updates compaction removes can be read
 * back out of free pages, and deleting a board ends with a checkpoint that empties the WAL, which
 * still held the old pages.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { isRole, type Role } from '../../shared/roles.ts'
import { GroupCommit } from './group-commit.ts'
import { MAIN_THREAD_CHECKPOINT_PAGES, WalCheckpointer } from './wal-checkpointer.ts'
import type { Logger } from '../log.ts'
import { storageKeyOf, type DocKey } from './doc-name.ts'
import { isSnapshotKind } from '../../shared/session/snapshots.ts'
import type { AssetRecord, BoardRecord, NewBoard, OwnTemplateRecord, OwnTemplateSummaryRecord, Storage, StoredSnapshot, StoredSnapshotInfo, StoredUpdates, VoteKey, VoteLimits } from './storage.ts'

const SCHEMA_VERSION = 7

/** From opening the database to starting the WAL checkpointer's thread. */
const CHECKPOINTER_START_DELAY_MS = 1000
/** How long a statement waits for another connection's lock. */
const BUSY_TIMEOUT_MS = 5000
/** Emptying the WAL after a board is deleted: tries, the wait between them and for a reader. */
const TRUNCATE_ATTEMPTS = 10
const TRUNCATE_RETRY_MS = 25
const TRUNCATE_BUSY_TIMEOUT_MS = 100
/**
 * The connection's page cache, in KiB (SQLite's negative `cache_size`). better-sqlite3 builds
 * SQLite with 16 MiB instead of SQLite's own 2 MiB, and under the fan-out bench the cache filled
 * to that with pages of the update log, which are written once and then only read on a cold load
 * (from the OS's file cache). The pages an append touches (each board's last leaf and the
 * index's) fit in 2 MiB many times over.
 */
const PAGE_CACHE_KIB = 2048

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
  // A board's other documents (structure, control, private notes) and dot votes.
  3: `
    ALTER TABLE board_updates ADD COLUMN doc TEXT NOT NULL DEFAULT '';
    DROP INDEX board_updates_board;
    CREATE INDEX board_updates_doc ON board_updates(board_id, doc, seq);
    CREATE TABLE board_votes (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
      round_id TEXT NOT NULL,
      voter TEXT NOT NULL,
      shape_id TEXT NOT NULL
    );
    CREATE INDEX board_votes_voter ON board_votes(board_id, round_id, voter);
  `,
  // The retention sweep looks boards up by when they were last opened.
  4: `
    CREATE INDEX boards_last_opened ON boards(last_opened_at);
  `,
  // Templates this installation's facilitators saved (own templates).
  5: `
    CREATE TABLE IF NOT EXISTS own_templates (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      description TEXT NOT NULL,
      locale TEXT NOT NULL,
      model TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      hidden INTEGER NOT NULL DEFAULT 0
    );
  `,
  // Snapshots (momentopnamen) of a board: its records at one moment, encoded (shared/session/snapshots.ts).
  6: `
    CREATE TABLE IF NOT EXISTS board_snapshots (
      id TEXT NOT NULL,
      board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      author TEXT,
      kind TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      size INTEGER NOT NULL,
      board_state BLOB NOT NULL,
      structure_state BLOB NOT NULL,
      PRIMARY KEY (board_id, id)
    );
    CREATE INDEX IF NOT EXISTS board_snapshots_created ON board_snapshots(board_id, created_at);
  `,
  // Update rows numbered by rowid instead of AUTOINCREMENT: every append also rewrote the
  // sqlite_sequence row, a third page in each commit. A number is reused only after the row holding
  // the table's highest one is gone, which never reorders a document's rows (see replaceUpdates).
  7: `
    CREATE TABLE board_updates_7 (
      seq INTEGER PRIMARY KEY,
      board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
      data BLOB NOT NULL,
      doc TEXT NOT NULL DEFAULT ''
    );
    INSERT INTO board_updates_7 (seq, board_id, data, doc) SELECT seq, board_id, data, doc FROM board_updates;
    DROP TABLE board_updates;
    ALTER TABLE board_updates_7 RENAME TO board_updates;
    CREATE INDEX board_updates_doc ON board_updates(board_id, doc, seq);
    DELETE FROM sqlite_sequence WHERE name = 'board_updates';
  `,
}

interface BoardRow {
  id: string
  title: string
  template: string | null
  created_at: number
  last_opened_at: number
}

interface SnapshotRow {
  id: string
  board_id: string
  name: string
  author: string | null
  kind: string
  created_at: number
  size: number
}

function snapshotInfo(row: SnapshotRow): StoredSnapshotInfo {
  return {
    id: row.id,
    boardId: row.board_id,
    name: row.name,
    author: row.author,
    // Written only by addSnapshot, from a checked kind.
    kind: isSnapshotKind(row.kind) ? row.kind : 'manual',
    createdAt: row.created_at,
    size: row.size,
  }
}

const bufferBytes = (data: Buffer): Uint8Array => new Uint8Array(data.buffer, data.byteOffset, data.byteLength)

function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number
  for (let version = current + 1; version <= SCHEMA_VERSION; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!)
      db.pragma(`user_version = ${version}`)
    })()
  }
}

export interface SqliteOptions {
  /** See GroupCommit (COMMIT_SPACING_MS). */
  commitSpacingMs?: number
  log?: Logger
  /** WAL checkpoints on a worker thread (see WalCheckpointer); off: SQLite's own, on the event loop. */
  checkpointsOnWorker?: boolean
}

export function openSqliteStorage(dataDir: string, options: SqliteOptions = {}): Storage {
  const { commitSpacingMs = 0, log, checkpointsOnWorker = true } = options
  fs.mkdirSync(dataDir, { recursive: true })
  const file = path.join(dataDir, 'regiebord.sqlite')
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
  db.pragma(`cache_size = -${PAGE_CACHE_KIB}`)
  db.pragma('secure_delete = ON')
  migrate(db)
  let checkpointer: WalCheckpointer | null = null
  let checkpointerDue: NodeJS.Timeout | null = null
  if (checkpointsOnWorker) {
    db.pragma(`wal_autocheckpoint = ${MAIN_THREAD_CHECKPOINT_PAGES}`)
    // Not while the server starts: the thread's own V8 instance costs ~140 ms of CPU, and the
    // writer's bound covers whatever is written before it runs.
    checkpointerDue = setTimeout(() => {
      checkpointerDue = null
      checkpointer = new WalCheckpointer(file, (message) =>
        log?.warn({ err: message }, 'WAL checkpoints on the worker thread stopped; the server checkpoints itself'),
      )
    }, CHECKPOINTER_START_DELAY_MS)
    checkpointerDue.unref()
  }

  const insertBoard = db.prepare(
    'INSERT INTO boards (id, title, template, created_at, last_opened_at) VALUES (?, ?, ?, ?, ?)',
  )
  const insertToken = db.prepare('INSERT INTO board_tokens (token_hash, board_id, role) VALUES (?, ?, ?)')
  const selectBoard = db.prepare<[string], BoardRow>('SELECT * FROM boards WHERE id = ?')
  const selectRole = db.prepare<[string, string], { role: string }>(
    'SELECT role FROM board_tokens WHERE token_hash = ? AND board_id = ?',
  )
  const updateOpened = db.prepare('UPDATE boards SET last_opened_at = ? WHERE id = ?')
  const insertUpdate = db.prepare<[string, string, Uint8Array]>('INSERT INTO board_updates (board_id, doc, data) VALUES (?, ?, ?)')
  const selectUpdates = db.prepare<[string, string], { seq: number; data: Buffer }>(
    'SELECT seq, data FROM board_updates WHERE board_id = ? AND doc = ? ORDER BY seq',
  )
  const deleteUpTo = db.prepare('DELETE FROM board_updates WHERE board_id = ? AND doc = ? AND seq <= ?')
  const selectAnyUpTo = db.prepare<[string, string, number], { found: 1 }>(
    'SELECT 1 AS found FROM board_updates WHERE board_id = ? AND doc = ? AND seq <= ? LIMIT 1',
  )
  const summarizeDoc = db.prepare<[string, string], { n: number; last: number | null; bytes: number | null }>(
    'SELECT COUNT(*) AS n, MAX(seq) AS last, SUM(length(data)) AS bytes FROM board_updates WHERE board_id = ? AND doc = ?',
  )
  const selectDocs = db.prepare<[string, string, string], { doc: string }>(
    "SELECT DISTINCT doc FROM board_updates WHERE board_id = ? AND doc <> '' AND substr(doc, 1, length(?)) = ? ORDER BY doc",
  )
  const deleteDocRows = db.prepare('DELETE FROM board_updates WHERE board_id = ? AND doc = ?')
  const updateToken = db.prepare('UPDATE board_tokens SET token_hash = ? WHERE board_id = ? AND role = ?')
  const selectStale = db.prepare<[number, number], { id: string }>(
    'SELECT id FROM boards WHERE last_opened_at < ? ORDER BY last_opened_at LIMIT ?',
  )
  // Child rows first, explicitly: the foreign keys cascade too, but this way the list of what a
  // board leaves behind is right here.
  const deleteBoardRows = [
    db.prepare('DELETE FROM board_updates WHERE board_id = ?'),
    db.prepare('DELETE FROM board_votes WHERE board_id = ?'),
    db.prepare('DELETE FROM board_snapshots WHERE board_id = ?'),
    db.prepare('DELETE FROM board_assets WHERE board_id = ?'),
    db.prepare('DELETE FROM board_tokens WHERE board_id = ?'),
  ]
  const deleteBoardRow = db.prepare('DELETE FROM boards WHERE id = ?')
  /** One attempt at emptying the WAL; the short wait holds only for this statement. */
  const truncateWal = (): boolean => {
    db.pragma(`busy_timeout = ${TRUNCATE_BUSY_TIMEOUT_MS}`)
    try {
      const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>
      return result?.busy === 0
    } finally {
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    }
  }
  const deleteBoardTx = db.transaction((id: string): boolean => {
    for (const statement of deleteBoardRows) statement.run(id)
    return deleteBoardRow.run(id).changes > 0
  })

  const insertVote = db.prepare('INSERT INTO board_votes (board_id, round_id, voter, shape_id) VALUES (?, ?, ?, ?)')
  const countVoter = db.prepare<[string, string, string], { n: number }>(
    'SELECT COUNT(*) AS n FROM board_votes WHERE board_id = ? AND round_id = ? AND voter = ?',
  )
  const countVoterShape = db.prepare<[string, string, string, string], { n: number }>(
    'SELECT COUNT(*) AS n FROM board_votes WHERE board_id = ? AND round_id = ? AND voter = ? AND shape_id = ?',
  )
  const deleteOneVote = db.prepare(
    'DELETE FROM board_votes WHERE seq = (SELECT MAX(seq) FROM board_votes WHERE board_id = ? AND round_id = ? AND voter = ? AND shape_id = ?)',
  )
  const selectBallot = db.prepare<[string, string, string], { shape_id: string; n: number }>(
    'SELECT shape_id, COUNT(*) AS n FROM board_votes WHERE board_id = ? AND round_id = ? AND voter = ? GROUP BY shape_id',
  )
  const selectTotals = db.prepare<[string, string], { shape_id: string; n: number }>(
    'SELECT shape_id, COUNT(*) AS n FROM board_votes WHERE board_id = ? AND round_id = ? GROUP BY shape_id',
  )
  const countVoters = db.prepare<[string, string], { n: number }>(
    'SELECT COUNT(DISTINCT voter) AS n FROM board_votes WHERE board_id = ? AND round_id = ?',
  )
  const selectVoters = db.prepare<[string, string], { voter: string }>('SELECT DISTINCT voter FROM board_votes WHERE board_id = ? AND round_id = ? ORDER BY voter')
  // Synchronous, so no other vote can come between the counts and the insert.
  const addVoteTx = db.transaction((vote: VoteKey, limits: VoteLimits): boolean => {
    const { boardId, roundId, voter, shapeId } = vote
    if ((countVoter.get(boardId, roundId, voter)?.n ?? 0) >= limits.perPerson) return false
    if ((countVoterShape.get(boardId, roundId, voter, shapeId)?.n ?? 0) >= limits.perShape) return false
    insertVote.run(boardId, roundId, voter, shapeId)
    return true
  })

  const insertAsset = db.prepare(
    'INSERT INTO board_assets (id, board_id, content_type, size, created_at) VALUES (?, ?, ?, ?, ?)',
  )
  const selectAsset = db.prepare<[string, string], { id: string; board_id: string; content_type: string; size: number; created_at: number }>(
    'SELECT * FROM board_assets WHERE board_id = ? AND id = ?',
  )

  interface TemplateRow {
    id: string
    title: string
    description: string
    locale: string
    model: string
    created_at: number
    hidden: number
  }
  const insertTemplate = db.prepare('INSERT INTO own_templates (id, title, description, locale, model, created_at, hidden) VALUES (?, ?, ?, ?, ?, ?, ?)')
  const selectTemplates = db.prepare<[number], Omit<TemplateRow, 'model'>>(
    'SELECT id, title, description, locale, created_at, hidden FROM own_templates WHERE hidden = 0 OR ? = 1 ORDER BY created_at DESC, id',
  )
  const selectTemplate = db.prepare<[string], TemplateRow>('SELECT * FROM own_templates WHERE id = ?')
  const updateTemplateHidden = db.prepare('UPDATE own_templates SET hidden = ? WHERE id = ?')
  const deleteTemplateRow = db.prepare('DELETE FROM own_templates WHERE id = ?')
  const templateSummary = (row: Omit<TemplateRow, 'model'>): OwnTemplateSummaryRecord => ({
    id: row.id,
    title: row.title,
    description: row.description,
    locale: row.locale,
    createdAt: row.created_at,
    hidden: row.hidden === 1,
  })
  const selectAssetUsage = db.prepare<[string], { n: number; bytes: number | null }>(
    'SELECT COUNT(*) AS n, SUM(size) AS bytes FROM board_assets WHERE board_id = ?',
  )
  const insertSnapshot = db.prepare(
    'INSERT INTO board_snapshots (id, board_id, name, author, kind, created_at, size, board_state, structure_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const selectSnapshots = db.prepare<[string], SnapshotRow>(
    'SELECT id, board_id, name, author, kind, created_at, size FROM board_snapshots WHERE board_id = ? ORDER BY created_at DESC, rowid DESC',
  )
  const selectSnapshot = db.prepare<[string, string], SnapshotRow & { board_state: Buffer; structure_state: Buffer }>(
    'SELECT * FROM board_snapshots WHERE board_id = ? AND id = ?',
  )
  const deleteSnapshotRow = db.prepare('DELETE FROM board_snapshots WHERE board_id = ? AND id = ?')

  const createBoardTx = db.transaction((board: NewBoard) => {
    insertBoard.run(board.id, board.title, board.template, board.createdAt, board.lastOpenedAt)
    for (const [role, hash] of Object.entries(board.tokenHashes)) insertToken.run(hash, board.id, role)
    insertUpdate.run(board.id, '', board.initialUpdate)
    for (const [doc, update] of Object.entries(board.otherDocs ?? {})) insertUpdate.run(board.id, doc, update)
  })
  // Appends of one event-loop turn share a commit; see GroupCommit.
  const appends = new GroupCommit<{ key: DocKey; update: Uint8Array }>(
    db.transaction((rows: readonly { key: DocKey; update: Uint8Array }[]) => {
      for (const row of rows) insertUpdate.run(row.key.boardId, row.key.doc, row.update)
    }),
    commitSpacingMs,
  )
  const replaceTx = db.transaction((name: string, upToSeq: number, merged: Uint8Array) => {
    const { boardId, doc } = storageKeyOf(name)
    // Nothing left up to upToSeq: these rows were merged already (see Storage.replaceUpdates).
    if (!selectAnyUpTo.get(boardId, doc, upToSeq)) return
    // Inserted while the row numbered upToSeq still exists, so the merged row is numbered above it
    // (rowids are reused only past the table's highest row).
    insertUpdate.run(boardId, doc, merged)
    deleteUpTo.run(boardId, doc, upToSeq)
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
    async deleteBoard(id) {
      // Appends waiting for this turn's commit go first; they are deleted with the rest.
      appends.flush()
      const existed = deleteBoardTx(id)
      // The WAL still holds the pages as they were before the delete; copy the zeroed ones into
      // the database file and empty it. SQLite refuses at once while another checkpoint runs (the
      // worker's take milliseconds), so try again a few times. Best effort after that: a reader in
      // another process can keep it busy. A reader makes SQLite wait (its busy timeout, on the
      // event loop), so that wait is cut short here.
      for (let attempt = 0; attempt < TRUNCATE_ATTEMPTS; attempt++) {
        if (truncateWal()) break
        await new Promise((resolve) => setTimeout(resolve, TRUNCATE_RETRY_MS))
      }
      return existed
    },
    async boardsOpenedBefore(openedBefore, limit) {
      return selectStale.all(openedBefore, limit).map((row) => row.id)
    },
    async replaceToken(boardId, role, tokenHash) {
      updateToken.run(tokenHash, boardId, role)
    },
    async appendUpdate(name, update) {
      // Read before joining the batch: a bad name fails its own append, not the whole commit.
      return appends.add({ key: storageKeyOf(name), update })
    },
    async loadUpdates(name): Promise<StoredUpdates> {
      const { boardId, doc } = storageKeyOf(name)
      const rows = selectUpdates.all(boardId, doc)
      return {
        updates: rows.map((r) => new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength)),
        lastSeq: rows.length ? rows[rows.length - 1]!.seq : 0,
      }
    },
    async replaceUpdates(name, upToSeq, merged) {
      replaceTx(name, upToSeq, merged)
    },
    async summarizeUpdates(name) {
      const { boardId, doc } = storageKeyOf(name)
      const row = summarizeDoc.get(boardId, doc)
      return { count: row?.n ?? 0, lastSeq: row?.last ?? 0, bytes: row?.bytes ?? 0 }
    },
    async listDocs(boardId, prefix) {
      return selectDocs.all(boardId, prefix, prefix).map((row) => `${boardId}/${row.doc}`)
    },
    async deleteDoc(name) {
      const { boardId, doc } = storageKeyOf(name)
      deleteDocRows.run(boardId, doc)
    },
    async addVote(vote, limits) {
      return addVoteTx(vote, limits)
    },
    async removeVote({ boardId, roundId, voter, shapeId }) {
      return deleteOneVote.run(boardId, roundId, voter, shapeId).changes > 0
    },
    async ballot(boardId, roundId, voter) {
      return Object.fromEntries(selectBallot.all(boardId, roundId, voter).map((row) => [row.shape_id, row.n]))
    },
    async voteTotals(boardId, roundId) {
      return {
        totals: Object.fromEntries(selectTotals.all(boardId, roundId).map((row) => [row.shape_id, row.n])),
        voters: countVoters.get(boardId, roundId)?.n ?? 0,
      }
    },
    async addSnapshot(snapshot) {
      insertSnapshot.run(
        snapshot.id,
        snapshot.boardId,
        snapshot.name,
        snapshot.author,
        snapshot.kind,
        snapshot.createdAt,
        snapshot.size,
        snapshot.board,
        snapshot.structure,
      )
    },
    async listSnapshots(boardId) {
      return selectSnapshots.all(boardId).map(snapshotInfo)
    },
    async getSnapshot(boardId, id): Promise<StoredSnapshot | null> {
      const row = selectSnapshot.get(boardId, id)
      if (!row) return null
      return { ...snapshotInfo(row), board: bufferBytes(row.board_state), structure: bufferBytes(row.structure_state) }
    },
    async deleteSnapshot(boardId, id) {
      return deleteSnapshotRow.run(boardId, id).changes > 0
    },
    async roundVoters(boardId, roundId) {
      return selectVoters.all(boardId, roundId).map((row) => row.voter)
    },
    async addAsset(asset) {
      insertAsset.run(asset.id, asset.boardId, asset.contentType, asset.size, asset.createdAt)
    },
    async getAsset(boardId, id): Promise<AssetRecord | null> {
      const row = selectAsset.get(boardId, id)
      if (!row) return null
      return { id: row.id, boardId: row.board_id, contentType: row.content_type, size: row.size, createdAt: row.created_at }
    },
    async addOwnTemplate(template) {
      insertTemplate.run(template.id, template.title, template.description, template.locale, template.model, template.createdAt, template.hidden ? 1 : 0)
    },
    async listOwnTemplates({ includeHidden }) {
      return selectTemplates.all(includeHidden ? 1 : 0).map(templateSummary)
    },
    async getOwnTemplate(id): Promise<OwnTemplateRecord | null> {
      const row = selectTemplate.get(id)
      return row ? { ...templateSummary(row), model: row.model } : null
    },
    async setOwnTemplateHidden(id, hidden) {
      return updateTemplateHidden.run(hidden ? 1 : 0, id).changes > 0
    },
    async deleteOwnTemplate(id) {
      return deleteTemplateRow.run(id).changes > 0
    },
    async assetUsage(boardId) {
      const row = selectAssetUsage.get(boardId)
      return { count: row?.n ?? 0, bytes: row?.bytes ?? 0 }
    },
    async ping() {
      db.prepare('SELECT 1').get()
    },
    async close() {
      if (checkpointerDue) clearTimeout(checkpointerDue)
      await checkpointer?.stop()
      if (db.open) appends.flush()
      if (db.open) db.close()
    },
  }
}
