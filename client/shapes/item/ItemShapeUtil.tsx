import { BaseBoxShapeUtil, HTMLContainer } from 'tldraw'
import { itemCardSize } from '../../../shared/board/card-sizes.ts'
import { ITEM_SHAPE, regieItemProps, regieItemMigrations, type RegieItemShape } from '../../../shared/board/regie-shapes.ts'
import { ItemCard } from './ItemCard.tsx'

/**
 * A step of a flow, an item of a checklist (a regieprestatie to fill in, a valkuil to check) or a
 * note. One shape for the three because they differ only in what they show.
 */
export class ItemShapeUtil extends BaseBoxShapeUtil<RegieItemShape> {
  static override type = ITEM_SHAPE
  static override props = regieItemProps
  static override migrations = regieItemMigrations

  override getDefaultProps(): RegieItemShape['props'] {
    const size = itemCardSize({ variant: 'note', title: '' })
    return { w: size.width, h: size.height, variant: 'note', title: '', text: '', hint: '', response: '', checked: false, ref: '' }
  }

  override component(shape: RegieItemShape) {
    return (
      <HTMLContainer style={{ pointerEvents: 'all' }}>
        <ItemCard shape={shape} />
      </HTMLContainer>
    )
  }

  override getIndicatorPath(shape: RegieItemShape) {
    const path = new Path2D()
    path.roundRect(0, 0, shape.props.w, shape.props.h, 6)
    return path
  }
}
