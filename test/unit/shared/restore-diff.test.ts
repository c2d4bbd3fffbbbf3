import { describe, expect, it } from 'vitest'
import { restoreDiff, sameValue } from '../../../shared/board/restore-diff.ts'

type Rec = { id: string; typeName: string; x?: number; isLocked?: boolean; props?: Record<string, unknown> }
const shape = (id: string, x: number, extra: Partial<Rec> = {}): Rec => ({ id, typeName: 'shape', x, isLocked: false, props: { name: id }, ...extra })

describe('restoreDiff', () => {
  it('puts back what changed or went, removes what was added, and leaves the rest alone', () => {
    const snapshot = [shape('shape:a', 0), shape('shape:b', 10), shape('shape:c', 20), { id: 'page:p', typeName: 'page' }]
    const current = [shape('shape:a', 0), shape('shape:b', 99), shape('shape:new', 5), { id: 'page:p', typeName: 'page' }]
    const diff = restoreDiff(current, snapshot)
    expect(diff.put.map((r) => r.id)).toEqual(['shape:b', 'shape:c'])
    expect(diff.put[0]).toEqual(shape('shape:b', 10))
    expect(diff.remove).toEqual(['shape:new'])
  })

  it('is empty when the board is as in the snapshot', () => {
    const records = [shape('shape:a', 0, { props: { name: 'Gemeente', list: [1, { b: 2 }] } })]
    expect(restoreDiff(structuredClone(records), records)).toEqual({ put: [], remove: [] })
  })

  it('keeps the lock state of now: locked stays locked, a card that comes back is unlocked', () => {
    const snapshot = [shape('shape:frame', 0, { isLocked: true }), shape('shape:card', 5, { isLocked: true }), shape('shape:gone', 7, { isLocked: true })]
    const current = [shape('shape:frame', 50, { isLocked: true }), shape('shape:card', 5, { isLocked: false })]
    const diff = restoreDiff(current, snapshot)
    expect(diff.put).toEqual([shape('shape:frame', 0, { isLocked: true }), shape('shape:gone', 7, { isLocked: false })])
    expect(diff.remove).toEqual([])
  })
})

describe('sameValue', () => {
  it('compares JSON structurally, ignoring undefined fields', () => {
    expect(sameValue({ a: 1, b: [1, 2], c: undefined }, { b: [1, 2], a: 1 })).toBe(true)
    expect(sameValue({ a: 1 }, { a: 2 })).toBe(false)
    expect(sameValue([1, 2], [1, 2, 3])).toBe(false)
    expect(sameValue({ a: [] }, { a: {} })).toBe(false)
    expect(sameValue(null, {})).toBe(false)
  })
})
