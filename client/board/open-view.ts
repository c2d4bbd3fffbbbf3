/**
 * Where the canvas opens: on the whole board, never closer than 100 % (a board with one sticky
 * should not open as a close-up), fitted in the part of the screen no menu covers. On a phone
 * tldraw's menu and our bar take the top ~100 px and its tools and undo row the bottom ~110 px; on
 * a laptop or projector our bar (two rows) takes the top right, tldraw's style panel the right
 * edge below it and its toolbar the bottom: fitted to the whole canvas, a template's bottom row
 * and right column opened under them.
 */
import type { Editor } from 'tldraw'

interface Chrome {
  top: number
  bottom: number
  left: number
  right: number
}
/** On a phone (see NARROW_SCREEN): tldraw's menu zone plus our bar, and its two bottom rows. */
const PHONE_CHROME: Chrome = { top: 100, bottom: 110, left: 12, right: 12 }
/** On wider screens: our bar's two rows and the session timer below them, tldraw's style panel (≈ 150 px), its toolbar. */
const DESKTOP_CHROME: Chrome = { top: 144, bottom: 80, left: 24, right: 168 }

export function showWholeBoard(editor: Editor, phone: boolean): void {
  const bounds = editor.getCurrentPageBounds()
  if (!bounds) return
  const chrome = phone ? PHONE_CHROME : DESKTOP_CHROME
  const screen = editor.getViewportScreenBounds()
  const width = screen.w - chrome.left - chrome.right
  const height = screen.h - chrome.top - chrome.bottom
  if (width <= 0 || height <= 0 || bounds.w <= 0 || bounds.h <= 0) {
    editor.zoomToBounds(bounds, { targetZoom: 1, inset: 32 })
    return
  }
  const { zoomSteps } = editor.getCameraOptions()
  const z = Math.max(zoomSteps[0] ?? 0.05, Math.min(1, width / bounds.w, height / bounds.h))
  // Screen = (page + camera) × zoom: put the board's top left where it is centred in the free area.
  const left = chrome.left + Math.max(0, (width - bounds.w * z) / 2)
  const top = chrome.top + Math.max(0, (height - bounds.h * z) / 2)
  editor.setCamera({ x: left / z - bounds.x, y: top / z - bounds.y, z })
}

/** How long after opening a change of the canvas's size (the side panel mounting) refits. */
const SETTLING_MS = 3000

/**
 * Opens on the whole board, and fits again while the page settles: the side panel and our bar
 * mount after the editor, which narrows the canvas, and tldraw keeps the camera where it was, so
 * the board's right part opened under the style panel. Stops once the settling time is over or
 * someone moved the camera.
 */
export function openOnWholeBoard(editor: Editor, phone: boolean): () => void {
  showWholeBoard(editor, phone)
  let fitted = editor.getCamera()
  const container = editor.getContainer()
  let frame = 0
  const observer = new ResizeObserver(() => {
    cancelAnimationFrame(frame)
    // After tldraw has taken the new size (its own observer), and only if nobody moved since.
    frame = requestAnimationFrame(() => {
      const now = editor.getCamera()
      if (now.x !== fitted.x || now.y !== fitted.y || now.z !== fitted.z) return stop()
      showWholeBoard(editor, phone)
      fitted = editor.getCamera()
    })
  })
  const timer = setTimeout(() => stop(), SETTLING_MS)
  function stop(): void {
    observer.disconnect()
    cancelAnimationFrame(frame)
    clearTimeout(timer)
  }
  observer.observe(container)
  return stop
}
