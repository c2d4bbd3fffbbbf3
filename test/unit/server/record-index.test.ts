/**
 * The room's index of records by key (server/rooms/record-index.ts) follows each transaction from
 * its delete set and new clocks. Checked against the array read from scratch (of several live
 * entries for a key the rightmost wins, as YKeyValue reads it) after every step of several
 * clients writing, moving and deleting records concurrently, with updates arriving merged and
 * twice.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { RECORDS_ARRAY, type RecordEntry } from '../../../shared/doc-layout.ts'
import { RecordIndex } from '../../../server/rooms/record-index.ts'
import { seeded } from '../../helpers/records.ts'

describe('record index', () => {
  it('agrees with YKeyValue after every update, whatever order and grouping they come in', () => {
    const random = seeded(4242)
    const server = new Y.Doc()
    const index = new RecordIndex(server)
    const array = server.getArray<RecordEntry<unknown>>(RECORDS_ARRAY)
    const fromScratch = (key: string) => {
      const entries = array.toArray()
      for (let i = entries.length - 1; i >= 0; i--) if (entries[i]!.key === key) return entries[i]!.val
      return undefined
    }
    const clients = Array.from({ length: 4 }, () => {
      const doc = new Y.Doc()
      return { doc, kv: new YKeyValue<unknown>(doc.getArray<RecordEntry<unknown>>(RECORDS_ARRAY)), outbox: [] as Uint8Array[] }
    })
    for (const client of clients) {
      client.doc.on('update', (update: Uint8Array) => client.outbox.push(update))
    }
    const keys = Array.from({ length: 12 }, (_, i) => `shape:${i}`)
    const deliver = (update: Uint8Array) => {
      Y.applyUpdate(server, update)
    }
    for (let step = 0; step < 600; step++) {
      const client = clients[Math.floor(random() * clients.length)]!
      const key = keys[Math.floor(random() * keys.length)]!
      const roll = random()
      if (roll < 0.15) client.kv.delete(key)
      else if (roll < 0.25)
        client.doc.transact(() => {
          for (const k of keys.slice(0, 3)) client.kv.set(k, { step, k })
        })
      else client.kv.set(key, { step, key })
      if (random() < 0.3) {
        // Deliver a client's pending updates: one by one, merged, or resent with what came before.
        const pending = client.outbox.splice(0)
        const how = random()
        if (how < 0.4) for (const update of pending) deliver(update)
        else if (pending.length > 0 && how < 0.8) deliver(Y.mergeUpdates(pending))
        else if (pending.length > 0) deliver(Y.encodeStateAsUpdate(client.doc))
        // Clients catch up with each other now and then (so their writes conflict and supersede).
        if (random() < 0.3) {
          const state = Y.encodeStateAsUpdate(server)
          for (const other of clients) Y.applyUpdate(other.doc, state)
        }
      }
      for (const key of keys) expect(index.current(key)).toEqual(fromScratch(key))
    }
    for (const client of clients) for (const update of client.outbox.splice(0)) deliver(update)
    for (const key of keys) expect(index.current(key)).toEqual(fromScratch(key))
  })
})
