import type { Editor, TLShapeId } from 'tldraw'

export type ImageFormat = 'png' | 'svg'

/**
 * The board, the selection or one frame as an image, made by tldraw in the browser (the server
 * has no renderer). Returns null for an empty page.
 */
export async function exportImage(editor: Editor, format: ImageFormat, scope: 'page' | 'selection'): Promise<Blob | null> {
  const ids: TLShapeId[] = scope === 'selection' && editor.getSelectedShapeIds().length > 0 ? [...editor.getSelectedShapeIds()] : [...editor.getCurrentPageShapeIds()]
  if (ids.length === 0) return null
  const { blob } = await editor.toImage(ids, { format, background: true, padding: 32, scale: format === 'png' ? 2 : 1 })
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
