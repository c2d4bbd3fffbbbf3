/**
 * Routes relations around cards and places their labels. A relation stays tldraw's own arrow,
 * bound to its two cards (so binding, editing and labels keep working), drawn as an arc from card
 * centre to card centre: what this module chooses is the arc's `bend` and the label's position,
 * so that no arc runs through a card that is not one of its ends and no label covers a card or
 * another label. Where a label finds no free place it is shortened on the canvas (the full text
 * stays in the model: see `relationLabelOf`).
 *
 * The geometry follows tldraw's arc arrow (curved-arrow.ts: the arc passes through both
 * terminals and a middle handle `bend` away from the chord, to the chord's left for a positive
 * bend) and its label sizing (arrowLabel.ts), estimated from text length because this runs on the
 * server too. Pure: no DOM, no editor.
 */
import type { Rect } from '../regie/layout.ts'

export interface Point {
  readonly x: number
  readonly y: number
}

export interface RoutableCard {
  readonly id: string
  readonly rect: Rect
}

export interface RelationToRoute {
  readonly id: string
  readonly from: string
  readonly to: string
  /** The full label, '' for none. */
  readonly label: string
}

export interface Anchor {
  readonly x: number
  readonly y: number
}

export const CENTRE: Anchor = { x: 0.5, y: 0.5 }

export interface RelationRoute {
  readonly bend: number
  /** Where on each card (0–1 of its size) the arc aims; off-centre only where the centre gives no free route. */
  readonly startAnchor: Anchor
  readonly endAnchor: Anchor
  readonly labelPosition: number
  /** What the canvas shows: the label, or a shortened form of it where the full one finds no room. */
  readonly shownLabel: string
  /** Estimated label box on the page, null without a label. */
  readonly labelBox: Rect | null
  /** Cards (other than its ends) the arc still runs through: empty when routing succeeded. */
  readonly crossings: readonly string[]
}

/** tldraw's arrow label at size 's': 16 px × 1.125, its line height and padding (arrowLabel.ts). */
export const ARROW_LABEL = { fontSize: 18, lineHeight: 1.35, padding: 4.25, charWidth: 9.1, maxVerticalWidth: 16 * 18, margin: 64 } as const

/** Bends tried, smallest first: a straight line where it is free, a wider curve where not. */
const BENDS = [0, 40, -40, 80, -80, 130, -130, 190, -190, 260, -260, 340, -340, 440, -440, 600, -600]
const LABEL_POSITIONS = [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78, 0.15, 0.85]
/** Labels keep this far apart and from cards, so they read as separate. */
const LABEL_CLEARANCE = 12
const SAMPLES = 48
/** Off-centre aims tried when no arc between the centres is free: near each side's middle. */
const ANCHORS: Anchor[] = [CENTRE, { x: 0.5, y: 0.12 }, { x: 0.5, y: 0.88 }, { x: 0.12, y: 0.5 }, { x: 0.88, y: 0.5 }, { x: 0.15, y: 0.15 }, { x: 0.85, y: 0.15 }, { x: 0.15, y: 0.85 }, { x: 0.85, y: 0.85 }]

/** `fixedLabels`: labels already on the board (of relations not being routed) to keep clear of. */
export function routeRelations(cards: readonly RoutableCard[], relations: readonly RelationToRoute[], fixedLabels: readonly Rect[] = []): Map<string, RelationRoute> {
  const byId = new Map(cards.map((card) => [card.id, card.rect]))
  const routes = new Map<string, RelationRoute>()
  const placedLabels: Rect[] = [...fixedLabels]
  // Pairs of cards joined more than once get their arcs fanned out, so they do not coincide.
  const pairCount = new Map<string, number>()

  for (const relation of relations) {
    const from = byId.get(relation.from)
    const to = byId.get(relation.to)
    if (!from || !to) continue
    const pair = relation.from < relation.to ? `${relation.from}|${relation.to}` : `${relation.to}|${relation.from}`
    const nth = pairCount.get(pair) ?? 0
    pairCount.set(pair, nth + 1)
    const others = cards.filter((card) => card.id !== relation.from && card.id !== relation.to)

    // Candidate arcs, best first: fewest cards crossed, then the gentlest curve, centres before
    // other aims. Other aims are only tried when no arc between the centres is free.
    const near = others.filter((card) => rectsOverlap(card.rect, grow(boundsOf([from, to]), 500)))
    const bends = bendsFor(nth, relation.from > relation.to)
    const tryPair = ([startAnchor, endAnchor]: readonly [Anchor, Anchor]) =>
      bends.map((bend) => {
        const body = arcBody(from, to, bend, startAnchor, endAnchor)
        const box = boundsOfPoints(body)
        const crossings = near.filter((card) => rectsOverlap(box, card.rect) && polylineHitsRect(body, shrink(card.rect, 2))).map((card) => card.id)
        return { bend, body, startAnchor, endAnchor, crossings }
      })
    let candidates = tryPair([CENTRE, CENTRE])
    if (!candidates.some((candidate) => candidate.crossings.length === 0)) {
      for (const pair of ANCHORS.flatMap((a) => ANCHORS.map((b) => [a, b] as const)).slice(1)) {
        const more = tryPair(pair)
        candidates = candidates.concat(more)
        if (more.some((candidate) => candidate.crossings.length === 0)) break
      }
    }
    candidates.sort((a, b) => a.crossings.length - b.crossings.length)
    const fewest = candidates[0]!.crossings.length
    // A few of the best arcs are enough to find a free place for a label.
    // Enough arcs to find room for a label; more only costs time.
    const clean = candidates.filter((candidate) => candidate.crossings.length === fewest).slice(0, 24)

    if (relation.label.trim() === '') {
      const best = clean[0]!
      routes.set(relation.id, { bend: best.bend, startAnchor: best.startAnchor, endAnchor: best.endAnchor, labelPosition: 0.5, shownLabel: '', labelBox: null, crossings: best.crossings })
      continue
    }

    const obstacles = [...cards.map((card) => card.rect), ...placedLabels]
    let chosen: RelationRoute | null = null
    let fallback: { route: RelationRoute; hits: number } | null = null
    // The full label on any clean arc first; shortened forms only when none has room.
    // The gentlest arcs first, with every shortening; the wider ones only when those all fail.
    outer: for (const [arcs, text] of [clean.slice(0, 6), clean.slice(6)].flatMap((arcs) => shortenings(relation.label).map((text) => [arcs, text] as const))) {
      for (const candidate of arcs) {
        const size = labelSize(text, candidate.body)
        // Where the arc leaves too little width, the browser would break a word: not a place.
        // (The word-width estimate can be a few pixels short: a rare break on a short arc remains.)
        if (size.width - 2 * ARROW_LABEL.padding + 0.5 < longestWord(text)) continue
        for (const position of LABEL_POSITIONS) {
          const centre = pointAlong(candidate.body, position)
          const box = { x: centre.x - size.width / 2, y: centre.y - size.height / 2, width: size.width, height: size.height }
          const hits = obstacles.filter((rect) => rectsOverlap(grow(box, LABEL_CLEARANCE), rect)).length
          const route = { bend: candidate.bend, startAnchor: candidate.startAnchor, endAnchor: candidate.endAnchor, labelPosition: position, shownLabel: text, labelBox: box, crossings: candidate.crossings }
          if (hits === 0) {
            chosen = route
            break outer
          }
          if (!fallback || hits < fallback.hits) fallback = { route, hits }
        }
      }
    }
    const route = chosen ?? fallback?.route ?? narrowest(relation.label, clean[0]!)
    routes.set(relation.id, route)
    if (route.labelBox) placedLabels.push(route.labelBox)
  }
  return routes
}

/** Where no arc leaves a label room without breaking a word: the shortest form, mid-arc. */
function narrowest(label: string, arc: { bend: number; startAnchor: Anchor; endAnchor: Anchor; body: Point[]; crossings: string[] }): RelationRoute {
  const text = shortenings(label).at(-1)!
  const size = labelSize(text, arc.body)
  const centre = pointAlong(arc.body, 0.5)
  const labelBox = { x: centre.x - size.width / 2, y: centre.y - size.height / 2, width: size.width, height: size.height }
  return { bend: arc.bend, startAnchor: arc.startAnchor, endAnchor: arc.endAnchor, labelPosition: 0.5, shownLabel: text, labelBox, crossings: arc.crossings }
}

/** The second and later relation between the same two cards starts from a bend, not straight. */
function bendsFor(nth: number, reversed: boolean): number[] {
  if (nth === 0) return BENDS
  // A reversed relation's chord points the other way, so the same bend curves to the other side.
  const side = (nth % 2 === 1 ? 1 : -1) * (reversed ? -1 : 1)
  const offset = 60 * Math.ceil(nth / 2) * side
  return [offset, ...BENDS.filter((bend) => bend !== 0).map((bend) => bend + offset)]
}

/** The full label, then ever shorter forms: whole words followed by an ellipsis. */
export function shortenings(label: string): string[] {
  const words = label.trim().split(/\s+/)
  const forms = [words.join(' ')]
  for (let count = words.length - 1; count >= 1; count--) {
    const text = `${words.slice(0, count).join(' ')}…`
    if (text.length <= 40 || count === 1) forms.push(text)
  }
  return forms
}

// ---------------------------------------------------------------------------------------------
// Geometry of tldraw's arc arrow

export function anchorPoint(rect: Rect, anchor: Anchor): Point {
  return { x: rect.x + rect.width * anchor.x, y: rect.y + rect.height * anchor.y }
}

function boundsOfPoints(points: readonly Point[]): Rect {
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const p of points) {
    if (p.x < minX) minX = p.x
    if (p.y < minY) minY = p.y
    if (p.x > maxX) maxX = p.x
    if (p.y > maxY) maxY = p.y
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY }
}

function boundsOf(rects: readonly Rect[]): Rect {
  const x = Math.min(...rects.map((r) => r.x))
  const y = Math.min(...rects.map((r) => r.y))
  return { x, y, width: Math.max(...rects.map((r) => r.x + r.width)) - x, height: Math.max(...rects.map((r) => r.y + r.height)) - y }
}

/** Points along the whole arc (or line) from the centre of `from` to the centre of `to`. */
export function arcPoints(start: Point, end: Point, bend: number, samples = SAMPLES): Point[] {
  const dx = end.x - start.x
  const dy = end.y - start.y
  const length = Math.hypot(dx, dy)
  if (length === 0) return [start, end]
  const line = () => Array.from({ length: samples + 1 }, (_, i) => ({ x: start.x + (dx * i) / samples, y: start.y + (dy * i) / samples }))
  if (Math.abs(bend) < 1) return line()
  const u = { x: dx / length, y: dy / length }
  // tldraw: middle = med + u.per() * -bend, with per(v) = (v.y, -v.x).
  const middle = { x: (start.x + end.x) / 2 - u.y * bend, y: (start.y + end.y) / 2 + u.x * bend }
  const centre = circleThrough(start, middle, end)
  if (!centre) return line()
  const radius = Math.hypot(start.x - centre.x, start.y - centre.y)
  const angle = (p: Point) => Math.atan2(p.y - centre.y, p.x - centre.x)
  const a0 = angle(start)
  const sweepTo = (target: number) => ((((target - a0) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI))
  const toEnd = sweepTo(angle(end))
  const toMiddle = sweepTo(angle(middle))
  const sweep = toMiddle < toEnd ? toEnd : toEnd - 2 * Math.PI
  return Array.from({ length: samples + 1 }, (_, i) => {
    const a = a0 + (sweep * i) / samples
    return { x: centre.x + radius * Math.cos(a), y: centre.y + radius * Math.sin(a) }
  })
}

/** The visible part of the arc: from where it leaves the first card to where it enters the second. */
export function arcBody(from: Rect, to: Rect, bend: number, startAnchor: Anchor = CENTRE, endAnchor: Anchor = CENTRE): Point[] {
  const points = arcPoints(anchorPoint(from, startAnchor), anchorPoint(to, endAnchor), bend)
  let first = 0
  while (first < points.length - 1 && pointInRect(points[first]!, from)) first++
  let last = points.length - 1
  while (last > first && pointInRect(points[last]!, to)) last--
  return points.slice(Math.max(0, first - 1), Math.min(points.length, last + 2))
}

function circleThrough(a: Point, b: Point, c: Point): Point | null {
  const d = 2 * (a.x * (b.y - c.y) + b.x * (c.y - a.y) + c.x * (a.y - b.y))
  if (Math.abs(d) < 1e-9) return null
  const a2 = a.x * a.x + a.y * a.y
  const b2 = b.x * b.x + b.y * b.y
  const c2 = c.x * c.x + c.y * c.y
  return { x: (a2 * (b.y - c.y) + b2 * (c.y - a.y) + c2 * (a.y - b.y)) / d, y: (a2 * (c.x - b.x) + b2 * (a.x - c.x) + c2 * (b.x - a.x)) / d }
}

export function polylineLength(points: readonly Point[]): number {
  let length = 0
  for (let i = 1; i < points.length; i++) length += Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y)
  return length
}

export function pointAlong(points: readonly Point[], fraction: number): Point {
  const target = polylineLength(points) * fraction
  let walked = 0
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!
    const b = points[i]!
    const step = Math.hypot(b.x - a.x, b.y - a.y)
    if (walked + step >= target && step > 0) {
      const t = (target - walked) / step
      return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t }
    }
    walked += step
  }
  return points[points.length - 1] ?? { x: 0, y: 0 }
}

/** tldraw sizes a label to the arrow: as wide as the body allows on a flat arrow, 16 em on a steep one. */
export function labelSize(text: string, body: readonly Point[]): { width: number; height: number } {
  const natural = textWidth(text)
  const xs = body.map((p) => p.x)
  const ys = body.map((p) => p.y)
  const bodyWidth = Math.max(...xs) - Math.min(...xs)
  const bodyHeight = Math.max(...ys) - Math.min(...ys)
  let width = natural
  if (bodyWidth > bodyHeight) width = Math.max(Math.min(natural, ARROW_LABEL.margin), Math.min(bodyWidth - ARROW_LABEL.margin, natural))
  else if (natural > ARROW_LABEL.maxVerticalWidth) width = ARROW_LABEL.maxVerticalWidth
  const lines = wrapWords(text, width)
  const lineHeight = ARROW_LABEL.fontSize * ARROW_LABEL.lineHeight
  // A wrapped label's box takes the whole width it was squeezed into, as tldraw measures it.
  return { width: (lines.length > 1 ? width : natural) + 2 * ARROW_LABEL.padding, height: lines.length * lineHeight + 2 * ARROW_LABEL.padding }
}

function longestWord(text: string): number {
  return Math.max(0, ...text.split(/\s+/).map(textWidth))
}

export function textWidth(text: string): number {
  return text.length * ARROW_LABEL.charWidth
}

/** Greedy wrapping at word boundaries, as the browser does for the label. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const next = line === '' ? word : `${line} ${word}`
    if (line !== '' && textWidth(next) > width) {
      lines.push(line)
      line = word
    } else line = next
  }
  if (line !== '' || lines.length === 0) lines.push(line)
  return lines
}

export function pointInRect(p: Point, r: Rect): boolean {
  return p.x > r.x && p.x < r.x + r.width && p.y > r.y && p.y < r.y + r.height
}

export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

export function grow(r: Rect, by: number): Rect {
  return { x: r.x - by, y: r.y - by, width: r.width + 2 * by, height: r.height + 2 * by }
}

export function shrink(r: Rect, by: number): Rect {
  return grow(r, -by)
}

/** Whether a segment crosses a rectangle (Liang–Barsky clipping). */
export function segmentHitsRect(a: Point, b: Point, r: Rect): boolean {
  if (r.width <= 0 || r.height <= 0) return false
  let t0 = 0
  let t1 = 1
  const dx = b.x - a.x
  const dy = b.y - a.y
  const edges: [number, number][] = [
    [-dx, a.x - r.x],
    [dx, r.x + r.width - a.x],
    [-dy, a.y - r.y],
    [dy, r.y + r.height - a.y],
  ]
  for (const [p, q] of edges) {
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

export function polylineHitsRect(points: readonly Point[], r: Rect): boolean {
  for (let i = 1; i < points.length; i++) if (segmentHitsRect(points[i - 1]!, points[i]!, r)) return true
  return false
}
