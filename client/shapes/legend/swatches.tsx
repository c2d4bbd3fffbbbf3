import { actorKind, type ActorKindId } from '../../../shared/regie/actor-kinds.ts'
import { relationKind, type RelationKindId } from '../../../shared/regie/relation-kinds.ts'
import type { TldrawArrowhead, TldrawDash } from '../../../shared/regie/tldraw-styles.ts'
import { useThemeColor } from '../theme.ts'

const DASH_ARRAY: Record<TldrawDash, string | undefined> = { draw: '10 2 2 2', solid: undefined, dashed: '8 5', dotted: '2 4' }

/** A small card in the kind's colour with its icon, as the actor card's header shows it. */
export function ActorSwatch({ kind }: { kind: ActorKindId }) {
  const color = useThemeColor()
  const definition = actorKind(kind)
  const pale = definition.color === 'white' || definition.color === 'yellow'
  return (
    <span className="regie-swatch regie-swatch--actor" aria-hidden="true" style={{ background: color(definition.color), color: pale ? '#1d1d1d' : '#fff', textAlign: 'center', fontSize: 11, lineHeight: '14px' }}>
      {definition.icon}
    </span>
  )
}

/** The head at `x` pointing in `direction` (1 right, -1 left), drawn as the canvas draws it. */
function Head({ head, x, direction, stroke }: { head: TldrawArrowhead; x: number; direction: 1 | -1; stroke: string }) {
  const back = x - 8 * direction
  switch (head) {
    case 'arrow':
      return <path d={`M${back} 2 L${x} 7 L${back} 12`} fill="none" stroke={stroke} strokeWidth="2" />
    case 'triangle':
      return <path d={`M${back} 2 L${x} 7 L${back} 12 Z`} fill={stroke} />
    case 'inverted':
      return <path d={`M${x} 2 L${back} 7 L${x} 12 Z`} fill={stroke} />
    case 'square':
      return <rect x={Math.min(x, back)} y="3" width="8" height="8" fill={stroke} />
    case 'dot':
      return <circle cx={x - 4 * direction} cy="7" r="4" fill={stroke} />
    case 'diamond':
      return <path d={`M${x} 7 L${x - 5 * direction} 2 L${back - 2 * direction} 7 L${x - 5 * direction} 12 Z`} fill={stroke} />
    case 'bar':
    case 'pipe':
      return <line x1={x} y1="1" x2={x} y2="13" stroke={stroke} strokeWidth="2.5" />
    case 'none':
      return null
  }
}

/** A short line in the kind's colour and dash, with the kind's own heads: dash and heads tell kinds apart without colour. */
export function RelationSwatch({ kind }: { kind: RelationKindId }) {
  const color = useThemeColor()
  const definition = relationKind(kind)
  const stroke = color(definition.color)
  return (
    <svg className="regie-swatch regie-swatch--relation" width="44" height="14" viewBox="0 0 44 14" aria-hidden="true">
      <line x1="3" y1="7" x2="41" y2="7" stroke={stroke} strokeWidth="2.5" strokeDasharray={DASH_ARRAY[definition.dash]} />
      <Head head={definition.arrowheadStart} x={2} direction={-1} stroke={stroke} />
      <Head head={definition.arrowheadEnd} x={42} direction={1} stroke={stroke} />
    </svg>
  )
}
