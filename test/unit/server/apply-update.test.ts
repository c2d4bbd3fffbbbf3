import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { applyYjsUpdate } from '../../../server/sync/apply-update.ts'
import { readUpdate } from '../../../server/sync/update-reader.ts'
import { RECORDS_ARRAY, type RecordEntry } from '../../../shared/doc-layout.ts'
import { noteRecord } from '../../helpers/records.ts'

/** Updates a board sees: records, a long text, map keys, nested types, deletions, odd values. */
function updates(): Uint8Array[] {
  const doc = new Y.Doc()
  const list: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => list.push(update))
  const kv = new YKeyValue<unknown>(doc.getArray<RecordEntry<unknown>>(RECORDS_ARRAY))
  for (let i = 0; i < 20; i++) kv.set(`shape:${i}`, noteRecord(`shape:${i}`, { text: i % 2 ? 'één notitie 😀' : 'x'.repeat(i * 10) }))
  kv.set('shape:odd', { ...noteRecord('shape:odd'), meta: { n: -0, big: 2n ** 62n, bytes: new Uint8Array([1, 2]), gone: undefined, f: 0.1 } })
  kv.delete('shape:3')
  doc.getMap('meta').set('titel met spatie', 'Bord — één')
  doc.getText('t').insert(0, 'hallo wereld, '.repeat(20) + 'ë')
  const nested = new Y.Map<unknown>()
  doc.getArray('a').push([nested])
  nested.set('k', 'v')
  return list
}

describe('applying updates with our readers', () => {
  it('gives the same document as Y.applyUpdate, update by update and all at once', () => {
    const list = updates()
    const ours = new Y.Doc()
    const yjs = new Y.Doc()
    for (const update of list) {
      applyYjsUpdate(ours, update)
      Y.applyUpdate(yjs, update)
      expect(Y.encodeStateAsUpdate(ours)).toEqual(Y.encodeStateAsUpdate(yjs))
    }
    expect(ours.getArray(RECORDS_ARRAY).toJSON()).toEqual(yjs.getArray(RECORDS_ARRAY).toJSON())
    const whole = new Y.Doc()
    applyYjsUpdate(whole, Y.mergeUpdates(list))
    expect(Y.encodeStateAsUpdate(whole)).toEqual(Y.encodeStateAsUpdate(yjs))
    expect(whole.getText('t').toString()).toBe(yjs.getText('t').toString())
    expect(whole.getMap('meta').toJSON()).toEqual({ 'titel met spatie': 'Bord — één' })
  })

  it('keeps an update whose dependencies are missing pending, as Yjs does, and passes the origin on', () => {
    const list = updates()
    const ours = new Y.Doc()
    const origins: unknown[] = []
    ours.on('update', (_: Uint8Array, origin: unknown) => origins.push(origin))
    applyYjsUpdate(ours, list[5]!, 'peer')
    expect(ours.store.pendingStructs).not.toBeNull()
    for (const update of list) applyYjsUpdate(ours, update, 'peer')
    expect(ours.store.pendingStructs).toBeNull()
    const yjs = new Y.Doc()
    Y.applyUpdate(yjs, Y.mergeUpdates(list))
    expect(Y.encodeStateAsUpdate(ours)).toEqual(Y.encodeStateAsUpdate(yjs))
    expect(new Set(origins)).toEqual(new Set(['peer']))
  })

  it('refuses what Y.applyUpdate refuses (a record string that is not UTF-8)', () => {
    const doc = new Y.Doc()
    const before = Y.encodeStateVector(doc)
    doc.getArray(RECORDS_ARRAY).push([{ key: 'shape:a', val: 'ab' }])
    const update = Y.encodeStateAsUpdate(doc, before)
    // The value "ab" is the last string: replace its bytes with an invalid sequence.
    const at = update.lastIndexOf(0x61)
    expect(update[at + 1]).toBe(0x62)
    update.set([0xc3, 0x28], at)
    expect(() => Y.applyUpdate(new Y.Doc(), update)).toThrow()
    expect(() => applyYjsUpdate(new Y.Doc(), update)).toThrow()
  })
})

describe('applying an update with the values the guard read from it', () => {
  it('stores those very values, gives the same document, and ignores values read from other bytes', () => {
    const list = updates()
    const ours = new Y.Doc()
    const yjs = new Y.Doc()
    for (const update of list) {
      const read = readUpdate(update, { maxStructs: 1000, maxDeleteRanges: 1000, maxInsertedLength: 100_000 }, (client) => Y.getState(ours.store, client))
      applyYjsUpdate(ours, update, null, read.decoded)
      Y.applyUpdate(yjs, update)
      expect(Y.encodeStateAsUpdate(ours)).toEqual(Y.encodeStateAsUpdate(yjs))
      // Each record value the update added is the object the reader built, not a second copy.
      for (const item of read.items) {
        if (item.values === null || item.values.length === 0) continue
        const struct = ours.store.clients.get(item.client)![Y.findIndexSS(ours.store.clients.get(item.client)!, item.clock)]!
        expect(struct).toBeInstanceOf(Y.Item)
        const content = (struct as Y.Item).content.getContent()
        expect(content[item.clock - struct.id.clock]).toBe(item.values[0])
      }
    }
    expect(ours.getArray(RECORDS_ARRAY).toJSON()).toEqual(yjs.getArray(RECORDS_ARRAY).toJSON())

    // Values read from one update are never handed to another, even one with the same bytes.
    const update = list[0]!
    const read = readUpdate(update, { maxStructs: 1000, maxDeleteRanges: 1000, maxInsertedLength: 100_000 })
    const copy = new Y.Doc()
    applyYjsUpdate(copy, update.slice(), null, read.decoded)
    const stored = copy.getArray<RecordEntry<unknown>>(RECORDS_ARRAY).get(0)
    expect(stored).toEqual(read.items[0]!.values![0])
    expect(stored).not.toBe(read.items[0]!.values![0])
  })
})
