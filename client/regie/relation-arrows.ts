import { atom, type Editor, type TLArrowShape, type TLShapeId } from 'tldraw'
import { relationMetaOf } from '../../shared/board/regie-shapes.ts'
import { relationKind, type RelationKindId } from '../../shared/regie/relation-kinds.ts'

/** The kind the next arrow drawn will get; null draws plain arrows. */
export const $drawingRelation = atom<RelationKindId | null>('drawing relation', null)

/** The props and meta that make an arrow a relation of `kind`, or a plain arrow again. */
export function relationArrowPatch(arrow: TLArrowShape, kind: RelationKindId | null): Pick<TLArrowShape, 'meta'> & { props: Partial<TLArrowShape['props']> } {
  const { regieRelation: _kind, radReference: _rad, ...otherMeta } = arrow.meta as Record<string, unknown> & { regieRelation?: unknown; radReference?: unknown }
  if (kind === null) return { meta: otherMeta as TLArrowShape['meta'], props: {} }
  const definition = relationKind(kind)
  const previous = relationMetaOf(arrow.meta)
  return {
    meta: { ...(otherMeta as TLArrowShape['meta']), regieRelation: kind, ...(previous?.radReference !== undefined && { radReference: previous.radReference }) },
    props: { color: definition.color, dash: definition.dash, size: 's', font: 'sans', arrowheadStart: definition.arrowheadStart, arrowheadEnd: definition.arrowheadEnd },
  }
}

export function setRelationKind(editor: Editor, id: TLShapeId, kind: RelationKindId | null): void {
  const arrow = editor.getShape(id)
  if (!arrow || arrow.type !== 'arrow') return
  editor.updateShape({ id, type: 'arrow', ...relationArrowPatch(arrow as TLArrowShape, kind) })
}

/**
 * While a relation kind is chosen, arrows the user draws become relations of that kind. (The
 * palette ends the choice when the user leaves the arrow tool, as any tool choice ends.)
 */
export function registerRelationDrawing(editor: Editor): () => void {
  return editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
    const kind = $drawingRelation.get()
    if (source !== 'user' || kind === null || shape.type !== 'arrow') return shape
    const arrow = shape as TLArrowShape
    const patch = relationArrowPatch(arrow, kind)
    return { ...arrow, meta: patch.meta, props: { ...arrow.props, ...patch.props } }
  })
}
