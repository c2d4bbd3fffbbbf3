/**
 * Snapshots ("momentopnamen"): named phases of a board the facilitator can look back at, restore
 * or export. The server stores each one as the board's records at that moment (the board
 * document and its locked structure); restoring happens in the facilitator's browser as one
 * ordinary, undoable edit (see client/session/snapshots/restore.ts), never by rewriting the log.
 *
 *   GET    /api/boards/:id/snapshots                  → { snapshots: SnapshotSummary[] } (newest first)
 *   POST   /api/boards/:id/snapshots  { name, author } → 201 SnapshotSummary
 *   GET    /api/boards/:id/snapshots/:snapshotId      → SnapshotContent
 *   GET    /api/boards/:id/snapshots/:snapshotId/export.json → a board file (importable)
 *   DELETE /api/boards/:id/snapshots/:snapshotId      → { id, deleted: true }
 *   GET    /api/boards/:id/export.json?snapshots=1    → the board file plus `snapshots: SnapshotContent[]`
 *
 * Facilitator only (403 `not_facilitator`). The server also takes one by itself when a voting
 * round is revealed (`voting`) and when private notes are revealed (`reveal`).
 */
import type { TLRecord } from '@tldraw/tlschema'

export const SNAPSHOT_KINDS = ['manual', 'voting', 'reveal'] as const
export type SnapshotKind = (typeof SNAPSHOT_KINDS)[number]

export const MAX_SNAPSHOT_NAME = 120
/** Per board; a manual snapshot beyond this is refused, automatic ones replace the oldest automatic one. */
export const MAX_SNAPSHOTS_PER_BOARD = 100

export interface SnapshotSummary {
  readonly id: string
  /** The facilitator's name for it; empty for automatic ones (the client names them by kind). */
  readonly name: string
  /** Who saved it, as shown in presence; null when the server took it. */
  readonly author: string | null
  readonly kind: SnapshotKind
  readonly createdAt: number
  /** Bytes stored for it (both encoded documents). */
  readonly size: number
}

export interface SnapshotContent extends SnapshotSummary {
  /** The board document's meta map (title, schema) at that moment. */
  readonly meta: Readonly<Record<string, unknown>>
  readonly records: readonly TLRecord[]
  /** Locked content (the structure document) at that moment. */
  readonly structure: readonly TLRecord[]
}

export function isSnapshotKind(value: unknown): value is SnapshotKind {
  return typeof value === 'string' && (SNAPSHOT_KINDS as readonly string[]).includes(value)
}
