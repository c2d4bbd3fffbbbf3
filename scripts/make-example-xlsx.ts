/**
 * Writes docs/voorbeeld-regelingen.xlsx from the two example CSV files: sheet "Regelingen" and
 * sheet "Actoren", as a municipality would keep them in one workbook. Run after editing the CSVs:
 *   npx tsx scripts/make-example-xlsx.ts
 */
import fs from 'node:fs'
import { parseDelimited } from '../shared/import/delimited.ts'
import { writeXlsx, type XlsxCell } from '../test/helpers/xlsx-writer.ts'

const read = (file: string): XlsxCell[][] =>
  parseDelimited(fs.readFileSync(new URL(`../docs/${file}`, import.meta.url), 'utf8')).rows.map((row) =>
    row.map((cell) => (/^\d+$/.test(cell) ? Number(cell) : /^\d{1,3}(\.\d{3})+$/.test(cell) ? Number(cell.replace(/\./g, '')) : cell)),
  )

const bytes = writeXlsx([
  { name: 'Regelingen', rows: read('voorbeeld-regelingen.csv') },
  { name: 'Actoren', rows: read('voorbeeld-actoren.csv') },
])
fs.writeFileSync(new URL('../docs/voorbeeld-regelingen.xlsx', import.meta.url), bytes)
console.log(`docs/voorbeeld-regelingen.xlsx: ${bytes.length} bytes`)
