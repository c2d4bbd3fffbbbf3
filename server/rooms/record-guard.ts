/**
 * Decides whether a client's document update may be applied, before anything is applied, stored or
 * relayed. The update is read, not applied (server/sync/update-reader.ts), and each of its parts is
 * placed against the document as it is:
 *
 * - only `tl_records` may be written, and only with `{ key, val }` entries whose value is a valid
 *   record (shared/board/record-rules.ts); `meta` is the server's (title, schema), and no other part,
 *   nested type or content kind belongs in a board document;
 * - the records as they will be afterwards must hold together: every shape the update creates or
 *   changes has a parent chain that ends at a page, every binding it writes joins two shapes.
 *   Records of the board's other documents count (a note in the board on a locked frame);
 * - the update must not depend on changes the server does not have: Yjs would keep such content
 *   pending, unchecked, until the missing part arrives;
 * - it must stay within the update budget (structs, deletions, inserted elements).
 *
 * Deleting records is not checked beyond `meta`: removing a shape leaves its children without a
 * parent only when two people race, and refusing deletions would refuse the one honest way back.
 */
import * as Y from 'yjs'
import type { UpdateCost } from './memory-budget.ts'
import type { TLSchema } from '@tldraw/tlschema'
import { META_MAP, RECORDS_ARRAY } from '../../shared/doc-layout.ts'
import { bindingEndsProblem, isPlainObject, parentChainProblem, recordProblem, type RecordLookup } from '../../shared/board/record-rules.ts'
import {
  ContentRef,
  MalformedUpdateError,
  readUpdate,
  UpdateOverBudgetError,
  type DeleteRange,
  type ReadItem,
  type ReadUpdate,
  type StructId,
  type UpdateBudget,
} from '../sync/update-reader.ts'
import type { DecodedValues } from '../sync/decoded-values.ts'
import { isEntry, RecordIndex } from './record-index.ts'
import { structIndexFrom } from './struct-search.ts'

/** Why an update was refused; also the `reason` label of regiebord_rejections_total. */
export type RefusalKind = 'invalid_record' | 'meta_write' | 'update_budget' | 'pending_update' | 'malformed_update'

export class UpdateRefusedError extends Error {
  constructor(
    readonly kind: RefusalKind,
    message: string,
  ) {
    super(message)
  }
}

/**
 * What an accepted update will do. `fresh`: every struct in it is new to the document, starts
 * right where the document's clock for its client stands, and refers only to what the document
 * or the update holds, so Yjs integrates all of it and the update itself is exactly what changed
 * (apart from deletions the document may already have, which are harmless to repeat).
 * `statesBefore`: the document's clock, before applying, of every client the update writes.
 * `decoded`: the record values as read, for applying this same update (server/sync/apply-update.ts).
 *
 * A reference problem may be a record of a document that is not loaded yet.
 */
export type GuardVerdict =
  | { ok: true; cost: UpdateCost; fresh: boolean; statesBefore: ReadonlyMap<number, number>; decoded: DecodedValues }
  | { ok: false; error: UpdateRefusedError; missingReference: boolean }

interface Span {
  clock: number
  length: number
  /** Index into `items`, or -1 for a garbage-collected range. */
  item: number
}

const NESTED = '#nested'
const COLLECTED = '#collected'
const PENDING = '#pending'

export class RecordGuard {
  readonly index: RecordIndex
  private readonly meta: Y.Map<unknown>

  constructor(
    private readonly doc: Y.Doc,
    private readonly schema: TLSchema,
    private readonly budget: UpdateBudget,
  ) {
    this.index = new RecordIndex(doc)
    this.meta = doc.getMap<unknown>(META_MAP)
  }

  /** Checks `update` against the document now; `others` finds records of the board's other documents. */
  check(update: Uint8Array, others: RecordLookup): GuardVerdict {
    let read: ReadUpdate
    try {
      read = readUpdate(update, this.budget, (client) => Y.getState(this.doc.store, client))
    } catch (error) {
      if (error instanceof UpdateOverBudgetError) return refuse('update_budget', error.message)
      if (error instanceof MalformedUpdateError) return refuse('malformed_update', 'malformed update')
      throw error
    }
    return new UpdateCheck(this, read, update.byteLength).run(others)
  }

  /** @internal for UpdateCheck */
  get document(): Y.Doc {
    return this.doc
  }
  /** @internal */
  get metaMap(): Y.Map<unknown> {
    return this.meta
  }
  /** @internal */
  get boardSchema(): TLSchema {
    return this.schema
  }
}

function refuse(kind: RefusalKind, message: string, missingReference = false): GuardVerdict {
  return { ok: false, error: new UpdateRefusedError(kind, message), missingReference }
}

/** One update being checked: the document's state and the update's own parts, looked up by id. */
class UpdateCheck {
  private readonly store: Y.Doc['store']
  private readonly states = new Map<number, number>()
  /** The update's structs per client, by clock. */
  private readonly spans = new Map<number, Span[]>()
  /** Per client: the update and the document together cover every clock below this. */
  private readonly covered = new Map<number, number>()
  /** The update's own deletions per client, by clock. */
  private readonly deleted = new Map<number, DeleteRange[]>()
  private readonly roots = new Map<number, string>()
  /** Every span starts where the document (or the update's previous span) ends: nothing is known already. */
  private contiguous = true

  constructor(
    private readonly guard: RecordGuard,
    private readonly read: ReadUpdate,
    private readonly byteLength: number,
  ) {
    this.store = guard.document.store
  }

  run(others: RecordLookup): GuardVerdict {
    const pending = this.indexUpdate()
    if (pending) return pending
    const added = new Map<string, unknown>()
    const items = this.read.items
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!
      const state = this.stateOf(item.client)
      if (item.clock + item.length <= state) continue // already applied; Yjs skips it
      if (item.contentRef === ContentRef.type) return refuse('invalid_record', 'nested types are not part of a board')
      const root = this.rootOf(i)
      if (root === COLLECTED) continue // integrates as garbage: nothing of it is kept
      if (root === PENDING) return refuse('pending_update', 'the update depends on changes the server does not have; reconnect to resync')
      if (root === NESTED) return refuse('invalid_record', 'nested types are not part of a board')
      if (root === META_MAP) return refuse('meta_write', 'the board’s title and schema are changed by the server only')
      if (root !== RECORDS_ARRAY) return refuse('invalid_record', `"${root}" is not part of a board`)
      if (item.parentSub !== null) return refuse('invalid_record', 'records are entries of a list, not keys of a map')
      if (item.contentRef === ContentRef.deleted) continue
      if (item.contentRef !== ContentRef.any || item.values === null) return refuse('invalid_record', 'records are JSON values')
      for (let j = Math.max(0, state - item.clock); j < item.length; j++) {
        if (this.deletedByUpdate(item.client, item.clock + j)) continue
        const entry = item.values[j]
        if (!isPlainObject(entry) || typeof entry.key !== 'string') return refuse('invalid_record', 'a record entry is not { key, val }')
        const problem = recordProblem(this.guard.boardSchema, entry.key, entry.val)
        if (problem) return refuse('invalid_record', `record ${entry.key.slice(0, 80)} refused: ${problem}`.slice(0, 120))
        added.set(entry.key, entry.val)
      }
    }
    const removed = this.removedEntries()
    if ('ok' in removed) return removed
    return this.checkReferences(added, removed, others)
  }

  /** Files the update's structs and deletions by id; refuses an update with a gap before its structs. */
  private indexUpdate(): GuardVerdict | null {
    const items = this.read.items
    for (let i = 0; i < items.length; i++) this.fileSpan(items[i]!.client, { clock: items[i]!.clock, length: items[i]!.length, item: i })
    for (const gc of this.read.gcs) this.fileSpan(gc.client, { clock: gc.clock, length: gc.length, item: -1 })
    for (const [client, list] of this.spans) {
      if (list.length > 1) list.sort(byClock)
      let covered = this.stateOf(client)
      for (const span of list) {
        if (span.clock > covered) return refuse('pending_update', 'the update depends on changes the server does not have; reconnect to resync')
        if (span.clock !== covered) this.contiguous = false
        covered = Math.max(covered, span.clock + span.length)
      }
      this.covered.set(client, covered)
    }
    for (const range of this.read.deletes) {
      let list = this.deleted.get(range.client)
      if (!list) this.deleted.set(range.client, (list = []))
      list.push(range)
    }
    // Yjs writes each client's ranges in order; only a hand-made update needs sorting.
    for (const list of this.deleted.values()) if (!isSorted(list)) list.sort(byClock)
    return null
  }

  private fileSpan(client: number, span: Span): void {
    const list = this.spans.get(client)
    if (list) list.push(span)
    else this.spans.set(client, [span])
  }

  private stateOf(client: number): number {
    let state = this.states.get(client)
    if (state === undefined) this.states.set(client, (state = Y.getState(this.store, client)))
    return state
  }

  private coveredUntil(client: number): number {
    return this.covered.get(client) ?? this.stateOf(client)
  }

  private deletedByUpdate(client: number, clock: number): boolean {
    const span = findSpan(this.deleted.get(client), clock)
    return span !== undefined
  }

  /**
   * The root type an item of the update lands in. An item names its parent only when it has no
   * neighbour; otherwise it goes where its origin (or right origin) is, in the update or the doc.
   */
  private rootOf(start: number): string {
    const path: number[] = []
    let index = start
    let result: string | undefined
    for (;;) {
      const known = this.roots.get(index)
      if (known !== undefined) {
        result = known
        break
      }
      if (path.includes(index)) {
        result = PENDING // origins that lead in a circle: Yjs could never integrate them
        break
      }
      path.push(index)
      const item: ReadItem = this.read.items[index]!
      if (typeof item.parent === 'string') {
        result = item.parent
        break
      }
      if (item.parent !== null) {
        result = NESTED
        break
      }
      const neighbour = (item.origin ?? item.rightOrigin)!
      const inUpdate = findSpan(this.spans.get(neighbour.client), neighbour.clock)
      if (inUpdate && neighbour.clock >= this.stateOf(neighbour.client)) {
        if (inUpdate.item === -1) {
          result = COLLECTED
          break
        }
        index = inUpdate.item
        continue
      }
      result = this.rootInDoc(neighbour)
      break
    }
    for (const seen of path) this.roots.set(seen, result)
    return result
  }

  private rootInDoc(id: StructId): string {
    if (id.clock >= this.stateOf(id.client)) return PENDING
    const structs = this.store.clients.get(id.client)!
    const struct = structs[Y.findIndexSS(structs, id.clock)]
    if (!(struct instanceof Y.Item)) return COLLECTED
    const parent = struct.parent
    if (!(parent instanceof Y.AbstractType)) return COLLECTED
    if (parent._item !== null) return NESTED
    return rootName(this.guard.document, parent)
  }

  /**
   * The record entries the update's deletions remove from the document. Deleting any part of
   * `meta` is refused; deletions of what neither the doc nor the update has are pending.
   */
  private removedEntries(): Set<unknown> | GuardVerdict {
    const removed = new Set<unknown>()
    const doc = this.guard.document
    const records = doc.share.get(RECORDS_ARRAY)
    // A reconnecting client's sync step 2 carries its document's whole delete set: thousands of
    // ranges, nearly all deleted long ago. Each client's ranges come in order, so the struct of
    // each later range is searched for from where the previous one was found.
    let client = -1
    let structs: (Y.Item | Y.GC)[] = []
    let state = 0
    let covered = 0
    let cursor = 0
    let lastClock = -1
    for (const range of this.read.deletes) {
      if (range.client !== client) {
        client = range.client
        state = this.stateOf(client)
        covered = this.coveredUntil(client)
        structs = this.store.clients.get(client) ?? []
        cursor = 0
        lastClock = -1
      }
      const end = range.clock + range.length
      if (end > covered) return refuse('pending_update', 'the update deletes changes the server does not have; reconnect to resync')
      const inDocEnd = Math.min(end, state)
      if (range.clock >= inDocEnd) continue
      // The first range of a client, or one out of order: Yjs's own search (it guesses by clock first).
      cursor = lastClock >= 0 && range.clock >= lastClock ? structIndexFrom(structs, range.clock, cursor) : Y.findIndexSS(structs, range.clock)
      lastClock = range.clock
      for (let i = cursor; i < structs.length; i++) {
        const struct = structs[i]!
        if (struct.id.clock >= inDocEnd) break
        if (!(struct instanceof Y.Item) || struct.deleted) continue
        if (struct.parent === this.guard.metaMap) return refuse('meta_write', 'the board’s title and schema are changed by the server only')
        if (struct.parent !== records || !(struct.content instanceof Y.ContentAny)) continue
        const values = struct.content.getContent()
        const from = Math.max(range.clock, struct.id.clock) - struct.id.clock
        const to = Math.min(inDocEnd, struct.id.clock + struct.length) - struct.id.clock
        for (let k = from; k < to; k++) removed.add(values[k])
      }
    }
    return removed
  }

  /**
   * The records the update creates or changes, placed among the records as they will be.
   * `after` (the records the update writes) is this check's own: what the deletions change joins it.
   */
  private checkReferences(after: Map<string, unknown>, removed: ReadonlySet<unknown>, others: RecordLookup): GuardVerdict {
    const index = this.guard.index
    for (const entry of removed) {
      if (!isEntry(entry) || after.has(entry.key)) continue
      // A deleted winner may uncover an older entry for the same key: that is a change too.
      after.set(entry.key, index.winnerWithout(entry.key, removed))
    }
    const lookup: RecordLookup = (id) => {
      const written = after.get(id)
      // A deletion may leave `undefined` in `after`: the record is gone, whatever the index says.
      if (written !== undefined || after.has(id)) return written
      return index.current(id) ?? others(id)
    }
    for (const [key, value] of after) {
      if (!isPlainObject(value)) continue
      const problem =
        value.typeName === 'shape' ? parentChainProblem(key, lookup) : value.typeName === 'binding' ? bindingEndsProblem(value, lookup) : null
      if (problem) return refuse('invalid_record', `record refused: ${problem}`.slice(0, 120), /does not exist|not a shape of the board/.test(problem))
    }
    return {
      ok: true,
      cost: { items: this.read.items.length + this.read.gcs.length, clients: this.read.starts.length, deleteRanges: this.read.deletes.length, bytes: this.byteLength },
      fresh: this.isFresh(),
      statesBefore: this.states,
      decoded: this.read.decoded,
    }
  }

  /** See GuardVerdict. Origins are checked by rootOf only as far as the root; here every reference is. */
  private isFresh(): boolean {
    if (!this.contiguous || this.read.skips.length > 0 || this.read.trailingBytes > 0) return false
    for (const item of this.read.items) {
      if (!this.known(item.origin) || !this.known(item.rightOrigin)) return false
      if (item.parent !== null && typeof item.parent !== 'string' && !this.known(item.parent)) return false
    }
    return true
  }

  /** The document or the update has the struct `id` names (or there is none to have). */
  private known(id: StructId | null): boolean {
    return id === null || id.clock < this.coveredUntil(id.client)
  }
}

function byClock(a: { clock: number }, b: { clock: number }): number {
  return a.clock - b.clock
}

function isSorted(list: readonly { clock: number }[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i]!.clock < list[i - 1]!.clock) return false
  return true
}

function findSpan<T extends { clock: number; length: number }>(list: readonly T[] | undefined, clock: number): T | undefined {
  if (!list) return undefined
  let low = 0
  let high = list.length - 1
  while (low <= high) {
    const mid = (low + high) >> 1
    const span = list[mid]!
    if (clock < span.clock) high = mid - 1
    else if (clock >= span.clock + span.length) low = mid + 1
    else return span
  }
  return undefined
}

const rootNames = new WeakMap<object, string>()

function rootName(doc: Y.Doc, type: object): string {
  const known = rootNames.get(type)
  if (known !== undefined) return known
  for (const [name, shared] of doc.share) rootNames.set(shared, name)
  return rootNames.get(type) ?? NESTED
}
