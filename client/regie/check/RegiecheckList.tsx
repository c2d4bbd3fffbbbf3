import type { Editor, TLShapeId } from 'tldraw'
import type { RegieModel } from '../../../shared/regie/model.ts'
import { REGIE_RULES, type RegieFinding } from '../../../shared/regie/regiecheck.ts'
import { useI18n } from '../../i18n/i18n.tsx'

const RULES = new Map(REGIE_RULES.map((rule) => [rule.id, rule]))

/** The regiecheck's findings on the current page; clicking one shows the shapes it is about. */
export function RegiecheckList({ editor, model, findings }: { editor: Editor; model: RegieModel<string>; findings: readonly RegieFinding[] }) {
  const { t, language } = useI18n()

  const show = (finding: RegieFinding) => {
    const ids = [...finding.actorIds, ...finding.relationIds, ...finding.blockIds].filter((id) => editor.getShape(id as TLShapeId)) as TLShapeId[]
    if (ids.length === 0) return
    editor.select(...ids)
    editor.zoomToSelection({ animation: { duration: 300 } })
  }

  if (model.actors.length === 0 && model.blocks.length === 0) return <p className="regie-help">{t('regie.check.empty')}</p>
  if (findings.length === 0) return <p className="regie-check-ok" role="status">{t('regie.check.none')}</p>
  return (
    <div className="regie-check">
      <p role="status">{t('regie.check.count', { count: findings.length })}</p>
      <ul>
        {findings.map((finding, i) => {
          const rule = RULES.get(finding.ruleId)
          return (
            <li key={`${finding.ruleId}-${i}`} data-regiecheck-finding data-rule={finding.ruleId} data-severity={finding.severity}>
              <button type="button" onClick={() => show(finding)} title={t('regie.check.show')}>
                <strong>{rule?.title[language]}</strong>
                <span>{finding.message[language]}</span>
                {rule && rule.valkuilen.length > 0 && <em>{t('regie.check.valkuilen', { ids: rule.valkuilen.join(', ') })}</em>}
              </button>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
