/**
 * Y.applyUpdate for the server's hot path: the same update format (V1) and the same Yjs code
 * integrating it, only with the record values and names read by our own readers, which give
 * exactly lib0's results (test/unit/server/any-value.test.ts, short-string.test.ts) at a
 * fraction of the cost. Every client update is read twice, once by the record guard and once
 * here; with lib0's TextDecoder per string the second read was most of what applying a typical
 * edit cost.
 *
 * Yjs takes the decoder class as a parameter (applyUpdateV2's YDecoder), so nothing of Yjs is
 * patched: only these two reads change.
 */
import * as Y from 'yjs'
import { readAnyValue } from './any-value.ts'
import { readString } from './short-string.ts'

class RecordUpdateDecoder extends Y.UpdateDecoderV1 {
  override readAny(): unknown {
    return readAnyValue(this.restDecoder)
  }

  override readString(): string {
    return readString(this.restDecoder)
  }
}

/** Y.applyUpdate(doc, update, origin), reading values and names faster. */
export function applyYjsUpdate(doc: Y.Doc, update: Uint8Array, origin?: unknown): void {
  Y.applyUpdateV2(doc, update, origin, RecordUpdateDecoder)
}
