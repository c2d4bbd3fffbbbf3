/**
 * Group commit: the appends made during one turn of the event loop are written in one
 * transaction, committed in the check phase (setImmediate) that follows, and each caller's
 * promise resolves only then. A SQLite commit costs far more than an INSERT, so under load this
 * turns a commit per update into a commit per turn, while every append still resolves only once
 * it is durable (the room relays an update only after that).
 *
 * If the batch's transaction fails, its items are retried one transaction each, so that one bad
 * row (say, a board deleted meanwhile) fails only its own append.
 */
interface Pending<T> {
  item: T
  resolve: () => void
  reject: (error: unknown) => void
}

export class GroupCommit<T> {
  private batch: Array<Pending<T>> = []
  /** When the last commit ended (performance.now()). */
  private lastCommit = -Infinity
  private timer: NodeJS.Timeout | null = null
  private readonly flushNow = () => this.flush()

  /**
   * `commit` writes all items atomically, or throws and writes none. `spacingMs`: a commit
   * follows the previous one by at least this long; appends made meanwhile wait and share the
   * next commit. 0: every turn that appended commits in its check phase.
   */
  constructor(
    private readonly commit: (items: readonly T[]) => void,
    private readonly spacingMs = 0,
  ) {}

  add(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.batch.length === 0) this.schedule()
      this.batch.push({ item, resolve, reject })
    })
  }

  private schedule(): void {
    const wait = this.lastCommit + this.spacingMs - performance.now()
    if (wait >= 1) this.timer = setTimeout(this.flushNow, wait)
    else setImmediate(this.flushNow)
  }

  /** Commits what is waiting now; also called before the database is closed. */
  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = null
    }
    const batch = this.batch
    if (batch.length === 0) return
    this.batch = []
    try {
      this.commitBatch(batch)
    } finally {
      this.lastCommit = performance.now()
    }
  }

  private commitBatch(batch: Array<Pending<T>>): void {
    try {
      this.commit(batch.map((p) => p.item))
    } catch {
      for (const pending of batch) this.commitAlone(pending)
      return
    }
    for (const pending of batch) pending.resolve()
  }

  private commitAlone(pending: Pending<T>): void {
    try {
      this.commit([pending.item])
      pending.resolve()
    } catch (error) {
      pending.reject(error)
    }
  }
}
