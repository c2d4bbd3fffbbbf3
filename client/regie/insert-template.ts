import { Box, type Editor } from 'tldraw'
import type { Locale } from '../../shared/regie/text.ts'
import type { TemplateId } from '../../shared/templates/index.ts'

/** Room between what is on the page and an inserted template. */
const GAP = 200

/**
 * Lays out a template and puts it to the right of everything on the current page, as one undo
 * step, then brings it into view. Ids get a fresh prefix so a template can be inserted twice.
 */
export async function insertTemplate(editor: Editor, id: TemplateId, locale: Locale): Promise<void> {
  const pageId = editor.getCurrentPageId()
  const bounds = editor.getCurrentPageBounds()
  const viewport = editor.getViewportPageBounds()
  const origin = bounds ? { x: bounds.maxX + GAP, y: bounds.minY } : { x: viewport.minX + 40, y: viewport.minY + 40 }
  const topmost = editor.getSortedChildIdsForParent(pageId).at(-1)
  const aboveIndex = topmost ? (editor.getShape(topmost)?.index ?? null) : null
  const idPrefix = `${id}-${Math.random().toString(36).slice(2, 8)}-`
  // The layout engine and the templates are large and rarely needed: loaded on first use.
  const { templateRecords } = await import('../../shared/board/template-records.ts')
  // Timings for the layout benchmark (test/e2e/layout.test.ts reads them): lay out, then put on the board.
  const laidOut = performance.now()
  const { shapes, bindings, width, height } = await templateRecords(id, locale, { pageId, origin, aboveIndex, idPrefix })
  const placed = performance.now()
  editor.markHistoryStoppingPoint('insert template')
  editor.run(() => {
    editor.createShapes(shapes)
    editor.createBindings(bindings)
  })
  performance.measure('regie:template-layout', { start: laidOut, end: placed })
  performance.measure('regie:template-create', { start: placed, end: performance.now() })
  editor.selectNone()
  editor.zoomToBounds(new Box(origin.x, origin.y, width, height), { animation: { duration: 300 }, inset: 40 })
}
