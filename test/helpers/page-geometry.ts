/**
 * Measures the board as rendered, with tldraw's own geometry (arrow bodies and label boxes from
 * the arrow util, page bounds from the editor): the issue 13 targets as a browser sees them.
 */
import type { Page } from 'playwright-core'

export interface PageMeasures {
  cards: number
  relations: number
  crossing: string[]
  labelOverlaps: string[]
  cardOverlaps: string[]
  frameOverlaps: string[]
  clipped: string[]
  /** Zoom at which tldraw's zoom-to-fit shows the whole board. */
  fitZoom: number
  /** Every relation label's page box, for finding out why two overlap. */
  labels: { id: string; box: { x: number; y: number; w: number; h: number } }[]
}

export function measurePage(page: Page): Promise<PageMeasures> {
  return page.evaluate(() => {
    type Rect = { x: number; y: number; w: number; h: number }
    type Vec = { x: number; y: number }
    type Geometry = { children?: Geometry[]; isLabel?: boolean; bounds: Rect; vertices: Vec[] }
    type Shape = { id: string; type: string; parentId: string; props: Record<string, unknown> }
    type Editor = {
      getCurrentPageShapes(): Shape[]
      getShapePageBounds(id: string): Rect | undefined
      getShapeGeometry(shape: Shape): Geometry
      getShapePageTransform(shape: Shape): { applyToPoint(p: Vec): Vec }
      getBindingsFromShape(shape: Shape, type: string): { toId: string }[]
      getShape(id: string): Shape | undefined
      zoomToFit(): void
      getZoomLevel(): number
    }
    const editor = (window as unknown as { __regiebordEditor: Editor }).__regiebordEditor
    const shapes = editor.getCurrentPageShapes()
    const CARDS = new Set(['regie-actor', 'regie-item', 'regie-legend', 'note'])
    const bounds = (id: string): Rect => editor.getShapePageBounds(id) ?? { x: 0, y: 0, w: 0, h: 0 }
    const overlap = (a: Rect, b: Rect, inset = 0.5) => a.x + inset < b.x + b.w - inset && b.x + inset < a.x + a.w - inset && a.y + inset < b.y + b.h - inset && b.y + inset < a.y + a.h - inset
    const segmentHits = (a: Vec, b: Vec, r: Rect): boolean => {
      let t0 = 0
      let t1 = 1
      const dx = b.x - a.x
      const dy = b.y - a.y
      for (const [p, q] of [
        [-dx, a.x - r.x],
        [dx, r.x + r.w - a.x],
        [-dy, a.y - r.y],
        [dy, r.y + r.h - a.y],
      ] as const) {
        if (p === 0) {
          if (q < 0) return false
        } else {
          const t = q / p
          if (p < 0) {
            if (t > t1) return false
            if (t > t0) t0 = t
          } else {
            if (t < t0) return false
            if (t < t1) t1 = t
          }
        }
      }
      return t0 <= t1
    }
    const cards = shapes.filter((shape) => CARDS.has(shape.type))
    const frames = shapes.filter((shape) => shape.type === 'frame')
    const arrows = shapes.filter((shape) => shape.type === 'arrow')
    const cardOverlaps: string[] = []
    for (let i = 0; i < cards.length; i++) for (let j = i + 1; j < cards.length; j++) if (overlap(bounds(cards[i]!.id), bounds(cards[j]!.id))) cardOverlaps.push(`${cards[i]!.id} × ${cards[j]!.id}`)
    const frameOverlaps: string[] = []
    for (let i = 0; i < frames.length; i++) {
      for (let j = i + 1; j < frames.length; j++) {
        if (frames[i]!.parentId === frames[j]!.parentId && overlap(bounds(frames[i]!.id), bounds(frames[j]!.id))) frameOverlaps.push(`${frames[i]!.id} × ${frames[j]!.id}`)
      }
    }
    const clipped: string[] = []
    for (const shape of shapes) {
      const parent = editor.getShape(shape.parentId)
      if (!parent || parent.type !== 'frame') continue
      const r = bounds(shape.id)
      const f = bounds(parent.id)
      if (r.x < f.x - 0.5 || r.y < f.y - 0.5 || r.x + r.w > f.x + f.w + 0.5 || r.y + r.h > f.y + f.h + 0.5) clipped.push(shape.id)
    }
    const crossing: string[] = []
    const labels: { id: string; box: Rect }[] = []
    for (const arrow of arrows) {
      const ends = new Set(editor.getBindingsFromShape(arrow, 'arrow').map((binding) => binding.toId))
      const geometry = editor.getShapeGeometry(arrow)
      const transform = editor.getShapePageTransform(arrow)
      const body = geometry.children?.[0] ?? geometry
      const points = body.vertices.map((p) => transform.applyToPoint(p))
      const crosses = cards.some((card) => {
        if (ends.has(card.id)) return false
        const b = bounds(card.id)
        const r = { x: b.x + 2, y: b.y + 2, w: b.w - 4, h: b.h - 4 }
        for (let i = 1; i < points.length; i++) if (segmentHits(points[i - 1]!, points[i]!, r)) return true
        return false
      })
      if (crosses) crossing.push(arrow.id)
      const label = geometry.children?.find((child) => child.isLabel)
      if (label) {
        const corner = transform.applyToPoint({ x: label.bounds.x, y: label.bounds.y })
        labels.push({ id: arrow.id, box: { x: corner.x, y: corner.y, w: label.bounds.w, h: label.bounds.h } })
      }
    }
    const labelOverlaps: string[] = []
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) if (overlap(labels[i]!.box, labels[j]!.box)) labelOverlaps.push(`${labels[i]!.id} × ${labels[j]!.id}`)
      for (const card of cards) if (overlap(labels[i]!.box, bounds(card.id))) labelOverlaps.push(`${labels[i]!.id} × ${card.id}`)
    }
    editor.zoomToFit()
    return {
      cards: cards.length,
      relations: arrows.length,
      crossing,
      labelOverlaps,
      cardOverlaps,
      frameOverlaps,
      clipped,
      fitZoom: editor.getZoomLevel(),
      labels,
    }
  })
}
