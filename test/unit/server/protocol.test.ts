import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  decodeClientMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  ProtocolError,
  readAwarenessClientIds,
} from '../../../server/sync/protocol.ts'
import * as awarenessProtocol from 'y-protocols/awareness'

describe('y-websocket protocol decoding', () => {
  const doc = new Y.Doc()
  doc.getMap('m').set('k', 'v')
  const update = Y.encodeStateAsUpdate(doc)

  it('round-trips the three sync messages', () => {
    const sv = Y.encodeStateVector(doc)
    expect(decodeClientMessage(encodeSyncStep1(sv))).toEqual({ kind: 'sync-step-1', stateVector: sv })
    expect(decodeClientMessage(encodeSyncStep2(update))).toEqual({ kind: 'sync-step-2', update })
    expect(decodeClientMessage(encodeUpdate(update))).toEqual({ kind: 'update', update })
  })

  it('decodes awareness and query-awareness', () => {
    const awareness = new awarenessProtocol.Awareness(doc)
    awareness.setLocalState({ name: 'A' })
    const payload = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])
    expect(decodeClientMessage(encodeAwareness(payload))).toEqual({ kind: 'awareness', update: payload })
    expect(readAwarenessClientIds(payload)).toEqual([doc.clientID])
    expect(decodeClientMessage(new Uint8Array([3]))).toEqual({ kind: 'query-awareness' })
    awareness.destroy()
  })

  it('marks unknown message types as ignored rather than failing', () => {
    expect(decodeClientMessage(new Uint8Array([77]))).toEqual({ kind: 'ignored', messageType: 77 })
    expect(decodeClientMessage(new Uint8Array([2, 0]))).toEqual({ kind: 'ignored', messageType: 2 })
  })

  it.each([
    ['empty', []],
    ['a sync message without subtype', [0]],
    ['a length beyond the frame', [0, 2, 100, 1]],
    ['a state vector that does not decode', [0, 0, 2, 5, 1]],
  ])('throws ProtocolError for %s', (_name, bytes) => {
    expect(() => decodeClientMessage(new Uint8Array(bytes))).toThrow(ProtocolError)
  })

  it('rejects an awareness update whose state is not JSON', () => {
    expect(() => readAwarenessClientIds(new Uint8Array([1, 7, 1, 3, 120, 121, 122]))).toThrow(ProtocolError)
  })
})
