/**
 * When and how one document's stored log is merged into one update (see Storage.replaceUpdates,
 * which makes this safe while appends continue).
 *
 * When: once the log is longer than a bound drawn anew after each compaction, somewhere between
 * half the configured bound and the bound. Boards that are edited at the same pace (a workshop, a
 * load test, all boards loaded after a restart) would otherwise all reach the bound in the same
 * second, and their compactions together stall the server.
 *
 * How: encoding the live doc takes about a millisecond; replaying the log into a new doc takes
 * 10–20 ms per 500 updates, which under load held up relaying for whole seconds. So when this
 * instance is the board's only writer (`soleWriter`: the fan-out is local, decided by whoever
 * wires the server) and the log holds no more rows than the room stored, the doc is the merge of
 * the log and is encoded instead. The doc may hold updates newer than the log's last row as well;
 * they stay stored after it too, and applying one twice is harmless. Otherwise someone else wrote:
 * then the log is replayed.
 */
import * as Y from 'yjs'
import type { Storage, UpdateLogSummary } from '../storage/storage.ts'
import { mergeUpdatesWithGcInSlices } from './compaction.ts'
import type { SizeBudget } from './size-budget.ts'

interface CompactorOptions {
  compactAfterUpdates: number
  soleWriter: boolean
}

export class Compactor {
  private storedUpdates = 0
  private compactAt: number
  private running: Promise<void> | null = null

  constructor(
    private readonly name: string,
    private readonly doc: Y.Doc,
    private readonly storage: Storage,
    private readonly budget: SizeBudget,
    private readonly options: CompactorOptions,
  ) {
    this.compactAt = this.nextBound()
  }

  loaded(updates: number): void {
    this.storedUpdates = updates
  }

  /** One more update is in the log (stored here or by another instance). */
  stored(): void {
    this.storedUpdates++
  }

  /** The log is past its bound and no compaction is running. */
  get due(): boolean {
    return this.storedUpdates > this.compactAt && !this.running
  }

  compact(): Promise<void> {
    this.running ??= (async () => {
      try {
        this.budget.compactionStarted()
        const log = await this.logToMerge()
        let size = log.bytes
        if (log.count > 1) {
          const merged = await log.merge()
          await this.storage.replaceUpdates(this.name, log.lastSeq, merged)
          size = merged.byteLength
        }
        this.budget.compactionEnded(size)
        this.storedUpdates = (await this.storage.summarizeUpdates(this.name)).count
        this.compactAt = this.nextBound()
      } finally {
        this.running = null
      }
    })()
    return this.running
  }

  /**
   * The stored log and how to merge it. As sole writer, when the log holds no more rows than the
   * room stored, its length and end are all that is needed (the doc is encoded): reading every row
   * just for those was the largest allocation left on the relay path (BENCHMARKS.md, issue 17).
   */
  private async logToMerge(): Promise<UpdateLogSummary & { merge: () => Promise<Uint8Array> }> {
    if (this.options.soleWriter) {
      const summary = await this.storage.summarizeUpdates(this.name)
      if (summary.count <= this.storedUpdates) return { ...summary, merge: async () => Y.encodeStateAsUpdate(this.doc) }
    }
    const { updates, lastSeq } = await this.storage.loadUpdates(this.name)
    const bytes = updates.reduce((sum, update) => sum + update.byteLength, 0)
    return { count: updates.length, lastSeq, bytes, merge: () => mergeUpdatesWithGcInSlices(updates) }
  }

  private nextBound(): number {
    const bound = this.options.compactAfterUpdates
    return Math.ceil(bound / 2 + Math.random() * (bound / 2))
  }
}
