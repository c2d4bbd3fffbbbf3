import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CONTROL_MAP, readControlDoc, ROTATED_MAP, VIEW_ONLY_MAP } from '../../../shared/session/control-doc.ts'

describe('the control document', () => {
  it('reads view-only people and link rotations from their per-key maps, over a board’s older whole values', () => {
    const doc = new Y.Doc()
    // What boards written before the per-key maps hold.
    doc.getMap(CONTROL_MAP).set('viewOnly', { anna: true, bram: true })
    doc.getMap(CONTROL_MAP).set('rotated', { participant: 5 })
    doc.getMap(VIEW_ONLY_MAP).set('bram', false)
    doc.getMap(VIEW_ONLY_MAP).set('cas', true)
    doc.getMap(ROTATED_MAP).set('viewer', 7)
    const state = readControlDoc(doc)
    expect(state.viewOnly).toEqual({ anna: true, cas: true })
    expect(state.rotated).toEqual({ participant: 5, viewer: 7 })
  })

  it('keeps both of two concurrent changes to different people, as two instances make them', () => {
    const [one, two] = [new Y.Doc(), new Y.Doc()]
    one.getMap(VIEW_ONLY_MAP).set('anna', true)
    two.getMap(VIEW_ONLY_MAP).set('bram', true)
    Y.applyUpdate(one, Y.encodeStateAsUpdate(two))
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one))
    expect(readControlDoc(one).viewOnly).toEqual({ anna: true, bram: true })
    expect(readControlDoc(two).viewOnly).toEqual({ anna: true, bram: true })
  })
})
