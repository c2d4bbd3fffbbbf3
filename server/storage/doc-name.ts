/**
 * Storage keys of a board's documents. The update log is kept per document; a document is named
 * by its room name (shared/session/channels.ts): `<boardId>` for the board, `<boardId>/<rest>` for
 * the others. Storage keeps the board id (for the foreign key and deletion with the board) and
 * the document's key within the board (`doc`, '' for the board itself) apart. The name is read by
 * the one room-name parser, so storage and the sync route agree on what names a document.
 */
import { docKey, parseRoomName } from '../../shared/session/channels.ts'

export interface DocKey {
  boardId: string
  doc: string
}

/** Throws for a name that is no board document's: nothing should ever be stored under one. */
export function storageKeyOf(name: string): DocKey {
  const ref = parseRoomName(name)
  if (!ref) throw new Error(`not a board document's name: ${JSON.stringify(name.slice(0, 200))}`)
  return { boardId: ref.boardId, doc: docKey(ref) }
}
