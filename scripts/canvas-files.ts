/**
 * Vite plugin: writes into index.html which files the canvas needs before its first paint (the
 * canvas chunk with everything it imports statically, their CSS, the two typefaces tldraw
 * waits for before it draws notes and frames, and tldraw's texts in Dutch). The phone view downloads these while the resident
 * types a name and reads the notes (client/board/warm-canvas.ts), so opening the canvas does not
 * start with a 600 kB download on workshop Wi-Fi. The list is data, not a script: nothing runs
 * before the page asks for it.
 */
import type { Plugin } from 'vite'

/** The module whose chunk is the canvas (see the lazy import in client/board/BoardView.tsx). */
const CANVAS_ENTRY = /client\/board\/BoardCanvas\.tsx$/
/**
 * tldraw's "draw" face (notes) and "sans" face (frame titles, our cards): the fonts it loads
 * before it renders a page of a workshop board (maxFontsToLoadBeforeRender).
 */
const FIRST_PAINT_FONTS = [/Shantell_Sans-Informal_Regular-[^/]*\.woff2$/, /IBMPlexSans-Medium-[^/]*\.woff2$/]

/**
 * tldraw's own texts in the app's languages other than English (built into tldraw): it fetches
 * them after the canvas mounts and draws no shapes until they are in, a round trip (0.6 s on
 * Fast 3G) after everything else.
 */
const TRANSLATIONS = { nl: /^assets\/nl-[A-Za-z0-9_-]+\.json$/ } as const

export interface CanvasFiles {
  /** Largest first. */
  scripts: string[]
  /** The first (largest) script's size in bytes, uncompressed: the page follows its download. */
  largestScriptBytes: number
  styles: string[]
  fonts: string[]
  /** Language code → tldraw's translation file. */
  translations: Record<string, string>
}

export const CANVAS_FILES_ELEMENT_ID = 'canvas-files'

export function canvasFiles(): Plugin {
  let base = '/'
  return {
    name: 'regiebord-canvas-files',
    apply: 'build',
    configResolved(config) {
      base = config.base
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle
        if (!bundle) return html
        const chunks = Object.values(bundle).flatMap((output) => (output.type === 'chunk' ? [output] : []))
        const entry = chunks.find((chunk) => chunk.facadeModuleId !== null && CANVAS_ENTRY.test(chunk.facadeModuleId))
        if (!entry) throw new Error('canvas-files: no chunk for client/board/BoardCanvas.tsx (was the lazy import renamed?)')
        const scripts: string[] = []
        const styles = new Set<string>()
        const visit = (fileName: string) => {
          if (scripts.includes(fileName)) return
          const chunk = chunks.find((candidate) => candidate.fileName === fileName)
          if (!chunk) return
          scripts.push(fileName)
          for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css)
          for (const imported of chunk.imports) visit(imported)
        }
        visit(entry.fileName)
        // Largest first: the phone fetches them a few at a time and tldraw's chunk takes longest.
        // (By characters, which rank the chunks as bytes do.)
        const size = (fileName: string) => chunks.find((chunk) => chunk.fileName === fileName)?.code.length ?? 0
        scripts.sort((a, b) => size(b) - size(a))
        const fonts = Object.keys(bundle).filter((fileName) => FIRST_PAINT_FONTS.some((pattern) => pattern.test(fileName)))
        if (fonts.length !== FIRST_PAINT_FONTS.length) throw new Error(`canvas-files: expected ${FIRST_PAINT_FONTS.length} first-paint fonts, found ${fonts.join(', ') || 'none'}`)
        const translations: Record<string, string> = {}
        for (const [language, pattern] of Object.entries(TRANSLATIONS)) {
          const file = Object.keys(bundle).find((fileName) => pattern.test(fileName))
          if (!file) throw new Error(`canvas-files: no tldraw translation for ${language}`)
          translations[language] = base + file
        }
        const largestScriptBytes = Buffer.byteLength(chunks.find((chunk) => chunk.fileName === scripts[0])?.code ?? '')
        const files: CanvasFiles = { scripts: scripts.map((file) => base + file), largestScriptBytes, styles: [...styles].map((file) => base + file), fonts: fonts.map((file) => base + file), translations }
        return {
          html,
          tags: [{ tag: 'script', attrs: { type: 'application/json', id: CANVAS_FILES_ELEMENT_ID }, children: JSON.stringify(files), injectTo: 'head' }],
        }
      },
    },
  }
}
