/**
 * lib0's `any` values (what a Yjs ContentAny holds: our records), read or skipped without
 * applying anything. Reading mirrors lib0's decoding.readAny case by case, so the record guard
 * checks exactly the values Yjs will store; only strings (keys and values) go through
 * readString, which gives lib0's result at a fraction of its cost (server/sync/short-string.ts).
 *
 * Both recurse like readAny: a hostile nesting overflows the stack, which the update reader
 * reports as a malformed update.
 */
import * as decoding from 'lib0/decoding'
import { readString } from './short-string.ts'

/** The value lib0's decoding.readAny would give, read the same way. */
export function readAnyValue(decoder: decoding.Decoder): unknown {
  const type = decoder.arr[decoder.pos++]
  switch (type) {
    case 127:
      return undefined
    case 126:
      return null
    case 125:
      return decoding.readVarInt(decoder)
    case 124:
      return decoding.readFloat32(decoder)
    case 123:
      return decoding.readFloat64(decoder)
    case 122:
      return decoding.readBigInt64(decoder)
    case 121:
      return false
    case 120:
      return true
    case 119:
      return readString(decoder)
    case 118: {
      const entries = decoding.readVarUint(decoder)
      // A plain `{}` assigned key by key, as readAny does: a key "__proto__" does to it what it does there.
      const object: Record<string, unknown> = {}
      for (let i = 0; i < entries; i++) {
        const key = readString(decoder)
        object[key] = readAnyValue(decoder)
      }
      return object
    }
    case 117: {
      const length = decoding.readVarUint(decoder)
      const array: unknown[] = []
      for (let i = 0; i < length; i++) array.push(readAnyValue(decoder))
      return array
    }
    case 116:
      return decoding.readVarUint8Array(decoder)
    default:
      throw new Error(`unknown value type ${String(type)}`)
  }
}

/**
 * Moves past one value without building it, to where readAny would stop. Like the reader it
 * replaced, it does not decode strings: invalid UTF-8 inside a skipped value goes unnoticed here.
 * A whole-board sync step 2 is all skipping (tens of thousands of values), so this works on the
 * bytes and a position of its own rather than through lib0's reader per byte.
 */
export function skipAnyValue(decoder: decoding.Decoder): void {
  decoder.pos = skipFrom(decoder.arr, decoder.pos)
}

/** Where the value at `pos` ends. */
function skipFrom(bytes: Uint8Array, pos: number): number {
  const type = bytes[pos++]
  switch (type) {
    case 127: // undefined
    case 126: // null
    case 121: // false
    case 120: // true
      return pos
    case 125:
      return skipVarInt(bytes, pos)
    case 124:
      return skipBytes(bytes, pos, 4)
    case 123:
    case 122:
      return skipBytes(bytes, pos, 8)
    case 119:
    case 116: {
      // string, Uint8Array: a length and that many bytes
      const short = bytes[pos]!
      if (short < 0x80) return skipBytes(bytes, pos + 1, short) // a length below 128: one byte
      const length = readLength(bytes, pos)
      return skipBytes(bytes, length.end, length.value)
    }
    case 118: {
      // Copied out at once: readLength hands back one shared result, which the next call overwrites.
      const entries = readLength(bytes, pos).value
      pos = length.end
      for (let i = 0; i < entries; i++) {
        const short = bytes[pos]!
        if (short < 0x80) {
          pos = skipFrom(bytes, skipBytes(bytes, pos + 1, short)) // the key, then its value
        } else {
          const key = readLength(bytes, pos)
          pos = skipFrom(bytes, skipBytes(bytes, key.end, key.value))
        }
      }
      return pos
    }
    case 117: {
      const items = readLength(bytes, pos).value
      pos = length.end
      for (let i = 0; i < items; i++) pos = skipFrom(bytes, pos)
      return pos
    }
    default:
      throw new Error(`unknown value type ${String(type)}`)
  }
}

/** lib0's readVarInt with the value left unused: the same bytes, the same errors. */
function skipVarInt(bytes: Uint8Array, pos: number): number {
  const first = bytes[pos++]
  // Past the end lib0 reads `undefined` as a one-byte 0 and moves on; whatever comes next fails.
  if (first === undefined || first < 0x80) return pos
  let value = first & 0x3f
  let multiplier = 64
  while (pos < bytes.length) {
    const byte = bytes[pos++]!
    value += (byte & 0x7f) * multiplier
    multiplier *= 128
    if (byte < 0x80) return pos
    if (value > Number.MAX_SAFE_INTEGER) throw new Error('Integer out of Range')
  }
  throw new Error('Unexpected end of array')
}

/** One result object reused: a length is read for every key and string skipped. */
const length = { value: 0, end: 0 }

/** The unsigned varint at `pos` (lib0's readVarUint, and the same errors). */
function readLength(bytes: Uint8Array, pos: number): { value: number; end: number } {
  let value = 0
  let multiplier = 1
  while (pos < bytes.length) {
    const byte = bytes[pos++]!
    value += (byte & 0x7f) * multiplier
    multiplier *= 128
    if (byte < 0x80) {
      length.value = value
      length.end = pos
      return length
    }
    if (value > Number.MAX_SAFE_INTEGER) throw new Error('Integer out of Range')
  }
  throw new Error('Unexpected end of array')
}

function skipBytes(bytes: Uint8Array, pos: number, count: number): number {
  if (pos + count > bytes.length) throw new Error('value runs past the end')
  return pos + count
}
