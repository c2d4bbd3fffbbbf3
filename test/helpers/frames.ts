import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { RECORDS_ARRAY } from '../../shared/doc-layout.ts'

/** A y-websocket Update frame setting one record, made by an independent Y.Doc. */
export function updateFrame(key: string, value: unknown): Uint8Array {
  const doc = new Y.Doc()
  new YKeyValue<unknown>(doc.getArray(RECORDS_ARRAY)).set(key, value)
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, 2)
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc))
  return encoding.toUint8Array(encoder)
}

/** The awareness states an awareness message (type 1) carries, by client id; null states are removals. */
export function awarenessStatesIn(frame: Uint8Array): Map<number, unknown> {
  const message = decoding.createDecoder(frame)
  if (decoding.readVarUint(message) !== 1) throw new Error('not an awareness message')
  const update = decoding.createDecoder(decoding.readVarUint8Array(message))
  const states = new Map<number, unknown>()
  for (let count = decoding.readVarUint(update); count > 0; count--) {
    const clientId = decoding.readVarUint(update)
    decoding.readVarUint(update) // clock
    states.set(clientId, JSON.parse(decoding.readVarString(update)) as unknown)
  }
  return states
}
