/**
 * What restoring a snapshot changes: the records to put and the ids to remove so that the board
 * holds exactly the snapshot's records again. Applied as one ordinary edit, so it syncs like any
 * other and can be undone; the log is never rewritten.
 *
 * Locking is left as it is now: a card that is locked stays locked (and is restored where it is,
 * in the structure document), a card that is not stays editable, and a card that comes back comes
 * back unlocked. The facilitator locks again what should be locked; a restore that silently moved
 * content in or out of the facilitator's lock would surprise the room.
 */
interface RecordLike {
  readonly id: string
  readonly typeName: string
}

export interface RestoreDiff<R extends RecordLike> {
  readonly put: R[]
  readonly remove: R['id'][]
}

export function restoreDiff<R extends RecordLike>(current: readonly R[], snapshot: readonly R[]): RestoreDiff<R> {
  const now = new Map(current.map((record) => [record.id, record]))
  const wanted = new Set(snapshot.map((record) => record.id))
  const put: R[] = []
  for (const record of snapshot) {
    const existing = now.get(record.id)
    const restored = withLockOf(record, existing)
    if (!existing || !sameValue(existing, restored)) put.push(restored)
  }
  const remove = current.filter((record) => !wanted.has(record.id)).map((record) => record.id)
  return { put, remove }
}

function withLockOf<R extends RecordLike>(record: R, existing: R | undefined): R {
  if (record.typeName !== 'shape' || !('isLocked' in record)) return record
  const isLocked = existing && 'isLocked' in existing ? existing.isLocked : false
  return record.isLocked === isLocked ? record : { ...record, isLocked }
}

/** Structural equality of JSON values (records are JSON). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const other = b as unknown[]
    return a.length === other.length && a.every((item, index) => sameValue(item, other[index]))
  }
  const left = a as Record<string, unknown>
  const right = b as Record<string, unknown>
  const keys = Object.keys(left).filter((key) => left[key] !== undefined)
  if (keys.length !== Object.keys(right).filter((key) => right[key] !== undefined).length) return false
  return keys.every((key) => Object.hasOwn(right, key) && sameValue(left[key], right[key]))
}
