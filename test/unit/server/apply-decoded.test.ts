/**
 * Applying an update with the values the record guard decoded (server/rooms/apply-decoded.ts):
 * the document ends up exactly as Y.applyUpdate leaves it, and holds the guard's own objects
 * (nothing decoded twice), while values from another update or at other positions are never used.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { createBoardSchema, documentRecords } from '../../../shared/board/board-schema.ts'
import { RECORDS_ARRAY, type RecordEntry } from '../../../shared/doc-layout.ts'
import { applyDecodedUpdate } from '../../../server/rooms/apply-decoded.ts'
import { RecordGuard } from '../../../server/rooms/record-guard.ts'
import { DecodedValues, readUpdate } from '../../../server/sync/update-reader.ts'
import { noteRecord } from '../../helpers/records.ts'

const schema = createBoardSchema()
const budget = { maxStructs: 20_000, maxDeleteRanges: 50_000, maxInsertedLength: 100_000 }

/** A client making edits, and two server docs: one applied the plain way, one with decoded values. */
function setUp() {
  const client = new Y.Doc()
  const kv = new YKeyValue<unknown>(client.getArray<RecordEntry<unknown>>(RECORDS_ARRAY))
  client.transact(() => {
    for (const record of documentRecords('board')) kv.set(record.id, record)
  })
  const plain = new Y.Doc()
  const reusing = new Y.Doc()
  const start = Y.encodeStateAsUpdate(client)
  Y.applyUpdate(plain, start)
  Y.applyUpdate(reusing, start)
  const guard = new RecordGuard(reusing, schema, budget)
  const edit = (change: () => void): Uint8Array => {
    const before = Y.encodeStateVector(client)
    client.transact(change)
    return Y.encodeStateAsUpdate(client, before)
  }
  return { client, kv, plain, reusing, guard, edit }
}

const entriesOf = (doc: Y.Doc) => doc.getArray<RecordEntry<unknown>>(RECORDS_ARRAY).toArray()

describe('applying with the values the guard decoded', () => {
  it('leaves the document byte for byte as Y.applyUpdate does, holding the guard’s own objects', () => {
    const { kv, plain, reusing, guard, edit } = setUp()
    const updates = [
      edit(() => kv.set('shape:a', noteRecord('shape:a', { text: 'Wijkraad — “overleg” 🌳 ñ', x: 10 }))),
      edit(() => {
        for (let i = 0; i < 5; i++) kv.set(`shape:n${i}`, noteRecord(`shape:n${i}`, { text: `notitie ${i}`, x: i * 20 }))
      }),
      edit(() => kv.set('shape:a', noteRecord('shape:a', { text: 'verplaatst', x: 300 }))),
      edit(() => kv.delete('shape:n2')),
    ]
    for (const update of updates) {
      const verdict = guard.check(update, () => undefined)
      if (!verdict.ok) throw verdict.error
      const entriesBefore = entriesOf(reusing).length
      Y.applyUpdate(plain, update)
      applyDecodedUpdate(reusing, update, null, verdict.decoded)
      expect(Y.encodeStateAsUpdate(reusing)).toEqual(Y.encodeStateAsUpdate(plain))
      expect(entriesOf(reusing)).toEqual(entriesOf(plain))
      // Every new entry is an object the guard decoded, not a second decoding of the same bytes.
      const added = entriesOf(reusing).slice(entriesBefore)
      for (const entry of added) expect(verdict.decoded.values.some((value) => value === entry)).toBe(true)
    }
    expect(entriesOf(reusing).map((entry) => entry.key)).toContain('shape:a')
  })

  it('decodes for itself when the values were read from another update', () => {
    const { kv, plain, reusing, guard, edit } = setUp()
    const first = edit(() => kv.set('shape:a', noteRecord('shape:a', { text: 'eerste' })))
    const second = edit(() => kv.set('shape:b', noteRecord('shape:b', { text: 'tweede' })))
    const verdict = guard.check(first, () => undefined)
    if (!verdict.ok) throw verdict.error
    // Same length and layout, other bytes: positions would match, the source does not.
    Y.applyUpdate(plain, first)
    applyDecodedUpdate(reusing, first, null, verdict.decoded)
    const copyOfSecond = new Uint8Array(second)
    const forOriginal = readUpdate(second, budget, (client) => Y.getState(reusing.store, client)).decoded
    Y.applyUpdate(plain, second)
    applyDecodedUpdate(reusing, copyOfSecond, null, forOriginal)
    expect(Y.encodeStateAsUpdate(reusing)).toEqual(Y.encodeStateAsUpdate(plain))
    const stored = entriesOf(reusing).find((entry) => entry.key === 'shape:b')
    expect(stored).toEqual(forOriginal.values[0])
    expect(stored).not.toBe(forOriginal.values[0])
  })

  it('uses a value only where it starts exactly: values at other positions are decoded anew', () => {
    const { kv, plain, reusing, edit } = setUp()
    const update = edit(() => kv.set('shape:a', noteRecord('shape:a', { text: 'positie' })))
    const wrong = new DecodedValues(update)
    const real = readUpdate(update, budget).decoded
    // A made-up value one byte off where the real one starts, and one past the end of the update.
    wrong.add(real.starts[0]! + 1, real.ends[0]!, { key: 'shape:bogus', val: null })
    wrong.add(update.byteLength + 10, update.byteLength + 20, { key: 'shape:bogus2', val: null })
    Y.applyUpdate(plain, update)
    applyDecodedUpdate(reusing, update, null, wrong)
    expect(Y.encodeStateAsUpdate(reusing)).toEqual(Y.encodeStateAsUpdate(plain))
    expect(entriesOf(reusing).map((entry) => entry.key)).not.toContain('shape:bogus')
  })

  it('skips values the document has already (a reconnecting client’s resend) and still matches', () => {
    const { client, kv, plain, reusing, guard, edit } = setUp()
    const update = edit(() => kv.set('shape:a', noteRecord('shape:a', { text: 'al bekend' })))
    Y.applyUpdate(plain, update)
    const once = guard.check(update, () => undefined)
    if (!once.ok) throw once.error
    applyDecodedUpdate(reusing, update, null, once.decoded)
    // The whole state again, as a reconnecting client's SyncStep2 carries it.
    const everything = Y.encodeStateAsUpdate(client)
    const again = guard.check(everything, () => undefined)
    if (!again.ok) throw again.error
    expect(again.decoded.values).toHaveLength(0)
    Y.applyUpdate(plain, everything)
    applyDecodedUpdate(reusing, everything, null, again.decoded)
    expect(Y.encodeStateAsUpdate(reusing)).toEqual(Y.encodeStateAsUpdate(plain))
  })
})
