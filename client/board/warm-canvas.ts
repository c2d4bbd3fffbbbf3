/**
 * Downloads, without running, what the canvas needs before its first paint: tldraw's chunk and
 * ours, their CSS, the two typefaces tldraw waits for and tldraw's texts in the page's language.
 * The build writes the list into index.html (scripts/canvas-files.ts).
 *
 * Two paces. In the background (the phone view is showing, the canvas may never be opened) a
 * couple of files at a time, so the phone view's own requests always find a free connection. For
 * someone who will see the canvas next ("now"), four at a time from the moment the page's first
 * script runs: on Fast 3G every request waits 0.56 s before its first byte, and one after another
 * the canvas's files spent more time waiting than downloading. Two connections of the six a
 * browser opens to a host stay free for the board's own requests (joining, the clock).
 *
 * Order: the scripts and styles first; nothing of the canvas runs before all of them are in. The
 * typefaces and texts tldraw asks for only after it has started (0.6–1 s of a phone's CPU), so
 * they are asked for as tldraw's chunk, the largest file, is about to finish: a round trip before
 * its predicted end, measured on its own download. Asked for earlier, they share the line with
 * the scripts and the canvas starts later; asked for after it, they arrive a round trip late.
 */

/** The element scripts/canvas-files.ts writes (CANVAS_FILES_ELEMENT_ID). */
const ELEMENT_ID = 'canvas-files'
const AT_ONCE = { background: 2, now: 4 } as const

export type CanvasDownloadPace = keyof typeof AT_ONCE

interface CanvasFiles {
  /** Largest first. */
  scripts: string[]
  largestScriptBytes: number
  styles: string[]
  fonts: string[]
  translations: Record<string, string>
}

interface QueuedFile {
  href: string
  rel: 'modulepreload' | 'prefetch'
  /** Followed as it downloads (the largest script): its end releases the late files. */
  bytes?: number
}

let early: QueuedFile[] | null = null
let late: QueuedFile[] = []
let lateReleased = false
let lanes = 0
let running = 0

export function downloadCanvasFiles(pace: CanvasDownloadPace = 'background'): void {
  if (!early) {
    const files = readList()
    // The development server has no list: it serves modules one by one as they are imported.
    if (!files) return
    const translation = files.translations[document.documentElement.lang]
    const [largest, ...scripts] = files.scripts
    early = [
      ...(largest ? [{ href: largest, rel: 'modulepreload' as const, bytes: files.largestScriptBytes }] : []),
      ...scripts.map((href) => ({ href, rel: 'modulepreload' as const })),
      ...files.styles.map((href) => ({ href, rel: 'prefetch' as const })),
    ]
    late = [
      // tldraw asks for its texts only once it has mounted, and shows no shapes until they are in.
      ...(translation ? [{ href: translation, rel: 'prefetch' as const }] : []),
      ...files.fonts.map((href) => ({ href, rel: 'prefetch' as const })),
    ]
    if (!largest) lateReleased = true
  }
  lanes = Math.max(lanes, AT_ONCE[pace])
  fill()
}

function fill(): void {
  while (running < lanes) {
    const file = takeNext()
    if (!file) return
    running++
    const done = () => {
      running--
      fill()
    }
    if (file.bytes) void follow(file.href, file.bytes).finally(() => preload(file, done))
    else preload(file, done)
  }
}

function takeNext(): QueuedFile | null {
  for (;;) {
    const file = early?.shift() ?? (lateReleased ? late.shift() : undefined)
    if (!file) return null
    // What the page has already loaded (the phone view's chunks, the first script) is skipped.
    if (performance.getEntriesByName(new URL(file.href, location.href).href).length === 0) return file
    if (file.bytes) lateReleased = true
  }
}

function releaseLate(): void {
  if (lateReleased) return
  lateReleased = true
  fill()
}

function preload(file: QueuedFile, done: () => void): void {
  const link = document.createElement('link')
  link.rel = file.rel
  link.href = file.href
  // The same request mode as the import() and the font loader that use them later, so the
  // browser reuses the download rather than fetching again.
  link.crossOrigin = 'anonymous'
  link.addEventListener('load', done, { once: true })
  link.addEventListener('error', done, { once: true })
  document.head.append(link)
}

/**
 * Downloads the largest script into the browser's cache (its files are immutable), releasing the
 * late files once the rest of it should take no longer than a round trip. The modulepreload
 * that follows then finds it in the cache.
 */
async function follow(href: string, bytes: number): Promise<void> {
  try {
    const sentAt = performance.now()
    const response = await fetch(href, { credentials: 'same-origin' })
    const firstByteAt = performance.now()
    const roundTrip = firstByteAt - sentAt
    const reader = response.body?.getReader()
    if (!response.ok || !reader) return
    let received = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      received += value.byteLength
      const elapsed = performance.now() - firstByteAt
      if (elapsed > 0 && ((bytes - received) * elapsed) / received <= roundTrip) releaseLate()
    }
  } catch {
    // The modulepreload that follows fetches it again, or fails as the canvas would.
  } finally {
    releaseLate()
  }
}

function readList(): CanvasFiles | null {
  const text = document.getElementById(ELEMENT_ID)?.textContent
  if (!text) return null
  try {
    const parsed = JSON.parse(text) as Partial<CanvasFiles>
    const strings = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.startsWith('/')) : [])
    const translations = Object.fromEntries(Object.entries(parsed.translations ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].startsWith('/')))
    const largestScriptBytes = typeof parsed.largestScriptBytes === 'number' && parsed.largestScriptBytes > 0 ? parsed.largestScriptBytes : 0
    return { scripts: strings(parsed.scripts), largestScriptBytes, styles: strings(parsed.styles), fonts: strings(parsed.fonts), translations }
  } catch {
    return null
  }
}
