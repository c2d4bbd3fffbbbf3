/**
 * What exports read out of a board, from either side: the records of the board document and of
 * the locked-structure document, the board's meta map and the session's control state. The
 * server reads them from storage, the browser from its documents; the export builders in this
 * folder take this and nothing else. Private notes are not part of it: until the reveal they are
 * their writer's alone.
 *
 * Shapes are read the way the canvas shows them: text as plain text, position on the page,
 * the frames (lanes, organisations) they sit in. Records come from other people's clients, so
 * nothing about their props is trusted.
 */
import type { TLRecord, TLShape } from '@tldraw/tlschema'
import type { Attendee, ControlState } from '../session/control-doc.ts'

export { ShapeTree, shapeAuthor, shapesOf, shapeText } from '../board/shape-tree.ts'

export interface BoardContent {
  /** Records of the board document (`<boardId>`). */
  readonly records: readonly TLRecord[]
  /** Records of the locked-structure document (`<boardId>/structure`). */
  readonly structure: readonly TLRecord[]
  /** The board document's meta map (title, createdAt, tldraw schema, …). */
  readonly meta: Readonly<Record<string, unknown>>
  readonly control: ControlState
  /** Who was present (server-recorded, oldest first); absent where not read. */
  readonly attendance?: readonly Attendee[]
}

/**
 * Both documents as the canvas shows them: one set of records. A record that is in both for a
 * moment (being locked or unlocked) counts once, as the structure has it.
 */
export function visibleRecords(content: Pick<BoardContent, 'records' | 'structure'>): TLRecord[] {
  const byId = new Map<string, TLRecord>()
  for (const record of content.records) byId.set(record.id, record)
  for (const record of content.structure) byId.set(record.id, record)
  return [...byId.values()]
}
