import { describe, expect, it } from 'vitest'
import { arrangeNotes, nextFreeNoteCell, notesAreaSize, NOTE_GRID, placeArrivingNotes, type FrameItem, type PlacedShape } from '../../../shared/board/note-placement.ts'
import type { Rect } from '../../../shared/regie/layout.ts'
import { layOutModel } from '../../../shared/board/lay-out-model.ts'
import { templateModel } from '../../../shared/templates/index.ts'

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
const NOTE = { width: NOTE_GRID.note, height: NOTE_GRID.note }

describe('note placement in a lane', () => {
  const question: FrameItem = { rect: { x: 24, y: 24, width: 320, height: 180 }, isNote: false }

  it('puts notes below the question card, never on it, and never on each other', () => {
    const lane = { width: notesAreaSize().width, height: 1200 }
    const items: FrameItem[] = [question]
    for (let i = 0; i < 12; i++) {
      const cell = nextFreeNoteCell(lane, items)
      const rect = { x: cell.x, y: cell.y, ...NOTE }
      expect(cell.y).toBeGreaterThanOrEqual(question.rect.y + question.rect.height)
      for (const item of items) expect(overlaps(rect, item.rect)).toBe(false)
      items.push({ rect, isNote: true })
    }
    // Three to a row.
    expect(new Set(items.filter((i) => i.isNote).map((i) => i.rect.y)).size).toBe(4)
  })

  it('grows the lane when it is full', () => {
    const lane = { width: notesAreaSize().width, height: 500 }
    const items: FrameItem[] = [question]
    let height = lane.height
    for (let i = 0; i < 7; i++) {
      const cell = nextFreeNoteCell({ ...lane, height }, items)
      items.push({ rect: { x: cell.x, y: cell.y, ...NOTE }, isNote: true })
      height = cell.frameHeight
      expect(cell.y + NOTE.height).toBeLessThanOrEqual(height)
    }
    expect(height).toBeGreaterThan(lane.height)
  })

  it('snaps scattered notes onto the grid in reading order ("Notities ordenen")', () => {
    const scattered: FrameItem[] = [question, ...[[400, 30], [50, 260], [70, 280], [300, 500]].map(([x, y]) => ({ rect: { x: x!, y: y!, ...NOTE }, isNote: true }))]
    const { positions } = arrangeNotes({ width: notesAreaSize().width, height: 1000 }, scattered)
    expect(positions[0]).toEqual({ x: 24, y: 24 })
    const placed = positions.slice(1).map((p) => ({ ...p, ...NOTE }))
    for (const [i, a] of placed.entries()) {
      expect(overlaps(a, question.rect)).toBe(false)
      for (const b of placed.slice(i + 1)) expect(overlaps(a, b)).toBe(false)
    }
  })

  it('moves revealed notes that would land on each other to free cells', () => {
    const frame: PlacedShape = { id: 'shape:lane', typeName: 'shape', type: 'frame', parentId: 'page:page', x: 0, y: 0, props: { w: 700, h: 500 }, meta: { regieGroup: 'lane' } }
    const card: PlacedShape = { id: 'shape:q', typeName: 'shape', type: 'regie-item', parentId: 'shape:lane', x: 24, y: 24, props: { w: 320, h: 180 } }
    const notes: PlacedShape[] = [1, 2, 3].map((i) => ({ id: `shape:n${i}`, typeName: 'shape', type: 'note', parentId: 'shape:lane', x: 30, y: 30, props: { scale: 1, growY: 0 } }))
    const changed = placeArrivingNotes([frame, card, ...notes], notes)
    const moved = changed.filter((r) => r.type === 'note')
    expect(moved).toHaveLength(3)
    const rects = moved.map((n) => ({ x: n.x!, y: n.y!, ...NOTE }))
    for (const [i, a] of rects.entries()) {
      expect(overlaps(a, { x: 24, y: 24, width: 320, height: 180 })).toBe(false)
      for (const b of rects.slice(i + 1)) expect(overlaps(a, b)).toBe(false)
    }
    expect(changed.some((r) => r.id === 'shape:lane')).toBe(false)
  })

  it('gives every lane of the co-creatie template room for twelve notes below its question', async () => {
    const model = templateModel('co-creatie-co-productie-uitbesteding', 'nl')
    const layout = await layOutModel(model)
    for (const lane of model.groups) {
      const rect = layout.groups[lane.id]!
      const inLane = model.blocks.filter((b) => b.group === lane.id).map((b) => layout.blocks[b.id]!)
      const items: FrameItem[] = inLane.map((r) => ({ rect: { ...r, x: r.x - rect.x, y: r.y - rect.y }, isNote: false }))
      for (let i = 0; i < 12; i++) {
        const cell = nextFreeNoteCell(rect, items)
        expect(cell.frameHeight, `${lane.id}: note ${i + 1} fits without growing`).toBe(rect.height)
        items.push({ rect: { x: cell.x, y: cell.y, ...NOTE }, isNote: true })
      }
    }
  })
})
