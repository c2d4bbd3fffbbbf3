/**
 * Snapshots of a board (shared/session/snapshots.ts): taking one reads the board as stored (every
 * update is stored before anyone sees it) and encodes its records into a fresh Yjs document, one
 * for the board and one for its locked structure. A fresh document holds only what is there, not
 * the history of how it got there, so a snapshot costs about the board's size, whatever happened
 * before (BENCHMARKS.md, "Snapshot size").
 *
 * Locked content is part of a snapshot: the structure document is what the room sees as the
 * board's frame, so a phase without it would not look like the phase. Votes, session state and
 * private notes that were not revealed are not.
 */
import { randomUUID } from 'node:crypto'
import * as Y from 'yjs'
import { META_MAP } from '../../shared/doc-layout.ts'
import {
  MAX_SNAPSHOTS_PER_BOARD,
  type SnapshotContent,
  type SnapshotKind,
  type SnapshotSummary,
} from '../../shared/session/snapshots.ts'
import { documentWith } from '../boards/board-import.ts'
import { readBoardContent, recordsIn } from '../boards/board-records.ts'
import type { Logger } from '../log.ts'
import type { Storage, StoredSnapshot, StoredSnapshotInfo } from '../storage/storage.ts'

export interface SnapshotRequest {
  name: string
  author: string | null
  kind: SnapshotKind
}

/** Thrown when a board already holds MAX_SNAPSHOTS_PER_BOARD and the facilitator asks for one more. */
export class TooManySnapshots extends Error {}

export class BoardSnapshots {
  constructor(
    private readonly storage: Storage,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  async take(boardId: string, request: SnapshotRequest): Promise<SnapshotSummary> {
    const existing = await this.storage.listSnapshots(boardId)
    if (existing.length >= MAX_SNAPSHOTS_PER_BOARD) {
      // A facilitator decides which of their own to drop; automatic ones make room by themselves.
      const oldestAutomatic = existing.filter((snapshot) => snapshot.kind !== 'manual').at(-1)
      if (request.kind === 'manual' || !oldestAutomatic) throw new TooManySnapshots(`A board keeps at most ${MAX_SNAPSHOTS_PER_BOARD} snapshots`)
      await this.storage.deleteSnapshot(boardId, oldestAutomatic.id)
    }
    const content = await readBoardContent(this.storage, boardId)
    const board = documentWith(content.records, content.meta)
    const structure = documentWith(content.structure)
    const snapshot: StoredSnapshot = {
      id: randomUUID(),
      boardId,
      name: request.name.trim(),
      author: request.author?.trim() || null,
      kind: request.kind,
      createdAt: this.now(),
      size: board.byteLength + structure.byteLength,
      board,
      structure,
    }
    await this.storage.addSnapshot(snapshot)
    this.log.info({ boardId, snapshotId: snapshot.id, kind: snapshot.kind, bytes: snapshot.size }, 'snapshot taken')
    return summary(snapshot)
  }

  /**
   * An automatic snapshot (voting round or notes revealed): worth taking, never worth failing
   * the facilitator's action for.
   */
  async takeAutomatic(boardId: string, kind: Exclude<SnapshotKind, 'manual'>): Promise<void> {
    try {
      await this.take(boardId, { name: '', author: null, kind })
    } catch (error) {
      this.log.warn({ boardId, kind, err: error }, 'automatic snapshot failed')
    }
  }

  async list(boardId: string): Promise<SnapshotSummary[]> {
    return (await this.storage.listSnapshots(boardId)).map(summary)
  }

  async content(boardId: string, id: string): Promise<SnapshotContent | null> {
    const stored = await this.storage.getSnapshot(boardId, id)
    if (!stored) return null
    return { ...summary(stored), ...decode(stored.board), structure: decode(stored.structure).records }
  }

  /** Every snapshot of the board with its content, oldest first (for the board file). */
  async all(boardId: string): Promise<SnapshotContent[]> {
    const contents: SnapshotContent[] = []
    for (const info of (await this.storage.listSnapshots(boardId)).reverse()) {
      const content = await this.content(boardId, info.id)
      if (content) contents.push(content)
    }
    return contents
  }

  delete(boardId: string, id: string): Promise<boolean> {
    return this.storage.deleteSnapshot(boardId, id)
  }
}

function summary(info: StoredSnapshotInfo): SnapshotSummary {
  return { id: info.id, name: info.name, author: info.author, kind: info.kind, createdAt: info.createdAt, size: info.size }
}

function decode(update: Uint8Array): Pick<SnapshotContent, 'records' | 'meta'> {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, update)
    return { records: recordsIn(doc), meta: doc.getMap<unknown>(META_MAP).toJSON() }
  } finally {
    doc.destroy()
  }
}
