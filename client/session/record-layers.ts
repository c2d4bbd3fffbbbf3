/**
 * Which of a board's documents each record lives in, for the store bindings (see StoreLayer): a
 * record in `structure` is locked, one in `private` is this participant's unrevealed note, every
 * other record is the board's. New records go to the board, except a participant's new shapes
 * while "stil schrijven" is on: those go to their private document, so they never reach anyone.
 */
import type { Signal } from '@tldraw/state'
import type { StoreLayer } from '../board/yjs-store-binding.ts'
import type { RecordsKeyValue } from '../board/records-kv.ts'

export interface LayerDocs {
  main: RecordsKeyValue
  structure: RecordsKeyValue
  private: RecordsKeyValue | null
}

export type LayerName = keyof LayerDocs

export function createRecordLayers(docs: LayerDocs, $writesPrivately: Signal<boolean>, canEditStructure: boolean): Record<LayerName, StoreLayer> {
  const homeOf = (id: string): LayerName => {
    if (docs.structure.has(id)) return 'structure'
    if (docs.private?.has(id)) return 'private'
    if (docs.main.has(id)) return 'main'
    const isContent = id.startsWith('shape:') || id.startsWith('binding:')
    return isContent && docs.private && $writesPrivately.get() ? 'private' : 'main'
  }
  const layer = (name: LayerName, revertLocalEdits = false): StoreLayer => ({
    owns: (id) => homeOf(id) === name,
    heldElsewhere: (id) => (Object.keys(docs) as LayerName[]).some((other) => other !== name && docs[other]?.has(id) === true),
    revertLocalEdits,
  })
  return { main: layer('main'), structure: layer('structure', !canEditStructure), private: layer('private') }
}
