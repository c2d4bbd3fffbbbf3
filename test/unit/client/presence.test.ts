import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  atom,
  CameraRecordType,
  createShapeId,
  createUserId,
  InstancePageStateRecordType,
  PointerRecordType,
  TLINSTANCE_ID,
  TLPOINTER_ID,
  UserRecordType,
  type TLInstancePresence,
  type TLStore,
  type TLUser,
} from 'tldraw'
import * as Y from 'yjs'
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import {
  bindPresence,
  PRESENCE_FIELD,
  presenceIdForClient,
  USER_FIELD,
  type BindPresenceOptions,
  type PresenceBinding,
} from '../../../client/board/presence.ts'
import { editorDefaults, geoShape, makeStore, memoryLogger, PAGE_ID, type MemoryLogger } from './board-fixtures.ts'

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup()
  vi.useRealTimers()
})

const RELAYED = Symbol('relayed')

/** Wires awareness instances together as the server would relay awareness messages. */
function connectAwareness(...all: Awareness[]) {
  for (const from of all) {
    const onUpdate = (changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (origin === RELAYED) return
      const clients = [...changes.added, ...changes.updated, ...changes.removed]
      const update = encodeAwarenessUpdate(from, clients)
      for (const to of all) if (to !== from) applyAwarenessUpdate(to, update, RELAYED)
    }
    from.on('update', onUpdate)
    cleanups.push(() => from.off('update', onUpdate))
  }
}

function makeAwareness(): Awareness {
  const awareness = new Awareness(new Y.Doc())
  // Awareness runs a timer to expire silent clients; stop it so the test process can end.
  cleanups.push(() => awareness.destroy())
  return awareness
}

/** What a mounted editor keeps in its store, which is what presence is derived from. */
function withMountedEditorState(store: TLStore): TLStore {
  store.put([
    ...editorDefaults(),
    geoShape('picked'),
    store.schema.types.instance.create({
      id: TLINSTANCE_ID,
      currentPageId: PAGE_ID,
      screenBounds: { x: 0, y: 0, w: 1280, h: 800 },
    }),
    InstancePageStateRecordType.create({
      id: InstancePageStateRecordType.createId(PAGE_ID),
      pageId: PAGE_ID,
      selectedShapeIds: [createShapeId('picked')],
    }),
    CameraRecordType.create({ id: CameraRecordType.createId(PAGE_ID), x: -100, y: 50, z: 2 }),
    PointerRecordType.create({ id: TLPOINTER_ID, x: 300, y: 200, lastActivityTimestamp: 1 }),
  ])
  return store
}

interface Participant {
  store: TLStore
  awareness: Awareness
  user: ReturnType<typeof atom<TLUser | null>>
  logger: MemoryLogger
  presence: PresenceBinding
}

function participant(
  name: string,
  color: string,
  options: Partial<Pick<BindPresenceOptions, 'minPublishIntervalMs' | 'showsSelection'>> & { awareness?: Awareness } = {},
): Participant {
  const store = withMountedEditorState(makeStore())
  const awareness = options.awareness ?? makeAwareness()
  const user = atom<TLUser | null>('user', UserRecordType.create({ id: createUserId(name.toLowerCase()), name, color }))
  const logger = memoryLogger()
  const presence = bindPresence({
    store,
    awareness,
    user,
    logger,
    minPublishIntervalMs: options.minPublishIntervalMs ?? 0,
    showsSelection: options.showsSelection,
  })
  cleanups.push(() => presence.dispose())
  return { store, awareness, user, logger, presence }
}

function presenceOf(viewer: Participant, of: Participant): TLInstancePresence | undefined {
  return viewer.store.get(presenceIdForClient(of.awareness.clientID))
}

function movePointer(who: Participant, x: number, y: number) {
  who.store.update(TLPOINTER_ID, (pointer) => ({ ...pointer, x, y }))
}

describe('bindPresence', () => {
  it('a remote participant appears as an instance_presence record with name, colour, cursor, selection and view', () => {
    const alice = participant('Alice', '#e03131')
    const bob = participant('Bob', '#1971c2')
    connectAwareness(alice.awareness, bob.awareness)
    // Published before the two were connected; the next change carries it over.
    movePointer(alice, 310, 220)

    const seen = presenceOf(bob, alice)
    expect(seen).toMatchObject({
      typeName: 'instance_presence',
      userId: createUserId('alice'),
      userName: 'Alice',
      color: '#e03131',
      cursor: { x: 310, y: 220 },
      selectedShapeIds: [createShapeId('picked')],
      currentPageId: PAGE_ID,
      camera: { x: -100, y: 50, z: 2 },
      screenBounds: { x: 0, y: 0, w: 1280, h: 800 },
    })
  })

  it('leaves out the selection of whom showsSelection says no to, keeping their cursor', () => {
    const facilitator = participant('Fenna', '#e03131')
    facilitator.awareness.setLocalStateField('session', { role: 'facilitator', ownerKey: 'x' })
    const resident = participant('Rik', '#1971c2', { showsSelection: (state) => (state.session as { role?: string } | undefined)?.role !== 'facilitator' })
    const other = participant('Olga', '#2f9e44', { showsSelection: (state) => (state.session as { role?: string } | undefined)?.role !== 'facilitator' })
    other.awareness.setLocalStateField('session', { role: 'participant', ownerKey: 'y' })
    connectAwareness(facilitator.awareness, resident.awareness, other.awareness)
    movePointer(facilitator, 50, 60)
    movePointer(other, 70, 80)
    expect(presenceOf(resident, facilitator)).toMatchObject({ userName: 'Fenna', cursor: { x: 50, y: 60 }, selectedShapeIds: [] })
    expect(presenceOf(resident, other)?.selectedShapeIds).toEqual([createShapeId('picked')])
    // The facilitator still sees everyone's selection.
    expect(presenceOf(facilitator, other)?.selectedShapeIds).toEqual([createShapeId('picked')])
  })

  it('publishes the user’s name and colour in awareness for UI outside the canvas', () => {
    const alice = participant('Alice', '#e03131')
    const state = alice.awareness.getLocalState()
    expect(state?.[USER_FIELD]).toEqual({ id: createUserId('alice'), name: 'Alice', color: '#e03131' })
    expect(state?.[PRESENCE_FIELD]).toMatchObject({ userName: 'Alice' })
  })

  it('a participant who joins later sees those already present', () => {
    const alice = participant('Alice', '#e03131')
    const bobAwareness = makeAwareness()
    connectAwareness(alice.awareness, bobAwareness)
    // What the provider does on connect: everyone's current state is sent to the newcomer.
    applyAwarenessUpdate(bobAwareness, encodeAwarenessUpdate(alice.awareness, [alice.awareness.clientID]), RELAYED)
    const bob = participant('Bob', '#1971c2', { awareness: bobAwareness })
    expect(presenceOf(bob, alice)?.userName).toBe('Alice')
  })

  it('follows a remote cursor as it moves', () => {
    const alice = participant('Alice', '#e03131')
    const bob = participant('Bob', '#1971c2')
    connectAwareness(alice.awareness, bob.awareness)
    movePointer(alice, 1, 2)
    movePointer(alice, 30, 40)
    expect(presenceOf(bob, alice)?.cursor).toMatchObject({ x: 30, y: 40 })
  })

  it('our own presence is not mirrored back as a collaborator', () => {
    const alice = participant('Alice', '#e03131')
    const bob = participant('Bob', '#1971c2')
    connectAwareness(alice.awareness, bob.awareness)
    movePointer(alice, 5, 5)
    movePointer(bob, 6, 6)
    const records = bob.store.query.records('instance_presence').get()
    expect(records.map((record) => record.id)).toEqual([presenceIdForClient(alice.awareness.clientID)])
  })

  it('a remote presence is removed when the client’s awareness state goes away', () => {
    const alice = participant('Alice', '#e03131')
    const bob = participant('Bob', '#1971c2')
    connectAwareness(alice.awareness, bob.awareness)
    movePointer(alice, 5, 5)
    expect(presenceOf(bob, alice)).toBeDefined()

    // Closing the tab: y-websocket clears the local state, which reaches everyone as a removal.
    alice.awareness.setLocalState(null)
    expect(presenceOf(bob, alice)).toBeUndefined()
  })

  it('a participant whose editor unmounts (presence null) disappears from the canvas', () => {
    const alice = participant('Alice', '#e03131')
    const bob = participant('Bob', '#1971c2')
    connectAwareness(alice.awareness, bob.awareness)
    movePointer(alice, 5, 5)
    alice.presence.dispose()
    expect(presenceOf(bob, alice)).toBeUndefined()
    expect(alice.awareness.getLocalState()?.[PRESENCE_FIELD]).toBeNull()
  })

  it('remote presence is a remote change, never in the local undo history', () => {
    const alice = participant('Alice', '#e03131')
    const bob = participant('Bob', '#1971c2')
    const sources: string[] = []
    cleanups.push(bob.store.listen((entry) => sources.push(entry.source), { scope: 'presence' }))
    connectAwareness(alice.awareness, bob.awareness)
    movePointer(alice, 5, 5)
    expect(sources.length).toBeGreaterThan(0)
    expect(new Set(sources)).toEqual(new Set(['remote']))
  })

  it('invalid presence is skipped and logged once, and valid presence from others still shows', () => {
    const bob = participant('Bob', '#1971c2')
    const alice = participant('Alice', '#e03131')
    const mallory = makeAwareness()
    connectAwareness(alice.awareness, bob.awareness, mallory)
    mallory.setLocalStateField(PRESENCE_FIELD, { userName: 42, cursor: 'everywhere' })
    mallory.setLocalStateField(PRESENCE_FIELD, { userName: 43, cursor: 'everywhere' })
    movePointer(alice, 8, 9)

    expect(bob.store.get(presenceIdForClient(mallory.clientID))).toBeUndefined()
    expect(bob.logger.warnings.filter((warning) => warning.context?.clientId === mallory.clientID)).toHaveLength(1)
    expect(presenceOf(bob, alice)?.cursor).toMatchObject({ x: 8, y: 9 })
  })

  it('a client cannot claim another client’s presence record id', () => {
    const bob = participant('Bob', '#1971c2')
    const alice = participant('Alice', '#e03131')
    connectAwareness(alice.awareness, bob.awareness)
    movePointer(alice, 1, 1)
    const aliceState = alice.awareness.getLocalState()?.[PRESENCE_FIELD] as TLInstancePresence
    const mallory = makeAwareness()
    connectAwareness(mallory, bob.awareness)
    mallory.setLocalStateField(PRESENCE_FIELD, {
      ...aliceState,
      id: presenceIdForClient(alice.awareness.clientID),
      userName: 'Not Alice',
    })
    expect(presenceOf(bob, alice)?.userName).toBe('Alice')
    expect(bob.store.get(presenceIdForClient(mallory.clientID))?.userName).toBe('Not Alice')
  })

  it('publishes at most once per interval however often the pointer moves, and always the latest', () => {
    vi.useFakeTimers()
    const alice = participant('Alice', '#e03131', { minPublishIntervalMs: 50 })
    let publications = 0
    const count = () => publications++
    alice.awareness.on('update', count)
    cleanups.push(() => alice.awareness.off('update', count))

    for (let i = 1; i <= 20; i++) movePointer(alice, i, i)
    expect(publications).toBe(0)
    vi.advanceTimersByTime(50)
    expect(publications).toBe(1)
    expect(alice.awareness.getLocalState()?.[PRESENCE_FIELD]).toMatchObject({ cursor: { x: 20, y: 20 } })
  })
})
