/**
 * Locking moves content from the board's document into its structure document, which only
 * facilitators may write (the server drops anyone else's updates to it); unlocking moves it back.
 * The store shows both, so nothing moves on screen; locked shapes carry `isLocked` so that tldraw
 * also refuses to select and drag them.
 */
import type { Editor, TLRecord, TLShapeId } from 'tldraw'
import type * as Y from 'yjs'
import { recordsKeyValue } from '../board/records-kv.ts'
import type { BoardSession } from '../board/board-session.ts'

/** The shapes, everything inside them, and the arrow bindings that start at any of them. */
function recordsOf(editor: Editor, ids: readonly TLShapeId[]): TLRecord[] {
  const shapeIds = new Set(editor.getShapeAndDescendantIds([...ids]))
  const shapes = [...shapeIds].map((id) => editor.getShape(id)).filter((shape) => shape !== undefined)
  const bindings = editor.store.query.records('binding').get().filter((binding) => shapeIds.has(binding.fromId))
  return [...shapes, ...bindings]
}

/**
 * Moves records from one of the board's documents to another, the target first: a client that
 * sees the delete from `from` before the add to `to` would otherwise lose the record for a moment.
 * Only records `from` holds are moved; returns how many.
 */
export function moveRecords(from: Y.Doc, to: Y.Doc, records: readonly TLRecord[], isLocked: boolean): number {
  const source = recordsKeyValue(from)
  const target = recordsKeyValue(to)
  const moving = records.filter((record) => source.has(record.id))
  if (moving.length === 0) return 0
  to.transact(() => {
    for (const record of moving) target.set(record.id, record.typeName === 'shape' ? { ...record, isLocked } : record)
  })
  from.transact(() => {
    for (const record of moving) source.delete(record.id)
  })
  return moving.length
}

export function lockShapes(session: BoardSession, editor: Editor, ids: readonly TLShapeId[]): number {
  return moveRecords(session.main.doc, session.structure.doc, recordsOf(editor, ids), true)
}

export function unlockShapes(session: BoardSession, editor: Editor, ids: readonly TLShapeId[]): number {
  return moveRecords(session.structure.doc, session.main.doc, recordsOf(editor, ids), false)
}
