/**
 * Where the canvas opens: on the whole board, never closer than 100 % (a board with one sticky
 * should not open as a close-up), fitted in the part of the screen no menu covers (free-area.ts).
 */
import type { Editor, TLCamera } from 'tldraw'
import { fitIntoFreeArea } from './free-area.ts'

/** Where each editor's camera was last put by the opening fit, while nobody has moved it since. */
const openingFit = new WeakMap<Editor, TLCamera>()

const sameCamera = (a: TLCamera, b: TLCamera) => a.x === b.x && a.y === b.y && a.z === b.z

function showWholeBoard(editor: Editor): void {
  const bounds = editor.getCurrentPageBounds()
  if (bounds) fitIntoFreeArea(editor, bounds)
}

/**
 * Fits the whole board again if the camera is still where opening put it: a panel over the
 * canvas came or went (the tour offer), and the board should not lie under it. Once someone has
 * moved the camera it stays theirs.
 */
export function refitOpeningView(editor: Editor): void {
  const fitted = openingFit.get(editor)
  if (!fitted || !sameCamera(fitted, editor.getCamera())) {
    openingFit.delete(editor)
    return
  }
  showWholeBoard(editor)
  openingFit.set(editor, editor.getCamera())
}

/** How long after opening a change of the canvas's size (the side panel mounting) refits. */
const SETTLING_MS = 3000

/**
 * Opens on the whole board, and fits again while the page settles: the side panel and our bar
 * mount after the editor, which narrows the canvas, and tldraw keeps the camera where it was, so
 * the board's right part opened under the style panel. Stops once the settling time is over or
 * someone moved the camera.
 */
export function openOnWholeBoard(editor: Editor): () => void {
  showWholeBoard(editor)
  openingFit.set(editor, editor.getCamera())
  const container = editor.getContainer()
  let frame = 0
  const observer = new ResizeObserver(() => {
    cancelAnimationFrame(frame)
    // After tldraw has taken the new size (its own observer), and only if nobody moved since.
    frame = requestAnimationFrame(() => {
      refitOpeningView(editor)
      if (!openingFit.has(editor)) stop()
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
