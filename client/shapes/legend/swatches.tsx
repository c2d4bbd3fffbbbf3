import { actorKind, type ActorKindId } from '../../../shared/regie/actor-kinds.ts'
import { relationKind, type RelationKindId } from '../../../shared/regie/relation-kinds.ts'
import type { TldrawDash } from '../../../shared/regie/tldraw-styles.ts'
import { useThemeColor } from '../theme.ts'

const DASH_ARRAY: Record<TldrawDash, string | undefined> = { draw: '10 2 2 2', solid: undefined, dashed: '8 5', dotted: '2 4' }

/** A small card in the kind's colour, as the actor card's header shows it. */
export function ActorSwatch({ kind }: { kind: ActorKindId }) {
  const color = useThemeColor()
  return <span className="regie-swatch regie-swatch--actor" aria-hidden="true" style={{ background: color(actorKind(kind).color) }} />
}

/** A short line in the kind's colour and dash, with an arrowhead when the kind has a direction. */
export function RelationSwatch({ kind }: { kind: RelationKindId }) {
  const color = useThemeColor()
  const definition = relationKind(kind)
  const stroke = color(definition.color)
  return (
    <svg className="regie-swatch regie-swatch--relation" width="44" height="14" viewBox="0 0 44 14" aria-hidden="true">
      <line x1="2" y1="7" x2={definition.directed ? 34 : 42} y2="7" stroke={stroke} strokeWidth="2.5" strokeDasharray={DASH_ARRAY[definition.dash]} />
      {definition.directed && <path d="M33 2 L42 7 L33 12 Z" fill={stroke} />}
    </svg>
  )
}
