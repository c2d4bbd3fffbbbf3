import { LEGEND_CARD, legendRowHeights } from '../../../shared/board/card-sizes.ts'
import type { RegieLegendShape } from '../../../shared/board/regie-shapes.ts'
import { legendTitleFor } from '../../../shared/board/legend-title.ts'
import { actorKind } from '../../../shared/regie/actor-kinds.ts'
import { relationKind } from '../../../shared/regie/relation-kinds.ts'
import { useI18nOrStored } from '../../i18n/i18n.tsx'
import { ActorSwatch, RelationSwatch } from './swatches.tsx'

export function LegendCard({ shape }: { shape: RegieLegendShape }) {
  const { t, language } = useI18nOrStored()
  const p = shape.props
  const natural = legendRowHeights(p.actorKinds, p.relationKinds, language)
  // Legends sized before rows grew with their labels keep even rows, so the last still fits.
  const fits = natural.reduce((sum, height) => sum + height, 0) <= p.h - LEGEND_CARD.header - LEGEND_CARD.padding
  const rowHeight = (index: number) => (fits ? natural[index] : LEGEND_CARD.row)
  return (
    <div className="regie-legend" style={{ width: p.w, height: p.h, padding: LEGEND_CARD.padding }}>
      <div className="regie-legend__title" style={{ height: LEGEND_CARD.header - LEGEND_CARD.padding }}>
        {legendTitleFor(p.title, language)}
      </div>
      {p.actorKinds.map((kind, index) => (
        <div key={kind} className="regie-legend__row" style={{ height: rowHeight(index) }}>
          <ActorSwatch kind={kind} />
          <span>{actorKind(kind).label[language]}</span>
        </div>
      ))}
      {p.relationKinds.map((kind, index) => (
        <div key={kind} className="regie-legend__row" style={{ height: rowHeight(p.actorKinds.length + index) }}>
          <RelationSwatch kind={kind} />
          <span>{relationKind(kind).label[language]}</span>
        </div>
      ))}
    </div>
  )
}
