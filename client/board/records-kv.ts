import type { TLRecord } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { RECORDS_ARRAY, type RecordEntry } from '../../shared/doc-layout.ts'

/**
 * What YKeyValue reports per key in its `change` event. Values are typed `unknown` on purpose:
 * anything can arrive from another client, so callers must check a value before trusting it as a
 * TLRecord.
 */
export type RecordsChange =
  | { action: 'add'; newValue: unknown }
  | { action: 'update'; oldValue: unknown; newValue: unknown }
  | { action: 'delete'; oldValue: unknown }

export type RecordsChangeHandler = (changes: Map<string, RecordsChange>, transaction: Y.Transaction) => void

/** The board's records as YKeyValue sees them; values from the doc are not yet checked. */
export type RecordsKeyValue = YKeyValue<TLRecord>

/*
 * One YKeyValue per doc. A YKeyValue observes its array for the life of the doc (it has no way to
 * stop), and every instance rewrites the array to drop superseded entries; two instances on one
 * array would each do that cleanup with their own idea of the indexes. So every client module that
 * touches `tl_records` must go through here instead of calling `new YKeyValue` itself.
 */
const cache = new WeakMap<Y.Doc, RecordsKeyValue>()

export function recordsKeyValue(doc: Y.Doc): RecordsKeyValue {
  let kv = cache.get(doc)
  if (!kv) {
    kv = new YKeyValue(doc.getArray<RecordEntry<TLRecord>>(RECORDS_ARRAY))
    cache.set(doc, kv)
  }
  return kv
}

/*
 * lib0's (deprecated) Observable types listeners as `Function`, so these wrappers pin down the
 * signature that y-keyvalue.js actually emits: `emit('change', [changes, transaction])`.
 */
export function onRecordsChange(kv: RecordsKeyValue, handler: RecordsChangeHandler): () => void {
  kv.on('change', handler)
  return () => kv.off('change', handler)
}
