/**
 * Storage keys of a board's documents. The update log is kept per document; a document is named
 * by its room name (shared/session/channels.ts): `<boardId>` for the board, `<boardId>/<rest>` for
 * the others. Storage keeps the board id (for the foreign key and deletion with the board) and
 * the rest (`doc`, '' for the board itself) apart.
 */
export interface DocKey {
  boardId: string
  doc: string
}

export function splitDocName(name: string): DocKey {
  const slash = name.indexOf('/')
  return slash === -1 ? { boardId: name, doc: '' } : { boardId: name.slice(0, slash), doc: name.slice(slash + 1) }
}
