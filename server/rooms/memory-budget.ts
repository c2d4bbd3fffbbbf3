/**
 * What one loaded board may cost in heap. The per-update budget (update-reader) bounds one update;
 * this bounds their sum, which the stored-size limit cannot: Yjs keeps an object of ~200–450
 * bytes per struct, so a board of many tiny edits (a delete set of every other character) costs
 * 15–30× its encoded size in memory while its stored bytes stay small.
 *
 * The estimate is structs × STRUCT_HEAP_BYTES + clients × CLIENT_HEAP_BYTES + content bytes ×
 * CONTENT_HEAP_FACTOR, with the constants measured by `npm run bench:board-memory` (heap growth
 * after applying typical and hostile updates, with forced GC) and rounded up, so that it is an
 * upper bound of what V8 holds.
 * An update is charged before it is applied: every item it brings may split one struct and every
 * delete range may split two.
 */
import type * as Y from 'yjs'

/** Heap per Yjs struct (Item + ID + content object), upper end of what the bench measures. */
export const STRUCT_HEAP_BYTES = 450
/** Heap per byte of encoded content: JSON records decode to JS objects 3.4–4.8× their size. */
export const CONTENT_HEAP_FACTOR = 5
/** Heap per client the document has seen (its entry in the store's map and its struct array). */
export const CLIENT_HEAP_BYTES = 400

/** What one update brings, as the update reader counted it. */
export interface UpdateCost {
  items: number
  /** Clients whose structs the update carries (each may be new to the document). */
  clients: number
  deleteRanges: number
  bytes: number
}

/** Counts the document's structs: one pass over its clients, not over the structs. */
export function structCount(doc: Y.Doc): number {
  let structs = 0
  for (const list of doc.store.clients.values()) structs += list.length
  return structs
}

/** The board's estimated heap now: its structs and clients plus its content (its stored size). */
export function boardHeapEstimate(doc: Y.Doc, contentBytes: number): number {
  return structCount(doc) * STRUCT_HEAP_BYTES + doc.store.clients.size * CLIENT_HEAP_BYTES + contentBytes * CONTENT_HEAP_FACTOR
}

/** The most one update can add: new structs, the structs it may split, new clients, its content. */
export function updateHeapCost(cost: UpdateCost): number {
  return (2 * cost.items + 2 * cost.deleteRanges) * STRUCT_HEAP_BYTES + cost.clients * CLIENT_HEAP_BYTES + cost.bytes * CONTENT_HEAP_FACTOR
}

/** An update that would take the board's estimated heap past `maxBoardMemoryBytes`; not applied. */
export class BoardMemoryError extends Error {}

/** Throws BoardMemoryError when applying an update of `cost` could take the board past `limit`. */
export function checkBoardMemory(doc: Y.Doc, contentBytes: number, cost: UpdateCost, limit: number): void {
  const estimate = boardHeapEstimate(doc, contentBytes) + updateHeapCost(cost)
  if (estimate > limit) {
    throw new BoardMemoryError(`board is at its memory limit (${Math.round(limit / 1024 / 1024)} MiB)`)
  }
}
