/**
 * The records of one loaded document by key, as YKeyValue (y-utility) reads them: `tl_records` is
 * a Y.Array of `{ key, val }` entries, and of several live entries for one key the rightmost
 * wins. Read-only: unlike YKeyValue it never writes to the document (YKeyValue deletes superseded
 * entries itself, which on the server would be changes nobody sent).
 *
 * Kept up to date by observing the array, whatever applied the change (a peer, another instance,
 * the server), so the record guard can check an update against the document as it is.
 */
import * as Y from 'yjs'
import { RECORDS_ARRAY, type RecordEntry } from '../../shared/doc-layout.ts'
import { poolStrings } from './string-pool.ts'

type Entry = RecordEntry<unknown>

export class RecordIndex {
  readonly array: Y.Array<unknown>
  /**
   * The live entry per key, or a Set of them while concurrent writes of one key are being settled.
   * A lone entry is kept as it is: a Set per record cost about 100 bytes of every loaded board's
   * heap per record (issue 17), and almost every key has one live entry.
   */
  private readonly entries = new Map<string, Entry | Set<Entry>>()

  constructor(doc: Y.Doc) {
    this.array = doc.getArray<unknown>(RECORDS_ARRAY)
    for (const value of this.array.toArray()) this.add(value)
    this.array.observe((event) => {
      for (const item of event.changes.deleted) for (const value of item.content.getContent()) this.remove(value)
      for (const item of event.changes.added) for (const value of item.content.getContent()) this.add(value)
    })
  }

  /** The value the board holds under `key`, or undefined. */
  current(key: string): unknown {
    const live = this.entries.get(key)
    if (live === undefined) return undefined
    if (!(live instanceof Set)) return live.val
    return this.rightmost(key, live)?.val
  }

  /** The entry that wins once `gone` are deleted, or undefined when none is left. */
  winnerWithout(key: string, gone: ReadonlySet<unknown>): unknown {
    const live = this.entries.get(key)
    if (live === undefined) return undefined
    if (!(live instanceof Set)) return gone.has(live) ? undefined : live.val
    const left = new Set([...live].filter((entry) => !gone.has(entry)))
    if (left.size === 0) return undefined
    return this.rightmost(key, left)?.val
  }

  /** The rightmost of several live entries; walks the array, which only duplicates need. */
  private rightmost(key: string, candidates: ReadonlySet<Entry>): Entry | undefined {
    const values = this.array.toArray()
    for (let i = values.length - 1; i >= 0; i--) {
      const value = values[i] as Entry
      if (candidates.has(value)) return value
    }
    return undefined
  }

  private add(value: unknown): void {
    if (!isEntry(value)) return
    // Every record the board holds passes here once: the place to share its strings' copies.
    poolStrings(value)
    const live = this.entries.get(value.key)
    if (live === undefined) this.entries.set(value.key, value)
    else if (live instanceof Set) live.add(value)
    else if (live !== value) this.entries.set(value.key, new Set([live, value]))
  }

  private remove(value: unknown): void {
    if (!isEntry(value)) return
    const live = this.entries.get(value.key)
    if (live === undefined) return
    if (!(live instanceof Set)) {
      if (live === value) this.entries.delete(value.key)
      return
    }
    live.delete(value)
    if (live.size === 1) this.entries.set(value.key, live.values().next().value!)
    else if (live.size === 0) this.entries.delete(value.key)
  }
}

export function isEntry(value: unknown): value is Entry {
  return typeof value === 'object' && value !== null && typeof (value as { key?: unknown }).key === 'string'
}
