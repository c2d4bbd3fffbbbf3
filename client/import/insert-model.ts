import { Box, type Editor } from 'tldraw'
import type { RegieModel } from '../../shared/regie/model.ts'

/** Room between what is on the page and what is inserted. */
const GAP = 200

/**
 * Lays out a model with the templates' engine and puts it to the right of everything on the
 * current page, as one undo step, then brings it into view. Ids get a fresh prefix, so the same
 * file can be inserted twice.
 */
export async function insertModel(editor: Editor, model: RegieModel<string>, prefix: string): Promise<void> {
  const pageId = editor.getCurrentPageId()
  const bounds = editor.getCurrentPageBounds()
  const viewport = editor.getViewportPageBounds()
  const origin = bounds ? { x: bounds.maxX + GAP, y: bounds.minY } : { x: viewport.minX + 40, y: viewport.minY + 40 }
  const topmost = editor.getSortedChildIdsForParent(pageId).at(-1)
  const aboveIndex = topmost ? (editor.getShape(topmost)?.index ?? null) : null
  const idPrefix = `${prefix}-${Math.random().toString(36).slice(2, 8)}-`
  const { modelBoardRecords } = await import('../../shared/board/model-board-records.ts')
  const { shapes, bindings, width, height } = await modelBoardRecords(model, { pageId, origin, aboveIndex, idPrefix })
  editor.markHistoryStoppingPoint(`insert ${prefix}`)
  editor.run(() => {
    editor.createShapes(shapes)
    editor.createBindings(bindings)
  })
  editor.selectNone()
  editor.zoomToBounds(new Box(origin.x, origin.y, width, height), { animation: { duration: 300 }, inset: 40 })
}
