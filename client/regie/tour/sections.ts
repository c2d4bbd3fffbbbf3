import { Box, type Editor, type TLShape, type TLShapeId } from 'tldraw'
import { LEGEND_SHAPE } from '../../../shared/board/regie-shapes.ts'

export interface Section {
  readonly id: TLShapeId
  readonly name: string
  readonly bounds: Box
}

/** Below this zoom a card's text is too small to read on a projector. */
const READABLE_ZOOM = 0.6

/**
 * The parts of a board a facilitator steps through: its top-level frames and legends, in reading
 * order (rows from top to bottom, each row left to right).
 */
export function boardSections(editor: Editor, legendName: string): Section[] {
  const page = editor.getCurrentPageId()
  const sections = editor
    .getSortedChildIdsForParent(page)
    .map((id) => editor.getShape(id))
    .filter((shape): shape is TLShape => shape !== undefined && (shape.type === 'frame' || shape.type === LEGEND_SHAPE))
    .flatMap((shape) => {
      const bounds = editor.getShapePageBounds(shape.id)
      if (!bounds) return []
      const name = shape.type === 'frame' ? (shape.props as { name: string }).name : ((shape.props as { title?: string }).title ?? legendName)
      return [{ id: shape.id, name: name.trim() === '' ? legendName : name, bounds }]
    })
  // Shapes whose tops lie within half a card of each other read as one row.
  return sections.sort((a, b) => (Math.abs(a.bounds.minY - b.bounds.minY) < 60 ? a.bounds.minX - b.bounds.minX : a.bounds.minY - b.bounds.minY))
}

/**
 * Brings a section into view at a zoom people can read: the whole section when it fits at
 * READABLE_ZOOM or closer (never closer than 100 %), else its top-left part at READABLE_ZOOM.
 */
export function showSection(editor: Editor, section: Section): void {
  const viewport = editor.getViewportScreenBounds()
  const inset = 48
  const fit = Math.min((viewport.w - 2 * inset) / section.bounds.w, (viewport.h - 2 * inset) / section.bounds.h)
  const target =
    fit >= READABLE_ZOOM
      ? section.bounds
      : new Box(section.bounds.minX, section.bounds.minY, Math.min(section.bounds.w, (viewport.w - 2 * inset) / READABLE_ZOOM), Math.min(section.bounds.h, (viewport.h - 2 * inset) / READABLE_ZOOM))
  editor.zoomToBounds(target, { targetZoom: 1, inset, animation: { duration: 300 } })
}

export function showOverview(editor: Editor): void {
  const bounds = editor.getCurrentPageBounds()
  if (bounds) editor.zoomToBounds(bounds, { targetZoom: 1, inset: 32, animation: { duration: 300 } })
}
