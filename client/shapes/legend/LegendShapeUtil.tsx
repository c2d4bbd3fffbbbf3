import { BaseBoxShapeUtil, HTMLContainer } from 'tldraw'
import { legendSize } from '../../../shared/board/card-sizes.ts'
import { LEGEND_SHAPE, regieLegendProps, regieLegendMigrations, type RegieLegendShape } from '../../../shared/board/regie-shapes.ts'
import { LegendCard } from './LegendCard.tsx'

/** Explains the colours and line styles of the kinds used on the board. */
export class LegendShapeUtil extends BaseBoxShapeUtil<RegieLegendShape> {
  static override type = LEGEND_SHAPE
  static override props = regieLegendProps
  static override migrations = regieLegendMigrations

  override getDefaultProps(): RegieLegendShape['props'] {
    const size = legendSize([], [])
    return { w: size.width, h: size.height, title: '', actorKinds: [], relationKinds: [] }
  }

  override component(shape: RegieLegendShape) {
    return (
      <HTMLContainer style={{ pointerEvents: 'all' }}>
        <LegendCard shape={shape} />
      </HTMLContainer>
    )
  }

  override getIndicatorPath(shape: RegieLegendShape) {
    const path = new Path2D()
    path.rect(0, 0, shape.props.w, shape.props.h)
    return path
  }
}
