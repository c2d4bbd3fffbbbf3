import { useValue, type Editor, type TLArrowShape, type TLShapeId } from 'tldraw'
import { relationLabelOf } from '../../shared/board/regie-shapes.ts'
import { richTextToPlain } from '../../shared/board/rich-text.ts'
import { useI18n } from '../i18n/i18n.tsx'

/**
 * A relation label shortened on the canvas for room shows its full text while the relation is
 * hovered or selected (the outline, the inspector and the exports always have the full text).
 */
export function RelationLabelTip({ editor }: { editor: Editor }) {
  const { t } = useI18n()
  const tip = useValue(
    'relation label tip',
    () => {
      const selected = editor.getOnlySelectedShapeId()
      const id = editor.getHoveredShapeId() ?? selected
      const shape = id ? editor.getShape(id as TLShapeId) : undefined
      if (!shape || shape.type !== 'arrow') return null
      const arrow = shape as TLArrowShape
      const shown = richTextToPlain(arrow.props.richText)
      const full = relationLabelOf(shown, arrow.meta)
      if (full === shown) return null
      const geometry = editor.getShapeGeometry(arrow) as { children?: { isLabel?: boolean; center: { x: number; y: number }; bounds: { y: number } }[] }
      const label = geometry.children?.find((child) => child.isLabel)
      // A bundle shows its label on one member only; the others show it at their middle.
      const body = geometry.children?.[0]
      const at = label ? { x: label.center.x, y: label.bounds.y } : body ? body.center : null
      if (!at) return null
      const page = editor.getShapePageTransform(arrow).applyToPoint(at)
      const point = editor.pageToViewport(page)
      return { full, x: point.x, y: point.y }
    },
    [editor],
  )
  if (!tip) return null
  return (
    <div className="relation-label-tip" role="tooltip" style={{ left: tip.x, top: tip.y }} data-relation-full-label>
      <span className="visually-hidden">{t('relation.fullLabel')}: </span>
      {tip.full}
    </div>
  )
}
