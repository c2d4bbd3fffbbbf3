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
  /** Records were added since the last pack (a board that comes and goes unchanged is packed once). */
  private unpacked = false

  constructor(doc: Y.Doc) {
    this.array = doc.getArray<unknown>(RECORDS_ARRAY)
    for (const value of this.array.toArray()) this.add(value)
    this.array.observe((event) => this.follow(event.transaction))
  }

  /**
   * Takes in what a transaction deleted from and added to the array. Found from the transaction's
   * delete set and new clocks, not from `event.changes`, which walks the whole array (deleted
   * entries too) to build a delta on every update.
   */
  private follow(transaction: Y.Transaction): void {
    const store = transaction.doc.store
    for (const [client, ranges] of transaction.deleteSet.clients) {
      const structs = store.clients.get(client)
      if (!structs) continue
      const before = transaction.beforeState.get(client) ?? 0
      for (const range of ranges) {
        // Entries added in this transaction were never indexed; nothing to remove.
        const end = Math.min(range.clock + range.len, before)
        if (range.clock >= end) continue
        this.eachValue(structs, range.clock, end, false, (value) => this.remove(value))
      }
    }
    for (const [client, after] of transaction.afterState) {
      const before = transaction.beforeState.get(client) ?? 0
      if (after > before) this.eachValue(store.clients.get(client)!, before, after, true, (value) => this.add(value))
    }
  }

  /** The entries of this array among `structs` in [from, to); `live`: only those not deleted. */
  private eachValue(structs: ReadonlyArray<Y.Item | Y.GC>, from: number, to: number, live: boolean, f: (value: unknown) => void): void {
    for (let i = Y.findIndexSS(structs as Array<Y.Item | Y.GC>, from); i < structs.length; i++) {
      const struct = structs[i]!
      const clock = struct.id.clock
      if (clock >= to) break
      if (!(struct instanceof Y.Item) || struct.parent !== this.array || !(struct.content instanceof Y.ContentAny)) continue
      if (live && struct.deleted) continue
      const values = struct.content.getContent()
      const last = Math.min(to, clock + struct.length) - clock
      for (let k = Math.max(from, clock) - clock; k < last; k++) f(values[k])
    }
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

  /**
   * Lays the records of an idle board out compactly in memory, without changing a value: each
   * item's content array at its exact length (Yjs decodes into an array grown by push, with
   * room for 16 more: ~130 bytes per record), and each record rebuilt with its properties inside
   * the object (decoded key by key, a record keeps them in a separate property array: ~65 bytes
   * per record). The copies replace the originals both in the document's content and in this
   * index, so nothing holds on to the old ones. Runs synchronously: a few µs per record.
   */
  pack(): void {
    if (!this.unpacked) return
    this.unpacked = false
    for (let item = this.array._start; item !== null; item = item.right) {
      if (item.deleted || !(item.content instanceof Y.ContentAny)) continue
      const content = item.content
      content.arr = content.arr.map((value: unknown) => {
        const copy = compactCopy(value)
        this.replace(value, copy)
        return copy
      })
    }
  }

  private replace(old: unknown, copy: unknown): void {
    if (!isEntry(old) || !isEntry(copy)) return
    const live = this.entries.get(old.key)
    if (live === old) this.entries.set(old.key, copy)
    else if (live instanceof Set && live.delete(old)) live.add(copy)
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
    this.unpacked = true
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

/**
 * An equal copy of a record entry, laid out compactly (see RecordIndex.pack); anything that JSON
 * would not give back exactly (undefined, -0, binary, non-finite numbers) is left as it is.
 * JSON.parse builds each object with its properties inside it; copying key by key, or with
 * Object.assign, keeps the separate property array.
 */
function compactCopy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !isJsonExact(value, 0)) return value
  const copy: unknown = JSON.parse(JSON.stringify(value))
  poolStrings(copy)
  return copy
}

function isJsonExact(value: unknown, depth: number): boolean {
  if (depth > 32) return false
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0)
    case 'object': {
      if (value === null) return true
      if (Array.isArray(value)) return value.every((item) => isJsonExact(item, depth + 1))
      if (Object.getPrototypeOf(value) !== Object.prototype) return false
      for (const key in value) if (!isJsonExact((value as Record<string, unknown>)[key], depth + 1)) return false
      return true
    }
    default:
      return false
  }
}

export function isEntry(value: unknown): value is Entry {
  return typeof value === 'object' && value !== null && typeof (value as { key?: unknown }).key === 'string'
}
