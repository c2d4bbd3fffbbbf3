import { describe, expect, it } from 'vitest'
import { overlaps, placeCard, type Box } from '../../../shared/board/card-placement.ts'

const size = { w: 200, h: 100 }
const viewport: Box = { x: 0, y: 0, w: 1600, h: 900 }
const at = (x: number, y: number): Box => ({ x, y, ...size })
const clear = (placed: { x: number; y: number }, occupied: readonly Box[], gap = 24) => occupied.every((box) => !overlaps({ ...placed, ...size }, box, gap))

describe('placeCard', () => {
  it('puts the first card in the middle of an empty view', () => {
    expect(placeCard({ size, occupied: [], viewport })).toEqual({ x: 700, y: 400 })
  })

  it('never puts a card on top of another one, however many are placed in a row', () => {
    const occupied: Box[] = []
    for (let n = 0; n < 40; n++) {
      const placed = placeCard({ size, occupied, viewport })
      expect(clear(placed, occupied)).toBe(true)
      occupied.push({ ...placed, ...size })
    }
    // Forty cards fit in a 1600×900 view only partly; all of them were kept apart anyway.
    expect(new Set(occupied.map((box) => `${box.x},${box.y}`)).size).toBe(40)
  })

  it('goes right of the selection when there is room', () => {
    const selection = at(100, 100)
    expect(placeCard({ size, occupied: [selection], viewport, nextTo: selection })).toEqual({ x: 324, y: 100 })
  })

  it('finds the nearest free spot next to the selection when the right side is taken', () => {
    const selection = at(100, 100)
    const right = at(324, 100)
    const placed = placeCard({ size, occupied: [selection, right], viewport, nextTo: selection })
    expect(clear(placed, [selection, right])).toBe(true)
    // Near the selection: within two card steps.
    expect(Math.abs(placed.x - 324)).toBeLessThanOrEqual(2 * 224)
    expect(Math.abs(placed.y - 100)).toBeLessThanOrEqual(2 * 124)
  })

  it('centres a dropped card on the drop point, or moves it just clear of a card there', () => {
    expect(placeCard({ size, occupied: [], viewport, at: { x: 500, y: 300 } })).toEqual({ x: 400, y: 250 })
    const there = at(380, 240)
    const placed = placeCard({ size, occupied: [there], viewport, at: { x: 500, y: 300 } })
    expect(clear(placed, [there])).toBe(true)
    expect(Math.hypot(placed.x - 400, placed.y - 250)).toBeLessThan(300)
  })

  it('prefers a free spot inside the view, and still finds one outside a full view', () => {
    const small: Box = { x: 0, y: 0, w: 500, h: 300 }
    const full = [at(0, 0), at(250, 0), at(0, 150), at(250, 150), at(150, 80)]
    const placed = placeCard({ size, occupied: full, viewport: small })
    expect(clear(placed, full)).toBe(true)
  })

  it('puts a card wholly inside a lane or wholly outside it, never across its edge', () => {
    const lane: Box = { x: 500, y: 300, w: 600, h: 300 }
    const inside = placeCard({ size, occupied: [], containers: [lane], viewport, at: { x: 700, y: 450 } })
    expect(inside).toEqual({ x: 600, y: 400 })
    // Dropped on the lane's edge: it moves to one side of it.
    const edge = placeCard({ size, occupied: [], containers: [lane], viewport, at: { x: 1100, y: 450 } })
    const box = { ...edge, ...size }
    const across = overlaps(box, lane) && !(box.x >= lane.x && box.y >= lane.y && box.x + box.w <= lane.x + lane.w && box.y + box.h <= lane.y + lane.h)
    expect(across).toBe(false)
  })
})

describe('overlaps', () => {
  it('counts boxes closer than the gap as overlapping, and boxes exactly a gap apart as not', () => {
    expect(overlaps(at(0, 0), at(210, 0), 24)).toBe(true)
    expect(overlaps(at(0, 0), at(224, 0), 24)).toBe(false)
    expect(overlaps(at(0, 0), at(0, 124), 24)).toBe(false)
    expect(overlaps(at(0, 0), at(100, 50))).toBe(true)
  })
})
