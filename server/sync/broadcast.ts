/**
 * A message relayed to many peers, framed once: the whole WebSocket frame (header and payload) is
 * built in one buffer, and that same buffer is written to every peer's socket.
 *
 * Frames from a server are never masked (RFC 6455 §5.1), so the bytes of one message's frame are
 * the same for every client. ws's `send` frames per call: per peer and per message it wraps the
 * bytes in a Buffer view, builds an options object and a header buffer and makes two socket writes.
 * The relay sends each update to every other peer of its board (nine per update in the standard
 * bench), so that was most of the per-delivery work.
 *
 * A Broadcast is immutable: its buffer is made for one message and never written to again, so a
 * socket that still holds it in its write queue can never send anything but that message.
 */
import type { Socket } from 'node:net'
import type { WebSocket } from 'ws'
import { MessageType, SyncType } from './protocol.ts'

const FIN_BINARY = 0x82

export class Broadcast {
  /** The y-websocket message (what `ws.send` would be given), a view into `frame`. */
  readonly message: Uint8Array

  private constructor(
    /** The complete WebSocket frame: FIN + binary opcode, unmasked length, the message. */
    readonly frame: Buffer,
    headerLength: number,
  ) {
    this.message = frame.subarray(headerLength)
  }

  /** A sync Update message (`0, 2, varUint8Array update`) for every peer. */
  static ofUpdate(update: Uint8Array): Broadcast {
    return Broadcast.of([MessageType.sync, SyncType.update], update)
  }

  /** An awareness message (`1, varUint8Array update`) for every peer. */
  static ofAwareness(update: Uint8Array): Broadcast {
    return Broadcast.of([MessageType.awareness], update)
  }

  /** `prefix` (one-byte varUints), then `body` as a varUint8Array, in one frame. */
  private static of(prefix: readonly number[], body: Uint8Array): Broadcast {
    const messageLength = prefix.length + varUintLength(body.byteLength) + body.byteLength
    const headerLength = messageLength < 126 ? 2 : messageLength < 65536 ? 4 : 10
    const frame = Buffer.allocUnsafe(headerLength + messageLength)
    frame[0] = FIN_BINARY
    if (headerLength === 2) {
      frame[1] = messageLength
    } else if (headerLength === 4) {
      frame[1] = 126
      frame.writeUInt16BE(messageLength, 2)
    } else {
      frame[1] = 127
      frame.writeUInt32BE(0, 2)
      frame.writeUInt32BE(messageLength, 6)
    }
    let at = headerLength
    for (const byte of prefix) frame[at++] = byte
    at = writeVarUint(frame, at, body.byteLength)
    frame.set(body, at)
    return new Broadcast(frame, headerLength)
  }
}

function varUintLength(value: number): number {
  let length = 1
  while (value > 0x7f) {
    value = Math.floor(value / 128)
    length++
  }
  return length
}

/** lib0's varUint: 7 bits per byte, least significant first, high bit set on all but the last. */
function writeVarUint(target: Buffer, at: number, value: number): number {
  while (value > 0x7f) {
    target[at++] = 0x80 | (value & 0x7f)
    value = Math.floor(value / 128)
  }
  target[at++] = value
  return at
}

/** ws 8's internals this module relies on (there is no public way to write a prebuilt frame). */
interface WsInternals {
  _socket: Socket | null
  _sender: { _state: number; _queue: unknown[] } | null
}

/** ws's Sender state when it is not compressing or reading a Blob, i.e. when it writes at once. */
const SENDER_IDLE = 0

/**
 * Writes the broadcast's frame straight to the socket, as ws's Sender would, when that is the
 * same as `ws.send(message)`: the Sender is idle with nothing queued (otherwise our frame would
 * overtake frames ws still holds). Otherwise, or if ws's internals are not what this module knows,
 * hands the message to `ws.send`. The caller has checked that the socket is open.
 */
export function sendBroadcast(ws: WebSocket, broadcast: Broadcast): void {
  const { _socket: socket, _sender: sender } = ws as unknown as WsInternals
  if (socket && sender && sender._state === SENDER_IDLE && Array.isArray(sender._queue) && sender._queue.length === 0) {
    socket.write(broadcast.frame)
    return
  }
  ws.send(broadcast.message)
}
