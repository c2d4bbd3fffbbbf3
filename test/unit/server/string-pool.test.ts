import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { RECORDS_ARRAY, type RecordEntry } from '../../../shared/doc-layout.ts'
import { RecordIndex } from '../../../server/rooms/record-index.ts'
import { poolStrings } from '../../../server/rooms/string-pool.ts'
import { noteRecord } from '../../helpers/records.ts'

describe('record index packing an idle board', () => {
  it('changes no byte of the document, keeps the index on the document’s values, and later edits still apply', () => {
    const client = new Y.Doc()
    const kv = new YKeyValue<unknown>(client.getArray<RecordEntry<unknown>>(RECORDS_ARRAY))
    client.transact(() => {
      for (let i = 0; i < 30; i++) kv.set(`shape:${i}`, noteRecord(`shape:${i}`, { x: i * 10.25 }))
    })
    // Values JSON would not give back exactly stay as they are.
    kv.set('shape:odd', { ...noteRecord('shape:odd'), meta: { gone: undefined, zero: -0, bytes: new Uint8Array([1, 2]) } })
    const server = new Y.Doc()
    const index = new RecordIndex(server)
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client))
    const before = Y.encodeStateAsUpdate(server)

    index.pack()
    expect(Y.encodeStateAsUpdate(server)).toEqual(before)
    for (const entry of server.getArray<RecordEntry<unknown>>(RECORDS_ARRAY).toArray()) expect(index.current(entry.key)).toBe(entry.val)
    expect(index.current('shape:odd')).toEqual(kv.get('shape:odd'))

    const sv = Y.encodeStateVector(client)
    kv.set('shape:3', noteRecord('shape:3', { x: 999 }))
    kv.delete('shape:4')
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client, sv))
    expect(index.current('shape:3')).toEqual(noteRecord('shape:3', { x: 999 }))
    expect(index.current('shape:4')).toBeUndefined()
    expect(Y.encodeStateAsUpdate(server)).toEqual(Y.encodeStateAsUpdate(client))
  })
})

describe('string pool', () => {
  it('changes no value and no object identity of a record', () => {
    const record = noteRecord('shape:a', { x: 10 })
    const before = structuredClone(record)
    const props = (record as { props: object }).props
    poolStrings(record)
    expect(record).toEqual(before)
    expect((record as { props: object }).props).toBe(props)
  })

  it('leaves a loaded board byte for byte the same, and its index pointing at the document’s own values', () => {
    const client = new Y.Doc()
    const kv = new YKeyValue<unknown>(client.getArray<RecordEntry<unknown>>(RECORDS_ARRAY))
    client.transact(() => {
      for (let i = 0; i < 50; i++) kv.set(`shape:${i}`, noteRecord(`shape:${i}`, { x: i * 10, text: i % 2 ? 'x'.repeat(200) : 'kort' }))
    })
    for (let i = 0; i < 50; i += 3) kv.set(`shape:${i}`, noteRecord(`shape:${i}`, { x: i * 20 }))
    const stored = Y.encodeStateAsUpdate(client)

    const server = new Y.Doc()
    const index = new RecordIndex(server)
    Y.applyUpdate(server, stored)
    expect(Y.encodeStateAsUpdate(server)).toEqual(stored)
    const values = server.getArray<RecordEntry<unknown>>(RECORDS_ARRAY).toArray()
    for (const entry of values) expect(index.current(entry.key)).toBe(entry.val)
    expect(index.current('shape:3')).toEqual(kv.get('shape:3'))
  })
})
