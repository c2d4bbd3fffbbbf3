/**
 * One store fed by several docs (board, locked structure, private notes), as a facilitator and a
 * participant see them: locking and unlocking move records between docs without them vanishing,
 * a participant's edits to locked content are put back, and private notes stay in the private doc.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { atom, createShapeId, defaultBindingUtils, defaultShapeUtils, createTLStore, type TLGeoShape, type TLStore } from 'tldraw'
import * as Y from 'yjs'
import { recordsKeyValue } from '../../../client/board/records-kv.ts'
import { bindStoreToDoc, type YjsStoreBinding } from '../../../client/board/yjs-store-binding.ts'
import { moveRecords } from '../../../client/session/locking.ts'
import { createRecordLayers } from '../../../client/session/record-layers.ts'
import { docRecords, editorDefaults, geoShape, linkDocs, memoryLogger } from './board-fixtures.ts'

const bindings: YjsStoreBinding[] = []
afterEach(() => {
  for (const binding of bindings.splice(0)) binding.dispose()
})

interface Person {
  store: TLStore
  main: Y.Doc
  structure: Y.Doc
  private: Y.Doc | null
  writesPrivately: ReturnType<typeof atom<boolean>>
}

function person(role: 'facilitator' | 'participant', withPrivate = false): Person {
  const store = createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils })
  const main = new Y.Doc()
  const structure = new Y.Doc()
  const privateDoc = withPrivate ? new Y.Doc() : null
  const writesPrivately = atom('writes privately', false)
  const layers = createRecordLayers(
    { main: recordsKeyValue(main), structure: recordsKeyValue(structure), private: privateDoc ? recordsKeyValue(privateDoc) : null },
    writesPrivately,
    role === 'facilitator',
  )
  const logger = memoryLogger()
  bindings.push(bindStoreToDoc(store, main, { logger, layer: layers.main }))
  bindings.push(bindStoreToDoc(store, structure, { logger, readOnly: role !== 'facilitator', layer: layers.structure }))
  if (privateDoc) bindings.push(bindStoreToDoc(store, privateDoc, { logger, layer: layers.private }))
  return { store, main, structure, private: privateDoc, writesPrivately }
}

function workshop() {
  const facilitator = person('facilitator')
  const participant = person('participant', true)
  // The server relays each document between everyone who may read it.
  linkDocs(facilitator.main, participant.main)
  linkDocs(facilitator.structure, participant.structure)
  facilitator.store.put(editorDefaults())
  return { facilitator, participant }
}

const box = createShapeId('box')
const shape = (store: TLStore) => store.get(box) as TLGeoShape | undefined

describe('a store fed by the board, its structure and private notes', () => {
  it('keeps a locked shape on every screen while it moves to the structure doc, and back on unlock', () => {
    const { facilitator, participant } = workshop()
    facilitator.store.put([geoShape('box', { x: 10 })])
    expect(shape(participant.store)?.x).toBe(10)

    const record = facilitator.store.get(box)!
    expect(moveRecords(facilitator.main, facilitator.structure, [record], true)).toBe(1)
    for (const side of [facilitator, participant]) {
      expect(shape(side.store)?.isLocked).toBe(true)
      expect(docRecords(side.main)).not.toHaveProperty(box)
      expect(docRecords(side.structure)).toHaveProperty(box)
    }

    expect(moveRecords(facilitator.structure, facilitator.main, [facilitator.store.get(box)!], false)).toBe(1)
    for (const side of [facilitator, participant]) {
      expect(shape(side.store)?.isLocked).toBe(false)
      expect(docRecords(side.main)).toHaveProperty(box)
      expect(docRecords(side.structure)).not.toHaveProperty(box)
    }
  })

  it('puts a participant’s edit of locked content back, and sends it nowhere', () => {
    const { facilitator, participant } = workshop()
    facilitator.store.put([geoShape('box', { x: 10 })])
    moveRecords(facilitator.main, facilitator.structure, [facilitator.store.get(box)!], true)

    participant.store.update(box, (s) => ({ ...s, x: 999, isLocked: false }))
    expect(shape(participant.store)).toMatchObject({ x: 10, isLocked: true })
    expect((docRecords(participant.structure)[box] as TLGeoShape).x).toBe(10)
    expect(docRecords(participant.main)).not.toHaveProperty(box)
    expect(shape(facilitator.store)?.x).toBe(10)

    participant.store.remove([box])
    expect(shape(participant.store)?.x).toBe(10)
  })

  it('lets the facilitator edit locked content for everyone', () => {
    const { facilitator, participant } = workshop()
    facilitator.store.put([geoShape('box', { x: 10 })])
    moveRecords(facilitator.main, facilitator.structure, [facilitator.store.get(box)!], true)
    facilitator.store.update(box, (s) => ({ ...s, x: 50 }))
    expect(shape(participant.store)?.x).toBe(50)
    expect(docRecords(participant.main)).not.toHaveProperty(box)
  })

  it('keeps a participant’s new notes in their private doc while writing privately', () => {
    const { facilitator, participant } = workshop()
    participant.writesPrivately.set(true)
    participant.store.put([geoShape('secret')])
    expect(docRecords(participant.private!)).toHaveProperty(createShapeId('secret'))
    expect(docRecords(participant.main)).not.toHaveProperty(createShapeId('secret'))
    expect(facilitator.store.has(createShapeId('secret'))).toBe(false)

    // Existing shared content stays shared when edited in private mode.
    facilitator.store.put([geoShape('shared', { x: 1 })])
    participant.store.update(createShapeId('shared'), (s) => ({ ...s, x: 2 }))
    expect((shape(facilitator.store) ?? facilitator.store.get(createShapeId('shared')) as TLGeoShape | undefined)?.x).toBe(2)

    // Revealing (done by the server) moves the note into the board: nobody loses it on the way.
    moveRecords(participant.private!, participant.main, [participant.store.get(createShapeId('secret'))!], false)
    expect(facilitator.store.has(createShapeId('secret'))).toBe(true)
    expect(participant.store.has(createShapeId('secret'))).toBe(true)
  })
})
