/**
 * How the import compares words from a spreadsheet with the product's own: case, accents,
 * punctuation and spacing do not count, so "Opdrachtgever → opdrachtnemer", "opdrachtgever-
 * opdrachtnemer" and "OPDRACHTGEVER OPDRACHTNEMER" are one and the same.
 */
export function normalizeWord(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' en ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}
