/**
 * The y-websocket wire protocol, server side: bytes in, decoded messages out, and the messages
 * the server sends. Pure; no sockets, rooms or storage.
 *
 * Every WebSocket frame carries exactly one message: `varUint type` followed by its body.
 *   0 sync            `varUint subtype`, then
 *                       0 SyncStep1  `varUint8Array stateVector`  "send me what I lack"
 *                       1 SyncStep2  `varUint8Array update`       the answer to a SyncStep1
 *                       2 Update     `varUint8Array update`       an incremental change
 *   1 awareness       `varUint8Array awarenessUpdate`
 *   2 auth            `varUint 0` + `varString reason` (server → client: permission denied)
 *   3 query-awareness (empty) "send me everyone's awareness state"
 *
 * On connect both sides send SyncStep1 and answer the other's with SyncStep2; afterwards each
 * change travels as an Update. Clients also send their awareness state, and the server relays
 * awareness updates to everyone in the room (the sender included, which keeps y-websocket's
 * 30-second "no message received" watchdog fed).
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const

export const SyncType = {
  step1: 0,
  step2: 1,
  update: 2,
} as const

export type ClientMessage =
  | { kind: 'sync-step-1'; stateVector: Uint8Array }
  | { kind: 'sync-step-2'; update: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' }
  | { kind: 'ignored'; messageType: number }

/** A frame that does not follow the protocol; the connection that sent it is closed. */
export class ProtocolError extends Error {}

function readBytes(decoder: decoding.Decoder): Uint8Array {
  try {
    return decoding.readVarUint8Array(decoder)
  } catch {
    throw new ProtocolError('truncated message')
  }
}

function readType(decoder: decoding.Decoder): number {
  if (!decoding.hasContent(decoder)) throw new ProtocolError('empty message')
  try {
    return decoding.readVarUint(decoder)
  } catch {
    throw new ProtocolError('truncated message type')
  }
}

/**
 * Decodes one frame. Document updates are only framed here; whether their content is valid Yjs
 * is found out when they are applied. State vectors are checked now, since answering a SyncStep1
 * reads them.
 */
export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(frame)
  const type = readType(decoder)
  switch (type) {
    case MessageType.sync: {
      const subtype = readType(decoder)
      if (subtype === SyncType.step1) {
        const stateVector = readBytes(decoder)
        try {
          Y.decodeStateVector(stateVector)
        } catch {
          throw new ProtocolError('malformed state vector')
        }
        return { kind: 'sync-step-1', stateVector }
      }
      if (subtype === SyncType.step2) return { kind: 'sync-step-2', update: readBytes(decoder) }
      if (subtype === SyncType.update) return { kind: 'update', update: readBytes(decoder) }
      return { kind: 'ignored', messageType: type }
    }
    case MessageType.awareness:
      return { kind: 'awareness', update: readBytes(decoder) }
    case MessageType.queryAwareness:
      return { kind: 'query-awareness' }
    default:
      // Unknown (and auth, which only servers send): ignored, as the protocol allows extensions.
      return { kind: 'ignored', messageType: type }
  }
}

function encode(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return encode((e) => {
    encoding.writeVarUint(e, MessageType.sync)
    encoding.writeVarUint(e, SyncType.step1)
    encoding.writeVarUint8Array(e, stateVector)
  })
}

export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return encode((e) => {
    encoding.writeVarUint(e, MessageType.sync)
    encoding.writeVarUint(e, SyncType.step2)
    encoding.writeVarUint8Array(e, update)
  })
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  return encode((e) => {
    encoding.writeVarUint(e, MessageType.sync)
    encoding.writeVarUint(e, SyncType.update)
    encoding.writeVarUint8Array(e, update)
  })
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  return encode((e) => {
    encoding.writeVarUint(e, MessageType.awareness)
    encoding.writeVarUint8Array(e, update)
  })
}

/**
 * The client ids an awareness update speaks for. Used to stop one connection from overwriting or
 * removing another connection's presence. Throws ProtocolError on a malformed update.
 */
export function readAwarenessClientIds(update: Uint8Array): number[] {
  const decoder = decoding.createDecoder(update)
  try {
    const count = decoding.readVarUint(decoder)
    const ids: number[] = []
    for (let i = 0; i < count; i++) {
      ids.push(decoding.readVarUint(decoder))
      decoding.readVarUint(decoder) // clock
      JSON.parse(decoding.readVarString(decoder)) // state; y-protocols parses it the same way
    }
    return ids
  } catch {
    throw new ProtocolError('malformed awareness update')
  }
}
