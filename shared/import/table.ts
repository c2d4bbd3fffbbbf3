/**
 * A sheet as the import reads it, whatever it came from (a CSV file or one sheet of a workbook):
 * a name and rows of cells. Cells keep the type the spreadsheet gave them, so a number stays a
 * number and a formula's computed value arrives as its value.
 */
export type ImportCell = string | number | boolean | Date | null | undefined

export interface ImportSheet {
  /** The file name (CSV) or sheet name (XLSX), to say where a problem is. */
  readonly name: string
  readonly rows: readonly (readonly ImportCell[])[]
}

/** A cell as text, the way the spreadsheet shows it. */
export function cellText(cell: ImportCell): string {
  if (cell === null || cell === undefined) return ''
  if (typeof cell === 'string') return cell.trim()
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : ''
  if (typeof cell === 'boolean') return cell ? 'WAAR' : 'ONWAAR'
  return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10)
}

export function isEmptyRow(row: readonly ImportCell[]): boolean {
  return row.every((cell) => cellText(cell) === '')
}
