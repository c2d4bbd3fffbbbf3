import { describe, expect, it } from 'vitest'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { MAX_SHORT_STRING, readString } from '../../../server/sync/short-string.ts'

/** A varString frame: the byte length, the bytes, and a marker byte after them. */
function frame(bytes: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint8Array(encoder, bytes)
  encoding.writeUint8(encoder, 0xab)
  return encoding.toUint8Array(encoder)
}

/** What each reader gives for `bytes`: the string and where it stopped, or the error it threw. */
function readBoth(bytes: Uint8Array) {
  const read = (reader: (decoder: decoding.Decoder) => string) => {
    const decoder = decoding.createDecoder(frame(bytes))
    try {
      const text = reader(decoder)
      return { text, next: decoding.readUint8(decoder) }
    } catch (error) {
      return { threw: error instanceof Error ? error.constructor.name : String(error) }
    }
  }
  return { ours: read(readString), lib0: read(decoding.readVarString) }
}

const utf8 = (text: string) => new TextEncoder().encode(text)

describe('short string reader', () => {
  it('reads what lib0 (TextDecoder) reads, for ASCII of every length around the threshold', () => {
    for (let length = 0; length <= MAX_SHORT_STRING + 3; length++) {
      const text = Array.from({ length }, (_, i) => String.fromCharCode(i % 128)).join('')
      const { ours, lib0 } = readBoth(utf8(text))
      expect(ours).toEqual(lib0)
      expect(ours).toEqual({ text, next: 0xab })
    }
  })

  it('reads multi-byte and 4-byte characters, a BOM and a NUL as lib0 does', () => {
    for (const text of ['notitie é', 'één', 'ë', '€', '日本語', '😀', 'a😀b', '\uFEFFbom', 'nul\u0000nul', 'x'.repeat(MAX_SHORT_STRING - 1) + 'é']) {
      const { ours, lib0 } = readBoth(utf8(text))
      expect(ours).toEqual(lib0)
      expect(ours).toEqual({ text, next: 0xab })
    }
  })

  it('treats invalid and truncated UTF-8 as lib0 does (it throws)', () => {
    const invalid = [
      [0x80], // a lone continuation byte
      [0x61, 0xc3], // a sequence cut short at the end of the string
      [0xc3, 0x28], // a lead byte followed by no continuation
      [0xc0, 0xaf], // an overlong encoding
      [0xed, 0xa0, 0x80], // a UTF-16 surrogate
      [0xf4, 0x90, 0x80, 0x80], // past U+10FFFF
      [0xf0, 0x9f, 0x98], // a 4-byte sequence missing its last byte
      [0xff],
      [0x61, 0x62, 0x63, 0xfe],
    ]
    for (const bytes of invalid) {
      const { ours, lib0 } = readBoth(new Uint8Array(bytes))
      expect(lib0).toHaveProperty('threw')
      expect(ours).toEqual(lib0)
    }
  })

  it('throws as lib0 does when the length runs past the end', () => {
    for (const declared of [3, MAX_SHORT_STRING + 10]) {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, declared)
      encoding.writeUint8Array(encoder, utf8('ab'))
      const bytes = encoding.toUint8Array(encoder)
      expect(() => readString(decoding.createDecoder(bytes))).toThrow('Unexpected end of array')
      expect(() => decoding.readVarString(decoding.createDecoder(bytes))).toThrow('Unexpected end of array')
    }
  })

  it('hands back a string read before only when the bytes are the same (many strings share a slot)', () => {
    // Far more strings than slots, from a small alphabet and of few lengths, so that slots are
    // shared by different strings of the same length; each read twice, in a shuffled order.
    let seed = 17
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
      return (seed >>> 16) % n // the high bits: the low ones of this generator repeat quickly
    }
    const texts = Array.from({ length: 6000 }, () => Array.from({ length: 1 + random(6) }, () => 'ab:1'[random(4)]).join('') + 'x'.repeat(random(3)))
    const order = [...texts, ...texts].sort(() => random(3) - 1)
    const encoder = encoding.createEncoder()
    for (const text of order) encoding.writeVarString(encoder, text)
    const decoder = decoding.createDecoder(encoding.toUint8Array(encoder))
    for (const text of order) expect(readString(decoder)).toBe(text)
  })

  it('reads consecutive strings from a view into a larger buffer', () => {
    const encoder = encoding.createEncoder()
    encoding.writeUint8Array(encoder, new Uint8Array([9, 9, 9]))
    for (const text of ['typeName', 'shape', '', 'page:page', 'één']) encoding.writeVarString(encoder, text)
    const whole = encoding.toUint8Array(encoder)
    const decoder = decoding.createDecoder(whole.subarray(3))
    expect([1, 2, 3, 4, 5].map(() => readString(decoder))).toEqual(['typeName', 'shape', '', 'page:page', 'één'])
    expect(decoding.hasContent(decoder)).toBe(false)
  })
})
