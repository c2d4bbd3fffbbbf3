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
 */
export function skipAnyValue(decoder: decoding.Decoder): void {
  const type = decoder.arr[decoder.pos++]
  switch (type) {
    case 127: // undefined
    case 126: // null
    case 121: // false
    case 120: // true
      return
    case 125:
      decoding.readVarInt(decoder)
      return
    case 124:
      skipBytes(decoder, 4)
      return
    case 123:
    case 122:
      skipBytes(decoder, 8)
      return
    case 119:
    case 116: // string, Uint8Array: a length and that many bytes
      skipBytes(decoder, decoding.readVarUint(decoder))
      return
    case 118: {
      const entries = decoding.readVarUint(decoder)
      for (let i = 0; i < entries; i++) {
        skipBytes(decoder, decoding.readVarUint(decoder)) // the key
        skipAnyValue(decoder)
      }
      return
    }
    case 117: {
      const items = decoding.readVarUint(decoder)
      for (let i = 0; i < items; i++) skipAnyValue(decoder)
      return
    }
    default:
      throw new Error(`unknown value type ${String(type)}`)
  }
}

function skipBytes(decoder: decoding.Decoder, count: number): void {
  if (decoder.pos + count > decoder.arr.length) throw new Error('value runs past the end')
  decoder.pos += count
}
