/**
 * WAL checkpoints on the worker thread (server/storage/wal-checkpointer.ts), against real SQLite
 * files: committed pages reach the database file without the writer's own checkpoint, which the
 * server has moved far out (MAIN_THREAD_CHECKPOINT_PAGES), and stopping waits for the thread.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openSqliteStorage } from '../../server/storage/sqlite.ts'
import type { Storage } from '../../server/storage/storage.ts'
import { MAIN_THREAD_CHECKPOINT_PAGES, WalCheckpointer } from '../../server/storage/wal-checkpointer.ts'
import { newBoardRecord } from '../helpers/new-board.ts'
import { tempDataDir } from '../helpers/server.ts'

const opened: Storage[] = []
afterEach(async () => {
  for (const storage of opened.splice(0)) await storage.close()
})

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

/** Appends `count` updates of `bytes` random bytes each (random: nothing compresses or repeats). */
async function fill(storage: Storage, count: number, bytes: number): Promise<string> {
  const board = newBoardRecord()
  await storage.createBoard(board)
  await Promise.all(Array.from({ length: count }, () => storage.appendUpdate(board.id, randomBytes(bytes))))
  return board.id
}

const databaseBytes = (dir: string) => fs.statSync(path.join(dir, 'regiebord.sqlite')).size

describe('WAL checkpoints', () => {
  it('copy committed pages into the database file from the worker thread', async () => {
    const dir = tempDataDir()
    const storage = openSqliteStorage(dir)
    opened.push(storage)
    const before = databaseBytes(dir)
    // ~2 MiB: far below the writer's own checkpoint bound, so only the worker can move it.
    await fill(storage, 500, 4096)
    expect(500 * 2).toBeLessThan(MAIN_THREAD_CHECKPOINT_PAGES)
    await waitFor(() => databaseBytes(dir) > before + 2_000_000)
  })

  it('are SQLite’s own when the worker is turned off (and then wait for 1,000 pages)', async () => {
    const dir = tempDataDir()
    const storage = openSqliteStorage(dir, { checkpointsOnWorker: false })
    opened.push(storage)
    const before = databaseBytes(dir)
    await fill(storage, 100, 4096)
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(databaseBytes(dir)).toBe(before)
  })

  it('report a failure once and stop, and stop() still resolves', async () => {
    const dir = tempDataDir()
    const file = path.join(dir, 'not-a-database.sqlite')
    fs.writeFileSync(file, 'this is not SQLite')
    const failures: string[] = []
    const checkpointer = new WalCheckpointer(file, (message) => failures.push(message), 20)
    await waitFor(() => failures.length > 0)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(failures).toHaveLength(1)
    await checkpointer.stop()
  })

  it('do not stop a deleted board from leaving the WAL: emptying it is tried again while something else holds it', async () => {
    const dir = tempDataDir()
    const storage = openSqliteStorage(dir)
    opened.push(storage)
    const id = await fill(storage, 50, 1024)
    // A reader in the middle of a transaction keeps the WAL from being emptied, for 300 ms.
    const reader = new Database(path.join(dir, 'regiebord.sqlite'), { readonly: true })
    reader.prepare('BEGIN').run()
    reader.prepare('SELECT COUNT(*) FROM board_updates').get()
    const released = new Promise<void>((resolve) =>
      setTimeout(() => {
        reader.prepare('COMMIT').run()
        reader.close()
        resolve()
      }, 300),
    )
    expect(await storage.deleteBoard(id)).toBe(true)
    await released
    expect(fs.statSync(path.join(dir, 'regiebord.sqlite-wal')).size).toBe(0)
  })

  it('leave a database that opens and holds every committed row after close', async () => {
    const dir = tempDataDir()
    const storage = openSqliteStorage(dir)
    await fill(storage, 300, 1024)
    await storage.close()
    const db = new Database(path.join(dir, 'regiebord.sqlite'), { readonly: true })
    try {
      expect((db.prepare('SELECT COUNT(*) AS n FROM board_updates').get() as { n: number }).n).toBe(301)
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      db.close()
    }
  })
})
