import type { Editor, TLShapeId } from 'tldraw'

export type ImageFormat = 'png' | 'svg'

/**
 * Longest side of a PNG, in pixels. The whole Noord-Veluwe template at the old setting (page
 * scale 2 × pixel ratio 2) was a 4584 × 6556 bitmap that took 5–26 s; at this size a board that
 * large comes out at about one pixel per page unit (as on screen at 100 %), smaller boards and
 * selections sharper, and the export takes a few seconds (BENCHMARKS.md, "Image export").
 */
export const MAX_PNG_SIDE = 3300
/** Small selections are exported sharper, up to this many pixels per page unit. */
const MAX_PNG_RATIO = 2

/** Pixels per page unit for a PNG of `bounds`: sharp for small exports, downscaled for large ones. */
export function pngPixelRatio(bounds: { w: number; h: number }, padding = EXPORT_PADDING): number {
  const side = Math.max(bounds.w, bounds.h) + 2 * padding
  return Math.min(MAX_PNG_RATIO, MAX_PNG_SIDE / Math.max(1, side))
}

const EXPORT_PADDING = 32

/**
 * The board, the selection or one frame as an image, made by tldraw in the browser (the server
 * has no renderer). Returns null for an empty page.
 */
export async function exportImage(editor: Editor, format: ImageFormat, scope: 'page' | 'selection'): Promise<Blob | null> {
  const ids: TLShapeId[] = scope === 'selection' && editor.getSelectedShapeIds().length > 0 ? [...editor.getSelectedShapeIds()] : [...editor.getCurrentPageShapeIds()]
  if (ids.length === 0) return null
  const bounds = editor.getShapesPageBounds(ids)
  const pixelRatio = format === 'png' && bounds ? pngPixelRatio(bounds) : undefined
  const { blob } = await editor.toImage(ids, { format, background: true, padding: EXPORT_PADDING, scale: 1, ...(pixelRatio !== undefined && { pixelRatio }) })
  return blob
}

/** Saves a blob under a file name, the way a browser download does. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const anchor = document.createElement('a')
  anchor.href = url
  anchor.download = fileName
  document.body.append(anchor)
  anchor.click()
  anchor.remove()
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** A file name from the board title: letters, digits and dashes only. */
export function fileNameFor(title: string, suffix: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
  return `${base || 'regiebord'}${suffix}`
}
