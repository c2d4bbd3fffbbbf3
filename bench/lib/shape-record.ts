/**
 * The edit every load in these benchmarks is made of: a tldraw geo shape record with all the
 * props tldraw 5 writes, set through YKeyValue on `tl_records` the way the board client does
 * when a shape is moved. One such transaction is ~300 bytes on the wire.
 */
export interface GeoShapeRecord {
  id: string
  typeName: 'shape'
  type: 'geo'
  x: number
  y: number
  rotation: number
  index: string
  parentId: string
  isLocked: boolean
  opacity: number
  props: {
    w: number
    h: number
    geo: string
    dash: string
    growY: number
    url: string
    scale: number
    flipX: boolean
    flipY: boolean
    color: string
    labelColor: string
    fill: string
    size: string
    font: string
    align: string
    verticalAlign: string
    richText: { type: 'doc'; content: Array<{ type: 'paragraph' }> }
  }
  meta: Record<string, never>
}

export function geoShapeId(owner: number, shapeNo: number): string {
  return `shape:bench-${owner}-${shapeNo}`
}

/** The record of shape `id` after a move to (x, y). */
export function movedGeoShape(id: string, x: number, y: number): GeoShapeRecord {
  return {
    id,
    typeName: 'shape',
    type: 'geo',
    x,
    y,
    rotation: 0,
    index: 'a1',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    props: {
      w: 120,
      h: 80,
      geo: 'rectangle',
      dash: 'draw',
      growY: 0,
      url: '',
      scale: 1,
      flipX: false,
      flipY: false,
      color: 'blue',
      labelColor: 'black',
      fill: 'semi',
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      richText: { type: 'doc', content: [{ type: 'paragraph' }] },
    },
    meta: {},
  }
}
