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
  /** The relation kind: relations of one kind and label into one card run as a bundle. */
  readonly kind?: string
  /**
   * The frame both ends lie in, if any: tldraw makes the arrow that frame's child, and a frame
   * clips its children, so the arc and its label must stay inside it.
   */
  readonly within?: Rect
}

/** Stands in `crossings` for an arc that would leave the frame it is drawn in (and be cut off). */
export const OUTSIDE_FRAME = '(frame)'
/** Arcs and labels keep this far inside their frame's edge. */
const FRAME_MARGIN = 6

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
  /** The card this relation's bundle converges on, or null when it runs on its own. */
  readonly bundleHub: string | null
}

/** tldraw's arrow label at size 's': 16 px × 1.125, its line height and padding (arrowLabel.ts). */
export const ARROW_LABEL = { fontSize: 18, lineHeight: 1.35, padding: 4.25, charWidth: 9.1, maxVerticalWidth: 16 * 18, margin: 64 } as const

/** Bends tried, smallest first: a straight line where it is free, a wider curve where not. */
const BENDS = [0, 40, -40, 80, -80, 130, -130, 190, -190, 260, -260, 340, -340, 440, -440, 600, -600, 800, -800, 1050, -1050]
const LABEL_POSITIONS = [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78, 0.15, 0.85]
/** Where a bundle's one label goes: near the card the bundle converges on (1 = at the hub). */
const HUB_LABEL_POSITIONS = [0.72, 0.64, 0.8, 0.56, 0.5, 0.44, 0.36, 0.28, 0.2]
/**
 * Labels keep this far apart and from cards, so they read as separate; it also absorbs the
 * difference between the estimated label size and the one the browser measures (±20 px).
 */
const LABEL_CLEARANCE = 16
/** The arcs tried first for a relation: the gentlest this many of those crossing fewest cards. */
const GENTLE_ARCS = 6
/** tldraw keeps a label this far from the arrow's ends (LABEL_TO_ARROW_PADDING). */
const LABEL_TO_END = 20
/** A bundle: at least this many relations of one kind and label into one card. */
const BUNDLE_MIN = 3
/** How far inside the hub's side a bundle's shared end sits (tldraw clamps anchors inside). */
const SIDE_INSET = 0.002
const SAMPLES = 48
/** Off-centre aims tried when no arc between the centres is free: near each side's middle. */
const ANCHORS: Anchor[] = [CENTRE, { x: 0.5, y: 0.12 }, { x: 0.5, y: 0.88 }, { x: 0.12, y: 0.5 }, { x: 0.88, y: 0.5 }, { x: 0.15, y: 0.15 }, { x: 0.85, y: 0.15 }, { x: 0.15, y: 0.85 }, { x: 0.85, y: 0.85 }]

/**
 * Bundles: relations of one kind with one label, from at least three cards into one card (eight
 * gemeenten into one algemeen bestuur). They converge on one shared point on the side of that
 * card facing them, so they read as one bundle, and the bundle shows its label once, near where
 * the lines meet (the others keep it in full in meta: hover, outline, exports). Several bundles
 * into the same side get points spread along it, in the order their cards lie.
 */
export interface Bundle {
  readonly hub: string
  /** Where on the hub every member ends (0–1 of its size). */
  readonly anchor: Anchor
  readonly members: readonly string[]
}

export function findBundles(cards: readonly RoutableCard[], relations: readonly RelationToRoute[]): Map<string, Bundle> {
  const byId = new Map(cards.map((card) => [card.id, card.rect]))
  const groups = new Map<string, { hub: string; members: RelationToRoute[]; others: Set<string> }>()
  for (const relation of relations) {
    if (relation.from === relation.to || !byId.has(relation.from) || !byId.has(relation.to)) continue
    for (const [hub, other, terminal] of [
      [relation.from, relation.to, 'start'],
      [relation.to, relation.from, 'end'],
    ] as const) {
      const key = `${hub}\u0000${terminal}\u0000${relation.kind ?? ''}\u0000${relation.label.trim()}`
      const group = groups.get(key) ?? { hub, members: [], others: new Set<string>() }
      group.members.push(relation)
      group.others.add(other)
      groups.set(key, group)
    }
  }
  // Each relation joins its largest bundle; a bundle needs three different cards at its far end.
  const candidates = [...groups.values()].filter((group) => group.others.size >= BUNDLE_MIN).sort((a, b) => b.members.length - a.members.length)
  const taken = new Set<string>()
  const chosen: { hub: string; members: RelationToRoute[]; side: Side; along: number }[] = []
  for (const group of candidates) {
    const members = group.members.filter((member) => !taken.has(member.id))
    const others = new Set(members.map((member) => (member.from === group.hub ? member.to : member.from)))
    if (others.size < BUNDLE_MIN) continue
    for (const member of members) taken.add(member.id)
    const hub = byId.get(group.hub)!
    const centres = [...others].map((id) => centreOf(byId.get(id)!))
    const centroid = { x: centres.reduce((sum, p) => sum + p.x, 0) / centres.length, y: centres.reduce((sum, p) => sum + p.y, 0) / centres.length }
    // The side most of them lie beyond: the sum of the directions to them, not their centroid
    // (three gemeenten spread above a hub face its top, even when one lies far to the side).
    const middle = centreOf(hub)
    const direction = centres.reduce(
      (sum, p) => {
        const length = Math.hypot(p.x - middle.x, p.y - middle.y) || 1
        return { x: sum.x + (p.x - middle.x) / length, y: sum.y + (p.y - middle.y) / length }
      },
      { x: 0, y: 0 },
    )
    const side = facingSide(hub, { x: middle.x + direction.x, y: middle.y + direction.y })
    chosen.push({ hub: group.hub, members, side, along: side === 'top' || side === 'bottom' ? centroid.x : centroid.y })
  }
  const bundles = new Map<string, Bundle>()
  for (const bundle of chosen) {
    const sharing = chosen.filter((other) => other.hub === bundle.hub && other.side === bundle.side).sort((a, b) => a.along - b.along)
    const position = (sharing.indexOf(bundle) + 1) / (sharing.length + 1)
    const anchor = sideAnchor(bundle.side, position)
    const result: Bundle = { hub: bundle.hub, anchor, members: bundle.members.map((member) => member.id) }
    for (const member of bundle.members) bundles.set(member.id, result)
  }
  return bundles
}

type Side = 'top' | 'bottom' | 'left' | 'right'

/** The side of `rect` a line from its centre towards `point` leaves through. */
function facingSide(rect: Rect, point: Point): Side {
  const centre = centreOf(rect)
  const dx = point.x - centre.x
  const dy = point.y - centre.y
  if (Math.abs(dy) * rect.width >= Math.abs(dx) * rect.height) return dy < 0 ? 'top' : 'bottom'
  return dx < 0 ? 'left' : 'right'
}

function sideAnchor(side: Side, along: number): Anchor {
  switch (side) {
    case 'top':
      return { x: along, y: SIDE_INSET }
    case 'bottom':
      return { x: along, y: 1 - SIDE_INSET }
    case 'left':
      return { x: SIDE_INSET, y: along }
    case 'right':
      return { x: 1 - SIDE_INSET, y: along }
  }
}

/**
 * Relations that must be routed together with these: the other members of their bundles (a
 * bundle is only recognised when its members are routed at once).
 */
export function withBundleMates(ids: ReadonlySet<string>, relations: readonly RelationToRoute[]): Set<string> {
  const keys = new Set<string>()
  const keysOf = (relation: RelationToRoute) => [`${relation.from}\u0000start\u0000${relation.kind ?? ''}\u0000${relation.label.trim()}`, `${relation.to}\u0000end\u0000${relation.kind ?? ''}\u0000${relation.label.trim()}`]
  for (const relation of relations) if (ids.has(relation.id)) for (const key of keysOf(relation)) keys.add(key)
  const result = new Set(ids)
  for (const relation of relations) if (keysOf(relation).some((key) => keys.has(key))) result.add(relation.id)
  return result
}

/** `fixedLabels`: labels already on the board (of relations not being routed) to keep clear of. */
export function routeRelations(cards: readonly RoutableCard[], relations: readonly RelationToRoute[], fixedLabels: readonly Rect[] = []): Map<string, RelationRoute> {
  const byId = new Map(cards.map((card) => [card.id, card.rect]))
  const routes = new Map<string, RelationRoute>()
  const placedLabels: Rect[] = [...fixedLabels]
  /** The lines routed so far, with their bounds: a label is placed where none of them runs through it. */
  const placedLines: { id: string; body: readonly Point[]; box: Rect }[] = []
  const linesThrough = (label: Rect, except?: string) => {
    const inner = shrink(label, 2)
    return placedLines.filter((line) => line.id !== except && rectsOverlap(line.box, inner) && polylineHitsRect(line.body, inner)).length
  }
  /** Labels placed clear of cards and labels, to move along their arc once every line is known. */
  const movable: { id: string; body: readonly Point[]; positions: readonly number[]; inside: Rect | null }[] = []
  // Pairs of cards joined more than once get their arcs fanned out, so they do not coincide.
  const pairCount = new Map<string, number>()
  const bundles = findBundles(cards, relations)
  /** Bundles whose one label is already on the board. */
  const labelled = new Set<Bundle>()
  // A bundle's members are routed one after another, the one nearest its hub first: its label
  // then sits closest to where the lines meet.
  const hubDistance = (relation: RelationToRoute) => {
    const bundle = bundles.get(relation.id)
    if (!bundle) return 0
    const other = byId.get(relation.from === bundle.hub ? relation.to : relation.from)!
    const hub = centreOf(byId.get(bundle.hub)!)
    const centre = centreOf(other)
    return Math.hypot(centre.x - hub.x, centre.y - hub.y)
  }
  const ordered = [...relations].sort((a, b) => {
    const bundleA = bundles.get(a.id)
    const bundleB = bundles.get(b.id)
    if (bundleA && bundleA === bundleB) return hubDistance(a) - hubDistance(b)
    return 0
  })

  for (const relation of ordered) {
    const from = byId.get(relation.from)
    const to = byId.get(relation.to)
    if (!from || !to) continue
    const pair = relation.from < relation.to ? `${relation.from}|${relation.to}` : `${relation.to}|${relation.from}`
    const nth = pairCount.get(pair) ?? 0
    pairCount.set(pair, nth + 1)
    const others = cards.filter((card) => card.id !== relation.from && card.id !== relation.to)

    // Candidate arcs, best first: fewest cards crossed, then the gentlest curve, centres before
    // other aims. Other aims are only tried when no arc between the centres is free.
    const near = others.filter((card) => rectsOverlap(card.rect, grow(boundsOf([from, to]), 1200)))
    const inside = relation.within ? shrink(relation.within, FRAME_MARGIN) : null
    const bends = bendsFor(nth, relation.from > relation.to)
    const tryPair = ([startAnchor, endAnchor]: readonly [Anchor, Anchor]) =>
      bends.map((bend) => {
        const body = arcBody(from, to, bend, startAnchor, endAnchor)
        const box = boundsOfPoints(body)
        const crossings = near.filter((card) => rectsOverlap(box, card.rect) && polylineHitsRect(body, shrink(card.rect, 2))).map((card) => card.id)
        if (inside && !containsRect(inside, box)) crossings.push(OUTSIDE_FRAME)
        return { bend, body, startAnchor, endAnchor, crossings }
      })
    const freeRoute = () => {
      let found = tryPair([CENTRE, CENTRE])
      if (!found.some((candidate) => candidate.crossings.length === 0)) {
        for (const pair of ANCHORS.flatMap((a) => ANCHORS.map((b) => [a, b] as const)).slice(1)) {
          const more = tryPair(pair)
          found = found.concat(more)
          if (more.some((candidate) => candidate.crossings.length === 0)) break
        }
      }
      return found
    }
    // A bundle member ends on its bundle's shared point when some arc there is free; otherwise it
    // runs on its own rather than through a card.
    let bundle = bundles.get(relation.id) ?? null
    let candidates: ReturnType<typeof tryPair> = []
    const hubAtStart = bundle?.hub === relation.from
    if (bundle) {
      for (const aim of ANCHORS) {
        candidates = candidates.concat(tryPair(hubAtStart ? [bundle.anchor, aim] : [aim, bundle.anchor]))
        if (candidates.some((candidate) => candidate.crossings.length === 0)) break
      }
      if (!candidates.some((candidate) => candidate.crossings.length === 0)) {
        bundle = null
        candidates = freeRoute()
      } else {
        // Arcs that reach the shared point from outside first: a curve that enters the card
        // through another side ends away from the point and the bundle no longer meets.
        const point = anchorPoint(byId.get(bundle.hub)!, bundle.anchor)
        const reaches = (body: readonly Point[]) => {
          const end = hubAtStart ? body[0]! : body[body.length - 1]!
          return Math.hypot(end.x - point.x, end.y - point.y) < 8
        }
        candidates = [...candidates.filter((candidate) => reaches(candidate.body)), ...candidates.filter((candidate) => !reaches(candidate.body))]
      }
    } else candidates = freeRoute()
    candidates.sort((a, b) => a.crossings.length - b.crossings.length)
    const fewest = candidates[0]!.crossings.length
    // Enough arcs to find room for a label; more only costs time.
    const clean = candidates.filter((candidate) => candidate.crossings.length === fewest).slice(0, 24)
    const bundleHub = bundle?.hub ?? null
    const bodyOf = (route: RelationRoute) =>
      clean.find((candidate) => candidate.bend === route.bend && candidate.startAnchor === route.startAnchor && candidate.endAnchor === route.endAnchor)?.body
    const keepLine = (route: RelationRoute) => {
      const body = bodyOf(route)
      if (body) placedLines.push({ id: relation.id, body, box: boundsOfPoints(body) })
    }

    // A bundle shows its label once: the other members keep it only in meta.
    if (relation.label.trim() === '' || (bundle && labelled.has(bundle))) {
      const best = clean[0]!
      const route = { bend: best.bend, startAnchor: best.startAnchor, endAnchor: best.endAnchor, labelPosition: 0.5, shownLabel: '', labelBox: null, crossings: best.crossings, bundleHub }
      routes.set(relation.id, route)
      keepLine(route)
      continue
    }
    if (bundle) labelled.add(bundle)
    const positions = !bundle ? LABEL_POSITIONS : bundle.hub === relation.to ? HUB_LABEL_POSITIONS : HUB_LABEL_POSITIONS.map((position) => 1 - position)

    const obstacles = [...cards.map((card) => card.rect), ...placedLabels]
    let chosen: RelationRoute | null = null
    let fallback: { route: RelationRoute; hits: number } | null = null
    // The full label on any clean arc first; shortened forms only when none has room.
    // The gentlest arcs first, with every shortening; the wider ones only when those all fail.
    // Within one of these tiers, the place with the fewest lines already routed through it.
    for (const [arcs, text] of [clean.slice(0, GENTLE_ARCS), clean.slice(GENTLE_ARCS)].flatMap((arcs) => shortenings(relation.label).map((text) => [arcs, text] as const))) {
      let crossedBy = Infinity
      tier: for (const candidate of arcs) {
        const size = labelSize(text, candidate.body)
        // Where the arc leaves too little width, the browser would break a word: not a place.
        // (The word-width estimate can be a few pixels short: a rare break on a short arc remains.)
        if (size.width - 2 * ARROW_LABEL.padding + 0.5 < longestWord(text)) continue
        const range = labelRange(candidate.body, size)
        for (const position of positions) {
          const box = labelBoxIn(candidate.body, range, position, size)
          const hits = obstacles.filter((rect) => rectsOverlap(grow(box, LABEL_CLEARANCE), rect)).length + (inside && !containsRect(inside, box) ? 1 : 0)
          const route = { bend: candidate.bend, startAnchor: candidate.startAnchor, endAnchor: candidate.endAnchor, labelPosition: position, shownLabel: text, labelBox: box, crossings: candidate.crossings, bundleHub }
          if (hits === 0) {
            const lines = linesThrough(box)
            if (lines < crossedBy) {
              chosen = route
              crossedBy = lines
              if (lines === 0) break tier
            }
            continue
          }
          if (!fallback || hits < fallback.hits) fallback = { route, hits }
        }
      }
      if (chosen) break
    }
    const route = chosen ?? fallback?.route ?? narrowest(relation.label, clean[0]!, bundleHub)
    routes.set(relation.id, route)
    keepLine(route)
    if (route.labelBox) placedLabels.push(route.labelBox)
    const body = chosen && bodyOf(chosen)
    if (body) movable.push({ id: relation.id, body, positions, inside })
  }

  // Lines routed after a label was placed may run through it: move such labels along their own
  // arc to where fewer lines cross, still clear of cards and other labels.
  for (const { id, body, positions, inside } of movable) {
    const route = routes.get(id)!
    const placed = route.labelBox!
    let through = linesThrough(placed, id)
    if (through === 0) continue
    const others = [...cards.map((card) => card.rect), ...placedLabels.filter((label) => label !== placed)]
    const size = labelSize(route.shownLabel, body)
    const range = labelRange(body, size)
    let best: { position: number; box: Rect } | null = null
    for (const position of positions) {
      const box = labelBoxIn(body, range, position, size)
      if (others.some((rect) => rectsOverlap(grow(box, LABEL_CLEARANCE), rect)) || (inside && !containsRect(inside, box))) continue
      const lines = linesThrough(box, id)
      if (lines < through) {
        through = lines
        best = { position, box }
      }
    }
    if (!best) continue
    routes.set(id, { ...route, labelPosition: best.position, labelBox: best.box })
    placedLabels[placedLabels.indexOf(placed)] = best.box
  }
  return routes
}

/**
 * Where tldraw puts a label at `position`: it keeps the label clear of the arrow's ends, so a
 * position near an end is pulled inwards (arrowLabel.ts, getArrowLabelRange).
 */
export function labelBoxAt(body: readonly Point[], position: number, size: { width: number; height: number }): Rect {
  return labelBoxIn(body, labelRange(body, size), position, size)
}

/** The positions (0–1 along the body) a label of this size can take. */
export function labelRange(body: readonly Point[], size: { width: number; height: number }): { start: number; end: number } {
  const length = polylineLength(body)
  if (length === 0) return { start: 0.5, end: 0.5 }
  const pad = Math.min(0.5, LABEL_TO_END / length)
  const clearOf = (from: number, step: number) => {
    const anchor = pointAlong(body, from)
    const box = { x: anchor.x - size.width / 2, y: anchor.y - size.height / 2, width: size.width, height: size.height }
    for (let t = from; t >= 0 && t <= 1; t += step) if (!pointInRect(pointAlong(body, t), box)) return t
    return 0.5
  }
  // Steps of 1 % of the body, but never finer than 4 px: enough for where a label can sit.
  const step = Math.max(0.01, 4 / length)
  const start = clearOf(pad, step)
  const end = clearOf(1 - pad, -step)
  return start > end ? { start: 0.5, end: 0.5 } : { start, end }
}

function labelBoxIn(body: readonly Point[], range: { start: number; end: number }, position: number, size: { width: number; height: number }): Rect {
  const centre = body.length === 0 ? { x: 0, y: 0 } : pointAlong(body, Math.min(range.end, Math.max(range.start, position)))
  return { x: centre.x - size.width / 2, y: centre.y - size.height / 2, width: size.width, height: size.height }
}

/** Where no arc leaves a label room without breaking a word: the shortest form, mid-arc. */
function narrowest(label: string, arc: { bend: number; startAnchor: Anchor; endAnchor: Anchor; body: Point[]; crossings: string[] }, bundleHub: string | null): RelationRoute {
  const text = shortenings(label).at(-1)!
  const labelBox = labelBoxAt(arc.body, 0.5, labelSize(text, arc.body))
  return { bend: arc.bend, startAnchor: arc.startAnchor, endAnchor: arc.endAnchor, labelPosition: 0.5, shownLabel: text, labelBox, crossings: arc.crossings, bundleHub }
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

function centreOf(rect: Rect): Point {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 }
}

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
  const body = points.slice(first, last + 1)
  // Cut exactly where the arc leaves the first card and enters the second, as tldraw does: a
  // sample's length (up to 1/48 of the arc) off at an end moves a label by as much.
  if (first > 0) body.unshift(boundaryBetween(points[first - 1]!, points[first]!, from))
  if (last < points.length - 1) body.push(boundaryBetween(points[last + 1]!, points[last]!, to))
  return body.length >= 2 ? body : points.slice(Math.max(0, first - 1), Math.min(points.length, last + 2))
}

/** The point between `inside` (in `rect`) and `outside` where the segment crosses the rect's outline. */
function boundaryBetween(inside: Point, outside: Point, rect: Rect): Point {
  let a = 0
  let b = 1
  for (let i = 0; i < 16; i++) {
    const t = (a + b) / 2
    if (pointInRect({ x: inside.x + (outside.x - inside.x) * t, y: inside.y + (outside.y - inside.y) * t }, rect)) a = t
    else b = t
  }
  return { x: inside.x + (outside.x - inside.x) * b, y: inside.y + (outside.y - inside.y) * b }
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

export function containsRect(outer: Rect, inner: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height
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
