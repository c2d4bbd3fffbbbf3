/**
 * Vite plugin: cuts the two typefaces the canvas waits for before its first paint (tldraw's "draw"
 * face for notes, its "sans" face for frame titles and our cards; see scripts/canvas-files.ts)
 * down to the characters of European Latin scripts, punctuation, currency and arrows. Together
 * they were 216 kB of the phone's first canvas download on workshop Wi-Fi; subset they are about
 * 100 kB. A character outside the subset (Greek, Cyrillic, Arabic: neither face had those anyway,
 * or a rare Latin letter) is drawn by the browser in a fallback font, as it already was for
 * scripts these faces never covered. The other weights and styles are left whole: they load only
 * when used.
 */
import subsetFont from 'subset-font'
import type { Plugin } from 'vite'

export const SUBSET_FONTS = [/Shantell_Sans-Informal_Regular-[^/]*\.woff2$/, /IBMPlexSans-Medium-[^/]*\.woff2$/]

/** Unicode ranges kept, inclusive. */
const KEPT_RANGES: readonly (readonly [number, number])[] = [
  [0x0020, 0x007e], // Basic Latin
  [0x00a0, 0x017f], // Latin-1 and Latin Extended-A (Dutch, Turkish, Polish, Czech, …)
  [0x0218, 0x021b], // Romanian ș ț
  [0x0259, 0x0259], // ə
  [0x02c6, 0x02dd], // spacing accents
  [0x0300, 0x036f], // combining accents (decomposed input)
  [0x2000, 0x206f], // general punctuation (dashes, quotes, ellipsis, bullets)
  [0x20a0, 0x20cf], // currency signs (€)
  [0x2100, 0x215f], // letterlike symbols and number forms (™, №, ½)
  [0x2190, 0x21ff], // arrows
  [0x2212, 0x2212], // minus sign
]

export function keptCharacters(): string {
  let text = ''
  for (const [from, to] of KEPT_RANGES) for (let code = from; code <= to; code++) text += String.fromCodePoint(code)
  return text
}

export function subsetFirstPaintFonts(): Plugin {
  return {
    name: 'regiebord-subset-fonts',
    apply: 'build',
    async generateBundle(_options, bundle) {
      const text = keptCharacters()
      let subset = 0
      for (const output of Object.values(bundle)) {
        if (output.type !== 'asset' || !SUBSET_FONTS.some((pattern) => pattern.test(output.fileName))) continue
        const source = typeof output.source === 'string' ? Buffer.from(output.source) : Buffer.from(output.source)
        output.source = new Uint8Array(await subsetFont(source, text, { targetFormat: 'woff2' }))
        subset++
      }
      if (subset !== SUBSET_FONTS.length) this.error(`subset-fonts: expected ${SUBSET_FONTS.length} fonts to subset, found ${subset}`)
    },
  }
}
