import * as Y from 'yjs'

/**
 * Merges stored updates into one. Going through a Y.Doc (rather than Y.mergeUpdates) lets Yjs
 * garbage-collect deleted content, so a board whose shapes are moved all day does not keep
 * every old position on disk.
 */
export function mergeUpdatesWithGc(updates: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc()
  try {
    Y.transact(doc, () => {
      for (const update of updates) Y.applyUpdate(doc, update)
    })
    return Y.encodeStateAsUpdate(doc)
  } finally {
    doc.destroy()
  }
}

/** Updates applied between two turns of the event loop in `mergeUpdatesWithGcInSlices`. */
const SLICE_SIZE = 50

/**
 * The same merge, applied a slice at a time with a turn of the event loop in between. Merging a
 * board's log of a few hundred updates takes tens of milliseconds, which done at once would hold
 * up the relaying on every other board of the server for that long.
 *
 * The largest update goes first. Updates appended while the previous compaction ran are stored
 * before its merged update (which gets the next `seq` when it is written), yet build on it;
 * applied first, they would wait as pending structs, which Yjs merges again with every update
 * that follows. The merged update is by far the largest, so this order avoids that. (Any order
 * gives the same document; this one is the cheap one.)
 */
export async function mergeUpdatesWithGcInSlices(updates: readonly Uint8Array[], sliceSize = SLICE_SIZE): Promise<Uint8Array> {
  const doc = new Y.Doc()
  const ordered = largestFirst(updates)
  try {
    for (let start = 0; start < ordered.length; start += sliceSize) {
      if (start > 0) await new Promise((resolve) => setImmediate(resolve))
      Y.transact(doc, () => {
        for (const update of ordered.slice(start, start + sliceSize)) Y.applyUpdate(doc, update)
      })
    }
    return Y.encodeStateAsUpdate(doc)
  } finally {
    doc.destroy()
  }
}

function largestFirst(updates: readonly Uint8Array[]): readonly Uint8Array[] {
  if (updates.length < 2) return updates
  let largest = 0
  for (let i = 1; i < updates.length; i++) if (updates[i]!.byteLength > updates[largest]!.byteLength) largest = i
  return [updates[largest]!, ...updates.slice(0, largest), ...updates.slice(largest + 1)]
}
