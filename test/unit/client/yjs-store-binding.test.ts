import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createShapeId,
  createUserId,
  HistoryManager,
  UserRecordType,
  type HistoryEntry,
  type SerializedSchemaV2,
  type TLGeoShape,
  type TLNoteShape,
  type TLRecord,
  type TLStore,
} from 'tldraw'
import * as Y from 'yjs'
import { META_MAP, MetaKey } from '../../../shared/doc-layout.ts'
import { recordsKeyValue } from '../../../client/board/records-kv.ts'
import { bindStoreToDoc, type BindStoreToDocOptions, type YjsStoreBinding } from '../../../client/board/yjs-store-binding.ts'
import {
  countOutgoingUpdates,
  docRecords,
  editorDefaults,
  geoShape,
  linkDocs,
  makeStore,
  memoryLogger,
  noteShape,
  storeRecords,
  type MemoryLogger,
} from './board-fixtures.ts'

interface Client {
  doc: Y.Doc
  store: TLStore
  logger: MemoryLogger
  binding: YjsStoreBinding
}

const bindings: YjsStoreBinding[] = []
afterEach(() => {
  for (const binding of bindings.splice(0)) binding.dispose()
})

function client(doc: Y.Doc = new Y.Doc(), options: BindStoreToDocOptions = {}): Client {
  const store = makeStore()
  const logger = memoryLogger()
  const binding = bindStoreToDoc(store, doc, { logger, ...options })
  bindings.push(binding)
  return { doc, store, logger, binding }
}

/** Two clients on one board; the first has mounted its editor (document and page exist). */
function twoClients() {
  const docA = new Y.Doc()
  const docB = new Y.Doc()
  const link = linkDocs(docA, docB)
  const a = client(docA)
  const b = client(docB)
  a.store.put(editorDefaults())
  return { a, b, link }
}

/** A doc written to directly, as another (possibly misbehaving) client would. */
function rawPeerOf(doc: Y.Doc) {
  const raw = new Y.Doc()
  linkDocs(raw, doc)
  const kv = recordsKeyValue(raw)
  return {
    raw,
    /** Values are deliberately untyped: this is how arbitrary data reaches the board. */
    write(entries: Array<[string, unknown]>) {
      raw.transact(() => {
        // YKeyValue is typed for TLRecord values; a misbehaving client is not bound by that.
        for (const [key, value] of entries) kv.set(key, value as TLRecord)
      }, 'another client')
    },
  }
}

function shapeOn(store: TLStore, name: string): TLGeoShape | undefined {
  const record = store.get(createShapeId(name))
  return record?.typeName === 'shape' && record.type === 'geo' ? record : undefined
}

function idOf(key: string): TLRecord['id'] {
  // Test-only: looking up arbitrary keys, including ones that are not valid record ids.
  return key as TLRecord['id']
}

function seedBoard(doc: Y.Doc, schema: unknown, records: TLRecord[]) {
  const kv = recordsKeyValue(doc)
  doc.transact(() => {
    if (schema !== undefined) doc.getMap<unknown>(META_MAP).set(MetaKey.schema, schema)
    for (const record of records) kv.set(record.id, record)
  }, 'seed')
}

describe('bindStoreToDoc: syncing edits', () => {
  it('a shape created on one client appears on the other', () => {
    const { a, b } = twoClients()
    a.store.put([geoShape('box', { x: 40 })])
    expect(shapeOn(b.store, 'box')?.x).toBe(40)
    expect(b.store.get(editorDefaults()[1]!.id)).toEqual(editorDefaults()[1])
  })

  it('an update to a shape reaches the other client', () => {
    const { a, b } = twoClients()
    a.store.put([geoShape('box')])
    b.store.update(createShapeId('box'), (shape) => ({ ...shape, x: 120, y: -8 }))
    expect(shapeOn(a.store, 'box')).toMatchObject({ x: 120, y: -8 })
  })

  it('a deleted shape disappears on the other client and from both docs', () => {
    const { a, b } = twoClients()
    a.store.put([geoShape('box'), geoShape('keep')])
    b.store.remove([createShapeId('box')])
    expect(a.store.has(createShapeId('box'))).toBe(false)
    expect(a.store.has(createShapeId('keep'))).toBe(true)
    expect(docRecords(a.doc)).not.toHaveProperty(createShapeId('box'))
    expect(docRecords(b.doc)).not.toHaveProperty(createShapeId('box'))
  })

  it('records already on the board are loaded into the store on bind', () => {
    const doc = new Y.Doc()
    seedBoard(doc, makeStore().schema.serialize(), [...editorDefaults(), geoShape('box', { x: 7 })])
    const late = client(doc)
    expect(shapeOn(late.store, 'box')?.x).toBe(7)
    expect(storeRecords(late.store)).toEqual(docRecords(doc))
  })

  it('each batch of local changes is written in exactly one Yjs transaction with the binding’s origin', () => {
    const { a } = twoClients()
    // Counted by update: YKeyValue also runs an (empty) bookkeeping transaction of its own.
    const origins: unknown[] = []
    a.doc.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin))
    a.store.put([geoShape('one'), geoShape('two'), geoShape('three')])
    expect(origins).toEqual([a.binding.origin])
    expect(Object.keys(docRecords(a.doc))).toEqual(
      expect.arrayContaining([createShapeId('one'), createShapeId('two'), createShapeId('three')]),
    )
  })

  it('a record the store held before binding is written to the board', () => {
    const doc = new Y.Doc()
    const store = makeStore()
    store.put([...editorDefaults(), geoShape('early')])
    bindings.push(bindStoreToDoc(store, doc, { logger: memoryLogger() }))
    expect(docRecords(doc)[createShapeId('early')]).toEqual(geoShape('early'))
  })

  it('after dispose, edits no longer flow in either direction', () => {
    const { a, b } = twoClients()
    b.binding.dispose()
    a.store.put([geoShape('after')])
    b.store.put([geoShape('local-only')])
    expect(b.store.has(createShapeId('after'))).toBe(false)
    expect(docRecords(b.doc)).not.toHaveProperty(createShapeId('local-only'))
  })
})

describe('bindStoreToDoc: convergence', () => {
  it('concurrent edits made while disconnected converge in both stores and both docs', () => {
    const { a, b, link } = twoClients()
    a.store.put([geoShape('shared'), geoShape('doomed')])
    link.pause()
    a.store.update(createShapeId('shared'), (shape) => ({ ...shape, x: 10 }))
    a.store.put([geoShape('from-a')])
    b.store.update(createShapeId('shared'), (shape) => ({ ...shape, x: 20 }))
    b.store.remove([createShapeId('doomed')])
    b.store.put([geoShape('from-b')])
    link.resume()

    expect(storeRecords(a.store)).toEqual(storeRecords(b.store))
    expect(docRecords(a.doc)).toEqual(docRecords(b.doc))
    expect(storeRecords(a.store)).toEqual(docRecords(a.doc))
    // Whole records are the unit of conflict: one of the two x values wins everywhere.
    expect([10, 20]).toContain(shapeOn(a.store, 'shared')?.x)
    expect(a.store.has(createShapeId('doomed'))).toBe(false)
    expect(a.store.has(createShapeId('from-b'))).toBe(true)
    expect(b.store.has(createShapeId('from-a'))).toBe(true)
  })

  it('two first visitors who both create the document and page end up with one of each', () => {
    const docA = new Y.Doc()
    const docB = new Y.Doc()
    const link = linkDocs(docA, docB)
    const a = client(docA)
    const b = client(docB)
    link.pause()
    a.store.put(editorDefaults())
    b.store.put(editorDefaults())
    link.resume()

    expect(storeRecords(a.store)).toEqual(storeRecords(b.store))
    expect(docRecords(docA)).toEqual(docRecords(docB))
    expect(Object.keys(docRecords(docA)).sort()).toEqual(['document:document', 'page:page'])
    // YKeyValue has dropped the superseded duplicates from the array itself, on both sides.
    expect(recordsKeyValue(docA).yarray.length).toBe(2)
    expect(recordsKeyValue(docB).yarray.length).toBe(2)
  })
})

describe('bindStoreToDoc: convergence under random concurrent edits', () => {
  it('three clients editing, deleting and dropping off at random all end with the server’s records', () => {
    // A fixed-seed generator, so that a failure can be replayed (Yjs client ids still vary).
    let seed = 20240611
    const random = () => {
      seed = (seed * 16807) % 2147483647
      return seed / 2147483647
    }
    const pick = (n: number) => Math.floor(random() * n)
    let shapesAtTheEnd = 0

    for (let round = 0; round < 20; round++) {
      const server = new Y.Doc()
      const clients = [0, 1, 2].map(() => client())
      const links = clients.map((c) => linkDocs(server, c.doc))
      for (const c of clients) if (random() < 0.7) c.store.put(editorDefaults())

      for (let step = 0; step < 40; step++) {
        const i = pick(3)
        const { store } = clients[i]!
        const name = `s${pick(5)}`
        const id = createShapeId(name)
        const roll = random()
        if (roll < 0.15) links[i]!.pause()
        else if (roll < 0.3) links[i]!.resume()
        else if (roll < 0.6) store.put([geoShape(name, { x: pick(100) })])
        else if (roll < 0.8 && store.has(id)) store.update(id, (shape) => ({ ...shape, y: pick(100) }))
        else store.remove([id])
      }
      for (const link of links) link.resume()

      const truth = docRecords(server)
      shapesAtTheEnd += Object.keys(truth).filter((key) => key.startsWith('shape:')).length
      for (const c of clients) {
        expect(docRecords(c.doc)).toEqual(truth)
        expect(storeRecords(c.store)).toEqual(truth)
      }
    }
    // The rounds did leave shapes to agree on, not just empty boards.
    expect(shapesAtTheEnd).toBeGreaterThan(20)
  })
})

describe('bindStoreToDoc: undo', () => {
  it('a remote edit is not in the local undo stack', () => {
    const { a, b } = twoClients()
    a.store.put([geoShape('theirs')])
    b.store.put([geoShape('mine')])
    const history = new HistoryManager({ store: b.store })
    const remoteEntries: Array<HistoryEntry<TLRecord>> = []
    const stopListening = b.store.listen((entry) => remoteEntries.push(entry), { source: 'remote' })

    b.store.update(createShapeId('mine'), (shape) => ({ ...shape, x: 50 }))
    const undosBefore = history.getNumUndos()
    a.store.update(createShapeId('theirs'), (shape) => ({ ...shape, x: 999 }))
    stopListening()

    expect(shapeOn(b.store, 'theirs')?.x).toBe(999)
    expect(history.getNumUndos()).toBe(undosBefore)
    expect(remoteEntries.some((entry) => createShapeId('theirs') in entry.changes.updated)).toBe(true)

    history.undo()
    expect(shapeOn(b.store, 'mine')?.x).toBe(0)
    expect(shapeOn(b.store, 'theirs')?.x).toBe(999)
    // Undo is a local edit like any other, so the other client sees it too.
    expect(shapeOn(a.store, 'mine')?.x).toBe(0)
    history.dispose()
  })
})

describe('bindStoreToDoc: with the store’s listeners batched per frame, as in a browser', () => {
  // Vitest runs tldraw's frame scheduler synchronously; this flag makes it use animation frames,
  // which we hand out ourselves.
  const flags = globalThis as { __FORCE_RAF_IN_TESTS__?: boolean }
  const originalRaf = globalThis.requestAnimationFrame
  const originalCancel = globalThis.cancelAnimationFrame
  let frames: FrameRequestCallback[] = []

  beforeEach(() => {
    frames = []
    flags.__FORCE_RAF_IN_TESTS__ = true
    globalThis.requestAnimationFrame = (callback) => frames.push(callback)
    globalThis.cancelAnimationFrame = () => {}
  })
  afterEach(() => {
    delete flags.__FORCE_RAF_IN_TESTS__
    globalThis.requestAnimationFrame = originalRaf
    globalThis.cancelAnimationFrame = originalCancel
  })

  async function runFrames() {
    for (let i = 0; i < 50 && frames.length > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10))
      for (const frame of frames.splice(0)) frame(performance.now())
    }
  }

  it('a local edit overtaken by a remote edit before it was sent leaves every copy agreeing', async () => {
    const { a, b } = twoClients()
    a.store.put([geoShape('contested')])
    await runFrames()
    expect(shapeOn(b.store, 'contested')?.x).toBe(0)

    // B edits; the change waits for the next frame to reach B's listener.
    b.store.update(createShapeId('contested'), (shape) => ({ ...shape, x: 10 }))
    // Meanwhile another client's edit of the same shape arrives and is applied at once.
    rawPeerOf(a.doc).write([[createShapeId('contested'), geoShape('contested', { x: 20 })]])
    expect(shapeOn(b.store, 'contested')?.x).toBe(20)
    await runFrames()

    const x = shapeOn(b.store, 'contested')?.x
    expect(shapeOn(a.store, 'contested')?.x).toBe(x)
    expect((docRecords(a.doc)[createShapeId('contested')] as TLGeoShape).x).toBe(x)
    expect((docRecords(b.doc)[createShapeId('contested')] as TLGeoShape).x).toBe(x)
  })
})

describe('bindStoreToDoc: bad data from the board', () => {
  it('an invalid record from the board is skipped and logged while valid ones in the same change apply', () => {
    const { b } = twoClients()
    const broken = geoShape('broken')
    rawPeerOf(b.doc).write([
      [createShapeId('fine'), geoShape('fine', { x: 5 })],
      [broken.id, { ...broken, props: { ...broken.props, w: 'wide' } }],
      ['widget:1', { id: 'widget:1', typeName: 'widget' }],
      ['shape:liar', geoShape('someone-else')],
      ['shape:scalar', 42],
    ])

    expect(shapeOn(b.store, 'fine')?.x).toBe(5)
    for (const key of [broken.id, 'widget:1', 'shape:liar', 'shape:scalar']) {
      expect(b.store.has(idOf(key))).toBe(false)
      expect(b.logger.warnings.map((warning) => warning.context?.id)).toContain(key)
    }
  })

  it('a record tldraw rejects while applying it is skipped, and the rest of the batch still applies', () => {
    const { b } = twoClients()
    // Validation passes, but something in the store (here a side effect) throws for this record.
    b.store.sideEffects.registerBeforeCreateHandler('shape', (shape) => {
      if (shape.id === createShapeId('cursed')) throw new Error('cannot create this shape')
      return shape
    })
    rawPeerOf(b.doc).write([
      [createShapeId('cursed'), geoShape('cursed')],
      [createShapeId('blessed'), geoShape('blessed')],
    ])
    expect(b.store.has(createShapeId('cursed'))).toBe(false)
    expect(b.store.has(createShapeId('blessed'))).toBe(true)
    expect(b.logger.warnings.map((warning) => warning.context?.id)).toContain(createShapeId('cursed'))
  })

  it('a later valid change still applies after an invalid one', () => {
    const { b } = twoClients()
    const peer = rawPeerOf(b.doc)
    const broken = geoShape('box')
    peer.write([[broken.id, { ...broken, x: 'left' }]])
    peer.write([[broken.id, geoShape('box', { x: 3 })]])
    expect(shapeOn(b.store, 'box')?.x).toBe(3)
  })

  it('invalid and unknown records already on the board are skipped on bind without stopping the load', () => {
    const doc = new Y.Doc()
    seedBoard(doc, makeStore().schema.serialize(), [...editorDefaults(), geoShape('good')])
    const broken = geoShape('bad')
    rawPeerOf(doc).write([
      [broken.id, { ...broken, rotation: 'sideways' }],
      ['gadget:1', { id: 'gadget:1', typeName: 'gadget' }],
      // Session records are one tab's own and must never come from the board.
      ['instance:instance', { id: 'instance:instance', typeName: 'instance' }],
    ])
    const late = client(doc)
    expect(late.store.has(createShapeId('good'))).toBe(true)
    expect(late.store.has(broken.id)).toBe(false)
    // The store makes its own instance record (tldraw's integrity check); the board's is ignored.
    expect(late.store.get(idOf('instance:instance'))).not.toEqual({ id: 'instance:instance', typeName: 'instance' })
    expect(late.logger.warnings.map((warning) => warning.context?.id)).toEqual(
      expect.arrayContaining([broken.id, 'gadget:1', 'instance:instance']),
    )
  })

  it('user records stay out of the board in both directions', () => {
    const { a, b } = twoClients()
    a.store.put([UserRecordType.create({ id: createUserId('alice'), name: 'Alice', color: '#e03131' })])
    expect(docRecords(a.doc)).not.toHaveProperty('user:alice')
    expect(b.store.has(createUserId('alice'))).toBe(false)

    rawPeerOf(b.doc).write([['user:bob', UserRecordType.create({ id: createUserId('bob'), name: 'Bob', color: '#1971c2' })]])
    expect(b.store.has(createUserId('bob'))).toBe(false)
    // Deliberately not synced is not an error.
    expect(b.logger.warnings).toEqual([])
  })
})

describe('bindStoreToDoc: schema', () => {
  const ours = (): SerializedSchemaV2 => makeStore().schema.serialize()
  const NOTE = 'com.tldraw.shape.note'

  it('never writes the board’s label: meta is the server’s (it labels boards when it creates them)', () => {
    const doc = new Y.Doc()
    const outgoing = countOutgoingUpdates(doc)
    const first = client(doc)
    expect(outgoing.count).toBe(0)

    first.store.put(editorDefaults())
    expect(outgoing.count).toBeGreaterThan(0)
    expect(doc.getMap(META_MAP).get(MetaKey.schema)).toBeUndefined()
    expect(first.binding.schemaTooNew.get()).toBe(false)
    expect(first.binding.canWrite.get()).toBe(true)
  })

  it('an unknown sequence in the label that no record uses does not make the board read-only', () => {
    const doc = new Y.Doc()
    seedBoard(doc, { schemaVersion: 2, sequences: { ...ours().sequences, 'com.evil.future': 1 } }, [...editorDefaults(), geoShape('box')])
    const c = client(doc)
    expect(c.binding.schemaTooNew.get()).toBe(false)
    expect(c.binding.canWrite.get()).toBe(true)
    c.store.put([geoShape('after', { x: 5 })])
    expect(docRecords(doc)[createShapeId('after')]).toBeDefined()
  })

  it('skips and logs shapes whose parents form a loop instead of hanging', () => {
    const doc = new Y.Doc()
    seedBoard(doc, ours(), [...editorDefaults(), geoShape('fine')])
    const a = geoShape('loop-a')
    const b = geoShape('loop-b')
    const self = geoShape('self')
    const c = client(doc)
    rawPeerOf(doc).write([
      [a.id, { ...a, parentId: b.id }],
      [b.id, { ...b, parentId: a.id }],
      [self.id, { ...self, parentId: self.id }],
    ])
    expect(c.store.has(a.id) || c.store.has(b.id) || c.store.has(self.id)).toBe(false)
    expect(c.store.has(createShapeId('fine'))).toBe(true)
    expect(c.logger.warnings.filter((w) => JSON.stringify(w).includes('loop')).length).toBeGreaterThanOrEqual(3)
  })

  it('a board with a newer schema is shown but never written to', () => {
    const schema = ours()
    const newer: SerializedSchemaV2 = {
      schemaVersion: 2,
      sequences: { ...schema.sequences, [NOTE]: (schema.sequences[NOTE] ?? 0) + 1, 'com.example.shape.sticker': 1 },
    }
    const doc = new Y.Doc()
    seedBoard(doc, newer, [...editorDefaults(), geoShape('readable', { x: 3 })])
    const outgoing = countOutgoingUpdates(doc)

    const old = client(doc)
    expect(old.binding.schemaTooNew.get()).toBe(true)
    expect(old.binding.schemaStatus.get()).toBe('too-new')
    expect(old.binding.canWrite.get()).toBe(false)
    expect(shapeOn(old.store, 'readable')?.x).toBe(3)
    expect(old.logger.warnings.some((warning) => warning.message.includes('newer'))).toBe(true)

    old.store.put([geoShape('attempt')])
    old.store.update(createShapeId('readable'), (shape) => ({ ...shape, x: 99 }))
    old.store.remove([createShapeId('readable')])
    expect(outgoing.count).toBe(0)
    expect(doc.getMap(META_MAP).get(MetaKey.schema)).toEqual(newer)
    expect(docRecords(doc)[createShapeId('readable')]).toEqual(geoShape('readable', { x: 3 }))
  })

  it('a board upgraded by a newer client while open turns read-only', () => {
    const { a, b } = twoClients()
    const schema = ours()
    const peer = rawPeerOf(b.doc)
    peer.raw.transact(() => {
      peer.raw.getMap<unknown>(META_MAP).set(MetaKey.schema, {
        ...schema,
        sequences: { ...schema.sequences, [NOTE]: (schema.sequences[NOTE] ?? 0) + 1 },
      })
    }, 'newer client')
    expect(b.binding.schemaTooNew.get()).toBe(true)

    b.store.put([geoShape('too-late')])
    expect(docRecords(b.doc)).not.toHaveProperty(createShapeId('too-late'))
    expect(a.store.has(createShapeId('too-late'))).toBe(false)
  })

  it('an older stored schema is migrated in the store on load; nothing is written back (the server migrates)', () => {
    const current = ours()
    // The board was last written by a client whose note shapes were at version 12, before
    // `textFirstEditedBy` was renamed to `textLastEditedBy` (version 13).
    const older: SerializedSchemaV2 = { schemaVersion: 2, sequences: { ...current.sequences, [NOTE]: 12 } }
    const note = noteShape('old-note', 'alice')
    const { textLastEditedBy: _renamed, ...v12Props } = note.props
    const oldNote = { ...note, props: { ...v12Props, textFirstEditedBy: 'alice' } }

    const doc = new Y.Doc()
    seedBoard(doc, older, [...editorDefaults(), geoShape('box')])
    rawPeerOf(doc).write([[note.id, oldNote]])
    const outgoing = countOutgoingUpdates(doc)

    const upgrader = client(doc)
    const migrated = upgrader.store.get(note.id) as TLNoteShape | undefined
    expect(migrated?.props.textLastEditedBy).toBe('alice')
    expect(migrated?.props).not.toHaveProperty('textFirstEditedBy')
    expect(outgoing.count).toBe(0)
    expect(doc.getMap(META_MAP).get(MetaKey.schema)).toEqual(older)
    expect(upgrader.binding.canWrite.get()).toBe(true)
  })

  it('a viewer binding loads the board but writes nothing, not even a migration', () => {
    const current = ours()
    const doc = new Y.Doc()
    seedBoard(doc, { schemaVersion: 2, sequences: { ...current.sequences, [NOTE]: 12 } }, [...editorDefaults(), geoShape('box')])
    const outgoing = countOutgoingUpdates(doc)

    const viewer = client(doc, { readOnly: true })
    expect(viewer.store.has(createShapeId('box'))).toBe(true)
    expect(viewer.binding.canWrite.get()).toBe(false)
    expect(viewer.binding.schemaTooNew.get()).toBe(false)
    viewer.store.put([geoShape('scribble')])
    expect(outgoing.count).toBe(0)
  })
})
