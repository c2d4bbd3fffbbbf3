/**
 * Reads a CSV file as people save them from Excel, LibreOffice or our own export: UTF-8 with or
 * without a byte order mark, `;` or `,` (or a tab) between fields, quoted fields with doubled
 * quotes and line breaks inside, CRLF or LF line ends.
 *
 * The separator is taken from the first non-empty line (the header): whichever of `;`, `,` and tab
 * occurs most often outside quotes. A header never holds a decimal comma, so this is reliable
 * where guessing from data rows is not.
 */
export const SEPARATORS = [';', ',', '\t'] as const
export type Separator = (typeof SEPARATORS)[number]

export interface DelimitedText {
  readonly separator: Separator
  /** Rows of raw field text, as in the file; row i is line i + 1 of the sheet. */
  readonly rows: string[][]
}

const BYTE_ORDER_MARK = '\uFEFF'

export function detectSeparator(text: string): Separator {
  const firstLine = text.split(/\r\n|\n|\r/).find((line) => line.trim() !== '') ?? ''
  let best: Separator = ';'
  let bestCount = 0
  for (const separator of SEPARATORS) {
    const count = countOutsideQuotes(firstLine, separator)
    if (count > bestCount) {
      best = separator
      bestCount = count
    }
  }
  return best
}

function countOutsideQuotes(line: string, char: string): number {
  let count = 0
  let quoted = false
  for (const c of line) {
    if (c === '"') quoted = !quoted
    else if (c === char && !quoted) count++
  }
  return count
}

export function parseDelimited(input: string, separator: Separator = detectSeparator(stripBom(input))): DelimitedText {
  const text = stripBom(input)
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  let i = 0
  while (i < text.length) {
    const c = text[i]!
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
      } else {
        field += c
      }
      i++
      continue
    }
    if (c === '"' && field === '') {
      quoted = true
    } else if (c === separator) {
      row.push(field)
      field = ''
    } else if (c === '\r' || c === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      if (c === '\r' && text[i + 1] === '\n') i++
    } else {
      field += c
    }
    i++
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return { separator, rows }
}

export function stripBom(text: string): string {
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text
}
