/**
 * Where a new card goes: next to what is selected, or where the user dropped it, or in the
 * middle of the view, but never on top of another card. Pure, so it is tested without a canvas.
 *
 * Candidates are a grid of card-sized steps around the preferred spot, nearest first (a step
 * sideways counts less than a step up or down, so cards line up in rows); the first one that keeps
 * `gap` clear of every occupied box wins, preferring those inside the view.
 */
export interface Box {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

export interface PlacementInput {
  readonly size: { readonly w: number; readonly h: number }
  /** Boxes a new card must not cover (other cards; not frames or arrows). */
  readonly occupied: readonly Box[]
  /**
   * Frames and lanes: a card goes wholly inside one or wholly outside it, never across its edge
   * (where the frame would cut it off).
   */
  readonly containers?: readonly Box[]
  /** The visible part of the page. */
  readonly viewport: Box
  /** The selection's bounds: the card goes right of it (or the nearest free spot around). */
  readonly nextTo?: Box | null
  /** A point the card should be centred on (a drop). Wins over `nextTo`. */
  readonly at?: { readonly x: number; readonly y: number } | null
  readonly gap?: number
}

const MAX_RINGS = 40

export function placeCard(input: PlacementInput): { x: number; y: number } {
  const gap = input.gap ?? 24
  const { w, h } = input.size
  const origin = input.at
    ? { x: input.at.x - w / 2, y: input.at.y - h / 2 }
    : input.nextTo
      ? { x: input.nextTo.x + input.nextTo.w + gap, y: input.nextTo.y }
      : { x: input.viewport.x + input.viewport.w / 2 - w / 2, y: input.viewport.y + input.viewport.h / 2 - h / 2 }
  const containers = input.containers ?? []
  const free = (box: Box) =>
    input.occupied.every((other) => !overlaps(box, other, gap)) &&
    containers.every((frame) => !overlaps(box, frame, 0) || contains(inset(frame, gap / 2), box))
  const stepX = w + gap
  const stepY = h + gap
  let outside: { x: number; y: number } | null = null
  for (const [i, j] of offsetsNearestFirst()) {
    const box = { x: origin.x + i * stepX, y: origin.y + j * stepY, w, h }
    if (!free(box)) continue
    if (contains(input.viewport, box)) return { x: box.x, y: box.y }
    outside ??= { x: box.x, y: box.y }
  }
  return outside ?? origin
}

let offsets: ReadonlyArray<readonly [number, number]> | null = null
function offsetsNearestFirst(): ReadonlyArray<readonly [number, number]> {
  offsets ??= ringOffsets(MAX_RINGS)
  return offsets
}

/** Grid offsets within `rings` steps, nearest first; sideways steps cost less than vertical ones. */
function ringOffsets(rings: number): Array<[number, number]> {
  const offsets: Array<[number, number]> = []
  for (let i = -rings; i <= rings; i++) for (let j = -rings; j <= rings; j++) offsets.push([i, j])
  const cost = ([i, j]: [number, number]) => Math.hypot(i, j * 1.5) + (i < 0 ? 0.25 : 0) + (j < 0 ? 0.1 : 0)
  return offsets.sort((a, b) => cost(a) - cost(b))
}

/** Whether the boxes come closer than `gap` (touching at exactly `gap` is fine). */
export function overlaps(a: Box, b: Box, gap = 0): boolean {
  const margin = gap - 0.5
  return a.x < b.x + b.w + margin && b.x < a.x + a.w + margin && a.y < b.y + b.h + margin && b.y < a.y + a.h + margin
}

function inset(box: Box, by: number): Box {
  return { x: box.x + by, y: box.y + by, w: box.w - 2 * by, h: box.h - 2 * by }
}

function contains(outer: Box, inner: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h
}
