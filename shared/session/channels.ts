/**
 * A board is several Yjs documents, each synced as its own y-websocket room, because the server
 * can enforce who may write a whole document cheaply (it drops the update, as it does a viewer's)
 * but not who may write a part of one:
 *
 * - `main` (`<boardId>`): the shared board. Facilitators always write; participants unless the
 *   board is frozen or they were set to view-only; viewers never.
 * - `structure` (`<boardId>/structure`): locked content. Only facilitators write; everyone reads.
 *   Locking moves records here from `main`, unlocking moves them back.
 * - `control` (`<boardId>/control`): session state (timer, freeze, voting, private mode, summon,
 *   view-only participants). Written only by the server, through the facilitator's session API,
 *   so every rule about it is checked in one place; everyone reads.
 * - `private` (`<boardId>/private/<ownerKey>`): one participant's notes during "stil schrijven".
 *   Only the connection that proves it holds the identity the server issued (`owner=<secret>`,
 *   whose sha-256 in base64url is `ownerKey`) may open it; nobody else receives it. On reveal the server moves its
 *   records into `main`.
 */
import { isBoardId } from '../board-id.ts'
import { OWNER_KEY_PATTERN } from './owner-key.ts'

export type DocRef =
  | { readonly boardId: string; readonly channel: 'main' | 'structure' | 'control' }
  | { readonly boardId: string; readonly channel: 'private'; readonly ownerKey: string }

/** The y-websocket room name of a document (what follows `/sync/` in the URL). */
export function roomName(ref: DocRef): string {
  switch (ref.channel) {
    case 'main':
      return ref.boardId
    case 'private':
      return `${ref.boardId}/private/${ref.ownerKey}`
    default:
      return `${ref.boardId}/${ref.channel}`
  }
}

/** The document a room name stands for, or null for a name no board document has. */
export function parseRoomName(name: string): DocRef | null {
  const [boardId, channel, ownerKey, ...rest] = name.split('/')
  if (boardId === undefined || !isBoardId(boardId) || rest.length > 0) return null
  if (channel === undefined) return { boardId, channel: 'main' }
  if ((channel === 'structure' || channel === 'control') && ownerKey === undefined) return { boardId, channel }
  if (channel === 'private' && ownerKey !== undefined && OWNER_KEY_PATTERN.test(ownerKey)) return { boardId, channel, ownerKey }
  return null
}

/** The storage key of a document's update log, within its board: '' for main. */
export function docKey(ref: DocRef): string {
  return ref.channel === 'main' ? '' : roomName(ref).slice(ref.boardId.length + 1)
}
