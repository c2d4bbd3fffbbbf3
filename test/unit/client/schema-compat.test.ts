import { describe, expect, it } from 'vitest'
import type { SerializedSchemaV2 } from 'tldraw'
import { compareSchemas, isSerializedSchema } from '../../../client/board/schema-compat.ts'

const ours: SerializedSchemaV2 = {
  schemaVersion: 2,
  sequences: { 'com.tldraw.store': 5, 'com.tldraw.shape': 4, 'com.tldraw.shape.note': 13 },
}

describe('compareSchemas', () => {
  it('a board without a schema is missing one', () => {
    expect(compareSchemas(undefined, ours).kind).toBe('missing')
  })

  it('something that is not a serialized schema is invalid, not newer or older', () => {
    expect(compareSchemas({ schemaVersion: 2, sequences: { x: 'one' } }, ours).kind).toBe('invalid')
    expect(compareSchemas('v2', ours).kind).toBe('invalid')
    expect(isSerializedSchema({ schemaVersion: 3, sequences: {} })).toBe(false)
  })

  it('an identical schema is the same', () => {
    expect(compareSchemas(structuredClone(ours), ours).kind).toBe('same')
  })

  it('a lower version of a known sequence is older', () => {
    const stored = { schemaVersion: 2, sequences: { ...ours.sequences, 'com.tldraw.shape.note': 12 } }
    expect(compareSchemas(stored, ours).kind).toBe('older')
  })

  it('a board lacking a sequence we have (a type added since) is older', () => {
    const { 'com.tldraw.shape.note': _added, ...sequences } = ours.sequences
    expect(compareSchemas({ schemaVersion: 2, sequences }, ours).kind).toBe('older')
  })

  it('a higher version of a known sequence is newer, even if other sequences are older', () => {
    const stored = {
      schemaVersion: 2,
      sequences: { ...ours.sequences, 'com.tldraw.shape': 3, 'com.tldraw.shape.note': 14 },
    }
    const relation = compareSchemas(stored, ours)
    expect(relation.kind).toBe('newer')
    expect(relation.kind === 'newer' && relation.reasons).toEqual(['com.tldraw.shape.note@14 > 13'])
  })

  it('a sequence we do not know (a type from a later release) is newer', () => {
    const stored = { schemaVersion: 2, sequences: { ...ours.sequences, 'com.tldraw.shape.sticker': 0 } }
    expect(compareSchemas(stored, ours).kind).toBe('newer')
  })

  it('a version 1 schema is older', () => {
    const stored = { schemaVersion: 1, storeVersion: 4, recordVersions: { shape: { version: 3 } } }
    expect(compareSchemas(stored, ours).kind).toBe('older')
  })
})
