/**
 * The pure relation router (shared/board/relation-routing.ts) without a browser: arcs around
 * cards, bundles that converge on one point of their common card, one label per bundle, labels
 * where tldraw will draw them.
 */
import { describe, expect, it } from 'vitest'
import {
  anchorPoint,
  arcBody,
  CENTRE,
  findBundles,
  labelBoxAt,
  labelSize,
  polylineHitsRect,
  rectsOverlap,
  routeRelations,
  shrink,
  withBundleMates,
  type RelationToRoute,
  type RoutableCard,
} from '../../../shared/board/relation-routing.ts'

const card = (id: string, x: number, y: number, width = 220, height = 120): RoutableCard => ({ id, rect: { x, y, width, height } })

/** Eight gemeenten in a row above one algemeen bestuur, each taking part in it. */
function gemeentenAndBestuur(label = 'Deelname') {
  const gemeenten = Array.from({ length: 8 }, (_, i) => card(`g${i}`, i * 300, 0))
  const ab = card('ab', 1040, 700)
  const relations: RelationToRoute[] = gemeenten.map((g) => ({ id: `${g.id}-ab`, from: g.id, to: 'ab', label, kind: 'deelname' }))
  return { cards: [...gemeenten, ab], relations }
}

describe('routeRelations', () => {
  it('draws a straight line where nothing is in the way', () => {
    const routes = routeRelations([card('a', 0, 0), card('b', 600, 0)], [{ id: 'r', from: 'a', to: 'b', label: 'Advies' }])
    const route = routes.get('r')!
    expect(route.bend).toBe(0)
    expect(route.startAnchor).toEqual(CENTRE)
    expect(route.crossings).toEqual([])
    expect(route.shownLabel).toBe('Advies')
  })

  it('bends around a card that lies between the ends', () => {
    const cards = [card('a', 0, 0), card('middle', 400, 0), card('b', 800, 0)]
    const route = routeRelations(cards, [{ id: 'r', from: 'a', to: 'b', label: '' }]).get('r')!
    expect(route.crossings).toEqual([])
    const body = arcBody(cards[0]!.rect, cards[2]!.rect, route.bend, route.startAnchor, route.endAnchor)
    expect(polylineHitsRect(body, shrink(cards[1]!.rect, 2))).toBe(false)
  })

  it('lets a bundle converge on one point of the card it shares, on the side facing it, with one label', () => {
    const { cards, relations } = gemeentenAndBestuur()
    const routes = routeRelations(cards, relations)
    const ends = relations.map((relation) => routes.get(relation.id)!)
    for (const route of ends) {
      expect(route.bundleHub).toBe('ab')
      expect(route.crossings).toEqual([])
      // The top side of the bestuur, where the gemeenten are.
      expect(route.endAnchor).toEqual(ends[0]!.endAnchor)
      expect(route.endAnchor.y).toBeLessThan(0.1)
    }
    // Every line reaches that one point from outside the card: the bundle visibly meets there.
    const ab = cards.find((c) => c.id === 'ab')!.rect
    const point = anchorPoint(ab, ends[0]!.endAnchor)
    relations.forEach((relation, i) => {
      const route = ends[i]!
      const body = arcBody(cards.find((c) => c.id === relation.from)!.rect, ab, route.bend, route.startAnchor, route.endAnchor)
      const end = body.at(-1)!
      expect(Math.hypot(end.x - point.x, end.y - point.y)).toBeLessThan(8)
    })
    const labelled = ends.filter((route) => route.shownLabel !== '')
    expect(labelled).toHaveLength(1)
    expect(labelled[0]!.shownLabel).toBe('Deelname')
    // Near where the lines meet: in the lower half of the picture, between the row and the bestuur.
    const box = labelled[0]!.labelBox!
    expect(box.y + box.height / 2).toBeGreaterThan(350)
    for (const c of cards) expect(rectsOverlap(box, c.rect)).toBe(false)
  })

  it('does not bundle relations of different kinds or labels, or fewer than three', () => {
    const { cards, relations } = gemeentenAndBestuur()
    const mixed = relations.map((relation, i) => ({ ...relation, label: `Deelname ${i}` }))
    expect(findBundles(cards, mixed).size).toBe(0)
    expect(findBundles(cards, relations.map((relation, i) => ({ ...relation, kind: `kind-${i}` }))).size).toBe(0)
    expect(findBundles(cards, relations.slice(0, 2)).size).toBe(0)
    expect(findBundles(cards, relations.slice(0, 3)).size).toBe(3)
  })

  it('spreads two bundles into one side of a card along that side, in the order their cards lie', () => {
    const left = [card('l1', 0, 0), card('l2', 260, 0), card('l3', 520, 0)]
    const right = [card('r1', 1400, 0), card('r2', 1660, 0), card('r3', 1920, 0)]
    const hub = card('hub', 960, 700)
    const relations: RelationToRoute[] = [
      ...right.map((c) => ({ id: `${c.id}-hub`, from: c.id, to: 'hub', label: 'Opdracht', kind: 'opdrachtgeverschap' })),
      ...left.map((c) => ({ id: `${c.id}-hub`, from: c.id, to: 'hub', label: 'Advies', kind: 'advies' })),
    ]
    const bundles = findBundles([...left, ...right, hub], relations)
    const fromLeft = bundles.get('l1-hub')!
    const fromRight = bundles.get('r1-hub')!
    expect(fromLeft).not.toBe(fromRight)
    expect(fromLeft.anchor.y).toBeLessThan(0.1)
    expect(fromRight.anchor.y).toBeLessThan(0.1)
    expect(fromLeft.anchor.x).toBeLessThan(fromRight.anchor.x)
  })

  it('routes a member on its own where the shared point would take it through a card', () => {
    const { cards, relations } = gemeentenAndBestuur()
    // A card right under the first gemeente, between it and the bestuur's top.
    const blocker = card('blocker', -200, 260, 1500, 200)
    const routes = routeRelations([...cards, blocker], relations)
    for (const relation of relations) expect(routes.get(relation.id)!.crossings).toEqual([])
  })

  it('routes a whole bundle again when one of its relations is moved', () => {
    const { relations } = gemeentenAndBestuur()
    const other: RelationToRoute = { id: 'other', from: 'g0', to: 'g1', label: 'Overleg', kind: 'advies' }
    const mates = withBundleMates(new Set(['g3-ab']), [...relations, other])
    expect([...mates].sort()).toEqual(relations.map((relation) => relation.id).sort())
  })

  it('keeps full labels apart from each other and from cards on a fan of different relations', () => {
    const { cards } = gemeentenAndBestuur()
    const relations = cards.slice(0, 8).map((c, i) => ({ id: `r${i}`, from: c.id, to: 'ab', label: `Afspraak over taak ${i + 1}`, kind: 'uitbesteding' }))
    const routes = routeRelations(cards, relations)
    const boxes = relations.map((relation) => routes.get(relation.id)!.labelBox!)
    for (let i = 0; i < boxes.length; i++) {
      for (const c of cards) expect(rectsOverlap(boxes[i]!, c.rect)).toBe(false)
      for (let j = i + 1; j < boxes.length; j++) expect(rectsOverlap(boxes[i]!, boxes[j]!)).toBe(false)
    }
  })
})

describe('labelBoxAt', () => {
  it('keeps a label clear of the arrow ends, as tldraw clamps its position', () => {
    const body = [
      { x: 0, y: 0 },
      { x: 500, y: 0 },
    ]
    const size = labelSize('Bestuursopdracht', body)
    const atEnd = labelBoxAt(body, 1, size)
    expect(atEnd.x + atEnd.width).toBeLessThanOrEqual(500 - 20 + 6)
    const atStart = labelBoxAt(body, 0, size)
    expect(atStart.x).toBeGreaterThanOrEqual(20 - 6)
    const middle = labelBoxAt(body, 0.5, size)
    expect(middle.x + middle.width / 2).toBeCloseTo(250, 0)
  })
})
