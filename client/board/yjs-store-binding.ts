// Not from 'tldraw': the phone view runs this before the canvas (and tldraw's bundle) is loaded.
import { atom, computed, unsafe__withoutCapture, type Signal } from '@tldraw/state'
import type { HistoryEntry, SerializedSchemaV2, SerializedStore } from '@tldraw/store'
import type { TLRecord, TLStore } from '@tldraw/tlschema'
import { isEqual } from '@tldraw/utils'
import * as Y from 'yjs'
import { META_MAP, MetaKey } from '../../shared/doc-layout.ts'
import { onRecordsChange, recordsKeyValue, type RecordsChangeHandler } from './records-kv.ts'
import { compareSchemas, type SchemaRelation } from './schema-compat.ts'
import { checkIncomingRecord, isSharedRecord, isSharedTypeName } from './shared-records.ts'
import { consoleSyncLogger, type SyncLogger } from './sync-logger.ts'
import { sequencesUsedBy } from '../../shared/board/schema-sequences.ts'
import { parentLoopIn } from '../../shared/board/record-rules.ts'

/**
 * - `compatible`: the board's schema is ours or older (and has been migrated).
 * - `too-new`: the board was written by a newer client; reload to get it.
 * - `unmigratable`: the board's schema is older but tldraw could not migrate it.
 * In the last two the binding shows what it can and writes nothing.
 */
export type SchemaStatus = 'compatible' | 'too-new' | 'unmigratable'

export interface BindStoreToDocOptions {
  /**
   * The Yjs transaction origin of every write this binding makes. It is how the binding recognises
   * its own changes coming back; pass your own if something else (an UndoManager, a provider) must
   * recognise them too. Defaults to a fresh symbol per binding.
   */
  origin?: unknown
  logger?: SyncLogger
  /**
   * The holder of this link may not edit the board (a viewer). The server drops their updates
   * anyway; not writing keeps their local doc identical to the board.
   */
  readOnly?: boolean
  /**
   * When several docs feed one store (the board, its locked structure, one's private notes),
   * which records this doc is home to. Without a layer the doc is home to every record.
   */
  layer?: StoreLayer
}

export interface StoreLayer {
  /** This doc is where record `id` lives (or will live, for a new record): only these are written. */
  owns(id: string): boolean
  /** Another doc holds `id`: a delete in this doc (a record moving out) must not remove it. */
  heldElsewhere(id: string): boolean
  /**
   * Local edits to records this read-only doc owns are put back to the doc's value: content a
   * participant may not change (locked by the facilitator) must not silently differ on their screen.
   */
  revertLocalEdits?: boolean
}

const WHOLE_STORE: StoreLayer = { owns: () => true, heldElsewhere: () => false }

export interface YjsStoreBinding {
  readonly origin: unknown
  readonly schemaStatus: Signal<SchemaStatus>
  /** The board needs a newer client: the UI should say "vernieuw de pagina" and lock the editor. */
  readonly schemaTooNew: Signal<boolean>
  /** Whether local edits reach the board. When false the editor should be read-only. */
  readonly canWrite: Signal<boolean>
  /** Delivers pending local edits to the doc, then stops syncing in both directions. */
  dispose(): void
}

type RecordId = TLRecord['id']

/**
 * Keeps a tldraw store and a board's Yjs document in step, in both directions.
 *
 * Bind once the provider has synced the doc (or a persisted copy is loaded): the doc is the source
 * of truth on bind, and an empty doc cannot be told apart from a not-yet-loaded one.
 */
export function bindStoreToDoc(
  store: TLStore,
  doc: Y.Doc,
  options: BindStoreToDocOptions = {},
): YjsStoreBinding {
  const origin: unknown = options.origin ?? Symbol('tldraw-store-binding')
  const logger = options.logger ?? consoleSyncLogger
  const readOnly = options.readOnly ?? false
  const layer = options.layer ?? WHOLE_STORE
  const kv = recordsKeyValue(doc)
  const meta = doc.getMap<unknown>(META_MAP)
  const ourSchema: SerializedSchemaV2 = store.schema.serialize()

  // A plain variable drives the binding itself; the atom is only for the UI. Reading an atom inside
  // the store listener would make the store's history reactor depend on it.
  let status: SchemaStatus = 'compatible'
  const $status = atom<SchemaStatus>('yjs-store-binding.schemaStatus', status)
  const setStatus = (next: SchemaStatus) => {
    status = next
    $status.set(next)
  }
  let disposed = false
  const mayWrite = () => !readOnly && status === 'compatible' && !disposed

  // --- Doc → store ---------------------------------------------------------------------------

  /**
   * Applies checked records to the store as remote changes, so they never enter the local undo
   * stack. One batch in the common case; if tldraw still throws (a side effect, an integrity
   * check), retry record by record so that one bad record cannot hold back the others.
   */
  const applyToStore = (puts: TLRecord[], removes: RecordId[]) => {
    if (puts.length === 0 && removes.length === 0) return
    try {
      store.mergeRemoteChanges(() => {
        if (removes.length > 0) store.remove(removes)
        if (puts.length > 0) store.put(puts)
      })
      return
    } catch (error) {
      logger.warn('applying a batch from the board failed; applying record by record', {
        error: messageOf(error),
      })
    }
    for (const id of removes) {
      tryApply(id, () => store.remove([id]))
    }
    for (const record of puts) {
      tryApply(record.id, () => store.put([record]))
    }
  }

  const tryApply = (id: RecordId, apply: () => void) => {
    try {
      store.mergeRemoteChanges(apply)
    } catch (error) {
      logger.warn('skipped a record from the board', { id, reason: messageOf(error) })
    }
  }

  /** Checks values read from the doc; returns the ones fit for the store and logs the rest. */
  const acceptable = (entries: Iterable<[string, unknown]>): TLRecord[] => {
    const accepted: TLRecord[] = []
    for (const [key, value] of entries) {
      const check = checkIncomingRecord(store, key, value)
      if (check.ok) accepted.push(check.record)
      else if (!check.ignored) logger.warn('skipped a record from the board', { id: key, reason: check.reason })
    }
    return withoutParentLoops(accepted)
  }

  /**
   * Shapes whose parents loop (a shape inside itself) hang tldraw for good: they are skipped and
   * logged. The server refuses them; this is for what slips through (an older server). Parents
   * that are not here yet are fine: the board's documents arrive one after another.
   */
  const withoutParentLoops = (records: TLRecord[]): TLRecord[] => {
    const incoming = new Map<string, TLRecord>()
    for (const record of records) if (record.typeName === 'shape') incoming.set(record.id, record)
    if (incoming.size === 0) return records
    const lookup = (id: string): unknown => incoming.get(id) ?? store.get(id as RecordId)
    const looping = new Set<string>()
    for (const id of incoming.keys()) {
      if (looping.has(id)) continue
      for (const member of parentLoopIn(id, lookup)) looping.add(member)
    }
    if (looping.size === 0) return records
    for (const id of looping) logger.warn('skipped a record from the board', { id, reason: 'its parents form a loop' })
    return records.filter((record) => !looping.has(record.id))
  }

  const onRemoteRecords: RecordsChangeHandler = (changes, transaction) => {
    // Only our own writes are skipped, not every local transaction: another module on this client
    // that writes to the doc directly must still see its change reach the canvas.
    if (disposed || transaction.origin === origin) return
    const removes: RecordId[] = []
    const incoming: Array<[string, unknown]> = []
    for (const [key, change] of changes) {
      if (change.action === 'delete') {
        // Only shared kinds of records may be removed by the board; the store's session and
        // presence records are this tab's own. The ids come from the doc, so they are checked
        // against the store before being trusted as record ids.
        if (isSharedTypeName(store, typeNameOfId(key)) && store.has(key as RecordId) && !layer.heldElsewhere(key)) {
          removes.push(key as RecordId)
        }
      } else {
        incoming.push([key, change.newValue])
      }
    }
    const puts = acceptable(incoming).filter((record) => !isEqual(store.get(record.id), record))
    applyToStore(puts, removes)
  }

  const onMetaChange = (event: Y.YMapEvent<unknown>, transaction: Y.Transaction) => {
    if (disposed || transaction.origin === origin || !event.keysChanged.has(MetaKey.schema)) return
    const relation = compareSchemas(meta.get(MetaKey.schema), ourSchema, inUse())
    if (relation.kind === 'newer' && status !== 'too-new') {
      // A newer client upgraded the board while we had it open. Stop writing at once: our records
      // would be in the old format under the new label. Older or missing labels are put right by
      // our next write (see labelBoard).
      logger.warn('the board was upgraded by a newer client; no longer writing', { reasons: relation.reasons })
      setStatus('too-new')
    }
  }

  // --- Store → doc ---------------------------------------------------------------------------

  /** The sequences the board's records use: an unknown one no record uses does not lock the board. */
  const inUse = () => sequencesUsedBy([...kv.map.values()].map((entry) => entry.val))

  /**
   * Whether this client may write to the board. The label (meta.schema) is the server's: it writes
   * it when it creates a board and migrates boards when it loads them, and refuses a client that
   * writes meta. Returns false when the board turned out to be newer: then nothing may be written.
   */
  const labelBoard = (): boolean => {
    const relation = compareSchemas(meta.get(MetaKey.schema), ourSchema, inUse())
    if (relation.kind === 'newer') {
      setStatus('too-new')
      return false
    }
    return true
  }

  /**
   * Makes the doc hold, for every id in `touched`, what the store holds now. Using the store's
   * current value rather than the value in the change is deliberate: the store listener delivers
   * changes a frame late, and a remote change to the same record may have landed in between; writing
   * the stale local value would leave this store and the doc disagreeing.
   */
  const writeToDoc = (touched: Iterable<TLRecord>) => {
    const sets: TLRecord[] = []
    const deletes: RecordId[] = []
    for (const seen of touched) {
      if (!isSharedRecord(store, seen) || !layer.owns(seen.id)) continue
      const current = store.get(seen.id)
      const inDoc = kv.get(seen.id)
      if (current) {
        if (inDoc !== current && !isEqual(inDoc, current)) sets.push(current)
      } else if (kv.has(seen.id)) {
        deletes.push(seen.id)
      }
    }
    if (sets.length === 0 && deletes.length === 0) return
    doc.transact(() => {
      if (!labelBoard()) return
      for (const record of sets) kv.set(record.id, record)
      for (const id of deletes) kv.delete(id)
    }, origin)
  }

  const onLocalChanges = ({ changes }: HistoryEntry<TLRecord>) => {
    const touched = new Map<RecordId, TLRecord>()
    for (const record of Object.values(changes.added)) touched.set(record.id, record)
    for (const [, to] of Object.values(changes.updated)) touched.set(to.id, to)
    for (const record of Object.values(changes.removed)) touched.set(record.id, record)
    if (readOnly && layer.revertLocalEdits) revertToDoc(touched.keys())
    if (!mayWrite()) return
    writeToDoc(touched.values())
  }

  /** Puts the doc's value of every owned record back into the store. */
  const revertToDoc = (ids: Iterable<RecordId>) => {
    const puts: TLRecord[] = []
    const removes: RecordId[] = []
    for (const id of ids) {
      if (!kv.has(id) || !layer.owns(id)) continue
      const inDoc = acceptable([[id, kv.get(id)]])[0]
      if (inDoc && !isEqual(store.get(id), inDoc)) puts.push(inDoc)
      else if (!inDoc && store.has(id)) removes.push(id)
    }
    applyToStore(puts, removes)
  }

  // --- Bind ----------------------------------------------------------------------------------

  const load = () => {
    const entries: Array<[string, unknown]> = [...kv.map].map(([key, entry]) => [key, entry.val])
    const relation = compareSchemas(meta.get(MetaKey.schema), ourSchema, sequencesUsedBy(entries.map(([, value]) => value)))
    switch (relation.kind) {
      case 'newer':
        logger.warn('the board was written by a newer client; read-only until reload', {
          reasons: relation.reasons,
        })
        setStatus('too-new')
        applyToStore(acceptable(entries), [])
        return
      case 'invalid':
        logger.warn('the board has an unreadable schema; it will be relabelled on the first edit', {})
        applyToStore(acceptable(entries), [])
        return
      case 'missing':
      case 'same':
        applyToStore(acceptable(entries), [])
        return
      case 'older':
        loadOlder(relation, entries)
        return
    }
  }

  const loadOlder = (relation: Extract<SchemaRelation, { kind: 'older' }>, entries: Array<[string, unknown]>) => {
    // The snapshot migration looks up every record's type and throws on one it does not know, so
    // only plausible records of shared types go in; the rest is logged and left alone.
    const snapshot: Record<string, unknown> = {}
    for (const [key, value] of entries) {
      const typeName = typeNameOf(value)
      if (idOf(value) === key && typeName !== undefined && isSharedTypeName(store, typeName)) {
        snapshot[key] = value
      } else if (typeName !== 'user') {
        logger.warn('skipped a record from the board', { id: key, reason: 'not a record of a known type' })
      }
    }
    const result = store.schema.migrateStoreSnapshot({
      schema: relation.stored,
      // Checked above to be objects with a matching id and a known typeName; tldraw's migrations
      // work on exactly such records, and validation of the result follows.
      store: snapshot as SerializedStore<TLRecord>,
    })
    if (result.type === 'error') {
      logger.error('could not migrate the board to this client’s schema; read-only', { reason: result.reason })
      setStatus('unmigratable')
      applyToStore(acceptable(entries), [])
      return
    }
    // A record that is invalid even after migration is logged and stays as it was in the doc; it
    // was unusable before and remains so, but it must not stop the rest of the board upgrading.
    const migrated = acceptable(Object.entries(result.value))
    applyToStore(migrated, [])
    // Nothing is written back: the server migrates stored boards when it loads them and owns the
    // label (a client writing meta is refused). This board is older only when this client is
    // newer than its server; the records are shown migrated meanwhile.
    logger.warn('the board is older than this client; shown migrated, the server relabels it', {})
  }

  load()
  // Records the store held before binding (none, normally) are local edits the board has not seen.
  // (Not what the doc holds already: a board shown migrated is the server's to rewrite.)
  if (mayWrite()) writeToDoc(store.allRecords().filter((record) => !kv.has(record.id)))

  /*
   * Store listeners run inside the store's history reaction, and Yjs observers run inside whatever
   * reaction made the doc change. What our handlers read (and what the other side's handlers read,
   * when one change sets off the next) must not become dependencies of those reactions.
   */
  const stopListening = store.listen((entry) => unsafe__withoutCapture(() => onLocalChanges(entry)), {
    source: 'user',
    scope: 'document',
  })
  const stopRemote = onRecordsChange(kv, (changes, transaction) =>
    unsafe__withoutCapture(() => onRemoteRecords(changes, transaction)),
  )
  const observeMeta = (event: Y.YMapEvent<unknown>, transaction: Y.Transaction) =>
    unsafe__withoutCapture(() => onMetaChange(event, transaction))
  meta.observe(observeMeta)

  return {
    origin,
    schemaStatus: $status,
    schemaTooNew: computed('yjs-store-binding.schemaTooNew', () => $status.get() === 'too-new'),
    canWrite: computed('yjs-store-binding.canWrite', () => !readOnly && $status.get() === 'compatible'),
    dispose() {
      if (disposed) return
      // The store hands changes to listeners once per frame; deliver what is pending so that an
      // edit made just before the board closes is not lost.
      store._flushHistory()
      disposed = true
      stopListening()
      stopRemote()
      meta.unobserve(observeMeta)
    },
  }
}

/** Record ids are `${typeName}:${rest}`; used for deletes, where only the id is trustworthy. */
function typeNameOfId(id: string): string {
  const colon = id.indexOf(':')
  return colon === -1 ? '' : id.slice(0, colon)
}

function idOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, 'id') : undefined
}

function typeNameOf(value: unknown): string | undefined {
  const typeName: unknown = typeof value === 'object' && value !== null ? Reflect.get(value, 'typeName') : undefined
  return typeof typeName === 'string' ? typeName : undefined
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
