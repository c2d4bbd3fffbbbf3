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

  /** `commit` writes all items atomically, or throws and writes none. */
  constructor(private readonly commit: (items: readonly T[]) => void) {}

  add(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.batch.length === 0) setImmediate(() => this.flush())
      this.batch.push({ item, resolve, reject })
    })
  }

  /** Commits what is waiting now; also called before the database is closed. */
  flush(): void {
    const batch = this.batch
    if (batch.length === 0) return
    this.batch = []
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
