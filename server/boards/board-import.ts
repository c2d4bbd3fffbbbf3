/**
 * A board file (shared/export/board-file.ts) in and out of storage. Export reads the stored
 * documents; import checks the file and writes it as a new board (new id, new tokens) in one
 * transaction, so a refused or failed import leaves nothing behind.
 *
 * What an import keeps and what it does not: records, structure and the meta map exactly as in
 * the file, and the title; `createdAt` (the file's and `meta.createdAt`) becomes the moment of
 * the import, since the imported board is a new board. Export → import → export therefore gives
 * the same file except for `createdAt`.
 */
import * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
import type { TLRecord } from '@tldraw/tlschema'
import { boardSchema } from '../../shared/board/board-schema.ts'
import { META_MAP, MetaKey, RECORDS_ARRAY, type RecordEntry } from '../../shared/doc-layout.ts'
import { checkBoardFile, toBoardFile, type BoardFile } from '../../shared/export/board-file.ts'
import type { Storage } from '../storage/storage.ts'
import { readBoardContent } from './board-records.ts'
import { DEFAULT_TITLE, storeNewBoard, type CreatedBoard } from './boards.ts'

export async function exportBoardFile(storage: Storage, board: { id: string; title: string; createdAt: number }): Promise<BoardFile> {
  const content = await readBoardContent(storage, board.id)
  return toBoardFile({ title: board.title, createdAt: board.createdAt, meta: content.meta, records: content.records, structure: content.structure })
}

export type ImportResult = { ok: true; board: CreatedBoard } | { ok: false; message: string }

/** Checks `value` as a board file and stores it as a new board; nothing is stored if it fails. */
export async function importBoardFile(storage: Storage, value: unknown, now = Date.now()): Promise<ImportResult> {
  const checked = checkBoardFile(value, boardSchema())
  if (!checked.ok) return checked
  const { file } = checked
  const structure = file.structure.length > 0 ? { structure: documentWith(file.structure) } : undefined
  const board = await storeNewBoard(storage, {
    title: file.title.trim() || DEFAULT_TITLE,
    template: null,
    createdAt: now,
    initialUpdate: documentWith(file.records, { ...file.meta, [MetaKey.createdAt]: now }),
    ...(structure && { otherDocs: structure }),
  })
  return { ok: true, board }
}

/** A document holding `records` (and `meta`), encoded as its first update. */
export function documentWith(records: readonly TLRecord[], meta: Readonly<Record<string, unknown>> = {}): Uint8Array {
  const doc = new Y.Doc()
  try {
    doc.transact(() => {
      const map = doc.getMap<unknown>(META_MAP)
      for (const [key, value] of Object.entries(meta)) map.set(key, value)
      const kv = new YKeyValue(doc.getArray<RecordEntry<unknown>>(RECORDS_ARRAY))
      for (const record of records) kv.set(record.id, record)
    })
    return Y.encodeStateAsUpdate(doc)
  } finally {
    doc.destroy()
  }
}
