/**
 * tldraw asks for all sixteen of its typefaces (1.1 MB) as the canvas mounts, to have them ready
 * should someone switch a note to bold, italic, mono or serif. A workshop board uses two, which it
 * has loaded before drawing; tldraw loads any other as soon as a shape uses it. On a phone on
 * workshop Wi-Fi the other fourteen would take the line for six seconds after the board shows,
 * while the resident's first edits wait to be sent: there they load only when used. On a wide
 * screen they still come, a few seconds after the board shows.
 */
import type { Editor, TLFontFace } from 'tldraw'

const WARM_AFTER_MS = 5000

/** Call from tldraw's onMount, before its queued requests go out (a microtask later). */
export function deferUnusedTypefaces(editor: Editor, { warmLater }: { warmLater: boolean }): () => void {
  // tldraw's queue of requested faces; private, so checked rather than assumed.
  const queued = (editor.fonts as unknown as { fontsToLoad?: unknown }).fontsToLoad
  if (!(queued instanceof Set)) return () => undefined
  const used = new Set<TLFontFace>()
  for (const id of editor.getCurrentPageShapeIds()) for (const face of editor.fonts.getShapeFontFaces(id)) used.add(face)
  const deferred = ([...queued] as TLFontFace[]).filter((face) => !used.has(face))
  for (const face of deferred) queued.delete(face)
  if (!warmLater || deferred.length === 0) return () => undefined
  const timer = window.setTimeout(() => editor.fonts.requestFonts(deferred), WARM_AFTER_MS)
  return () => window.clearTimeout(timer)
}
