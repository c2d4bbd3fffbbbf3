/**
 * Board content for the memory and cold-load parts, made the way the board client makes it:
 * geo shape records set through YKeyValue on `tl_records`.
 */
import * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { RECORDS_ARRAY } from '../../shared/doc-layout.ts'
import { geoShapeId, movedGeoShape, type GeoShapeRecord } from './shape-record.ts'

/**
 * The updates of an editing session: `shapes` shapes placed, then moved in turn until there
 * are `updates` updates in all (one update per move, as the client sends them).
 */
export function editingSession(shapes: number, updates: number): Uint8Array[] {
  const doc = new Y.Doc()
  const records = new YKeyValue<GeoShapeRecord>(doc.getArray(RECORDS_ARRAY))
  const made: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => made.push(update))
  for (let i = 0; made.length < updates; i++) {
    const id = geoShapeId(0, i % shapes)
    records.set(id, movedGeoShape(id, (i % 50) * 140 + (i % 7), Math.floor((i % shapes) / 50) * 100))
  }
  doc.destroy()
  return made
}

/**
 * A board of `shapes` shapes, each moved `movesPerShape` times, as one update of its state with
 * the old positions garbage-collected (as a compacted board is stored).
 */
export function boardState(shapes: number, movesPerShape: number): Uint8Array {
  const doc = new Y.Doc()
  Y.transact(doc, () => {
    for (const update of editingSession(shapes, shapes * movesPerShape)) Y.applyUpdate(doc, update)
  })
  const state = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return state
}
