/**
 * CSV as Excel in a Dutch locale opens it with a double click:
 *
 * - UTF-8 with a byte order mark: without it Excel reads the file as Windows-1252 and "één"
 *   becomes "Ã©Ã©n".
 * - `;` between fields: Excel takes the separator from the system's list separator, which is
 *   `;` wherever the decimal separator is a comma (nl-NL, and most of Europe). With `,` every
 *   row would land in one column there. A `sep=;` first line would force it everywhere, but
 *   then Excel ignores the byte order mark, so it is left out.
 * - CRLF line ends (RFC 4180); fields with `;`, `"` or a line break are quoted, `"` doubled.
 *
 * Text fields that start like a formula (`=`, `+`, `-`, `@`, tab, CR, and their full-width forms
 * `＝＋－＠`, which Excel in an East Asian locale, and LibreOffice, also take as a formula start)
 * get a leading `'`, which Excel shows as text instead of evaluating (OWASP's advice against CSV
 * injection): board text is written by anyone with a participant link, and the facilitator opens the file.
 */
export const CSV_SEPARATOR = ';'
export const CSV_BYTE_ORDER_MARK = '\uFEFF'
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8'

/** Numbers are written as they are; strings are text. */
export type CsvCell = string | number

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/
const NEEDS_QUOTES = /[;"\r\n]|^\s|\s$/

export function csvField(cell: CsvCell): string {
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : ''
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The whole file: byte order mark, a header row and the rows, each ending in CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(CSV_SEPARATOR))
  return `${CSV_BYTE_ORDER_MARK}${lines.map((line) => `${line}\r\n`).join('')}`
}
