import { ACTOR_FAMILY_EDGE, actorKind } from '../../../shared/regie/actor-kinds.ts'
import { AannameBadge } from '../aanname/AannameBadge.tsx'
import { ACTOR_CARD, actorBorderWidth, actorHeaderHeight } from '../../../shared/board/card-sizes.ts'
import type { RegieActorShape } from '../../../shared/board/regie-shapes.ts'
import { useI18nOrStored } from '../../i18n/i18n.tsx'
import { formatCount } from '../labels.ts'
import { useThemeColor } from '../theme.ts'

export function ActorCard({ shape }: { shape: RegieActorShape }) {
  const { t, language } = useI18nOrStored()
  const color = useThemeColor()
  const p = shape.props
  const kind = actorKind(p.kind)
  const details = [
    p.inwoners !== null && t('actor.inwoners', { count: formatCount(p.inwoners, language) }),
    p.fte !== null && t('actor.fte', { count: formatCount(p.fte, language) }),
    p.domeinen !== null && t('actor.domeinen', { count: formatCount(p.domeinen, language) }),
    p.afdelingen !== null && t('actor.afdelingen', { count: formatCount(p.afdelingen, language) }),
    ...p.rollen,
    p.competenties.length > 0 && p.competenties.join(', '),
    p.toelichting,
  ].filter((line): line is string => typeof line === 'string' && line.trim() !== '')
  // White (and light yellow) headers need dark text and a visible edge.
  const pale = kind.color === 'white' || kind.color === 'yellow'
  const accent = color(kind.color)
  const edge = kind.color === 'white' ? color('grey') : accent
  return (
    <div
      className="regie-actor"
      data-kind={p.kind}
      data-placeholder={p.placeholder || p.name.trim() === '' ? 'true' : 'false'}
      data-family={kind.family}
      style={{ width: p.w, height: p.h, borderColor: edge, borderStyle: p.placeholder ? 'dashed' : ACTOR_FAMILY_EDGE[kind.family], borderWidth: actorBorderWidth(p.kind) }}
    >
      <AannameBadge meta={shape.meta} />
      <div className="regie-actor__kind" style={{ background: accent, color: pale ? '#1d1d1d' : '#fff', minHeight: actorHeaderHeight(p.kind), lineHeight: `${ACTOR_CARD.headerLine}px`, borderBottom: pale ? `1px solid ${edge}` : 'none' }}>
        <span className="regie-actor__icon" aria-hidden="true">
          {kind.icon}
        </span>
        {kind.label[language]}
      </div>
      <div className="regie-actor__body" style={{ padding: ACTOR_CARD.padding }}>
        <div className="regie-actor__name" style={{ lineHeight: `${ACTOR_CARD.nameLine}px` }}>
          {p.name.trim() !== '' ? p.name : t('actor.unnamed')}
        </div>
        {details.map((line, i) => (
          <div key={i} className="regie-actor__detail" style={{ lineHeight: `${ACTOR_CARD.detailLine}px` }}>
            {line}
          </div>
        ))}
      </div>
    </div>
  )
}
