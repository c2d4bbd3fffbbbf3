/**
 * What the server keeps durably. The room and HTTP code talk only to this interface, so SQLite
 * (the default) and other engines are interchangeable and run through one contract test suite.
 *
 * Updates are an append-only log per document. A board has several documents (the board itself,
 * its locked structure, the session control, private notes: shared/session/channels.ts); the
 * update-log methods take the document's room name (`<boardId>` or `<boardId>/<rest>`, see
 * shared/session/channels.ts; doc-name.ts turns it into storage's keys), and everything of a board goes when the board goes.
 *
 * Per document, the log is append-only. `seq` grows strictly (never reused), which is what
 * makes `replaceUpdates` safe while other writers keep appending: it only removes rows up to the
 * `seq` the caller merged, and anything appended meanwhile has a higher `seq`. Per board, updates
 * become visible in `seq` order (a reader that sees `seq` N sees every lower one), so a caller
 * that loaded up to N merged every row it deletes, even with several server instances writing.
 */
import type { Role } from '../../shared/roles.ts'
import type { SnapshotKind } from '../../shared/session/snapshots.ts'

export interface BoardRecord {
  id: string
  title: string
  template: string | null
  createdAt: number
  lastOpenedAt: number
}

export interface NewBoard extends BoardRecord {
  /** sha-256 hashes of the secret tokens; the tokens themselves are never stored. */
  tokenHashes: Record<Role, string>
  /** The document's first state (title in meta, template content). */
  initialUpdate: Uint8Array
  /**
   * First states of the board's other documents, by their key within the board (`structure`; see
   * doc-name.ts), written in the same transaction: an imported board arrives whole or not at all.
   */
  otherDocs?: Readonly<Record<string, Uint8Array>>
}

export interface UpdateLogSummary {
  count: number
  /** The highest `seq`, 0 for an empty log. */
  lastSeq: number
  bytes: number
}

export interface StoredUpdates {
  updates: Uint8Array[]
  /** The highest `seq` among `updates`, or 0 when there are none. */
  lastSeq: number
}

export interface AssetRecord {
  /** File name under DATA_DIR/assets/<boardId>/: random id plus extension. */
  id: string
  boardId: string
  contentType: string
  size: number
  createdAt: number
}

export interface VoteKey {
  boardId: string
  roundId: string
  /** The voter's owner key (sha-256 of their secret): anonymous, but one per person. */
  voter: string
  shapeId: string
}

export interface VoteLimits {
  perPerson: number
  perShape: number
}

/**
 * A template this installation's facilitators saved (shared/templates/own-template.ts): its
 * regie model as JSON, never coordinates. Hidden ones stay stored but are not listed or used.
 */
export interface OwnTemplateRecord {
  id: string
  title: string
  description: string
  locale: string
  /** The template file's model, as JSON text (checked before it is stored). */
  model: string
  createdAt: number
  hidden: boolean
}

export type OwnTemplateSummaryRecord = Omit<OwnTemplateRecord, 'model'>

/** A stored snapshot of a board (shared/session/snapshots.ts), without its content. */
export interface StoredSnapshotInfo {
  id: string
  boardId: string
  name: string
  author: string | null
  kind: SnapshotKind
  createdAt: number
  /** board.byteLength + structure.byteLength */
  size: number
}

export interface StoredSnapshot extends StoredSnapshotInfo {
  /** The board document's records and meta, encoded as one Yjs update of a fresh document. */
  board: Uint8Array
  /** The structure document's records, the same way. */
  structure: Uint8Array
}

export interface Storage {
  createBoard(board: NewBoard): Promise<void>
  getBoard(id: string): Promise<BoardRecord | null>
  /** The role this token hash grants on this board, or null. */
  findRole(boardId: string, tokenHash: string): Promise<Role | null>
  touchBoard(id: string, at: number): Promise<void>
  /**
   * Removes everything stored about a board, in one transaction: the board, its tokens, the
   * update logs of all its documents, its votes, its snapshots and its asset records (the asset files are the
   * caller's). False when there was no such board. Afterwards appends to it fail, and a
   * compaction of it finds nothing to replace, so nothing of it can come back.
   */
  deleteBoard(id: string): Promise<boolean>
  /** Ids of boards last opened before `openedBefore` (epoch ms), oldest first, at most `limit`. */
  boardsOpenedBefore(openedBefore: number, limit: number): Promise<string[]>

  /** Replaces the token of a role (rotation): the old token stops opening the board. */
  replaceToken(boardId: string, role: Role, tokenHash: string): Promise<void>

  /** Durably appends one update to a document; resolves only once it is committed. */
  appendUpdate(doc: string, update: Uint8Array): Promise<void>
  loadUpdates(doc: string): Promise<StoredUpdates>
  /**
   * Atomically replaces the updates with `seq <= upToSeq` by one merged update (which gets a new,
   * higher `seq`). When no update up to `upToSeq` is left, another compaction already merged
   * them, and nothing is written.
   */
  replaceUpdates(doc: string, upToSeq: number, merged: Uint8Array): Promise<void>
  /** How long a document's log is, where it ends and how many bytes it holds, without reading it. */
  summarizeUpdates(doc: string): Promise<UpdateLogSummary>
  /** Room names of this board's documents whose key (after `<boardId>/`) starts with `prefix`. */
  listDocs(boardId: string, prefix: string): Promise<string[]>
  /** Removes a document's whole log (private notes once revealed). */
  deleteDoc(doc: string): Promise<void>

  /**
   * Adds one dot if the voter stays within `limits` (dots per person in the round, dots on one
   * shape); false when over. Atomic per voter, also with several instances.
   */
  addVote(vote: VoteKey, limits: VoteLimits): Promise<boolean>
  /** Removes one of the voter's dots from the shape; false when there was none. */
  removeVote(vote: VoteKey): Promise<boolean>
  /** The voter's dots per shape in a round. */
  ballot(boardId: string, roundId: string, voter: string): Promise<Record<string, number>>
  /** Dots per shape in a round, and how many people voted. */
  voteTotals(boardId: string, roundId: string): Promise<{ totals: Record<string, number>; voters: number }>
  /** Who placed at least one dot in a round (their voter keys), for the facilitator's progress count. */
  roundVoters(boardId: string, roundId: string): Promise<string[]>

  /** Stores a snapshot; fails when the board does not exist. */
  addSnapshot(snapshot: StoredSnapshot): Promise<void>
  /** The board's snapshots without content, newest first. */
  listSnapshots(boardId: string): Promise<StoredSnapshotInfo[]>
  getSnapshot(boardId: string, id: string): Promise<StoredSnapshot | null>
  /** False when the board has no such snapshot. */
  deleteSnapshot(boardId: string, id: string): Promise<boolean>

  addAsset(asset: AssetRecord): Promise<void>
  getAsset(boardId: string, id: string): Promise<AssetRecord | null>
  /** How many files a board has and their bytes (its upload quota). */
  assetUsage(boardId: string): Promise<{ count: number; bytes: number }>

  addOwnTemplate(template: OwnTemplateRecord): Promise<void>
  /** Newest first; hidden ones only when asked for. */
  listOwnTemplates(options: { includeHidden: boolean }): Promise<OwnTemplateSummaryRecord[]>
  getOwnTemplate(id: string): Promise<OwnTemplateRecord | null>
  /** False when there is no such template. */
  setOwnTemplateHidden(id: string, hidden: boolean): Promise<boolean>
  deleteOwnTemplate(id: string): Promise<boolean>

  /** Throws when the storage cannot serve requests (for the health check). */
  ping(): Promise<void>
  close(): Promise<void>
}
