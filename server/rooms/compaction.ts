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
