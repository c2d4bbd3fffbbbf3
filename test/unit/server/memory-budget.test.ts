import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  BoardMemoryError,
  boardHeapEstimate,
  checkBoardMemory,
  CLIENT_HEAP_BYTES,
  CONTENT_HEAP_FACTOR,
  STRUCT_HEAP_BYTES,
  structCount,
  updateHeapCost,
} from '../../../server/rooms/memory-budget.ts'

describe('board memory budget', () => {
  it('counts structs and clients of the document and charges content by its size', () => {
    const doc = new Y.Doc()
    const text = doc.getText('t')
    text.insert(0, 'abcdef')
    text.delete(1, 1)
    text.delete(3, 1)
    // abcdef split by two deletions: a | b | cd | e | f
    expect(structCount(doc)).toBe(5)
    expect(boardHeapEstimate(doc, 100)).toBe(5 * STRUCT_HEAP_BYTES + 1 * CLIENT_HEAP_BYTES + 100 * CONTENT_HEAP_FACTOR)
  })

  it('charges an update for its items, the structs its deletions may split, new clients and bytes', () => {
    expect(updateHeapCost({ items: 3, clients: 2, deleteRanges: 4, bytes: 10 })).toBe((6 + 8) * STRUCT_HEAP_BYTES + 2 * CLIENT_HEAP_BYTES + 10 * CONTENT_HEAP_FACTOR)
  })

  it('refuses only the update that would take the board past its limit', () => {
    const doc = new Y.Doc()
    doc.getArray('a').insert(0, [1])
    const now = boardHeapEstimate(doc, 50)
    const cost = { items: 1, clients: 1, deleteRanges: 0, bytes: 20 }
    expect(() => checkBoardMemory(doc, 50, cost, now + updateHeapCost(cost))).not.toThrow()
    expect(() => checkBoardMemory(doc, 50, cost, now + updateHeapCost(cost) - 1)).toThrow(BoardMemoryError)
  })
})
