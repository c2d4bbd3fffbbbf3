import * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { RECORDS_ARRAY, type RecordEntry } from '../../shared/doc-layout.ts'

/*
 * One YKeyValue per room doc, as in the browser (client/board/records-kv.ts): an instance observes
 * its array for the life of the doc and tidies superseded entries, so two on one array would fight.
 */
const cache = new WeakMap<Y.Doc, YKeyValue<unknown>>()

export function docRecords(doc: Y.Doc): YKeyValue<unknown> {
  let kv = cache.get(doc)
  if (!kv) {
    kv = new YKeyValue(doc.getArray<RecordEntry<unknown>>(RECORDS_ARRAY))
    cache.set(doc, kv)
  }
  return kv
}
