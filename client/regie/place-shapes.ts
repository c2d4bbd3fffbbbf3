import { createShapeId, type Editor, type TLShapeId } from 'tldraw'
import { actorCardSize, legendSize } from '../../shared/board/card-sizes.ts'
import { ACTOR_SHAPE, LEGEND_SHAPE } from '../../shared/board/regie-shapes.ts'
import type { ActorKindId } from '../../shared/regie/actor-kinds.ts'
import type { RegieModel } from '../../shared/regie/model.ts'
import { VITAL_PROCESS_KINDS, type RelationKindId } from '../../shared/regie/relation-kinds.ts'

/** Puts a new, empty actor card of `kind` in the middle of the view and selects it. */
export function placeActor(editor: Editor, kind: ActorKindId): TLShapeId {
  const size = actorCardSize({ name: '' })
  const centre = editor.getViewportPageBounds().center
  // Cards placed one after another fan out instead of landing on top of each other.
  const offset = (editor.getCurrentPageShapeIds().size % 6) * 24
  const id = createShapeId()
  editor.markHistoryStoppingPoint('place actor')
  editor.createShape({ id, type: ACTOR_SHAPE, x: centre.x - size.width / 2 + offset, y: centre.y - size.height / 2 + offset, props: { kind } })
  editor.select(id)
  return id
}

/** A legend of the kinds used on this page (or of the three vital processes on an empty one). */
export function placeLegend(editor: Editor, model: RegieModel<string>, title: string): TLShapeId {
  const actorKinds = [...new Set(model.actors.map((actor) => actor.kind))]
  const used = [...new Set(model.relations.map((relation) => relation.kind))]
  const relationKinds: RelationKindId[] = used.length > 0 ? used : [...VITAL_PROCESS_KINDS]
  const size = legendSize(actorKinds.length + relationKinds.length)
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
