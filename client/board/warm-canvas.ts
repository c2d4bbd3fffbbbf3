/**
 * Downloads, without running, what the canvas needs before its first paint: tldraw's chunk and
 * ours, their CSS, the two typefaces tldraw waits for and tldraw's texts in the page's language.
 * The build writes the list into index.html (scripts/canvas-files.ts). Started once the board's own code is in, so the name
 * dialog and the phone view come first; a few files at a time, so the requests the board itself
 * makes (joining, syncing) always find a free connection.
 */

/** The element scripts/canvas-files.ts writes (CANVAS_FILES_ELEMENT_ID). */
const ELEMENT_ID = 'canvas-files'
/**
 * A few at a time: the board's own requests (joining, syncing) always find a free connection, and
 * tldraw's chunk, which the canvas runs first, is not slowed by sharing the line with everything
 * else (four at a time measured no faster).
 */
const AT_ONCE = 2

interface CanvasFiles {
  scripts: string[]
  styles: string[]
  fonts: string[]
  translations: Record<string, string>
}

let started = false

export function downloadCanvasFiles(): void {
  if (started) return
  started = true
  const files = readList()
  // The development server has no list: it serves modules one by one as they are imported.
  if (!files) return
  const [first, ...otherScripts] = files.scripts
  const queue: { href: string; rel: 'modulepreload' | 'prefetch' }[] = [
    ...(first ? [{ href: first, rel: 'modulepreload' as const }] : []),
    // tldraw asks for its texts only once it has mounted, and shows no shapes until they are in.
    ...[files.translations[document.documentElement.lang]].flatMap((href) => (href ? [{ href, rel: 'prefetch' as const }] : [])),
    ...files.styles.map((href) => ({ href, rel: 'prefetch' as const })),
    ...otherScripts.map((href) => ({ href, rel: 'modulepreload' as const })),
    ...files.fonts.map((href) => ({ href, rel: 'prefetch' as const })),
  ]
  const next = () => {
    const file = queue.shift()
    if (!file) return
    // The phone view's own chunks are in already.
    if (performance.getEntriesByName(new URL(file.href, location.href).href).length > 0) return next()
    const link = document.createElement('link')
    link.rel = file.rel
    link.href = file.href
    // The same request mode as the import() and the font loader that use them later, so the
    // browser reuses the download rather than fetching again.
    link.crossOrigin = 'anonymous'
    link.addEventListener('load', next, { once: true })
    link.addEventListener('error', next, { once: true })
    document.head.append(link)
  }
  for (let lane = 0; lane < AT_ONCE; lane++) next()
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
