/**
 * Reads a lib0 `varString` (a length, then that many bytes of UTF-8) the way lib0's
 * readVarString does, only cheaper for the strings records are made of.
 *
 * lib0 hands every string to a TextDecoder, which in Node 20 costs ~100 ns per call however
 * short the string: a view on the bytes, a call into C++, a new string. A record holds some
 * 60 short strings ('typeName', 'shape', 'black', ids), almost all ASCII, and the record guard
 * reads each record an update carries, so that fixed cost was a quarter of checking a typical
 * edit. For a short ASCII string each byte is its own character, so building the string in
 * JavaScript gives exactly what TextDecoder gives, at less than half the cost.
 *
 * Anything else (a byte ≥ 0x80, a long string, a length past the end) goes to lib0 itself, so
 * multi-byte characters, invalid sequences (lib0's decoder is `fatal`: it throws) and errors
 * are lib0's own: the guard reads exactly the strings Yjs will read.
 */
import * as decoding from 'lib0/decoding'

/** Longest string decoded here; past it TextDecoder's fixed cost is small next to the bytes. */
export const MAX_SHORT_STRING = 64

export function readString(decoder: decoding.Decoder): string {
  const start = decoder.pos
  const length = decoding.readVarUint(decoder)
  const text = length <= MAX_SHORT_STRING ? asciiText(decoder.arr, decoder.pos, length) : null
  if (text === null) {
    decoder.pos = start
    return decoding.readVarString(decoder)
  }
  decoder.pos += length
  return text
}

/**
 * The last string read per slot, found by a hash of its bytes. Records repeat the same few dozen
 * words (property names, 'shape', 'black', 'page:page'); handing back the string read before
 * spares building it again (in a loop over typical edits this took the check from ~10 to ~6.5 µs),
 * and equal words in stored records share one copy. A hit is checked character by character,
 * so a slot only ever answers with equal text. Holds at most SLOTS strings of MAX_SHORT_STRING
 * characters: under 100 KiB for the whole process.
 */
const SLOTS = 1024
const recent: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined)

/** The `length` bytes at `from` as text when they are all there and all ASCII, else null. */
function asciiText(bytes: Uint8Array, from: number, length: number): string | null {
  const end = from + length
  if (end > bytes.length) return null
  let hash = length
  for (let i = from; i < end; i++) {
    const byte = bytes[i]!
    if (byte >= 0x80) return null
    hash = Math.imul(hash ^ byte, 0x01000193) // FNV-1a's step: cheap and spreads short keys well
  }
  const slot = (hash ^ (hash >>> 16)) & (SLOTS - 1)
  const known = recent[slot]
  if (known !== undefined && sameText(known, bytes, from, length)) return known
  let text = ''
  let i = from
  // Four characters per call: fewer calls and fewer intermediate strings than one at a time.
  for (; i + 4 <= end; i += 4) text += String.fromCharCode(bytes[i]!, bytes[i + 1]!, bytes[i + 2]!, bytes[i + 3]!)
  for (; i < end; i++) text += String.fromCharCode(bytes[i]!)
  recent[slot] = text
  return text
}

/** `text` is the ASCII `length` bytes at `from`. */
function sameText(text: string, bytes: Uint8Array, from: number, length: number): boolean {
  if (text.length !== length) return false
  for (let i = 0; i < length; i++) if (text.charCodeAt(i) !== bytes[from + i]) return false
  return true
}
