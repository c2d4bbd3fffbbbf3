import { BaseBoxShapeUtil, HTMLContainer } from 'tldraw'
import { actorCardSize } from '../../../shared/board/card-sizes.ts'
import { ACTOR_SHAPE, regieActorProps, regieActorMigrations, type RegieActorShape } from '../../../shared/board/regie-shapes.ts'
import { ActorCard } from './ActorCard.tsx'

/** An actor on the board: a card in its kind's colour with its name and what is known of it. */
export class ActorShapeUtil extends BaseBoxShapeUtil<RegieActorShape> {
  static override type = ACTOR_SHAPE
  static override props = regieActorProps
  static override migrations = regieActorMigrations

  override getDefaultProps(): RegieActorShape['props'] {
    const size = actorCardSize({ name: '' })
    return {
      w: size.width,
      h: size.height,
      kind: 'gemeente',
      name: '',
      inwoners: null,
      fte: null,
      domeinen: null,
      afdelingen: null,
      rollen: [],
      competenties: [],
      toelichting: '',
      placeholder: false,
      regeling: '',
    }
  }

  override component(shape: RegieActorShape) {
    return (
      <HTMLContainer style={{ pointerEvents: 'all' }}>
        <ActorCard shape={shape} />
      </HTMLContainer>
    )
  }

  override getIndicatorPath(shape: RegieActorShape) {
    const path = new Path2D()
    path.roundRect(0, 0, shape.props.w, shape.props.h, 8)
    return path
  }
}
