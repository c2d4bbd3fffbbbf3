import type { Editor, TLShape } from 'tldraw'
import { aannameOf } from '../../../shared/board/regie-shapes.ts'
import { canFacilitate, type Role } from '../../../shared/roles.ts'
import { useI18n } from '../../i18n/i18n.tsx'

/**
 * The assumption on the selected card or relation, and the facilitator's two answers to it:
 * "klopt voor ons bord" (the marker goes, the report lists it as confirmed) or "weghalen" (the
 * marker and its text go). Deleting the element itself stays the ordinary delete.
 */
export function AannamePanel({ editor, shape, role }: { editor: Editor; shape: TLShape; role: Role }) {
  const { t } = useI18n()
  const aanname = aannameOf(shape.meta)
  if (!aanname) return null
  const facilitator = canFacilitate(role)
  const setMeta = (meta: Record<string, unknown>) => editor.updateShape({ id: shape.id, type: shape.type, meta: meta as TLShape['meta'] })
  const { aanname: _text, aannameBevestigd: _confirmed, ...rest } = shape.meta as Record<string, unknown>
  return (
    <div className="regie-aanname-panel" data-aanname-panel>
      <strong>{t('aanname.title')}</strong>
      <p>{aanname.tekst}</p>
      <p className="regie-help">{aanname.bevestigd ? t('aanname.confirmedNote') : t('aanname.help')}</p>
      {facilitator ? (
        <div>
          {aanname.bevestigd ? (
            <button type="button" onClick={() => setMeta({ ...rest, aanname: aanname.tekst })} data-aanname-reopen>
              {t('aanname.reopen')}
            </button>
          ) : (
            <button type="button" onClick={() => setMeta({ ...rest, aanname: aanname.tekst, aannameBevestigd: true })} data-aanname-confirm>
              {t('aanname.confirm')}
            </button>
          )}
          <button type="button" onClick={() => setMeta(rest)} data-aanname-remove>
            {t('aanname.remove')}
          </button>
        </div>
      ) : (
        <p className="regie-help">{t('aanname.onlyFacilitator')}</p>
      )}
    </div>
  )
}
