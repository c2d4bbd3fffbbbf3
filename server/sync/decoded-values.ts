/**
 * The record values the record guard decoded from an update, by where each starts in it, so that
 * applying that same update right after the check takes them instead of decoding them again
 * (server/sync/apply-update.ts). Yjs would build equal values from the same bytes: our reader
 * gives exactly what lib0's readAny gives (test/unit/server/any-value.test.ts).
 *
 * Handed out only for the very array they were read from, each at most once, in order: Yjs
 * reads an update's structs front to back, as the guard did. A value is a function of the bytes
 * from where it starts, so handing it out wherever Yjs reads a value from that same position is
 * exactly what Yjs would have read, whatever led Yjs there; that holds while the bytes are the
 * same (the same array, which nothing writes to) and the value is unchanged (the guard only
 * reads it; tldraw's validators return what they are given).
 */
import type * as decoding from 'lib0/decoding'

/** What `take` returns when it has no value for the decoder's position. */
export const NOT_DECODED: unique symbol = Symbol('not decoded')

export class DecodedValues {
  private readonly starts: number[] = []
  private readonly ends: number[] = []
  private readonly values: unknown[] = []
  private next = 0

  constructor(private readonly bytes: Uint8Array) {}

  /** `value` was read from `bytes` in [start, end). Calls come in order of `start`. */
  add(start: number, end: number, value: unknown): void {
    this.starts.push(start)
    this.ends.push(end)
    this.values.push(value)
  }

  /** The value that starts where `decoder` stands, moving it past the value; else NOT_DECODED. */
  take(decoder: decoding.Decoder): unknown {
    if (decoder.arr !== this.bytes) return NOT_DECODED
    const pos = decoder.pos
    while (this.next < this.starts.length && this.starts[this.next]! < pos) this.next++
    if (this.next === this.starts.length || this.starts[this.next] !== pos) return NOT_DECODED
    decoder.pos = this.ends[this.next]!
    return this.values[this.next++]
  }
}
