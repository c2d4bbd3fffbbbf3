/**
 * PostgreSQL storage (`pg`), used when DATABASE_URL is set so several server instances share one
 * database. Same contract as SQLite (see storage.ts), with two things that only matter when more
 * than one process writes:
 *
 * - `seq` is numbered per board from `boards.last_seq`, incremented in the same statement that
 *   inserts the update. That statement row-locks the board, so appends to one board commit in
 *   `seq` order: whoever sees update N also sees every update below N. A global sequence would
 *   not give that (N+1 can commit before N), and compaction could then delete an update it never
 *   merged.
 * - `replaceUpdates` runs in one transaction under a per-board advisory lock, so two instances
 *   compacting the same board take turns; each deletes only rows up to the `seq` it merged.
 *
 * Schema changes are numbered migrations applied at start-up under an advisory lock (two
 * instances starting together apply them once); new tables (votes, …) are a new entry.
 */
import pg from 'pg'
import { isRole, type Role } from '../../shared/roles.ts'
import type { Logger } from '../log.ts'
import { storageKeyOf } from './doc-name.ts'
import { isSnapshotKind } from '../../shared/session/snapshots.ts'
import type { AssetRecord, BoardRecord, NewBoard, OwnTemplateRecord, OwnTemplateSummaryRecord, Storage, StoredSnapshot, StoredSnapshotInfo, StoredUpdates } from './storage.ts'

const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE boards (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    template TEXT,
    created_at BIGINT NOT NULL,
    last_opened_at BIGINT NOT NULL,
    last_seq BIGINT NOT NULL DEFAULT 0
  );
  CREATE TABLE board_tokens (
    token_hash TEXT PRIMARY KEY,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    role TEXT NOT NULL
  );
  CREATE INDEX board_tokens_board ON board_tokens(board_id);
  CREATE TABLE board_updates (
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    seq BIGINT NOT NULL,
    data BYTEA NOT NULL,
    PRIMARY KEY (board_id, seq)
  );
  CREATE TABLE board_assets (
    id TEXT NOT NULL,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (board_id, id)
  );
  `,
  // A board's other documents (structure, control, private notes) and dot votes.
  `
  ALTER TABLE board_updates ADD COLUMN doc TEXT NOT NULL DEFAULT '';
  CREATE INDEX board_updates_doc ON board_updates(board_id, doc, seq);
  CREATE TABLE board_votes (
    id BIGSERIAL PRIMARY KEY,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    round_id TEXT NOT NULL,
    voter TEXT NOT NULL,
    shape_id TEXT NOT NULL
  );
  CREATE INDEX board_votes_voter ON board_votes(board_id, round_id, voter);
  `,
  // The retention sweep looks boards up by when they were last opened.
  `
  CREATE INDEX boards_last_opened ON boards(last_opened_at);
  `,
  // Templates this installation's facilitators saved (own templates).
  `
  CREATE TABLE IF NOT EXISTS own_templates (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    locale TEXT NOT NULL,
    model TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    hidden BOOLEAN NOT NULL DEFAULT FALSE
  );
  `,
  // Snapshots (momentopnamen) of a board: its records at one moment, encoded (shared/session/snapshots.ts).
  `
  CREATE TABLE IF NOT EXISTS board_snapshots (
    id TEXT NOT NULL,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    author TEXT,
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    size BIGINT NOT NULL,
    board_state BYTEA NOT NULL,
    structure_state BYTEA NOT NULL,
    PRIMARY KEY (board_id, id)
  );
  CREATE INDEX IF NOT EXISTS board_snapshots_created ON board_snapshots(board_id, created_at);
  `,
]

/** Arbitrary constant naming the migration lock (pg advisory locks are keyed by a bigint). */
const MIGRATION_LOCK = 7_460_312_001

/** $1 board id, $2 data, $3 doc ('' for the board itself). `seq` is per board, across its documents. */
const APPEND = `
  WITH next AS (UPDATE boards SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq)
  INSERT INTO board_updates (board_id, doc, seq, data) SELECT $1, $3, last_seq, $2 FROM next`

interface BoardRow {
  id: string
  title: string
  template: string | null
  created_at: string
  last_opened_at: string
}

interface AssetRow {
  id: string
  board_id: string
  content_type: string
  size: string
  created_at: string
}

interface TemplateRow {
  id: string
  title: string
  description: string
  locale: string
  model?: string
  created_at: string
  hidden: boolean
}

const templateSummary = (row: TemplateRow): OwnTemplateSummaryRecord => ({
  id: row.id,
  title: row.title,
  description: row.description,
  locale: row.locale,
  createdAt: Number(row.created_at),
  hidden: row.hidden,
})

interface SnapshotRow {
  id: string
  board_id: string
  name: string
  author: string | null
  kind: string
  created_at: string
  size: string
}

function snapshotInfo(row: SnapshotRow): StoredSnapshotInfo {
  return {
    id: row.id,
    boardId: row.board_id,
    name: row.name,
    author: row.author,
    // Written only by addSnapshot, from a checked kind.
    kind: isSnapshotKind(row.kind) ? row.kind : 'manual',
    createdAt: Number(row.created_at),
    size: Number(row.size),
  }
}

const bytes = (data: Uint8Array): Buffer => Buffer.from(data.buffer, data.byteOffset, data.byteLength)

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)')
    const { rows } = await client.query<{ version: number }>('SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations')
    for (let version = rows[0]!.version + 1; version <= MIGRATIONS.length; version++) {
      await client.query('BEGIN')
      try {
        await client.query(MIGRATIONS[version - 1]!)
        await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [version, Date.now()])
        await client.query('COMMIT')
      } catch (error) {
        await client.query('ROLLBACK')
        throw error
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined)
    client.release()
  }
}

/** Runs `work` in a transaction on one pooled client. */
async function transaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const result = await work(client)
    await client.query('COMMIT')
    return result
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  } finally {
    client.release()
  }
}

export async function openPostgresStorage(connectionString: string, log: Logger): Promise<Storage> {
  const pool = new pg.Pool({ connectionString, max: 10, connectionTimeoutMillis: 10_000 })
  // An idle client losing its connection (database restart) emits here; without a listener the
  // process would crash. The pool replaces the client; queries in flight fail and are retried by
  // their callers (a room marks itself broken and reloads).
  pool.on('error', (error) => log.warn({ err: error }, 'postgres connection lost'))
  try {
    await migrate(pool)
  } catch (error) {
    await pool.end()
    throw error
  }

  return {
    async createBoard(board: NewBoard) {
      await transaction(pool, async (client) => {
        await client.query(
          'INSERT INTO boards (id, title, template, created_at, last_opened_at) VALUES ($1, $2, $3, $4, $5)',
          [board.id, board.title, board.template, board.createdAt, board.lastOpenedAt],
        )
        for (const [role, hash] of Object.entries(board.tokenHashes)) {
          await client.query('INSERT INTO board_tokens (token_hash, board_id, role) VALUES ($1, $2, $3)', [hash, board.id, role])
        }
        await client.query(APPEND, [board.id, bytes(board.initialUpdate), ''])
        for (const [doc, update] of Object.entries(board.otherDocs ?? {})) await client.query(APPEND, [board.id, bytes(update), doc])
      })
    },
    async getBoard(id): Promise<BoardRecord | null> {
      const { rows } = await pool.query<BoardRow>(
        'SELECT id, title, template, created_at, last_opened_at FROM boards WHERE id = $1',
        [id],
      )
      const row = rows[0]
      if (!row) return null
      return {
        id: row.id,
        title: row.title,
        template: row.template,
        createdAt: Number(row.created_at),
        lastOpenedAt: Number(row.last_opened_at),
      }
    },
    async findRole(boardId, tokenHash): Promise<Role | null> {
      const { rows } = await pool.query<{ role: string }>(
        'SELECT role FROM board_tokens WHERE token_hash = $1 AND board_id = $2',
        [tokenHash, boardId],
      )
      const role = rows[0]?.role
      return isRole(role) ? role : null
    },
    async touchBoard(id, at) {
      await pool.query('UPDATE boards SET last_opened_at = $1 WHERE id = $2', [at, id])
    },
    async deleteBoard(id) {
      return transaction(pool, async (client) => {
        // Child rows first, then the board: the same lock order as a compaction (its update rows,
        // then the board row), so the two cannot deadlock. A row inserted meanwhile (an append or a
        // merged update committing between these statements) row-locks the board, so deleting the
        // board waits for it, and the foreign key's cascade then removes it too.
        for (const table of ['board_updates', 'board_votes', 'board_snapshots', 'board_assets', 'board_tokens']) {
          await client.query(`DELETE FROM ${table} WHERE board_id = $1`, [id])
        }
        const deleted = await client.query('DELETE FROM boards WHERE id = $1', [id])
        return deleted.rowCount === 1
      })
    },
    async boardsOpenedBefore(openedBefore, limit) {
      const { rows } = await pool.query<{ id: string }>(
        'SELECT id FROM boards WHERE last_opened_at < $1 ORDER BY last_opened_at LIMIT $2',
        [openedBefore, limit],
      )
      return rows.map((row) => row.id)
    },
    async replaceToken(boardId, role, tokenHash) {
      await pool.query('UPDATE board_tokens SET token_hash = $1 WHERE board_id = $2 AND role = $3', [tokenHash, boardId, role])
    },
    async appendUpdate(name, update) {
      const { boardId, doc } = storageKeyOf(name)
      // Autocommit: the statement is committed (and fsynced, by the server's defaults) when the
      // query resolves.
      const result = await pool.query(APPEND, [boardId, bytes(update), doc])
      if (result.rowCount !== 1) throw new Error(`no board ${boardId} to append to`)
    },
    async loadUpdates(name): Promise<StoredUpdates> {
      const { boardId, doc } = storageKeyOf(name)
      const { rows } = await pool.query<{ seq: string; data: Buffer }>(
        'SELECT seq, data FROM board_updates WHERE board_id = $1 AND doc = $2 ORDER BY seq',
        [boardId, doc],
      )
      return {
        updates: rows.map((r) => new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength)),
        lastSeq: rows.length ? Number(rows[rows.length - 1]!.seq) : 0,
      }
    },
    async replaceUpdates(name, upToSeq, merged) {
      const { boardId, doc } = storageKeyOf(name)
      await transaction(pool, async (client) => {
        await client.query("SELECT pg_advisory_xact_lock(hashtext('regiebord:compact:' || $1))", [name])
        const deleted = await client.query('DELETE FROM board_updates WHERE board_id = $1 AND doc = $2 AND seq <= $3', [boardId, doc, upToSeq])
        // Nothing left up to upToSeq: another instance merged exactly these rows already.
        if (deleted.rowCount === 0) return
        await client.query(APPEND, [boardId, bytes(merged), doc])
      })
    },
    async summarizeUpdates(name) {
      const { boardId, doc } = storageKeyOf(name)
      const { rows } = await pool.query<{ n: string; last: string | null; bytes: string | null }>(
        'SELECT COUNT(*) AS n, MAX(seq) AS last, SUM(octet_length(data)) AS bytes FROM board_updates WHERE board_id = $1 AND doc = $2',
        [boardId, doc],
      )
      return { count: Number(rows[0]!.n), lastSeq: Number(rows[0]!.last ?? 0), bytes: Number(rows[0]!.bytes ?? 0) }
    },
    async listDocs(boardId, prefix) {
      const { rows } = await pool.query<{ doc: string }>(
        "SELECT DISTINCT doc FROM board_updates WHERE board_id = $1 AND doc <> '' AND starts_with(doc, $2) ORDER BY doc",
        [boardId, prefix],
      )
      return rows.map((row) => `${boardId}/${row.doc}`)
    },
    async deleteDoc(name) {
      const { boardId, doc } = storageKeyOf(name)
      await pool.query('DELETE FROM board_updates WHERE board_id = $1 AND doc = $2', [boardId, doc])
    },
    async addVote({ boardId, roundId, voter, shapeId }, limits) {
      return transaction(pool, async (client) => {
        // One voter's votes take turns, across instances: the counts below stay true until commit.
        await client.query("SELECT pg_advisory_xact_lock(hashtext('regiebord:vote:' || $1 || ':' || $2))", [boardId, voter])
        const { rows } = await client.query<{ mine: string; here: string }>(
          'SELECT COUNT(*) AS mine, COUNT(*) FILTER (WHERE shape_id = $4) AS here FROM board_votes WHERE board_id = $1 AND round_id = $2 AND voter = $3',
          [boardId, roundId, voter, shapeId],
        )
        if (Number(rows[0]!.mine) >= limits.perPerson || Number(rows[0]!.here) >= limits.perShape) return false
        await client.query('INSERT INTO board_votes (board_id, round_id, voter, shape_id) VALUES ($1, $2, $3, $4)', [boardId, roundId, voter, shapeId])
        return true
      })
    },
    async removeVote({ boardId, roundId, voter, shapeId }) {
      const result = await pool.query(
        'DELETE FROM board_votes WHERE id = (SELECT MAX(id) FROM board_votes WHERE board_id = $1 AND round_id = $2 AND voter = $3 AND shape_id = $4)',
        [boardId, roundId, voter, shapeId],
      )
      return (result.rowCount ?? 0) > 0
    },
    async ballot(boardId, roundId, voter) {
      const { rows } = await pool.query<{ shape_id: string; n: string }>(
        'SELECT shape_id, COUNT(*) AS n FROM board_votes WHERE board_id = $1 AND round_id = $2 AND voter = $3 GROUP BY shape_id',
        [boardId, roundId, voter],
      )
      return Object.fromEntries(rows.map((row) => [row.shape_id, Number(row.n)]))
    },
    async voteTotals(boardId, roundId) {
      const { rows } = await pool.query<{ shape_id: string; n: string }>(
        'SELECT shape_id, COUNT(*) AS n FROM board_votes WHERE board_id = $1 AND round_id = $2 GROUP BY shape_id',
        [boardId, roundId],
      )
      const voters = await pool.query<{ n: string }>('SELECT COUNT(DISTINCT voter) AS n FROM board_votes WHERE board_id = $1 AND round_id = $2', [boardId, roundId])
      return { totals: Object.fromEntries(rows.map((row) => [row.shape_id, Number(row.n)])), voters: Number(voters.rows[0]!.n) }
    },
    async addSnapshot(snapshot) {
      await pool.query(
        'INSERT INTO board_snapshots (id, board_id, name, author, kind, created_at, size, board_state, structure_state) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
        [snapshot.id, snapshot.boardId, snapshot.name, snapshot.author, snapshot.kind, snapshot.createdAt, snapshot.size, bytes(snapshot.board), bytes(snapshot.structure)],
      )
    },
    async listSnapshots(boardId) {
      const { rows } = await pool.query<SnapshotRow>(
        'SELECT id, board_id, name, author, kind, created_at, size FROM board_snapshots WHERE board_id = $1 ORDER BY created_at DESC, id DESC',
        [boardId],
      )
      return rows.map(snapshotInfo)
    },
    async getSnapshot(boardId, id): Promise<StoredSnapshot | null> {
      const { rows } = await pool.query<SnapshotRow & { board_state: Buffer; structure_state: Buffer }>(
        'SELECT * FROM board_snapshots WHERE board_id = $1 AND id = $2',
        [boardId, id],
      )
      const row = rows[0]
      if (!row) return null
      const view = (data: Buffer) => new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      return { ...snapshotInfo(row), board: view(row.board_state), structure: view(row.structure_state) }
    },
    async deleteSnapshot(boardId, id) {
      const result = await pool.query('DELETE FROM board_snapshots WHERE board_id = $1 AND id = $2', [boardId, id])
      return (result.rowCount ?? 0) > 0
    },
    async roundVoters(boardId, roundId) {
      const { rows } = await pool.query<{ voter: string }>('SELECT DISTINCT voter FROM board_votes WHERE board_id = $1 AND round_id = $2 ORDER BY voter', [boardId, roundId])
      return rows.map((row) => row.voter)
    },
    async addAsset(asset) {
      await pool.query(
        'INSERT INTO board_assets (id, board_id, content_type, size, created_at) VALUES ($1, $2, $3, $4, $5)',
        [asset.id, asset.boardId, asset.contentType, asset.size, asset.createdAt],
      )
    },
    async getAsset(boardId, id): Promise<AssetRecord | null> {
      const { rows } = await pool.query<AssetRow>('SELECT * FROM board_assets WHERE board_id = $1 AND id = $2', [boardId, id])
      const row = rows[0]
      if (!row) return null
      return { id: row.id, boardId: row.board_id, contentType: row.content_type, size: Number(row.size), createdAt: Number(row.created_at) }
    },
    async addOwnTemplate(template) {
      await pool.query('INSERT INTO own_templates (id, title, description, locale, model, created_at, hidden) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        template.id,
        template.title,
        template.description,
        template.locale,
        template.model,
        template.createdAt,
        template.hidden,
      ])
    },
    async listOwnTemplates({ includeHidden }) {
      const { rows } = await pool.query<TemplateRow>(
        'SELECT id, title, description, locale, created_at, hidden FROM own_templates WHERE NOT hidden OR $1 ORDER BY created_at DESC, id',
        [includeHidden],
      )
      return rows.map(templateSummary)
    },
    async getOwnTemplate(id): Promise<OwnTemplateRecord | null> {
      const { rows } = await pool.query<TemplateRow>('SELECT * FROM own_templates WHERE id = $1', [id])
      const row = rows[0]
      return row ? { ...templateSummary(row), model: row.model ?? '' } : null
    },
    async setOwnTemplateHidden(id, hidden) {
      const result = await pool.query('UPDATE own_templates SET hidden = $1 WHERE id = $2', [hidden, id])
      return (result.rowCount ?? 0) > 0
    },
    async deleteOwnTemplate(id) {
      const result = await pool.query('DELETE FROM own_templates WHERE id = $1', [id])
      return (result.rowCount ?? 0) > 0
    },
    async assetUsage(boardId) {
      const { rows } = await pool.query<{ n: string; bytes: string | null }>('SELECT COUNT(*) AS n, SUM(size) AS bytes FROM board_assets WHERE board_id = $1', [boardId])
      return { count: Number(rows[0]!.n), bytes: Number(rows[0]!.bytes ?? 0) }
    },
    async ping() {
      await pool.query('SELECT 1')
    },
    async close() {
      await pool.end()
    },
  }
}
