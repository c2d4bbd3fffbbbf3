/**
 * Y.applyUpdate for the server's hot path: the same update format (V1) and the same Yjs code
 * integrating it, only with the record values and names read by our own readers, which give
 * exactly lib0's results (test/unit/server/any-value.test.ts, short-string.test.ts) at a
 * fraction of the cost. Values the record guard has just decoded from this very update are
 * taken as they are (DecodedValues) rather than read a second time.
 *
 * Yjs takes the struct decoder as a parameter (readUpdateV2's structDecoder), so nothing of
 * Yjs is patched: only these two reads change.
 */
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { readAnyValue } from './any-value.ts'
import { NOT_DECODED, type DecodedValues } from './decoded-values.ts'
import { readString } from './short-string.ts'

class RecordUpdateDecoder extends Y.UpdateDecoderV1 {
  constructor(
    decoder: decoding.Decoder,
    private readonly decoded: DecodedValues | null,
  ) {
    super(decoder)
  }

  override readAny(): unknown {
    if (this.decoded !== null) {
      const value = this.decoded.take(this.restDecoder)
      if (value !== NOT_DECODED) return value
    }
    return readAnyValue(this.restDecoder)
  }

  override readString(): string {
    return readString(this.restDecoder)
  }
}

/**
 * Y.applyUpdate(doc, update, origin), reading values and names faster. `decoded`: what the
 * record guard read from `update` (its verdict's), which the document then holds as they are.
 */
export function applyYjsUpdate(doc: Y.Doc, update: Uint8Array, origin?: unknown, decoded: DecodedValues | null = null): void {
  const decoder = decoding.createDecoder(update)
  Y.readUpdateV2(decoder, doc, origin, new RecordUpdateDecoder(decoder, decoded))
}
