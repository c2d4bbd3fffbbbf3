/**
 * The retention period (RETENTION_DAYS): boards nobody has opened for that long are deleted, by
 * the same path as a facilitator's delete. Runs once at start-up and then every hour, on every
 * instance (deleting a board twice is harmless: the second finds nothing).
 *
 * "Opened" is `last_opened_at`, set when a sync connection opens. A workshop can keep its
 * connections open for longer than a sweep interval, so each sweep first touches the boards that
 * have connections on this instance: a board in use anywhere is never older than one interval.
 *
 * Every sweep, with or without a retention period, also removes asset folders under DATA_DIR
 * whose board no longer exists: left behind when an instance with its own DATA_DIR did not hold
 * the board at the moment it was deleted elsewhere, or by an upload that raced the deletion.
 */
import type { Logger } from '../log.ts'
import type { Storage } from '../storage/storage.ts'
import { boardsWithAssetFiles, deleteBoardAssets } from './assets.ts'
import type { BoardDeletion } from './board-deletion.ts'

const DAY_MS = 24 * 60 * 60_000
const SWEEP_INTERVAL_MS = 60 * 60_000
/** Boards deleted per storage query; the sweep asks again until none are left. */
const BATCH = 100

export interface RetentionOptions {
  storage: Storage
  deletion: Pick<BoardDeletion, 'deleteBoard'>
  /** Boards with connections on this instance right now. */
  boardsInUse: () => Iterable<string>
  dataDir: string
  log: Logger
  /** Delete boards not opened for this many days; null keeps boards until someone deletes them. */
  retentionDays: number | null
  now?: () => number
  intervalMs?: number
}

export interface SweepResult {
  /** Boards deleted because nobody opened them within the retention period. */
  deleted: string[]
  /** Boards whose leftover files were removed (the board itself was gone already). */
  orphanedFiles: string[]
}

export class RetentionSweep {
  private timer: NodeJS.Timeout | null = null
  private running: Promise<SweepResult> | null = null
  private stopped = false
  private readonly now: () => number

  constructor(private readonly options: RetentionOptions) {
    this.now = options.now ?? Date.now
  }

  /** Sweeps now, then at every interval. Failures are logged; the next sweep tries again. */
  start(): void {
    const run = () => {
      this.sweep().catch((error: unknown) => this.options.log.error({ err: error }, 'retention sweep failed'))
    }
    run()
    this.timer = setInterval(run, this.options.intervalMs ?? SWEEP_INTERVAL_MS)
    this.timer.unref()
  }

  /** Stops the timer; a sweep in progress ends after the board it is deleting. */
  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    await this.running?.catch(() => undefined)
  }

  /** One sweep; a call while one runs waits for that one. */
  sweep(): Promise<SweepResult> {
    this.running ??= this.sweepOnce().finally(() => {
      this.running = null
    })
    return this.running
  }

  private async sweepOnce(): Promise<SweepResult> {
    const deleted = this.options.retentionDays === null ? [] : await this.deleteUnopened(this.options.retentionDays)
    const orphanedFiles = await this.removeOrphanedFiles()
    if (deleted.length > 0 || orphanedFiles.length > 0) {
      this.options.log.info({ deleted: deleted.length, orphanedFiles: orphanedFiles.length }, 'retention sweep')
    }
    return { deleted, orphanedFiles }
  }

  private async deleteUnopened(days: number): Promise<string[]> {
    const { storage, deletion, log } = this.options
    const now = this.now()
    for (const boardId of this.options.boardsInUse()) await storage.touchBoard(boardId, now)
    const cutoff = now - days * DAY_MS
    const deleted: string[] = []
    const tried = new Set<string>()
    while (!this.stopped) {
      const batch = (await storage.boardsOpenedBefore(cutoff, BATCH)).filter((id) => !tried.has(id))
      if (batch.length === 0) break
      for (const boardId of batch) {
        if (this.stopped) break
        tried.add(boardId)
        try {
          if (await deletion.deleteBoard(boardId, 'retention')) deleted.push(boardId)
        } catch (error) {
          log.error({ boardId, err: error }, 'could not delete a board past the retention period')
        }
      }
    }
    return deleted
  }

  private async removeOrphanedFiles(): Promise<string[]> {
    const { storage, dataDir } = this.options
    const removed: string[] = []
    for (const boardId of await boardsWithAssetFiles(dataDir)) {
      if (this.stopped) break
      if ((await storage.getBoard(boardId)) !== null) continue
      await deleteBoardAssets(dataDir, boardId)
      removed.push(boardId)
    }
    return removed
  }
}
