import { aannameOf } from '../../../shared/board/regie-shapes.ts'
import { useI18nOrStored } from '../../i18n/i18n.tsx'

/**
 * The visible "aanname" marker on a card: a small tag in the corner, with the full Dutch text
 * (what is assumed and why) as its tooltip and in the inspector, outline and report. A confirmed
 * assumption no longer shows on the canvas; the report still lists it as confirmed.
 */
export function AannameBadge({ meta }: { meta: unknown }) {
  const { t } = useI18nOrStored()
  const aanname = aannameOf(meta)
  if (!aanname || aanname.bevestigd) return null
  return (
    <span className="regie-aanname" title={`${t('aanname.title')}: ${aanname.tekst}`} data-aanname>
      {t('aanname.marker')}
    </span>
  )
}
