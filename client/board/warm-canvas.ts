/**
 * Downloads, without running, what the canvas needs before its first paint: tldraw's chunk and
 * ours, their CSS, the two typefaces tldraw waits for and tldraw's texts in the page's language.
 * The build writes the list into index.html (scripts/canvas-files.ts).
 *
 * Two paces. In the background (the phone view is showing, the canvas may never be opened) a
 * couple of files at a time, so the phone view's own requests always find a free connection. For
 * someone who will see the canvas next ("now"), four at a time from the moment the page's first
 * script runs: on Fast 3G every request waits 0.56 s before its first byte, and one after another
 * the canvas's ten files spent more time waiting than downloading. Two connections of the six a
 * browser opens to a host stay free for the board's own requests (joining, the clock).
 */

/** The element scripts/canvas-files.ts writes (CANVAS_FILES_ELEMENT_ID). */
const ELEMENT_ID = 'canvas-files'
const AT_ONCE = { background: 2, now: 4 } as const

export type CanvasDownloadPace = keyof typeof AT_ONCE

interface CanvasFiles {
  scripts: string[]
  styles: string[]
  fonts: string[]
  translations: Record<string, string>
}

interface QueuedFile {
  href: string
  rel: 'modulepreload' | 'prefetch'
}

let queue: QueuedFile[] | null = null
let lanes = 0
let running = 0

export function downloadCanvasFiles(pace: CanvasDownloadPace = 'background'): void {
  if (!queue) {
    const files = readList()
    // The development server has no list: it serves modules one by one as they are imported.
    if (!files) return
    queue = orderFiles(files, document.documentElement.lang)
  }
  lanes = Math.max(lanes, AT_ONCE[pace])
  while (running < lanes && next()) running++
}

/**
 * Scripts and styles first, the largest first (tldraw's chunk takes longest; nothing of the
 * canvas runs before every script is in), then what tldraw asks for once it has mounted: its
 * texts and the two typefaces. Those arrive while the scripts are compiled and run.
 */
function orderFiles(files: CanvasFiles, language: string): QueuedFile[] {
  const translation = files.translations[language]
  return [
    ...files.scripts.map((href) => ({ href, rel: 'modulepreload' as const })),
    ...files.styles.map((href) => ({ href, rel: 'prefetch' as const })),
    // tldraw asks for its texts only once it has mounted, and shows no shapes until they are in.
    ...(translation ? [{ href: translation, rel: 'prefetch' as const }] : []),
    ...files.fonts.map((href) => ({ href, rel: 'prefetch' as const })),
  ]
}

/** Starts the next file not yet in; false when none is left. */
function next(): boolean {
  let file = queue?.shift()
  // What the page has already loaded (the phone view's chunks, the first script) is skipped.
  while (file && performance.getEntriesByName(new URL(file.href, location.href).href).length > 0) file = queue?.shift()
  if (!file) return false
  const link = document.createElement('link')
  link.rel = file.rel
  link.href = file.href
  // The same request mode as the import() and the font loader that use them later, so the
  // browser reuses the download rather than fetching again.
  link.crossOrigin = 'anonymous'
  const done = () => {
    running--
    while (running < lanes && next()) running++
  }
  link.addEventListener('load', done, { once: true })
  link.addEventListener('error', done, { once: true })
  document.head.append(link)
  return true
}

function readList(): CanvasFiles | null {
  const text = document.getElementById(ELEMENT_ID)?.textContent
  if (!text) return null
  try {
    const parsed = JSON.parse(text) as Partial<CanvasFiles>
    const strings = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.startsWith('/')) : [])
    const translations = Object.fromEntries(Object.entries(parsed.translations ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].startsWith('/')))
    return { scripts: strings(parsed.scripts), styles: strings(parsed.styles), fonts: strings(parsed.fonts), translations }
  } catch {
    return null
  }
}
