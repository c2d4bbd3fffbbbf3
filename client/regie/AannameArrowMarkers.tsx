import { Box, Group2d, useValue, type Editor, type TLArrowShape, type TLShape, type TLShapeId, type VecLike } from 'tldraw'
import { aannameOf } from '../../shared/board/regie-shapes.ts'
import { pointAlong } from '../../shared/board/relation-routing.ts'
import { useI18n } from '../i18n/i18n.tsx'

interface Marker {
  readonly id: TLShapeId
  readonly x: number
  readonly y: number
  readonly text: string
  readonly zoom: number
}

/**
 * Below this zoom the markers would be larger than the cards they sit between and hide them;
 * there the cards' own markers (which scale with the canvas), the outline and the report remain.
 */
const MIN_ZOOM = 0.55
/** The marker's size on screen at 100 % (one line of 11 px italic, "aanname"/"assumption"), with a margin. */
const MARKER_SIZE = { w: 84, h: 24 }
/** Where along its line a marker may sit, in the order tried: off the middle, where labels usually are. */
const MARKER_PLACES = [0.3, 0.7, 0.2, 0.8, 0.4, 0.6, 0.12, 0.88, 0.5]

/**
 * The "aanname" marker on relations. Arrows are tldraw's own shape, so the marker is drawn over
 * the canvas on each arrow that carries an open assumption: on its line, at the first place along
 * it where it covers no relation's label (its own or a neighbour's running close by).
 * Hovering shows the text; selecting the arrow shows it in the inspector with the facilitator's
 * buttons, and the outline view lists it for keyboard and screen-reader users.
 */
export function AannameArrowMarkers({ editor }: { editor: Editor }) {
  const { t } = useI18n()
  const markers = useValue(
    'aanname markers',
    (): Marker[] => {
      const result: Marker[] = []
      const zoom = editor.getZoomLevel()
      if (zoom < MIN_ZOOM) return result
      const arrows = editor.getCurrentPageShapes().filter((shape): shape is TLArrowShape => shape.type === 'arrow')
      // Most boards carry no open assumption on a relation: then no label needs measuring.
      if (!arrows.some((shape) => aannameOf(shape.meta)?.bevestigd === false)) return result
      const labels = arrows.flatMap((shape) => labelBoxOf(editor, shape) ?? [])
      // The marker's size on the page: MARKER_SIZE on screen, scaled with the canvas up to 100 %.
      const size = { w: MARKER_SIZE.w / Math.max(1, zoom), h: MARKER_SIZE.h / Math.max(1, zoom) }
      for (const shape of arrows) {
        const aanname = aannameOf(shape.meta)
        if (!aanname || aanname.bevestigd) continue
        const body = bodyOf(editor, shape)
        const transform = editor.getShapePageTransform(shape.id)
        if (!transform || !body || body.length < 2) continue
        const places = MARKER_PLACES.map((fraction) => transform.applyToPoint(pointAlong(body, fraction)))
        const free = places.find((point) => !labels.some((label) => label.collides(new Box(point.x - size.w / 2, point.y - size.h / 2, size.w, size.h))))
        const point = editor.pageToViewport(free ?? places[0]!)
        result.push({ id: shape.id, x: point.x, y: point.y, text: aanname.tekst, zoom })
      }
      return result
    },
    [editor],
  )
  if (markers.length === 0) return null
  return (
    <div className="regie-aanname-layer" aria-hidden="true">
      {markers.map((marker) => (
        <span
          key={marker.id}
          className="regie-aanname regie-aanname-arrow"
          // Scaled like the canvas, so it stays the size of the card markers around it.
          style={{ left: marker.x, top: marker.y, transform: `translate(-50%, -50%) scale(${Math.min(1, marker.zoom)})` }}
          title={`${t('aanname.title')}: ${marker.text}`}
          data-aanname-arrow={marker.id}
        >
          {t('aanname.marker')}
        </span>
      ))}
    </div>
  )
}

/** The arrow's line (its body), in the shape's own coordinates. */
function bodyOf(editor: Editor, shape: TLShape): readonly VecLike[] | null {
  const geometry = editor.getShapeGeometry(shape)
  const body = (geometry instanceof Group2d ? geometry.children[0] : undefined) ?? geometry
  return body.vertices.length >= 2 ? body.vertices : null
}

/** The arrow's label box on the page, if it has a label. */
function labelBoxOf(editor: Editor, shape: TLShape): Box | null {
  const geometry = editor.getShapeGeometry(shape)
  const label = geometry instanceof Group2d ? geometry.children.find((child) => child.isLabel) : undefined
  const transform = editor.getShapePageTransform(shape.id)
  if (!label || !transform) return null
  return Box.FromPoints(label.bounds.corners.map((corner) => transform.applyToPoint(corner)))
}
