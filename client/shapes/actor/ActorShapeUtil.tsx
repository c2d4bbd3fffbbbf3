import { BaseBoxShapeUtil, HTMLContainer, useIsEditing } from 'tldraw'
import { actorCardSize } from '../../../shared/board/card-sizes.ts'
import { ACTOR_SHAPE, regieActorProps, regieActorMigrations, type RegieActorShape } from '../../../shared/board/regie-shapes.ts'
import { ActorCard } from './ActorCard.tsx'
import { ActorNameEditor } from './ActorNameEditor.tsx'

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

  // Double-click (or Enter) edits the name on the card itself, not a loose text on top of it.
  override canEdit() {
    return true
  }

  override component(shape: RegieActorShape) {
    return (
      <HTMLContainer style={{ pointerEvents: 'all' }}>
        <ActorCard shape={shape} />
        <ActorNameEditing editor={this.editor} shape={shape} />
      </HTMLContainer>
    )
  }

  override getIndicatorPath(shape: RegieActorShape) {
    const path = new Path2D()
    path.roundRect(0, 0, shape.props.w, shape.props.h, 8)
    return path
  }
}

function ActorNameEditing({ editor, shape }: { editor: ActorShapeUtil['editor']; shape: RegieActorShape }) {
  const editing = useIsEditing(shape.id)
  return editing ? <ActorNameEditor editor={editor} shape={shape} /> : null
}
