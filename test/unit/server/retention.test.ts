/** The retention sweep against real SQLite storage with an injected clock. */
import { afterEach, describe, expect, it } from 'vitest'
import { RetentionSweep } from '../../../server/boards/retention.ts'
import { createLogger } from '../../../server/log.ts'
import { openSqliteStorage } from '../../../server/storage/sqlite.ts'
import type { Storage } from '../../../server/storage/storage.ts'
import { newBoardRecord } from '../../helpers/new-board.ts'
import { tempDataDir } from '../../helpers/server.ts'

const DAY = 24 * 60 * 60_000
const T0 = Date.UTC(2026, 0, 1)
const opened: Storage[] = []

afterEach(async () => {
  for (const storage of opened.splice(0)) await storage.close()
})

async function storageWithBoards(lastOpened: Record<string, number>): Promise<{ storage: Storage; ids: Record<string, string> }> {
  const storage = openSqliteStorage(tempDataDir())
  opened.push(storage)
  const ids: Record<string, string> = {}
  for (const [name, at] of Object.entries(lastOpened)) {
    const board = newBoardRecord({ title: name, createdAt: at, lastOpenedAt: at })
    ids[name] = board.id
    await storage.createBoard(board)
  }
  return { storage, ids }
}

function sweeper(storage: Storage, now: () => number, retentionDays: number | null, inUse: string[] = []) {
  const deleted: string[] = []
  const sweep = new RetentionSweep({
    storage,
    deletion: {
      async deleteBoard(boardId) {
        deleted.push(boardId)
        return storage.deleteBoard(boardId)
      },
    },
    boardsInUse: () => inUse,
    dataDir: tempDataDir(),
    log: createLogger('silent'),
    retentionDays,
    now,
  })
  return { sweep, deleted }
}

describe('retention sweep', () => {
  it('deletes the boards last opened more than RETENTION_DAYS before now, and only those', async () => {
    const { storage, ids } = await storageWithBoards({ stale: T0 - 31 * DAY, edge: T0 - 30 * DAY + 1, recent: T0 - DAY })
    const { sweep } = sweeper(storage, () => T0, 30)
    expect((await sweep.sweep()).deleted).toEqual([ids.stale])
    expect(await storage.getBoard(ids.stale!)).toBeNull()
    expect(await storage.getBoard(ids.edge!)).not.toBeNull()
    expect(await storage.getBoard(ids.recent!)).not.toBeNull()
  })

  it('follows the clock: a board becomes due as time passes', async () => {
    let now = T0
    const { storage, ids } = await storageWithBoards({ board: T0 })
    const { sweep } = sweeper(storage, () => now, 7)
    now = T0 + 6 * DAY
    expect((await sweep.sweep()).deleted).toEqual([])
    now = T0 + 8 * DAY
    expect((await sweep.sweep()).deleted).toEqual([ids.board])
  })

  it('counts a board with connections as opened now', async () => {
    const { storage, ids } = await storageWithBoards({ busy: T0 - 90 * DAY })
    const { sweep } = sweeper(storage, () => T0, 30, [ids.busy!])
    expect((await sweep.sweep()).deleted).toEqual([])
    expect((await storage.getBoard(ids.busy!))?.lastOpenedAt).toBe(T0)
  })

  it('deletes nothing without a retention period', async () => {
    const { storage } = await storageWithBoards({ ancient: 0 })
    const { sweep, deleted } = sweeper(storage, () => T0, null)
    await sweep.sweep()
    expect(deleted).toEqual([])
  })

  it('works through more boards than one batch', async () => {
    const many = Object.fromEntries(Array.from({ length: 230 }, (_, i) => [`b${i}`, T0 - 100 * DAY + i]))
    const { storage } = await storageWithBoards(many)
    const { sweep } = sweeper(storage, () => T0, 30)
    expect((await sweep.sweep()).deleted).toHaveLength(230)
    expect(await storage.boardsOpenedBefore(T0, 1000)).toEqual([])
  })
})
