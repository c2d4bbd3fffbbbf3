/**
 * Deleting a board (AVG): the facilitator's DELETE and the retention sweep both come here.
 *
 * 1. The board's control document is marked deleted. Every instance with connections to the board
 *    watches that document (ControlWatch), receives the change through the fan-out like any
 *    other, and drops the board: its connections close with CLOSE_BOARD_DELETED.
 * 2. Storage removes every row of the board in one transaction (board, tokens, the update logs of
 *    all its documents, votes, asset records).
 * 3. This instance drops the board from memory without compacting it, and removes its files.
 *
 * Whatever races the deletion cannot bring the board back: appends to it fail (and the room then
 * drops the board quietly, see RoomRegistry), a compaction finds nothing to replace, and the
 * registry refuses to load it again.
 */
import type { Logger } from '../log.ts'
import type { RoomRegistry } from '../rooms/registry.ts'
import type { SessionService } from '../session/session-service.ts'
import type { Storage } from '../storage/storage.ts'
import { deleteBoardAssets } from './assets.ts'

export type DeletionCause = 'facilitator' | 'retention'

export interface BoardDeletionDeps {
  storage: Storage
  session: SessionService
  registry: RoomRegistry
  dataDir: string
  log: Logger
}

export class BoardDeletion {
  constructor(private readonly deps: BoardDeletionDeps) {}

  /** Deletes the board and everything stored about it; false when there was no such board. */
  async deleteBoard(boardId: string, cause: DeletionCause): Promise<boolean> {
    const { storage, session, log } = this.deps
    try {
      await session.markDeleted(boardId)
    } catch (error) {
      // Telling the other instances is worth a try, never a reason to keep the data: their
      // connections also close at their next write, which storage refuses.
      log.warn({ boardId, err: error }, 'could not mark the board deleted; deleting it anyway')
    }
    const existed = await storage.deleteBoard(boardId)
    await this.dropLocally(boardId)
    if (existed) log.info({ boardId, cause }, 'board deleted')
    return existed
  }

  /**
   * What every instance does once a board is deleted: drop it from memory and remove its files
   * from this instance's DATA_DIR. Also called by the control watch on instances that learn of
   * the deletion from another one.
   */
  async dropLocally(boardId: string): Promise<void> {
    await this.deps.registry.discardBoard(boardId)
    await deleteBoardAssets(this.deps.dataDir, boardId)
  }
}
