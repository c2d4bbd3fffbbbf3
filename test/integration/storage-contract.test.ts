/**
 * The Storage contract, run against every implementation: SQLite (a temp file) and PostgreSQL (a
 * real server started for this file). Whatever the room and HTTP code rely on is stated here once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { generateBoardId } from '../../server/boards/tokens.ts'
import { createLogger } from '../../server/log.ts'
import { mergeUpdatesWithGc } from '../../server/rooms/compaction.ts'
import { openPostgresStorage } from '../../server/storage/postgres.ts'
import { openSqliteStorage } from '../../server/storage/sqlite.ts'
import type { NewBoard, Storage } from '../../server/storage/storage.ts'
import { newBoardRecord } from '../helpers/new-board.ts'
import { tempDataDir } from '../helpers/server.ts'
import { createDatabase, servicesUnavailableReason, startPostgres, type Service } from '../helpers/services.ts'

interface Backend {
  /** A handle on the shared store; a second call is a second "instance" on the same data. */
  open(): Promise<Storage>
  /** Rows per table that mention the board, counted with plain SQL rather than through Storage. */
  rowsOf(boardId: string): Promise<Record<string, number>>
  /** Rows of one more table (snapshots) that mention the board. */
  rowsIn(table: string, boardId: string): Promise<number>
  teardown(): Promise<void>
}

const BOARD_TABLES = ['boards', 'board_tokens', 'board_updates', 'board_votes', 'board_assets'] as const
const boardColumn = (table: string) => (table === 'boards' ? 'id' : 'board_id')

const log = createLogger('silent')

function sqliteBackend(): Backend {
  const dir = tempDataDir()
  return {
    open: async () => openSqliteStorage(dir),
    async rowsOf(boardId) {
      const db = new Database(path.join(dir, 'regiebord.sqlite'), { readonly: true })
      try {
        return Object.fromEntries(
          BOARD_TABLES.map((table) => [table, (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${boardColumn(table)} = ?`).get(boardId) as { n: number }).n]),
        )
      } finally {
        db.close()
      }
    },
    async rowsIn(table, boardId) {
      const db = new Database(path.join(dir, 'regiebord.sqlite'), { readonly: true })
      try {
        return (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE board_id = ?`).get(boardId) as { n: number }).n
      } finally {
        db.close()
      }
    },
    teardown: async () => undefined,
  }
}

let postgres: Service | null = null
let databases = 0
async function postgresBackend(): Promise<Backend> {
  postgres ??= await startPostgres()
  const url = await createDatabase(postgres.url, `contract_${++databases}`)
  return {
    open: () => openPostgresStorage(url, log),
    async rowsOf(boardId) {
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        const counts: Record<string, number> = {}
        for (const table of BOARD_TABLES) {
          const { rows } = await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${table} WHERE ${boardColumn(table)} = $1`, [boardId])
          counts[table] = Number(rows[0]!.n)
        }
        return counts
      } finally {
        await client.end()
      }
    },
    async rowsIn(table, boardId) {
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        const { rows } = await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${table} WHERE board_id = $1`, [boardId])
        return Number(rows[0]!.n)
      } finally {
        await client.end()
      }
    },
    teardown: async () => undefined,
  }
}

afterAll(async () => {
  await postgres?.stop()
})

/** What a room does on compaction: merge the stored log up to its last seq into one update. */
async function compactLog(handle: Storage, doc: string): Promise<void> {
  const { updates, lastSeq } = await handle.loadUpdates(doc)
  if (updates.length > 1) await handle.replaceUpdates(doc, lastSeq, mergeUpdatesWithGc(updates))
}

/** An update that sets one key, from its own document, as clients produce them. */
function setKey(key: string, value: unknown): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('m').set(key, value)
  return Y.encodeStateAsUpdate(doc)
}

function mapOf(updates: readonly Uint8Array[]): Record<string, unknown> {
  const doc = new Y.Doc()
  for (const update of updates) Y.applyUpdate(doc, update)
  return doc.getMap('m').toJSON()
}

function newBoard(overrides: Partial<NewBoard> = {}): NewBoard {
  return newBoardRecord({
    title: 'Contract',
    createdAt: 1_700_000_000_000,
    lastOpenedAt: 1_700_000_000_000,
    initialUpdate: setKey('title', 'Contract'),
    ...overrides,
  })
}

const backends: Array<[string, () => Promise<Backend>, () => string | null]> = [
  ['SQLite', async () => sqliteBackend(), () => null],
  ['PostgreSQL', postgresBackend, servicesUnavailableReason],
]

for (const [name, makeBackend, unavailable] of backends) {
  describe.skipIf(unavailable() !== null)(`Storage contract: ${name}`, () => {
    let backend: Backend
    let storage: Storage
    const opened: Storage[] = []

    beforeAll(async () => {
      backend = await makeBackend()
      storage = await backend.open()
      opened.push(storage)
    })
    afterAll(async () => {
      for (const handle of opened) await handle.close()
      await backend.teardown()
    })

    it('creates a board and reads it back; an unknown id is null', async () => {
      const board = newBoard({ title: 'Wijkavond', template: 'bel-combinatie' })
      await storage.createBoard(board)
      expect(await storage.getBoard(board.id)).toEqual({
        id: board.id,
        title: 'Wijkavond',
        template: 'bel-combinatie',
        createdAt: board.createdAt,
        lastOpenedAt: board.lastOpenedAt,
      })
      expect(await storage.getBoard('nosuchboard99')).toBeNull()
    })

    it('finds the role of each token hash, and nothing for a wrong hash or another board', async () => {
      const board = newBoard()
      const other = newBoard()
      await storage.createBoard(board)
      await storage.createBoard(other)
      for (const [role, hash] of Object.entries(board.tokenHashes)) expect(await storage.findRole(board.id, hash)).toBe(role)
      expect(await storage.findRole(board.id, 'f'.repeat(64))).toBeNull()
      expect(await storage.findRole(board.id, other.tokenHashes.facilitator)).toBeNull()
    })

    it('creates nothing when part of a board creation fails', async () => {
      const first = newBoard()
      await storage.createBoard(first)
      const clash = newBoard({ tokenHashes: { ...newBoard().tokenHashes, viewer: first.tokenHashes.viewer } })
      await expect(storage.createBoard(clash)).rejects.toThrow()
      expect(await storage.getBoard(clash.id)).toBeNull()
      expect((await storage.summarizeUpdates(clash.id)).count).toBe(0)
    })

    it('records when a board was last opened', async () => {
      const board = newBoard()
      await storage.createBoard(board)
      await storage.touchBoard(board.id, 1_800_000_000_000)
      expect((await storage.getBoard(board.id))?.lastOpenedAt).toBe(1_800_000_000_000)
    })

    it('keeps the initial update and appended updates in order, with the last seq', async () => {
      const board = newBoard()
      await storage.createBoard(board)
      const first = setKey('a', 1)
      await storage.appendUpdate(board.id, first)
      await storage.appendUpdate(board.id, setKey('b', 2))
      const { updates, lastSeq } = await storage.loadUpdates(board.id)
      expect(updates).toHaveLength(3)
      expect(Buffer.from(updates[1]!)).toEqual(Buffer.from(first))
      expect(lastSeq).toBeGreaterThan(0)
      expect(mapOf(updates)).toEqual({ title: 'Contract', a: 1, b: 2 })
      const bytes = updates.reduce((sum, update) => sum + update.byteLength, 0)
      expect(await storage.summarizeUpdates(board.id)).toEqual({ count: 3, lastSeq, bytes })
    })

    it('has no updates and seq 0 for an unknown board, and refuses to append to one', async () => {
      expect(await storage.loadUpdates('nosuchboard98')).toEqual({ updates: [], lastSeq: 0 })
      expect(await storage.summarizeUpdates('nosuchboard98')).toEqual({ count: 0, lastSeq: 0, bytes: 0 })
      await expect(storage.appendUpdate('nosuchboard98', setKey('x', 1))).rejects.toThrow()
    })

    it('stores every one of many concurrent appends', async () => {
      const board = newBoard()
      await storage.createBoard(board)
      await Promise.all(Array.from({ length: 200 }, (_, i) => storage.appendUpdate(board.id, setKey(`k${i}`, i))))
      const { updates } = await storage.loadUpdates(board.id)
      expect(updates).toHaveLength(201)
      expect(Object.keys(mapOf(updates))).toHaveLength(201)
    })

    it('replaces the updates up to a seq by the merged one and keeps later appends', async () => {
      const board = newBoard()
      await storage.createBoard(board)
      for (let i = 0; i < 5; i++) await storage.appendUpdate(board.id, setKey(`k${i}`, i))
      const loaded = await storage.loadUpdates(board.id)
      await storage.appendUpdate(board.id, setKey('late', true))
      await storage.replaceUpdates(board.id, loaded.lastSeq, mergeUpdatesWithGc(loaded.updates))
      const after = await storage.loadUpdates(board.id)
      expect(after.updates).toHaveLength(2)
      expect(after.lastSeq).toBeGreaterThan(loaded.lastSeq)
      expect(mapOf(after.updates)).toEqual({ title: 'Contract', k0: 0, k1: 1, k2: 2, k3: 3, k4: 4, late: true })
    })

    /** A new board with one update appended, its log merged once; what the merge read and wrote. */
    async function mergedOnce() {
      const board = newBoard()
      await storage.createBoard(board)
      await storage.appendUpdate(board.id, setKey('a', 1))
      const loaded = await storage.loadUpdates(board.id)
      const merged = mergeUpdatesWithGc(loaded.updates)
      await storage.replaceUpdates(board.id, loaded.lastSeq, merged)
      return { board, loaded, merged }
    }

    it('writes nothing when the same range was merged already', async () => {
      const { board, loaded, merged } = await mergedOnce()
      await storage.replaceUpdates(board.id, loaded.lastSeq, merged)
      expect((await storage.summarizeUpdates(board.id)).count).toBe(1)
    })

    it('numbers a merged update above the range it replaced, so a late merge of that range leaves newer rows alone', async () => {
      // The board created last holds the table's highest rows: where a rowid table reuses numbers.
      const { board, loaded, merged } = await mergedOnce()
      const afterMerge = await storage.loadUpdates(board.id)
      expect(afterMerge.lastSeq).toBeGreaterThan(loaded.lastSeq)
      await storage.appendUpdate(board.id, setKey('late', true))
      // A second compaction that read the same log (another instance, or one still running for a
      // room that was unloaded meanwhile) finishes after the first.
      await storage.replaceUpdates(board.id, loaded.lastSeq, merged)
      const after = await storage.loadUpdates(board.id)
      expect(after.updates).toHaveLength(2)
      expect(mapOf(after.updates)).toEqual({ title: 'Contract', a: 1, late: true })
    })

    it('loses no update when two instances compact one board while both keep appending', async () => {
      const board = newBoard()
      await storage.createBoard(board)
      const second = await backend.open()
      opened.push(second)
      const instances = [storage, second]
      const compact = (handle: Storage) => compactLog(handle, board.id)
      const work: Promise<void>[] = []
      for (let i = 0; i < 300; i++) {
        work.push(instances[i % 2]!.appendUpdate(board.id, setKey(`k${i}`, i)))
        if (i % 25 === 0) work.push(compact(instances[(i / 25) % 2]!), compact(instances[(i / 25 + 1) % 2]!))
      }
      await Promise.all(work)
      const expected = Object.fromEntries([['title', 'Contract'], ...Array.from({ length: 300 }, (_, i) => [`k${i}`, i])])
      expect(mapOf((await storage.loadUpdates(board.id)).updates)).toEqual(expected)
      expect(mapOf((await second.loadUpdates(board.id)).updates)).toEqual(expected)
    })

    it('stores and finds asset metadata per board', async () => {
      const board = newBoard()
      await storage.createBoard(board)
      const asset = { id: 'a'.repeat(24) + '.png', boardId: board.id, contentType: 'image/png', size: 68, createdAt: 1_700_000_000_123 }
      await storage.addAsset(asset)
      expect(await storage.getAsset(board.id, asset.id)).toEqual(asset)
      expect(await storage.getAsset(board.id, 'b'.repeat(24) + '.png')).toBeNull()
      expect(await storage.getAsset('nosuchboard97', asset.id)).toBeNull()
      // The board's upload quota is counted from these records.
      expect(await storage.assetUsage(board.id)).toEqual({ count: 1, bytes: 68 })
      await storage.addAsset({ ...asset, id: 'c'.repeat(24) + '.webm', contentType: 'video/webm', size: 1000 })
      expect(await storage.assetUsage(board.id)).toEqual({ count: 2, bytes: 1068 })
      expect(await storage.assetUsage('nosuchboard97')).toEqual({ count: 0, bytes: 0 })
    })

    it('keeps each document of a board in its own log, lists and deletes them', async () => {
      const board = newBoard()
      await storage.createBoard(board)
      const key = 'k'.repeat(43)
      await storage.appendUpdate(`${board.id}/structure`, setKey('locked', 1))
      await storage.appendUpdate(`${board.id}/private/${key}`, setKey('secret', 2))
      await storage.appendUpdate(`${board.id}/private/${'m'.repeat(43)}`, setKey('other', 3))
      expect(mapOf((await storage.loadUpdates(board.id)).updates)).toEqual({ title: 'Contract' })
      expect(mapOf((await storage.loadUpdates(`${board.id}/structure`)).updates)).toEqual({ locked: 1 })
      expect(mapOf((await storage.loadUpdates(`${board.id}/private/${key}`)).updates)).toEqual({ secret: 2 })
      expect((await storage.summarizeUpdates(`${board.id}/structure`)).count).toBe(1)
      expect(await storage.listDocs(board.id, 'private/')).toEqual([`${board.id}/private/${key}`, `${board.id}/private/${'m'.repeat(43)}`])

      const loaded = await storage.loadUpdates(`${board.id}/structure`)
      await storage.replaceUpdates(`${board.id}/structure`, loaded.lastSeq, mergeUpdatesWithGc(loaded.updates))
      expect(mapOf((await storage.loadUpdates(board.id)).updates)).toEqual({ title: 'Contract' })

      await storage.deleteDoc(`${board.id}/private/${key}`)
      expect((await storage.loadUpdates(`${board.id}/private/${key}`)).updates).toEqual([])
      expect(await storage.listDocs(board.id, 'private/')).toEqual([`${board.id}/private/${'m'.repeat(43)}`])
      expect((await storage.summarizeUpdates(board.id)).count).toBe(1)
    })

    it('replaces a role’s token: the old one stops working, the others keep theirs', async () => {
      const board = newBoard()
      await storage.createBoard(board)
      await storage.replaceToken(board.id, 'participant', 'fresh-hash')
      expect(await storage.findRole(board.id, board.tokenHashes.participant)).toBeNull()
      expect(await storage.findRole(board.id, 'fresh-hash')).toBe('participant')
      expect(await storage.findRole(board.id, board.tokenHashes.viewer)).toBe('viewer')
    })

    it('counts dots within the budget and per shape, and totals them per round', async () => {
      const board = newBoard()
      await storage.createBoard(board)
      const vote = (voter: string, shapeId: string, roundId = 'r1') => ({ boardId: board.id, roundId, voter, shapeId })
      const limits = { perPerson: 3, perShape: 2 }
      expect(await storage.addVote(vote('anna', 'a'), limits)).toBe(true)
      expect(await storage.addVote(vote('anna', 'a'), limits)).toBe(true)
      expect(await storage.addVote(vote('anna', 'a'), limits)).toBe(false)
      expect(await storage.addVote(vote('anna', 'b'), limits)).toBe(true)
      expect(await storage.addVote(vote('anna', 'c'), limits)).toBe(false)
      expect(await storage.addVote(vote('bram', 'b'), limits)).toBe(true)
      expect(await storage.addVote(vote('bram', 'b', 'r2'), limits)).toBe(true)
      expect(await storage.ballot(board.id, 'r1', 'anna')).toEqual({ a: 2, b: 1 })
      expect(await storage.voteTotals(board.id, 'r1')).toEqual({ totals: { a: 2, b: 2 }, voters: 2 })
      expect(await storage.roundVoters(board.id, 'r1')).toEqual(['anna', 'bram'])
      expect(await storage.roundVoters(board.id, 'nothing')).toEqual([])
      expect(await storage.removeVote(vote('anna', 'a'))).toBe(true)
      expect(await storage.removeVote(vote('anna', 'c'))).toBe(false)
      expect(await storage.ballot(board.id, 'r1', 'anna')).toEqual({ a: 1, b: 1 })
    })

    it('never lets concurrent votes of one person past the budget', async () => {
      const board = newBoard()
      await storage.createBoard(board)
      const other = await backend.open()
      opened.push(other)
      const attempts = Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? other : storage).addVote({ boardId: board.id, roundId: 'r', voter: 'eager', shapeId: `s${i % 5}` }, { perPerson: 3, perShape: 3 }),
      )
      expect((await Promise.all(attempts)).filter(Boolean)).toHaveLength(3)
      expect((await storage.voteTotals(board.id, 'r')).totals).toSatisfy((totals: Record<string, number>) => Object.values(totals).reduce((a, b) => a + b, 0) === 3)
    })

    it('creates a board together with its other documents, or none of them', async () => {
      const board = newBoard({ otherDocs: { structure: setKey('locked', 1) } })
      await storage.createBoard(board)
      expect(mapOf((await storage.loadUpdates(`${board.id}/structure`)).updates)).toEqual({ locked: 1 })
      expect(mapOf((await storage.loadUpdates(board.id)).updates)).toEqual({ title: 'Contract' })

      const clash = newBoard({ tokenHashes: { ...newBoard().tokenHashes, viewer: board.tokenHashes.viewer }, otherDocs: { structure: setKey('x', 1) } })
      await expect(storage.createBoard(clash)).rejects.toThrow()
      expect(await backend.rowsOf(clash.id)).toEqual({ boards: 0, board_tokens: 0, board_updates: 0, board_votes: 0, board_assets: 0 })
    })

    it('deletes a board with every row of it, and nothing of another board', async () => {
      const board = newBoard()
      const other = newBoard()
      await storage.createBoard(board)
      await storage.createBoard(other)
      for (const id of [board.id, other.id]) {
        await storage.appendUpdate(id, setKey('a', 1))
        await storage.appendUpdate(`${id}/structure`, setKey('locked', 1))
        await storage.appendUpdate(`${id}/control`, setKey('frozen', true))
        await storage.appendUpdate(`${id}/private/${'k'.repeat(43)}`, setKey('secret', 2))
        await storage.addVote({ boardId: id, roundId: 'r', voter: 'anna', shapeId: 'shape:a' }, { perPerson: 3, perShape: 3 })
        await storage.addAsset({ id: 'c'.repeat(24) + '.png', boardId: id, contentType: 'image/png', size: 1, createdAt: 1 })
      }
      const before = await backend.rowsOf(other.id)

      expect(await storage.deleteBoard(board.id)).toBe(true)

      expect(await backend.rowsOf(board.id)).toEqual({ boards: 0, board_tokens: 0, board_updates: 0, board_votes: 0, board_assets: 0 })
      expect(await storage.getBoard(board.id)).toBeNull()
      for (const hash of Object.values(board.tokenHashes)) expect(await storage.findRole(board.id, hash)).toBeNull()
      expect(await storage.listDocs(board.id, '')).toEqual([])
      expect(await backend.rowsOf(other.id)).toEqual(before)
      expect(before).toEqual({ boards: 1, board_tokens: 3, board_updates: 5, board_votes: 1, board_assets: 1 })
      expect(await storage.deleteBoard(board.id)).toBe(false)
    })

    it('refuses appends to a deleted board, and a compaction of it writes nothing back', async () => {
      const board = newBoard()
      await storage.createBoard(board)
      await storage.appendUpdate(board.id, setKey('a', 1))
      const loaded = await storage.loadUpdates(board.id)
      await storage.deleteBoard(board.id)
      await expect(storage.appendUpdate(board.id, setKey('b', 2))).rejects.toThrow()
      await expect(storage.appendUpdate(`${board.id}/control`, setKey('b', 2))).rejects.toThrow()
      await storage.replaceUpdates(board.id, loaded.lastSeq, mergeUpdatesWithGc(loaded.updates))
      expect(await backend.rowsOf(board.id)).toMatchObject({ boards: 0, board_updates: 0 })
    })

    it('leaves no row when a board is deleted while two instances append to it and compact it', async () => {
      const board = newBoard()
      await storage.createBoard(board)
      const second = await backend.open()
      opened.push(second)
      const instances = [storage, second]
      const compact = (handle: Storage) => compactLog(handle, board.id)
      const work: Promise<unknown>[] = []
      for (let i = 0; i < 200; i++) {
        // Appends after the deletion fail; that is expected, and must be all that happens.
        work.push(instances[i % 2]!.appendUpdate(board.id, setKey(`k${i}`, i)).catch(() => 'refused'))
        if (i % 20 === 0) work.push(compact(instances[(i / 20) % 2]!))
        if (i === 100) work.push(second.deleteBoard(board.id))
      }
      await Promise.all(work)
      expect(await backend.rowsOf(board.id)).toEqual({ boards: 0, board_tokens: 0, board_updates: 0, board_votes: 0, board_assets: 0 })
    })

    it('lists the boards last opened before a time, oldest first', async () => {
      const base = 1_500_000_000_000 - Math.floor(Math.random() * 1_000_000) * 1000
      const old = newBoard({ lastOpenedAt: base - 2000 })
      const older = newBoard({ lastOpenedAt: base - 3000 })
      const recent = newBoard({ lastOpenedAt: base })
      for (const board of [old, older, recent]) await storage.createBoard(board)
      const stale = await storage.boardsOpenedBefore(base, 1000)
      expect(stale.filter((id) => [old.id, older.id, recent.id].includes(id))).toEqual([older.id, old.id])
      expect(await storage.boardsOpenedBefore(base, 1)).toHaveLength(1)
    })

    it('keeps snapshots per board, newest first, reads one back whole and deletes one', async () => {
      const board = newBoard()
      const other = newBoard()
      await storage.createBoard(board)
      await storage.createBoard(other)
      const snapshot = (id: string, boardId: string, createdAt: number, kind: 'manual' | 'voting' | 'reveal' = 'manual') => {
        const state = setKey('shape', id)
        const structure = setKey('locked', id)
        return { id, boardId, name: `Na ${id}`, author: kind === 'manual' ? 'Fenna' : null, kind, createdAt, size: state.byteLength + structure.byteLength, board: state, structure }
      }
      await storage.addSnapshot(snapshot('s1', board.id, 1000))
      const second = snapshot('s2', board.id, 2000, 'voting')
      await storage.addSnapshot(second)
      await storage.addSnapshot(snapshot('s3', other.id, 1500))

      const listed = await storage.listSnapshots(board.id)
      expect(listed.map((s) => s.id)).toEqual(['s2', 's1'])
      expect(listed[0]).toEqual({ id: 's2', boardId: board.id, name: 'Na s2', author: null, kind: 'voting', createdAt: 2000, size: second.size })
      expect(listed[1]).not.toHaveProperty('board')

      const read = await storage.getSnapshot(board.id, 's1')
      expect(read).toMatchObject({ id: 's1', author: 'Fenna', kind: 'manual' })
      expect(mapOf([read!.board])).toEqual({ shape: 's1' })
      expect(mapOf([read!.structure])).toEqual({ locked: 's1' })
      // Another board's snapshot is not found through this board.
      expect(await storage.getSnapshot(board.id, 's3')).toBeNull()

      expect(await storage.deleteSnapshot(board.id, 's1')).toBe(true)
      expect(await storage.deleteSnapshot(board.id, 's1')).toBe(false)
      expect(await storage.deleteSnapshot(board.id, 's3')).toBe(false)
      expect((await storage.listSnapshots(board.id)).map((s) => s.id)).toEqual(['s2'])
      await expect(storage.addSnapshot(snapshot('s4', generateBoardId(), 1))).rejects.toThrow()
    })

    it('deletes a board’s snapshots with the board, and no other board’s', async () => {
      const board = newBoard()
      const other = newBoard()
      await storage.createBoard(board)
      await storage.createBoard(other)
      for (const id of [board.id, other.id]) {
        const state = setKey('a', 1)
        await storage.addSnapshot({ id: 'x', boardId: id, name: 'Na ronde 1', author: 'Fenna', kind: 'manual', createdAt: 1, size: state.byteLength * 2, board: state, structure: state })
      }
      expect(await backend.rowsIn('board_snapshots', board.id)).toBe(1)
      await storage.deleteBoard(board.id)
      expect(await backend.rowsIn('board_snapshots', board.id)).toBe(0)
      expect(await storage.listSnapshots(board.id)).toEqual([])
      expect(await backend.rowsIn('board_snapshots', other.id)).toBe(1)
    })

    it('answers ping while open', async () => {
      await expect(storage.ping()).resolves.toBeUndefined()
    })

    it('stores own templates, lists them newest first, hides, shows and deletes them', async () => {
      const template = (id: string, createdAt: number) => ({
        id,
        title: `Sjabloon ${id}`,
        description: 'Één regiegemeente met haar partners',
        locale: 'nl',
        model: JSON.stringify({ actors: [], relations: [], groups: [], blocks: [] }),
        createdAt,
        hidden: false,
      })
      const older = template(`eigen-${randomBytes(5).toString('hex')}`, 1_700_000_000_000)
      const newer = template(`eigen-${randomBytes(5).toString('hex')}`, 1_800_000_000_000)
      await storage.addOwnTemplate(older)
      await storage.addOwnTemplate(newer)
      await expect(storage.addOwnTemplate(older)).rejects.toThrow()
      const ids = async (includeHidden: boolean) => (await storage.listOwnTemplates({ includeHidden })).map((t) => t.id).filter((id) => id === older.id || id === newer.id)
      expect(await ids(false)).toEqual([newer.id, older.id])
      expect(await storage.getOwnTemplate(older.id)).toEqual(older)
      const { model: _model, ...summary } = newer
      expect((await storage.listOwnTemplates({ includeHidden: false })).find((t) => t.id === newer.id)).toEqual(summary)

      expect(await storage.setOwnTemplateHidden(newer.id, true)).toBe(true)
      expect(await ids(false)).toEqual([older.id])
      expect(await ids(true)).toEqual([newer.id, older.id])
      expect((await storage.getOwnTemplate(newer.id))?.hidden).toBe(true)
      expect(await storage.setOwnTemplateHidden(newer.id, false)).toBe(true)
      expect(await ids(false)).toEqual([newer.id, older.id])

      expect(await storage.deleteOwnTemplate(older.id)).toBe(true)
      expect(await storage.deleteOwnTemplate(older.id)).toBe(false)
      expect(await storage.getOwnTemplate(older.id)).toBeNull()
      expect(await storage.setOwnTemplateHidden('eigen-nosuch', true)).toBe(false)
    })
  })
}
