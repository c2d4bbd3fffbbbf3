/**
 * What the server keeps durably. The room and HTTP code talk only to this interface, so SQLite
 * (the default) and other engines are interchangeable and run through one contract test suite.
 *
 * Updates are an append-only log per board. `seq` grows strictly (never reused), which is what
 * makes `replaceUpdates` safe while other writers keep appending: it only removes rows up to the
 * `seq` the caller merged, and anything appended meanwhile has a higher `seq`. Per board, updates
 * become visible in `seq` order (a reader that sees `seq` N sees every lower one), so a caller
 * that loaded up to N merged every row it deletes, even with several server instances writing.
 */
import type { Role } from '../../shared/roles.ts'

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

export interface Storage {
  createBoard(board: NewBoard): Promise<void>
  getBoard(id: string): Promise<BoardRecord | null>
  /** The role this token hash grants on this board, or null. */
  findRole(boardId: string, tokenHash: string): Promise<Role | null>
  touchBoard(id: string, at: number): Promise<void>

  /** Durably appends one update; resolves only once it is committed. */
  appendUpdate(boardId: string, update: Uint8Array): Promise<void>
  loadUpdates(boardId: string): Promise<StoredUpdates>
  /**
   * Atomically replaces the updates with `seq <= upToSeq` by one merged update (which gets a new,
   * higher `seq`). When no update up to `upToSeq` is left, another compaction already merged
   * them, and nothing is written.
   */
  replaceUpdates(boardId: string, upToSeq: number, merged: Uint8Array): Promise<void>
  countUpdates(boardId: string): Promise<number>

  addAsset(asset: AssetRecord): Promise<void>
  getAsset(boardId: string, id: string): Promise<AssetRecord | null>

  /** Throws when the storage cannot serve requests (for the health check). */
  ping(): Promise<void>
  close(): Promise<void>
}
