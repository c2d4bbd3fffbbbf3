/**
 * What the room stores and relays when a client's update cannot stand for its own effect after
 * all (server/rooms/changes-since.ts, the fallback of Room.applyUpdate): everything the document
 * gained from the update's clients, and what of it Yjs keeps pending, never less.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { RECORDS_ARRAY, type RecordEntry } from '../../../shared/doc-layout.ts'
import { changesSince } from '../../../server/rooms/changes-since.ts'

const records = (doc: Y.Doc) => new YKeyValue<unknown>(doc.getArray<RecordEntry<unknown>>(RECORDS_ARRAY))

describe('changesSince', () => {
  it('gives what an update added (and deleted) for its clients, which brings a peer from before to after', () => {
    const server = new Y.Doc()
    const client = new Y.Doc()
    records(client).set('shape:a', { x: 1 })
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client))
    const peer = new Y.Doc()
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(server))

    const before = Y.encodeStateVector(client)
    records(client).set('shape:a', { x: 2 })
    records(client).set('shape:b', { x: 3 })
    const update = Y.encodeStateAsUpdate(client, before)
    const statesBefore = new Map([[client.clientID, Y.getState(server.store, client.clientID)]])
    Y.applyUpdate(server, update)

    const changes = changesSince(server, statesBefore)
    // Nothing of what the server had before is sent again as structs.
    const structs = Y.decodeUpdate(changes).structs
    expect(structs.every((struct) => struct.id.clock >= statesBefore.get(client.clientID)!)).toBe(true)
    Y.applyUpdate(peer, changes)
    expect(records(peer).get('shape:a')).toEqual({ x: 2 })
    expect(records(peer).get('shape:b')).toEqual({ x: 3 })
    expect(peer.getArray(RECORDS_ARRAY).length).toBe(2)
  })

  it('carries what Yjs keeps pending as well, which the peer then keeps pending as the server does', () => {
    const server = new Y.Doc()
    const first = new Y.Doc()
    records(first).set('shape:a', { x: 1 })
    Y.applyUpdate(server, Y.encodeStateAsUpdate(first))
    // A second client inserts before an entry of a third that the server has not seen.
    const third = new Y.Doc()
    Y.applyUpdate(third, Y.encodeStateAsUpdate(first))
    const beforeRight = Y.encodeStateVector(third)
    third.getArray<RecordEntry<unknown>>(RECORDS_ARRAY).push([{ key: 'shape:r', val: { x: 9 } }])
    const right = Y.encodeStateAsUpdate(third, beforeRight)
    const second = new Y.Doc()
    Y.applyUpdate(second, Y.encodeStateAsUpdate(third))
    const before = Y.encodeStateVector(second)
    const array = second.getArray<RecordEntry<unknown>>(RECORDS_ARRAY)
    array.insert(array.length - 1, [{ key: 'shape:m', val: { x: 5 } }])
    const update = Y.encodeStateAsUpdate(second, before)
    const statesBefore = new Map([[second.clientID, Y.getState(server.store, second.clientID)]])
    Y.applyUpdate(server, update)
    expect(server.store.pendingStructs).not.toBeNull()

    const changes = changesSince(server, statesBefore)
    const peer = new Y.Doc()
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(first))
    Y.applyUpdate(peer, changes)
    expect(peer.store.pendingStructs).not.toBeNull()
    expect(peer.getArray(RECORDS_ARRAY).toJSON()).toEqual(server.getArray(RECORDS_ARRAY).toJSON())
    // Once the missing entry arrives, both have all three, in the same order.
    Y.applyUpdate(server, right)
    Y.applyUpdate(peer, right)
    expect(peer.store.pendingStructs).toBeNull()
    expect(server.getArray<RecordEntry<unknown>>(RECORDS_ARRAY).toJSON().map((e) => e.key)).toEqual(['shape:a', 'shape:m', 'shape:r'])
    expect(peer.getArray(RECORDS_ARRAY).toJSON()).toEqual(server.getArray(RECORDS_ARRAY).toJSON())
  })
})
