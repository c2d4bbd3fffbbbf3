import type { Editor, TLArrowBinding, TLArrowShape, TLShape, TLShapeId } from 'tldraw'
import { toRichText } from 'tldraw'
import { relationLabelOf, relationMetaOf } from '../../shared/board/regie-shapes.ts'
import { routeRelations, withBundleMates, CENTRE, type RelationToRoute, type RoutableCard } from '../../shared/board/relation-routing.ts'
import { richTextToPlain } from '../../shared/board/rich-text.ts'
import type { Rect } from '../../shared/regie/layout.ts'

/** What arcs are routed around: the cards people read (see relation-routing.ts). */
const CARD_TYPES = new Set(['regie-actor', 'regie-item', 'regie-legend', 'note'])

export function isCard(shape: TLShape): boolean {
  return CARD_TYPES.has(shape.type)
}

function pageRect(editor: Editor, id: TLShapeId): Rect | null {
  const bounds = editor.getShapePageBounds(id)
  return bounds ? { x: bounds.x, y: bounds.y, width: bounds.w, height: bounds.h } : null
}

function arrowEnds(editor: Editor, arrow: TLArrowShape): { start?: TLArrowBinding; end?: TLArrowBinding } {
  const ends: { start?: TLArrowBinding; end?: TLArrowBinding } = {}
  for (const binding of editor.getBindingsFromShape<TLArrowBinding>(arrow, 'arrow')) ends[binding.props.terminal] = binding
  return ends
}

/**
 * The frame tldraw makes an arrow between these two shapes the child of (their closest common
 * ancestor), as a page rect; null when that is the page. A frame clips its children.
 */
function commonFrameRect(editor: Editor, a: TLShapeId, b: TLShapeId): Rect | null {
  const first = editor.getShape(a)
  const second = editor.getShape(b)
  if (!first || !second) return null
  const ancestor = editor.findCommonAncestor([first, second])
  return ancestor && editor.getShape(ancestor)?.type === 'frame' ? pageRect(editor, ancestor) : null
}

/** The page box of an arrow's label as tldraw lays it out, or null without a label. */
function labelBox(editor: Editor, arrow: TLArrowShape): Rect | null {
  const geometry = editor.getShapeGeometry(arrow) as { children?: { isLabel?: boolean; bounds: { x: number; y: number; w: number; h: number } }[] }
  const label = geometry.children?.find((child) => child.isLabel)
  if (!label) return null
  const transform = editor.getShapePageTransform(arrow)
  const corner = transform.applyToPoint({ x: label.bounds.x, y: label.bounds.y })
  return { x: corner.x, y: corner.y, width: label.bounds.w, height: label.bounds.h }
}

/**
 * Routes the given arrows (bound at both ends to cards) around every card of the page, with the
 * labels of all other arrows as obstacles: sets bend, aim, label position and the label shown
 * (restoring a shortened label in full where there is now room). Call inside `editor.run`.
 */
export function rerouteArrows(editor: Editor, arrowIds: Iterable<TLShapeId>): void {
  const shapes = editor.getCurrentPageShapes()
  const cards: RoutableCard[] = []
  for (const shape of shapes) {
    if (!isCard(shape)) continue
    const rect = pageRect(editor, shape.id)
    if (rect) cards.push({ id: shape.id, rect })
  }
  const arrows = shapes.filter((shape): shape is TLArrowShape => shape.type === 'arrow')
  const all: RelationToRoute[] = arrows.flatMap((arrow) => {
    const ends = arrowEnds(editor, arrow)
    if (!ends.start || !ends.end) return []
    const kind = relationMetaOf(arrow.meta)?.regieRelation
    const within = commonFrameRect(editor, ends.start.toId, ends.end.toId)
    return [{ id: arrow.id, from: ends.start.toId, to: ends.end.toId, label: relationLabelOf(richTextToPlain(arrow.props.richText), arrow.meta), ...(kind !== undefined && { kind }), ...(within && { within }) }]
  })
  // A bundle is routed as a whole, so moving one of its cards keeps the others converging.
  const wanted = withBundleMates(new Set<string>(arrowIds), all)
  const fixedLabels = arrows.filter((arrow) => !wanted.has(arrow.id)).flatMap((arrow) => labelBox(editor, arrow) ?? [])
  const relations = all.filter((relation) => wanted.has(relation.id))
  if (relations.length === 0) return
  const routes = routeRelations(cards, relations, fixedLabels)
  for (const relation of relations) {
    const route = routes.get(relation.id)
    const arrow = editor.getShape<TLArrowShape>(relation.id as TLShapeId)
    if (!route || !arrow) continue
    const { regieLabel: _full, regieShownLabel: _shown, ...meta } = arrow.meta as Record<string, unknown>
    const shortened = route.shownLabel !== relation.label
    editor.updateShape<TLArrowShape>({
      id: arrow.id,
      type: 'arrow',
      // Relations read alike however they were drawn: the small sans label the router sizes for.
      props: { kind: 'arc', size: 's', font: 'sans', bend: route.bend, labelPosition: route.labelPosition, ...(route.shownLabel !== richTextToPlain(arrow.props.richText) && { richText: toRichText(route.shownLabel) }) },
      meta: { ...(meta as TLArrowShape['meta']), ...(shortened && { regieLabel: relation.label, regieShownLabel: route.shownLabel }) },
    })
    const ends = arrowEnds(editor, arrow)
    for (const [binding, anchor] of [
      [ends.start, route.startAnchor],
      [ends.end, route.endAnchor],
    ] as const) {
      if (!binding) continue
      const precise = anchor.x !== CENTRE.x || anchor.y !== CENTRE.y
      editor.updateBinding<TLArrowBinding>({ ...binding, props: { ...binding.props, normalizedAnchor: { x: anchor.x, y: anchor.y }, isPrecise: precise } })
    }
  }
}

/** Arrows bound to any of these cards, and arrows whose arc now runs through one of them. */
function arrowsAffectedBy(editor: Editor, cardIds: ReadonlySet<TLShapeId>): Set<TLShapeId> {
  const affected = new Set<TLShapeId>()
  const moved = [...cardIds].flatMap((id) => pageRect(editor, id) ?? [])
  for (const shape of editor.getCurrentPageShapes()) {
    if (shape.type !== 'arrow') continue
    const ends = arrowEnds(editor, shape as TLArrowShape)
    if (!ends.start || !ends.end) continue
    if (cardIds.has(ends.start.toId) || cardIds.has(ends.end.toId)) {
      affected.add(shape.id)
      continue
    }
    const bounds = editor.getShapePageBounds(shape.id)
    if (bounds && moved.some((rect) => rect.x < bounds.maxX && bounds.minX < rect.x + rect.width && rect.y < bounds.maxY && bounds.minY < rect.y + rect.height)) affected.add(shape.id)
  }
  return affected
}

/**
 * Keeps relations routed when someone moves or resizes a card: once the drag ends, the arrows
 * bound to it (and any it now lies across) are routed again, in the same undo step as the move.
 * Remote moves are routed by the client that made them.
 */
export function registerRelationRouting(editor: Editor): () => void {
  const pending = new Set<TLShapeId>()
  const flush = () => {
    if (pending.size === 0) return
    const cards = new Set(pending)
    pending.clear()
    const arrows = arrowsAffectedBy(editor, cards)
    if (arrows.size > 0 && !editor.getIsReadonly()) editor.run(() => rerouteArrows(editor, arrows), { history: 'record-preserveRedoStack' })
  }
  const stopChange = editor.sideEffects.registerAfterChangeHandler('shape', (before, after, source) => {
    if (source !== 'user' || !isCard(after)) return
    const moved = before.x !== after.x || before.y !== after.y || before.parentId !== after.parentId || (before.props as { w?: number }).w !== (after.props as { w?: number }).w || (before.props as { h?: number }).h !== (after.props as { h?: number }).h
    if (!moved) return
    // Only moves by hand: an undo brings the arrows back with the cards (they share the undo step).
    if (!editor.inputs.getIsDragging() && !editor.isInAny('select.translating', 'select.resizing')) return
    pending.add(after.id)
  })
  const onEvent = (info: { name: string }) => {
    if (info.name === 'pointer_up') queueMicrotask(flush)
  }
  editor.on('event', onEvent)
  return () => {
    stopChange()
    editor.off('event', onEvent)
  }
}
