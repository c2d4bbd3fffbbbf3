/**
 * One copy of each short string in the records of loaded boards. Yjs decodes every string of a
 * record value afresh, so a board of 100 shapes held ~1,600 separate strings ('shape', 'geo',
 * 'black', 'solid', 'page:page', each shape's id twice: as the entry's key and the record's id),
 * ~43 KiB of the ~150 KiB a loaded idle board cost (BENCHMARKS.md, issue 17). Most of them are
 * the same few words on every record of every board.
 *
 * Pooling replaces each string property of a record, in place, by the first equal string seen:
 * the value is the same, only which copy of it the object points to changes, so neither Yjs (which
 * never compares strings by identity) nor anything else can tell. Objects keep their identity,
 * which the record index relies on. The pool is bounded: strings longer than MAX_LENGTH are left
 * alone (texts are rarely repeated), and once it holds MAX_SIZE strings it starts afresh, so at
 * most a few hundred KiB stay held after every board has unloaded.
 */
const MAX_LENGTH = 64
const MAX_SIZE = 20_000
/** Records nest props, meta and rich text (doc → paragraph → text); deeper is left as it is. */
const MAX_DEPTH = 8

let pool = new Map<string, string>()

function pooled(text: string): string {
  if (text.length > MAX_LENGTH) return text
  const known = pool.get(text)
  if (known !== undefined) return known
  if (pool.size >= MAX_SIZE) pool = new Map()
  pool.set(text, text)
  return text
}

/** Points every short string in `value` (a plain object or array, walked in place) at its pooled copy. */
export function poolStrings(value: unknown, depth = 0): void {
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i]
      if (typeof item === 'string') value[i] = pooled(item)
      else if (typeof item === 'object') poolStrings(item, depth + 1)
    }
    return
  }
  const record = value as Record<string, unknown>
  for (const key in record) {
    const item = record[key]
    if (typeof item === 'string') record[key] = pooled(item)
    else if (typeof item === 'object') poolStrings(item, depth + 1)
  }
}
