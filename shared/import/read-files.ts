/**
 * Turns the files a user picked into sheets: a CSV file is one sheet, a workbook one sheet per
 * tab. The XLSX reader (read-excel-file) is loaded only when a workbook arrives, so it costs the
 * start page nothing until then.
 */
import { IMPORT_LIMITS } from './limits.ts'
import { parseDelimited } from './delimited.ts'
import type { ImportCell, ImportSheet } from './table.ts'

export interface PickedFile {
  readonly name: string
  readonly bytes: ArrayBuffer
}

export class ImportFileError extends Error {
  constructor(
    readonly nl: string,
    readonly en: string,
  ) {
    super(nl)
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
const OLD_EXCEL_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]

function startsWith(bytes: ArrayBuffer, magic: readonly number[]): boolean {
  const head = new Uint8Array(bytes, 0, Math.min(bytes.byteLength, magic.length))
  return magic.every((byte, i) => head[i] === byte)
}

export function isWorkbook(file: PickedFile): boolean {
  return startsWith(file.bytes, ZIP_MAGIC)
}

export async function readImportFiles(files: readonly PickedFile[]): Promise<ImportSheet[]> {
  const sheets: ImportSheet[] = []
  for (const file of files) {
    if (file.bytes.byteLength > IMPORT_LIMITS.maxFileBytes) {
      throw new ImportFileError(
        `${file.name} is groter dan ${IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MB.`,
        `${file.name} is larger than ${IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MB.`,
      )
    }
    if (startsWith(file.bytes, OLD_EXCEL_MAGIC)) {
      throw new ImportFileError(
        `${file.name} is een oud Excel-bestand (.xls). Sla het op als .xlsx of als CSV en probeer het opnieuw.`,
        `${file.name} is an old Excel file (.xls). Save it as .xlsx or CSV and try again.`,
      )
    }
    if (isWorkbook(file)) sheets.push(...(await readWorkbook(file)))
    else sheets.push(readCsv(file))
  }
  return sheets
}

function readCsv(file: PickedFile): ImportSheet {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes)
  } catch {
    // Excel's "CSV" (not "CSV UTF-8") writes Windows-1252; reading it as such keeps "één" intact.
    text = new TextDecoder('windows-1252').decode(file.bytes)
  }
  if (text.includes('\u0000')) {
    throw new ImportFileError(`${file.name} is geen CSV- of Excel-bestand.`, `${file.name} is not a CSV or Excel file.`)
  }
  return { name: file.name, rows: parseDelimited(text).rows }
}

/** What a workbook may unpack to: a few MB of spreadsheet XML is thousands of rows already. */
export const MAX_UNPACKED_BYTES = 64 * 1024 * 1024

/**
 * The unpacked size a ZIP's central directory declares, summed; null when there is no central
 * directory to read. Checked before unpacking, so a small file that unpacks to gigabytes (a
 * "zip bomb") is refused rather than read.
 */
export function declaredUnpackedBytes(bytes: ArrayBuffer): number | null {
  const view = new DataView(bytes)
  // The end-of-central-directory record is 22 bytes plus a comment of at most 65535.
  for (let end = bytes.byteLength - 22; end >= Math.max(0, bytes.byteLength - 22 - 65535); end--) {
    if (view.getUint32(end, true) !== 0x06054b50) continue
    const entries = view.getUint16(end + 10, true)
    let offset = view.getUint32(end + 16, true)
    let total = 0
    for (let i = 0; i < entries; i++) {
      if (offset + 46 > bytes.byteLength || view.getUint32(offset, true) !== 0x02014b50) return null
      const size = view.getUint32(offset + 24, true)
      // 0xFFFFFFFF means the real size is in a ZIP64 field: more than 4 GB.
      total += size === 0xffffffff ? Number.POSITIVE_INFINITY : size
      offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true)
    }
    return total
  }
  return null
}

async function readWorkbook(file: PickedFile): Promise<ImportSheet[]> {
  const unpacked = declaredUnpackedBytes(file.bytes)
  if (unpacked === null || unpacked > MAX_UNPACKED_BYTES) {
    throw new ImportFileError(
      unpacked === null ? `${file.name} kon niet als Excel-bestand worden gelezen. Is het beschadigd?` : `${file.name} is uitgepakt groter dan ${MAX_UNPACKED_BYTES / 1024 / 1024} MB; dat is te veel voor een lijst regelingen.`,
      unpacked === null ? `${file.name} could not be read as an Excel file. Is it damaged?` : `${file.name} unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB; that is too much for a list of arrangements.`,
    )
  }
  const { default: readXlsxFile } = await import('read-excel-file/universal')
  try {
    const sheets = await readXlsxFile(file.bytes)
    // The library's types say `typeof Date` where it means a Date instance.
    return sheets.map((sheet) => ({ name: `${file.name} · ${sheet.sheet}`, rows: sheet.data as unknown as ImportCell[][] }))
  } catch {
    throw new ImportFileError(
      `${file.name} kon niet als Excel-bestand worden gelezen. Is het beschadigd of met een wachtwoord beveiligd?`,
      `${file.name} could not be read as an Excel file. Is it damaged or protected with a password?`,
    )
  }
}
