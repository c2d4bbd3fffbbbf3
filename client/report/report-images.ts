/**
 * Which board images the report shows. A whole large board shrunk to a page width is unreadable,
 * so a board larger than LARGE_BOARD (page units) gets, after its overview, one image per
 * top-level frame (lane, organisation, block), each at the page width: the largest
 * MAX_FRAME_IMAGES of them, in reading order.
 */
import type { TLRecord, TLShape } from 'tldraw'
import { shapeText } from '../../shared/board/shape-tree.ts'

export const LARGE_BOARD = { w: 2000, h: 1400 }
/** Each image is a tldraw render of its own; more than this makes the report slow to open. */
export const MAX_FRAME_IMAGES = 6
/** Frames smaller than this are details of the overview, not worth an image of their own. */
const MIN_FRAME = { w: 300, h: 200 }

export interface Rect {
  x: number
  y: number
  w: number
  h: number
}

export interface FrameImage {
  id: string
  name: string
  bounds: Rect
}

function rectOf(shape: TLShape): Rect {
  const props = shape.props as { w?: unknown; h?: unknown }
  return { x: shape.x, y: shape.y, w: typeof props.w === 'number' ? props.w : 200, h: typeof props.h === 'number' ? props.h : 200 }
}

export function frameImages(records: readonly TLRecord[]): FrameImage[] {
  const topLevel = records.filter((record): record is TLShape => record.typeName === 'shape' && String(record.parentId).startsWith('page:'))
  if (topLevel.length === 0) return []
  const rects = topLevel.map(rectOf)
  const minX = Math.min(...rects.map((r) => r.x))
  const minY = Math.min(...rects.map((r) => r.y))
  const maxX = Math.max(...rects.map((r) => r.x + r.w))
  const maxY = Math.max(...rects.map((r) => r.y + r.h))
  if (maxX - minX <= LARGE_BOARD.w && maxY - minY <= LARGE_BOARD.h) return []
  return topLevel
    .filter((shape) => shape.type === 'frame')
    .map((frame) => ({ id: frame.id, name: shapeText(frame), bounds: rectOf(frame) }))
    .filter((frame) => frame.bounds.w >= MIN_FRAME.w && frame.bounds.h >= MIN_FRAME.h)
    .sort((a, b) => b.bounds.w * b.bounds.h - a.bounds.w * a.bounds.h)
    .slice(0, MAX_FRAME_IMAGES)
    .sort((a, b) => a.bounds.y - b.bounds.y || a.bounds.x - b.bounds.x)
}
