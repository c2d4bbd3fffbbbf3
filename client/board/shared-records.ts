import type { TLRecord, TLStore } from '@tldraw/tlschema'
import { richTextInRecordProblem } from '../../shared/board/record-rules.ts'

/*
 * Which records belong in the board's shared Yjs document.
 *
 * Only document-scoped records: session records (camera, instance, pointer, page state) are one
 * tab's view, and presence records are carried by Yjs awareness (see presence.ts).
 *
 * User records (`typeName: 'user'`) are document-scoped in tldraw 5, but we keep them out:
 * - the editor writes the current user's record on every mount, also for viewers and for people
 *   who never draw, so every visitor's name would be stored in the board for good;
 * - they describe a person, not the board; names and colours of the people who are here travel in
 *   awareness already.
 * The price: tldraw's "last edited by" label on sticky notes resolves a name through the store's
 * `users.resolve` or a user record. Other people's names show up there only if the app supplies a
 * `users.resolve` (e.g. backed by awareness); without one the label is simply not shown.
 * The rule applies both ways: we neither publish nor accept user records, so every client's store
 * holds only its own.
 */
const UNSHARED_DOCUMENT_TYPES: ReadonlySet<string> = new Set(['user'])

export function isSharedTypeName(store: TLStore, typeName: string): boolean {
  const type = recordTypeOf(store, typeName)
  return type !== undefined && type.scope === 'document' && !UNSHARED_DOCUMENT_TYPES.has(typeName)
}

export function isSharedRecord(store: TLStore, record: TLRecord): boolean {
  return isSharedTypeName(store, record.typeName)
}

export type IncomingCheck =
  | { ok: true; record: TLRecord }
  /** `ignored`: a kind of record we deliberately do not sync; not worth a log line. */
  | { ok: false; ignored: boolean; reason: string }

/**
 * Checks a value that arrived from the doc under `key` before it may enter the store. The doc is
 * written by other clients, possibly older, newer or broken ones, so nothing about the value is
 * taken on trust: its shape, its id, its type and finally tldraw's own validator for that type.
 */
export function checkIncomingRecord(store: TLStore, key: string, value: unknown): IncomingCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, ignored: false, reason: 'not an object' }
  }
  const id: unknown = Reflect.get(value, 'id')
  const typeName: unknown = Reflect.get(value, 'typeName')
  if (id !== key) return { ok: false, ignored: false, reason: `id ${String(id)} does not match its key` }
  if (typeof typeName !== 'string') return { ok: false, ignored: false, reason: 'no typeName' }
  if (UNSHARED_DOCUMENT_TYPES.has(typeName)) return { ok: false, ignored: true, reason: `${typeName} records are not synced` }
  const type = recordTypeOf(store, typeName)
  if (!type) return { ok: false, ignored: false, reason: `unknown record type ${typeName}` }
  if (type.scope !== 'document') return { ok: false, ignored: false, reason: `${typeName} records are not document records` }
  try {
    // The value has passed the structural checks above; tldraw's validator decides the rest and
    // throws if the record is not a valid `typeName` record.
    const candidate = value as TLRecord
    const before = store.get(candidate.id) ?? null
    const record = store.schema.validateRecord(store, candidate, before ? 'updateRecord' : 'createRecord', before)
    // Rich text with nodes the editor does not know throws wherever it is rendered.
    const richText = richTextInRecordProblem(record as unknown as Record<string, unknown>)
    if (richText) return { ok: false, ignored: false, reason: richText }
    return { ok: true, record }
  } catch (error) {
    return { ok: false, ignored: false, reason: error instanceof Error ? error.message : String(error) }
  }
}

function recordTypeOf(store: TLStore, typeName: string): { readonly scope: string } | undefined {
  const types: Readonly<Record<string, { readonly scope: string } | undefined>> = store.schema.types
  return Object.hasOwn(types, typeName) ? types[typeName] : undefined
}
