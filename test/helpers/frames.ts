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
