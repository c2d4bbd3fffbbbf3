import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { createBoardSchema, documentRecords } from '../../../shared/board/board-schema.ts'
import { META_MAP, RECORDS_ARRAY, type RecordEntry } from '../../../shared/doc-layout.ts'
import { RecordGuard } from '../../../server/rooms/record-guard.ts'
import { readUpdate, UpdateOverBudgetError } from '../../../server/sync/update-reader.ts'
import { frameRecord, noteRecord } from '../../helpers/records.ts'

const budget = { maxStructs: 1000, maxDeleteRanges: 1000, maxInsertedLength: 5000 }

/** A server doc with its guard, and a client doc in step with it. */
function board() {
  const server = new Y.Doc()
  const guard = new RecordGuard(server, createBoardSchema(), budget)
  const client = new Y.Doc()
  const kv = new YKeyValue<unknown>(client.getArray<RecordEntry<unknown>>(RECORDS_ARRAY))
  client.transact(() => {
    for (const record of documentRecords('t')) kv.set(record.id, record)
  })
  Y.applyUpdate(server, Y.encodeStateAsUpdate(client))
  /** Makes a change on the client and returns its update, not yet applied to the server. */
  const change = (make: () => void) => {
    const before = Y.encodeStateVector(client)
    client.transact(make)
    return Y.encodeStateAsUpdate(client, before)
  }
  const check = (update: Uint8Array) => guard.check(update, () => undefined)
  return { server, guard, client, kv, change, check }
}

describe('record guard', () => {
  it('accepts a valid note and a later move of it', () => {
    const b = board()
    const add = b.change(() => b.kv.set('shape:a', noteRecord('shape:a')))
    expect(b.check(add)).toMatchObject({ ok: true })
    Y.applyUpdate(b.server, add)
    const move = b.change(() => b.kv.set('shape:a', noteRecord('shape:a', { x: 50 })))
    expect(b.check(move)).toMatchObject({ ok: true })
    // A resent update (reconnect) is no change at all.
    Y.applyUpdate(b.server, move)
    expect(b.check(Y.encodeStateAsUpdate(b.client))).toMatchObject({ ok: true })
  })

  it('calls an update fresh only when all of it is new and refers to nothing the server lacks', () => {
    const b = board()
    const fresh = (update: Uint8Array) => {
      const verdict = b.check(update)
      if (!verdict.ok) throw verdict.error
      return verdict.fresh
    }
    const add = b.change(() => b.kv.set('shape:a', noteRecord('shape:a')))
    expect(fresh(add)).toBe(true)
    // Bytes after the update mean nothing to Yjs; they are not passed on as if they did.
    const padded = new Uint8Array(add.byteLength + 3)
    padded.set(add)
    padded.set([1, 2, 3], add.byteLength)
    expect(fresh(padded)).toBe(false)
    Y.applyUpdate(b.server, add)
    const move = b.change(() => b.kv.set('shape:a', noteRecord('shape:a', { x: 50 })))
    // A move: a new entry and the deletion of the old one, both new.
    expect(fresh(move)).toBe(true)
    const statesBefore = (b.check(move) as { statesBefore: ReadonlyMap<number, number> }).statesBefore
    expect(statesBefore.get(b.client.clientID)).toBe(Y.getState(b.server.store, b.client.clientID))
    // The move resent together with the add (a reconnect's SyncStep2): partly known, not fresh.
    expect(fresh(Y.mergeUpdates([add, move]))).toBe(false)
    Y.applyUpdate(b.server, move)
    // Known already, all of it.
    expect(fresh(move)).toBe(false)

    // An insert before an entry names it as right neighbour. One client adds an entry the server
    // has not seen yet; a second client, which has it, inserts just before it: its update names a
    // right neighbour the server lacks (Yjs would keep the insert pending), so it is not fresh.
    const first = new Y.Doc()
    Y.applyUpdate(first, Y.encodeStateAsUpdate(b.server))
    const beforeRight = Y.encodeStateVector(first)
    first.getArray<RecordEntry<unknown>>(RECORDS_ARRAY).push([{ key: 'shape:r', val: noteRecord('shape:r') }])
    const right = Y.encodeStateAsUpdate(first, beforeRight)
    const second = new Y.Doc()
    Y.applyUpdate(second, Y.encodeStateAsUpdate(first))
    const records = second.getArray<RecordEntry<unknown>>(RECORDS_ARRAY)
    const beforeMiddle = Y.encodeStateVector(second)
    records.insert(records.length - 1, [{ key: 'shape:m', val: noteRecord('shape:m') }])
    const middle = Y.encodeStateAsUpdate(second, beforeMiddle)
    expect(fresh(middle)).toBe(false)
    expect(fresh(Y.mergeUpdates([right, middle]))).toBe(true)
    Y.applyUpdate(b.server, right)
    expect(fresh(middle)).toBe(true)
  })

  it('refuses a loop closed by changing a shape already on the board', () => {
    const b = board()
    const add = b.change(() => {
      b.kv.set('shape:a', noteRecord('shape:a'))
      b.kv.set('shape:b', noteRecord('shape:b', { parentId: 'shape:a' }))
    })
    Y.applyUpdate(b.server, add)
    const loop = b.change(() => b.kv.set('shape:a', noteRecord('shape:a', { parentId: 'shape:b' })))
    const verdict = b.check(loop)
    expect(verdict.ok).toBe(false)
    if (!verdict.ok) expect(verdict.error).toMatchObject({ kind: 'invalid_record', message: expect.stringMatching(/loop/) })
  })

  it('refuses writes to meta, also deleting a key', () => {
    const b = board()
    Y.applyUpdate(b.server, b.change(() => b.client.getMap(META_MAP).set('title', 'x')))
    const verdict = b.check(b.change(() => b.client.getMap(META_MAP).delete('title')))
    expect(!verdict.ok && verdict.error.kind).toBe('meta_write')
    const set = b.check(b.change(() => b.client.getMap(META_MAP).set('schema', {})))
    expect(!set.ok && set.error.kind).toBe('meta_write')
  })

  it('refuses a raw duplicate entry for a record that loops, wherever it is put in the list', () => {
    const b = board()
    Y.applyUpdate(b.server, b.change(() => b.kv.set('shape:a', noteRecord('shape:a'))))
    // A raw writer (no YKeyValue to tidy up) puts a second entry left of the first.
    const raw = new Y.Doc()
    Y.applyUpdate(raw, Y.encodeStateAsUpdate(b.server))
    const before = Y.encodeStateVector(raw)
    raw.getArray(RECORDS_ARRAY).insert(0, [{ key: 'shape:a', val: noteRecord('shape:a', { parentId: 'shape:a' }) }])
    const verdict = b.check(Y.encodeStateAsUpdate(raw, before))
    expect(!verdict.ok && verdict.error.message).toMatch(/own parent/)
  })

  it('finds what an update deletes among a whole delete set (a reconnect’s sync step 2)', () => {
    const b = board()
    // Many structs and, once every other note is gone, many delete ranges before and after the frame.
    for (let i = 0; i < 150; i++) b.kv.set(`shape:n${i}`, noteRecord(`shape:n${i}`))
    b.kv.set('shape:f', frameRecord('shape:f'))
    for (let i = 150; i < 300; i++) b.kv.set(`shape:n${i}`, noteRecord(`shape:n${i}`))
    b.client.getMap(META_MAP).set('title', 'x')
    b.client.transact(() => {
      for (let i = 0; i < 300; i += 2) b.kv.delete(`shape:n${i}`)
    })
    Y.applyUpdate(b.server, Y.encodeStateAsUpdate(b.client))
    // The frame is deleted in the same update that puts a note in it: the note's parent is gone.
    const orphan = b.change(() => {
      b.kv.delete('shape:f')
      b.kv.set('shape:in', noteRecord('shape:in', { parentId: 'shape:f' }))
    })
    expect(Y.decodeUpdate(orphan).ds.clients.get(b.client.clientID)!.length).toBeGreaterThan(100)
    const verdict = b.check(orphan)
    expect(!verdict.ok && verdict.error.message).toMatch(/the parent shape:f of shape:in does not exist/)
    // Deleting part of meta, after all those ranges, is still seen.
    const meta = b.check(b.change(() => b.client.getMap(META_MAP).delete('title')))
    expect(!meta.ok && meta.error.kind).toBe('meta_write')
  })

  it('stops reading an update at its budget', () => {
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'x'.repeat(10_000))
    expect(() => readUpdate(Y.encodeStateAsUpdate(doc), budget)).toThrow(UpdateOverBudgetError)
    const many = new Y.Doc()
    const array = many.getArray('a')
    for (let i = 0; i < 1500; i++) many.transact(() => array.insert(0, [i]))
    expect(() => readUpdate(Y.encodeStateAsUpdate(many), budget)).toThrow(/changes in one update/)
  })

  it('refuses parts no board has and nested types', () => {
    const b = board()
    const text = b.check(b.change(() => b.client.getText('evil').insert(0, 'x')))
    expect(!text.ok && text.error.message).toMatch(/"evil" is not part of a board/)
    const c = board()
    const nested = c.check(c.change(() => c.client.getArray(RECORDS_ARRAY).push([new Y.Map()])))
    expect(!nested.ok && nested.error.message).toMatch(/nested/)
  })
})
