import { createShapeId, type Editor, type TLShapeId } from 'tldraw'
import { placeCard, type Box } from '../../shared/board/card-placement.ts'
import { actorCardSize, legendSize } from '../../shared/board/card-sizes.ts'
import { ACTOR_SHAPE, LEGEND_SHAPE } from '../../shared/board/regie-shapes.ts'
import type { ActorKindId } from '../../shared/regie/actor-kinds.ts'
import type { RegieModel } from '../../shared/regie/model.ts'
import { VITAL_PROCESS_KINDS, type RelationKindId } from '../../shared/regie/relation-kinds.ts'

/** Shapes a new card may cover: lines. Frames (lanes) are containers; everything else a card. */
const LINES = new Set(['arrow', 'line', 'draw', 'highlight', 'group'])

function boxesOnPage(editor: Editor): { occupied: Box[]; containers: Box[] } {
  const occupied: Box[] = []
  const containers: Box[] = []
  for (const shape of editor.getCurrentPageShapes()) {
    if (LINES.has(shape.type)) continue
    const bounds = editor.getShapePageBounds(shape)
    if (!bounds) continue
    ;(shape.type === 'frame' ? containers : occupied).push({ x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h })
  }
  return { occupied, containers }
}

/**
 * Puts a new, empty actor card of `kind` next to the selection, centred on `at` (a drop), or in
 * the middle of the view, never on top of another card (shared/board/card-placement.ts), and
 * selects it.
 */
export function placeActor(editor: Editor, kind: ActorKindId, at: { x: number; y: number } | null = null): TLShapeId {
  const size = actorCardSize({ name: '' })
  const selection = editor.getSelectionPageBounds()
  const viewport = editor.getViewportPageBounds()
  const position = placeCard({
    size: { w: size.width, h: size.height },
    ...boxesOnPage(editor),
    viewport: { x: viewport.x, y: viewport.y, w: viewport.w, h: viewport.h },
    nextTo: selection ? { x: selection.x, y: selection.y, w: selection.w, h: selection.h } : null,
    at,
  })
  const id = createShapeId()
  editor.markHistoryStoppingPoint('place actor')
  editor.createShape({ id, type: ACTOR_SHAPE, x: position.x, y: position.y, props: { kind } })
  // A card placed wholly inside a lane belongs to it, and moves with it.
  const lane = laneAround(editor, { x: position.x, y: position.y, w: size.width, h: size.height })
  if (lane && editor.getShape(id)?.parentId !== lane) editor.reparentShapes([id], lane)
  editor.select(id)
  return id
}

/** The smallest frame wholly containing `box`, if any. */
function laneAround(editor: Editor, box: Box): TLShapeId | null {
  let best: { id: TLShapeId; area: number } | null = null
  for (const shape of editor.getCurrentPageShapes()) {
    if (shape.type !== 'frame') continue
    const b = editor.getShapePageBounds(shape)
    if (!b || box.x < b.x || box.y < b.y || box.x + box.w > b.x + b.w || box.y + box.h > b.y + b.h) continue
    if (!best || b.w * b.h < best.area) best = { id: shape.id, area: b.w * b.h }
  }
  return best?.id ?? null
}

/** A legend of the kinds used on this page (or of the three vital processes on an empty one). */
export function placeLegend(editor: Editor, model: RegieModel<string>, title: string): TLShapeId {
  const actorKinds = [...new Set(model.actors.map((actor) => actor.kind))]
  const used = [...new Set(model.relations.map((relation) => relation.kind))]
  const relationKinds: RelationKindId[] = used.length > 0 ? used : [...VITAL_PROCESS_KINDS]
  const size = legendSize(actorKinds, relationKinds)
  const bounds = editor.getCurrentPageBounds()
  const viewport = editor.getViewportPageBounds()
  const x = bounds ? bounds.maxX + 80 : viewport.center.x - size.width / 2
  const y = bounds ? bounds.minY : viewport.center.y - size.height / 2
  const id = createShapeId()
  editor.markHistoryStoppingPoint('place legend')
  editor.createShape({ id, type: LEGEND_SHAPE, x, y, props: { w: size.width, h: size.height, title, actorKinds, relationKinds } })
  editor.select(id)
  editor.zoomToSelection({ animation: { duration: 300 } })
  return id
}
