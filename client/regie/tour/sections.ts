import { Box, type Editor, type TLShape, type TLShapeId } from 'tldraw'
import { LEGEND_SHAPE } from '../../../shared/board/regie-shapes.ts'
import { legendTitleFor } from '../../../shared/board/legend-title.ts'
import type { Locale } from '../../../shared/regie/text.ts'
import { fitIntoFreeArea, freeArea } from '../../board/free-area.ts'

export interface Section {
  readonly id: TLShapeId
  readonly name: string
  readonly bounds: Box
}

/** Below this zoom a card's text is too small to read on a projector. */
const READABLE_ZOOM = 0.6

/**
 * The parts of a board a facilitator steps through: its top-level frames and legends, in reading
 * order (rows from top to bottom, each row left to right), named as the reader reads them.
 */
export function boardSections(editor: Editor, locale: Locale, unnamedFrame: string): Section[] {
  const page = editor.getCurrentPageId()
  const sections = editor
    .getSortedChildIdsForParent(page)
    .map((id) => editor.getShape(id))
    .filter((shape): shape is TLShape => shape !== undefined && (shape.type === 'frame' || shape.type === LEGEND_SHAPE))
    .flatMap((shape) => {
      const bounds = editor.getShapePageBounds(shape.id)
      if (!bounds) return []
      const name =
        shape.type === 'frame' ? (shape.props as { name: string }).name.trim() || unnamedFrame : legendTitleFor((shape.props as { title?: string }).title ?? '', locale)
      return [{ id: shape.id, name, bounds }]
    })
  // Shapes whose tops lie within half a card of each other read as one row.
  return sections.sort((a, b) => (Math.abs(a.bounds.minY - b.bounds.minY) < 60 ? a.bounds.minX - b.bounds.minX : a.bounds.minY - b.bounds.minY))
}

/**
 * Brings a section into view at a zoom people can read, in the part of the screen no menu or
 * panel covers: the whole section when it fits at READABLE_ZOOM or closer (never closer than
 * 100 %), else its top-left part at READABLE_ZOOM.
 */
export function showSection(editor: Editor, section: Section): void {
  const area = freeArea(editor)
  const { bounds } = section
  const fit = Math.min(area.w / bounds.w, area.h / bounds.h)
  const target =
    fit >= READABLE_ZOOM
      ? bounds
      : new Box(bounds.minX, bounds.minY, Math.min(bounds.w, area.w / READABLE_ZOOM), Math.min(bounds.h, area.h / READABLE_ZOOM))
  fitIntoFreeArea(editor, target, { animate: true })
}

/** The whole board, framed as it opens. */
export function showOverview(editor: Editor): void {
  const bounds = editor.getCurrentPageBounds()
  if (bounds) fitIntoFreeArea(editor, bounds, { animate: true })
}
