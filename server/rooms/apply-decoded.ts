/**
 * Applies an update the record guard has read, handing Yjs the `any` values the guard decoded
 * instead of letting it decode the same bytes again.
 *
 * Decoding JSON values was the largest part of both the guard's and Yjs's work on the relay path,
 * and most of their garbage (BENCHMARKS.md, issue 17, "decode once"). Yjs reads content through
 * the decoder class `applyUpdateV2` is given; this one answers `readAny` from DecodedValues when
 * the value it is asked for starts exactly where one the guard read did, moving past its bytes,
 * and decodes as Yjs would for anything else. The result is the same document either way.
 */
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import type { DecodedValues } from '../sync/update-reader.ts'

/** What the next ReusingDecoder may reuse; set only for the duration of one applyUpdateV2 call. */
let current: DecodedValues | null = null

class ReusingDecoder extends Y.UpdateDecoderV1 {
  private readonly decoded: DecodedValues | null
  private next = 0

  constructor(decoder: decoding.Decoder) {
    super(decoder)
    this.decoded = current !== null && current.source === decoder.arr ? current : null
  }

  override readAny(): unknown {
    const decoded = this.decoded
    if (decoded !== null) {
      const at = this.restDecoder.pos
      const starts = decoded.starts
      let i = this.next
      while (i < starts.length && starts[i]! < at) i++
      this.next = i
      if (i < starts.length && starts[i] === at) {
        this.next = i + 1
        this.restDecoder.pos = decoded.ends[i]!
        return decoded.values[i]
      }
    }
    return decoding.readAny(this.restDecoder)
  }
}

export function applyDecodedUpdate(doc: Y.Doc, update: Uint8Array, origin: unknown, decoded: DecodedValues): void {
  current = decoded
  try {
    Y.applyUpdateV2(doc, update, origin, ReusingDecoder)
  } finally {
    current = null
  }
}
