/**
 * The layout of a board's Yjs document. Server, client and exports all read the document through
 * these names, so this file is the contract between them.
 *
 * - `tl_records`: a Y.Array used as a YKeyValue (y-utility): one entry `{ key, val }` per tldraw
 *   record (shapes, bindings, pages, assets), keyed by the record id. YKeyValue keeps the array
 *   compact when records are rewritten, where a Y.Map would keep every old value.
 * - `meta`: a Y.Map with board metadata: the title, and tldraw's serialized schema (written by
 *   the client) so that older clients can tell they must reload.
 */
export const RECORDS_ARRAY = 'tl_records'
export const META_MAP = 'meta'

export const MetaKey = {
  title: 'title',
  createdAt: 'createdAt',
  schema: 'schema',
} as const

/** One entry in the `tl_records` array, as YKeyValue stores it. */
export interface RecordEntry<T = unknown> {
  key: string
  val: T
}
