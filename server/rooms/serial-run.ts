/**
 * Runs a piece of work one at a time: a request while it runs starts one more run afterwards
 * (never more than one, however many requests came), and every caller's promise resolves after a
 * run that began after its request. The room catches up from storage this way: a resync request
 * that arrives mid-load may name updates the running load has already missed.
 */
export class SerialRun {
  private running: Promise<void> | null = null
  private again = false

  constructor(private readonly work: () => Promise<void>) {}

  request(): Promise<void> {
    if (this.running) {
      this.again = true
      return this.running
    }
    this.running = (async () => {
      try {
        do {
          this.again = false
          await this.work()
        } while (this.again)
      } finally {
        this.running = null
      }
    })()
    return this.running
  }
}
