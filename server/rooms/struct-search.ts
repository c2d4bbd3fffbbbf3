/**
 * Finding a client's struct by clock, for a run of clocks in order (the ranges of a delete
 * set). Yjs's findIndexSS starts over on the whole list each time; a reconnecting client's sync
 * step 2 carries its document's entire delete set, thousands of ranges, nearly all deleted
 * long ago, and the record guard looks each up before anything is applied.
 */
import type * as Y from 'yjs'

/**
 * The index of the struct holding `clock` (which the document has), given that the struct at
 * `from` starts at or before it: gallops forward from there, then halves, so a run of ranges
 * in order costs about the log of each gap rather than of the whole list.
 */
export function structIndexFrom(structs: readonly (Y.Item | Y.GC)[], clock: number, from: number): number {
  let low = from
  let step = 1
  let high = from + 1
  while (high < structs.length && structs[high]!.id.clock <= clock) {
    low = high
    step *= 2
    high = low + step
  }
  high = Math.min(high, structs.length) - 1
  // structs[low] starts at or before `clock`, and nothing after `high` does.
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (structs[mid]!.id.clock <= clock) low = mid
    else high = mid - 1
  }
  return low
}
