import { getArrowInfo, useValue, type Editor, type TLArrowShape, type TLShapeId } from 'tldraw'
import { aannameOf } from '../../shared/board/regie-shapes.ts'
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

/**
 * The "aanname" marker on relations. Arrows are tldraw's own shape, so the marker is drawn over
 * the canvas a third of the way along each arrow that carries an open assumption, clear of its label.
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
      for (const shape of editor.getCurrentPageShapes()) {
        if (shape.type !== 'arrow') continue
        const aanname = aannameOf(shape.meta)
        if (!aanname || aanname.bevestigd) continue
        // A third of the way from the start, so the marker does not sit on the label in the middle.
        const info = getArrowInfo(editor, shape as TLArrowShape)
        const transform = editor.getShapePageTransform(shape.id)
        if (!info || !transform) continue
        const local = { x: info.start.point.x + (info.end.point.x - info.start.point.x) / 3, y: info.start.point.y + (info.end.point.y - info.start.point.y) / 3 }
        const point = editor.pageToViewport(transform.applyToPoint(local))
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
