import type { SerializedSchema, SerializedSchemaV2 } from '@tldraw/store'
import { EVERY_SEQUENCE, type SequenceInUse } from '../../shared/board/schema-sequences.ts'

/**
 * How the schema stored on a board relates to the schema this client was built with.
 *
 * - `missing`: the board has never had a schema written (a new board).
 * - `invalid`: something is stored, but it is not a serialized tldraw schema.
 * - `same`: nothing to migrate, nothing to write.
 * - `older`: every stored sequence is known here at the same or a lower version; the records must
 *   be migrated up, and this client may label the board with its own schema.
 * - `newer`: the board was written by a newer client. This client cannot read such records
 *   faithfully and must not write to the board, or it would mix old-format records into it.
 */
export type SchemaRelation =
  | { kind: 'missing' }
  | { kind: 'invalid' }
  | { kind: 'same'; stored: SerializedSchema }
  | { kind: 'older'; stored: SerializedSchema }
  | { kind: 'newer'; stored: SerializedSchema; reasons: string[] }

export function isSerializedSchema(value: unknown): value is SerializedSchema {
  if (!isPlainObject(value)) return false
  if (value.schemaVersion === 2) {
    return isPlainObject(value.sequences) && Object.values(value.sequences).every(isVersionNumber)
  }
  if (value.schemaVersion === 1) {
    return isVersionNumber(value.storeVersion) && isPlainObject(value.recordVersions)
  }
  return false
}

/**
 * `inUse` says which sequences the board's records use: a sequence we do not know that no record
 * uses is ignored (see shared/board/schema-sequences.ts). Without it every sequence counts.
 */
export function compareSchemas(stored: unknown, current: SerializedSchemaV2, inUse: SequenceInUse = EVERY_SEQUENCE): SchemaRelation {
  if (stored === undefined || stored === null) return { kind: 'missing' }
  if (!isSerializedSchema(stored)) return { kind: 'invalid' }

  // Version 1 schemas predate tldraw 2's migration sequences, so they are always older than us;
  // the store's own migration upgrades them.
  if (stored.schemaVersion === 1) return { kind: 'older', stored }

  /*
   * We compare per sequence ourselves instead of asking `schema.getMigrationsSince`: that ignores
   * sequences it does not know, so a board holding a shape type added in a later release would
   * look compatible. A sequence we lack is therefore "newer" too. (Corollary: a release that drops
   * a shape type must keep its migration sequence, or boards that used it turn read-only.)
   */
  const reasons: string[] = []
  let behind = false
  for (const [sequenceId, storedVersion] of Object.entries(stored.sequences)) {
    const ours = current.sequences[sequenceId]
    if (ours === undefined) {
      if (inUse(sequenceId)) reasons.push(`unknown sequence ${sequenceId}@${storedVersion}`)
    }
    else if (storedVersion > ours) reasons.push(`${sequenceId}@${storedVersion} > ${ours}`)
    else if (storedVersion < ours) behind = true
  }
  if (reasons.length > 0) return { kind: 'newer', stored, reasons }

  // A sequence we have and the board lacks is a type added since the board was labelled.
  for (const sequenceId of Object.keys(current.sequences)) {
    if (!Object.hasOwn(stored.sequences, sequenceId)) behind = true
  }
  return behind ? { kind: 'older', stored } : { kind: 'same', stored }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isVersionNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0
}
