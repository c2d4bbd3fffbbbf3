/**
 * Where the canvas opens: on the whole board, never closer than 100 % (a board with one sticky
 * should not open as a close-up). On a phone tldraw's menu and our bar take the top ~100 px and
 * its tools and undo row the bottom ~110 px: the board is fitted between them, so the notes at
 * the bottom of a lane do not open under the toolbar.
 */
import type { Editor } from 'tldraw'

const INSET = 32
/** On a phone (see NARROW_SCREEN): tldraw's menu zone plus our bar, and its two bottom rows. */
const PHONE_CHROME = { top: 100, bottom: 110, side: 12 }

export function showWholeBoard(editor: Editor, phone: boolean): void {
  const bounds = editor.getCurrentPageBounds()
  if (!bounds) return
  if (!phone) {
    editor.zoomToBounds(bounds, { targetZoom: 1, inset: INSET })
    return
  }
  const screen = editor.getViewportScreenBounds()
  const width = screen.w - 2 * PHONE_CHROME.side
  const height = screen.h - PHONE_CHROME.top - PHONE_CHROME.bottom
  if (width <= 0 || height <= 0 || bounds.w <= 0 || bounds.h <= 0) {
    editor.zoomToBounds(bounds, { targetZoom: 1, inset: INSET })
    return
  }
  const { zoomSteps } = editor.getCameraOptions()
  const z = Math.max(zoomSteps[0] ?? 0.05, Math.min(1, width / bounds.w, height / bounds.h))
  // Screen = (page + camera) × zoom: put the board's top left where it is centred in the free area.
  const left = PHONE_CHROME.side + Math.max(0, (width - bounds.w * z) / 2)
  const top = PHONE_CHROME.top + Math.max(0, (height - bounds.h * z) / 2)
  editor.setCamera({ x: left / z - bounds.x, y: top / z - bounds.y, z })
}
