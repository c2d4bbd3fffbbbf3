/**
 * Which migration sequences of a tldraw schema the records of a board use. A board's schema label
 * (meta.schema) may name a sequence this release does not know; that only matters when a record
 * of that kind is on the board. Otherwise the unknown sequence is noise (a label written by a
 * hostile or broken client, or a type that came and went) and must not lock the board read-only.
 *
 * tldraw names sequences after record types (`com.tldraw.page`) and, for shapes, bindings and
 * assets, after their subtype (`com.tldraw.shape.note`, `com.tldraw.binding.arrow`).
 */
export type SequenceInUse = (sequenceId: string) => boolean

export function sequencesUsedBy(records: Iterable<unknown>): SequenceInUse {
  const used = new Set<string>()
  for (const record of records) {
    if (typeof record !== 'object' || record === null) continue
    const { typeName, type } = record as { typeName?: unknown; type?: unknown }
    if (typeof typeName !== 'string') continue
    used.add(`com.tldraw.${typeName}`)
    if (typeof type === 'string') used.add(`com.tldraw.${typeName}.${type}`)
  }
  return (sequenceId) => used.has(sequenceId)
}

/** Every sequence counts as used: what to assume when the records are not at hand. */
export const EVERY_SEQUENCE: SequenceInUse = () => true
