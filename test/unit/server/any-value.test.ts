import { describe, expect, it } from 'vitest'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { readAnyValue, skipAnyValue } from '../../../server/sync/any-value.ts'
import { noteRecord } from '../../helpers/records.ts'

/** `value` encoded as lib0 `any`, followed by a marker byte. */
function encoded(value: unknown): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeAny(encoder, value as Parameters<typeof encoding.writeAny>[1])
  encoding.writeUint8(encoder, 0xab)
  return encoding.toUint8Array(encoder)
}

function readWith(bytes: Uint8Array, reader: (decoder: decoding.Decoder) => unknown) {
  const decoder = decoding.createDecoder(bytes)
  const value = reader(decoder)
  return { value, pos: decoder.pos }
}

const values: unknown[] = [
  undefined,
  null,
  true,
  false,
  0,
  -0,
  -1,
  63,
  64,
  2 ** 31,
  -(2 ** 40),
  0.5,
  1e300,
  Number.NaN,
  -Infinity,
  12345678901234567890n,
  '',
  'shape:n12',
  'één notitie 😀',
  'x'.repeat(500),
  new Uint8Array([0, 1, 255]),
  [],
  [1, 'a', null, [2, [3, {}]]],
  { a: 1, b: { c: ['d', { e: undefined }] } },
  noteRecord('shape:a', { text: 'notitie met één accent' }),
  { key: 'shape:a', val: noteRecord('shape:a') },
]

describe('any values', () => {
  it('reads what lib0 readAny reads and stops where it stops; skipping stops there too', () => {
    for (const value of values) {
      const bytes = encoded(value)
      const lib0 = readWith(bytes, decoding.readAny)
      const ours = readWith(bytes, readAnyValue)
      expect(ours.pos).toBe(lib0.pos)
      expect(ours.value).toStrictEqual(lib0.value)
      expect(bytes[ours.pos]).toBe(0xab)
      expect(readWith(bytes, skipAnyValue).pos).toBe(lib0.pos)
    }
  })

  it('keeps -0 and NaN exactly', () => {
    expect(Object.is(readWith(encoded(-0), readAnyValue).value, -0)).toBe(true)
    expect(Number.isNaN(readWith(encoded(Number.NaN), readAnyValue).value)).toBe(true)
  })

  it('assigns a "__proto__" key as readAny does', () => {
    // { "__proto__": { polluted: true } } as bytes: object of 1 entry, key, object of 1 entry.
    const encoder = encoding.createEncoder()
    encoding.writeUint8(encoder, 118)
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarString(encoder, '__proto__')
    encoding.writeAny(encoder, { polluted: true })
    const bytes = encoding.toUint8Array(encoder)
    const lib0 = readWith(bytes, decoding.readAny).value as Record<string, unknown>
    const ours = readWith(bytes, readAnyValue).value as Record<string, unknown>
    expect(Object.keys(ours)).toEqual(Object.keys(lib0))
    expect(ours.polluted).toBe(lib0.polluted)
    expect(Object.getPrototypeOf(ours)).toEqual(Object.getPrototypeOf(lib0))
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('reads an integer type byte at the very end as lib0 does (a 0, past the end), skipping too', () => {
    const bytes = new Uint8Array([125])
    expect(readWith(bytes, decoding.readAny)).toEqual({ value: 0, pos: 2 })
    expect(readWith(bytes, readAnyValue)).toEqual({ value: 0, pos: 2 })
    expect(readWith(bytes, skipAnyValue).pos).toBe(2)
  })

  it('fails where readAny fails: unknown types, values cut short, invalid UTF-8', () => {
    const full = encoded({ key: 'shape:a', val: noteRecord('shape:a') })
    const bad = [
      new Uint8Array([115]), // below the known types
      new Uint8Array([128]), // above them
      new Uint8Array([119, 2, 0xc3, 0x28]), // a string that is not UTF-8
      new Uint8Array([123, 0, 0]), // a float64 cut short
      full.subarray(0, full.byteLength - 20),
      new Uint8Array([125, 0x80]), // an integer cut short
      new Uint8Array([125, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]), // an integer past 2^53
      new Uint8Array([118, 1, 0x81]), // an object whose key length is cut short
      new Uint8Array([118, 1, 5, 0x61]), // an object whose key is cut short
      new Uint8Array([117, 2, 119, 0x81]), // a list whose string length is cut short
    ]
    for (const bytes of bad) {
      expect(() => readWith(bytes, decoding.readAny)).toThrow()
      expect(() => readWith(bytes, readAnyValue)).toThrow()
    }
    // Skipping does not decode strings, so only the string that is not UTF-8 gets past it.
    for (const bytes of bad.filter((_, i) => i !== 2)) expect(() => readWith(bytes, skipAnyValue)).toThrow()
  })
})
