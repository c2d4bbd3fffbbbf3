import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { structIndexFrom } from '../../../server/rooms/struct-search.ts'

describe('struct search', () => {
  it('finds the struct holding each clock, as findIndexSS does, from any struct at or before it', () => {
    // Structs of many lengths: inserts of 1..7 elements, every third one deleted again.
    const doc = new Y.Doc()
    const array = doc.getArray<number>('a')
    for (let i = 0; i < 120; i++) {
      doc.transact(() => array.insert(0, Array.from({ length: 1 + (i % 7) }, () => i)))
      if (i % 3 === 0) array.delete(0, 1)
    }
    const structs = doc.store.clients.get(doc.clientID)!
    expect(structs.length).toBeGreaterThan(100)
    const state = Y.getState(doc.store, doc.clientID)
    for (let clock = 0; clock < state; clock++) {
      const expected = Y.findIndexSS(structs, clock)
      for (let from = 0; from <= expected; from++) expect(structIndexFrom(structs, clock, from)).toBe(expected)
    }
  })
})
