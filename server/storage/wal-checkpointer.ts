/**
 * WAL checkpoints on a thread of their own.
 *
 * SQLite copies the write-ahead log back into the database file in a checkpoint, and by default
 * the connection that commits the 1,000th page does it, inside that commit: two fsyncs on the
 * event loop's thread. Under the fan-out benchmark (a commit every millisecond or so) that was a
 * stall of several milliseconds every fraction of a second, and it alone took the relay's p95
 * from under 5 ms to about 10 ms (BENCHMARKS.md, issue 17, "checkpoints").
 *
 * Here a worker thread with its own connection runs PASSIVE checkpoints every `intervalMs`: they
 * copy what is committed without blocking the writer and sync the database file off the event
 * loop. A PASSIVE checkpoint that overlaps new commits cannot let the log start over from its
 * beginning, so the writer's own automatic checkpoint stays on, at a higher bound
 * (MAIN_THREAD_CHECKPOINT_PAGES): it finds almost everything copied already, and restarts the log.
 * If the worker fails, it stops (reporting once) and that bound still keeps the log from growing
 * without end; nothing about
 * durability depends on the worker (a commit is in the log before anyone hears of it).
 */
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/** The writer's own automatic checkpoint, in pages (SQLite's default is 1,000). */
export const MAIN_THREAD_CHECKPOINT_PAGES = 8_000

export const CHECKPOINT_INTERVAL_MS = 250

// Plain CommonJS for an `eval` worker: the server runs from source (tsx, Vitest) and compiled
// (dist/server), and a separate worker file would need a loader in the first case.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file, { fileMustExist: true })
db.pragma('synchronous = NORMAL')
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)')
  } catch (error) {
    clearInterval(timer)
    parentPort.postMessage({ failed: String((error && error.message) || error) })
  }
}, workerData.intervalMs)
parentPort.on('message', () => {
  clearInterval(timer)
  db.close()
  parentPort.close()
})
`

export class WalCheckpointer {
  private readonly worker: Worker
  private readonly exited: Promise<void>

  constructor(file: string, onFailure: (message: string) => void, intervalMs = CHECKPOINT_INTERVAL_MS) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3')
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file, driver, intervalMs },
      // Its whole job is one prepared statement; V8's defaults would reserve far more.
      resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 16 },
      stdout: false,
      stderr: false,
    })
    this.worker.unref()
    this.worker.on('message', (message: { failed?: string }) => {
      if (message.failed) onFailure(message.failed)
    })
    this.worker.on('error', (error) => onFailure(error.message))
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()))
  }

  /** Closes the worker's connection and waits for the thread to end. */
  async stop(): Promise<void> {
    // Unreferenced, the thread would not keep the process alive until it has closed its connection.
    this.worker.ref()
    this.worker.postMessage('stop')
    await this.exited
  }
}
