import { ITEM_CARD } from '../../../shared/board/card-sizes.ts'
import type { RegieItemShape } from '../../../shared/board/regie-shapes.ts'
import { useI18nOrStored } from '../../i18n/i18n.tsx'
import { AannameBadge } from '../aanname/AannameBadge.tsx'

export function ItemCard({ shape }: { shape: RegieItemShape }) {
  const { t } = useI18nOrStored()
  const p = shape.props
  const answered = p.response.trim() !== ''
  return (
    <div className={`regie-item regie-item--${p.variant}`} data-answered={answered ? 'true' : 'false'} style={{ width: p.w, height: p.h, padding: ITEM_CARD.padding }} {...(p.variant === 'stelling' && { title: t('item.stelling') })}>
      <AannameBadge meta={shape.meta} />
      <div className="regie-item__title" style={{ lineHeight: `${ITEM_CARD.titleLine}px` }}>
        {p.variant === 'checklist' && p.ref.length === 1 && <span className="regie-item__check">{p.checked ? '☑' : '☐'} </span>}
        {p.title}
      </div>
      {p.text.trim() !== '' && (
        <div className="regie-item__text" style={{ lineHeight: `${ITEM_CARD.textLine}px` }}>
          {p.text}
        </div>
      )}
      {p.hint.trim() !== '' && (
        <div className="regie-item__hint" style={{ lineHeight: `${ITEM_CARD.textLine}px` }}>
          {p.hint}
        </div>
      )}
      {p.variant === 'checklist' && (
        <div className="regie-item__response" data-empty={answered ? 'false' : 'true'}>
          {answered ? p.response : t('item.notFilledIn')}
        </div>
      )}
    </div>
  )
}
