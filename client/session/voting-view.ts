/**
 * Taking people to what they vote on: the camera to the round's shapes, on their page.
 */
import { Box, type Editor, type TLShapeId } from 'tldraw'
import { fitIntoFreeArea } from '../board/free-area.ts'

/** The page bounds around the round's shapes on the page that holds most of them, or null. */
export function roundBounds(editor: Editor, shapeIds: readonly string[]): { pageId: string; bounds: Box } | null {
  const byPage = new Map<string, Box[]>()
  for (const id of shapeIds) {
    const bounds = editor.getShapePageBounds(id as TLShapeId)
    const pageId = editor.getShape(id as TLShapeId) ? editor.getAncestorPageId(id as TLShapeId) : undefined
    if (!bounds || !pageId) continue
    byPage.set(pageId, [...(byPage.get(pageId) ?? []), bounds])
  }
  const [pageId, boxes] = [...byPage.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? []
  if (!pageId || !boxes) return null
  return { pageId, bounds: Box.Common(boxes) }
}

/** Moves this person's camera to the round; false when none of its shapes is on the board. */
export function goToRound(editor: Editor, shapeIds: readonly string[]): boolean {
  const target = roundBounds(editor, shapeIds)
  if (!target) return false
  editor.stopFollowingUser()
  if (target.pageId !== editor.getCurrentPageId()) editor.setCurrentPage(target.pageId as never)
  // Where no menu or banner covers them (the voting banner itself sits over the canvas's top).
  fitIntoFreeArea(editor, target.bounds, { animate: true })
  return true
}
