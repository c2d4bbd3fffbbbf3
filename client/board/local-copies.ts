/**
 * What this browser keeps of a board: each of its documents in an IndexedDB database of its own
 * (board-connection.ts), the board in the start page's list, and this person's identities. The
 * database names are made here and nowhere else, so the code that drops them names the same ones.
 */
import { roomName, type DocRef } from '../../shared/session/channels.ts'
import { forgetOwners } from '../session/owner-secret.ts'
import { forgetBoard } from '../start/my-boards.ts'

/** The IndexedDB database that keeps a copy of one document, by its room name. */
export function localCopyName(room: string): string {
  return `regiebord:${room}`
}

/**
 * Drops everything this browser keeps of a deleted board (AVG: a deleted board must not linger
 * here either): the copies of the documents that keep one (the board, its structure, this
 * person's private notes; the control document keeps none), the list entry and the identities.
 */
export function forgetBoardLocally(boardId: string, ownerKey: string): void {
  const docs: DocRef[] = [
    { boardId, channel: 'main' },
    { boardId, channel: 'structure' },
    { boardId, channel: 'private', ownerKey },
  ]
  for (const doc of docs) indexedDB.deleteDatabase(localCopyName(roomName(doc)))
  forgetBoard(boardId)
  forgetOwners(boardId)
}
