import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'

/**
 * Everything the document holds past `statesBefore` for the clients named there, with the
 * document's whole delete set: what one update from those clients added, when the update itself
 * cannot stand for it (see Room.applyUpdate). Deletions already known are repeated, harmlessly.
 * Yjs's encoding also carries what the document keeps pending; the room applies this only when
 * nothing was pending before the update, so that is the update's own pending part, which the
 * guard has checked like the rest and which peers then keep pending as the server does.
 */
export function changesSince(doc: Y.Doc, statesBefore: ReadonlyMap<number, number>): Uint8Array {
  const vector = Y.decodeStateVector(Y.encodeStateVector(doc))
  for (const [client, clock] of statesBefore) vector.set(client, clock)
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, vector.size)
  for (const [client, clock] of vector) {
    encoding.writeVarUint(encoder, client)
    encoding.writeVarUint(encoder, clock)
  }
  return Y.encodeStateAsUpdate(doc, encoding.toUint8Array(encoder))
}
