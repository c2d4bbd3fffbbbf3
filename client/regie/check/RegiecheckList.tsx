import { useState } from 'react'
import { useValue, type Editor, type TLShapeId } from 'tldraw'
import { dismissalsFromMeta, metaWithDismissal, splitDismissed } from '../../../shared/board/regiecheck-dismissals.ts'
import type { RegieModel } from '../../../shared/regie/model.ts'
import { REGIE_RULES, type RegieFinding, type RegieRuleId } from '../../../shared/regie/regiecheck.ts'
import { canFacilitate, type Role } from '../../../shared/roles.ts'
import { useI18n } from '../../i18n/i18n.tsx'

const RULES = new Map(REGIE_RULES.map((rule) => [rule.id, rule]))

/** The rules the facilitator set aside on this board, read live from the document record. */
export function useDismissals(editor: Editor) {
  return useValue('regiecheck dismissals', () => dismissalsFromMeta(editor.getDocumentSettings().meta), [editor])
}

/**
 * The regiecheck's findings on the current page; clicking one shows the shapes it is about. Each
 * names its severity (fout, let op, info) and, on request, why the rule exists with its seed and
 * slide. The facilitator can set a rule aside for this board with a reason ("bewust zo gekozen");
 * those are listed apart and in the report.
 */
export function RegiecheckList({ editor, model, findings, role }: { editor: Editor; model: RegieModel<string>; findings: readonly RegieFinding[]; role: Role }) {
  const { t, language } = useI18n()
  const dismissals = useDismissals(editor)
  const [dismissing, setDismissing] = useState<RegieRuleId | null>(null)
  const [reason, setReason] = useState('')
  const facilitator = canFacilitate(role)
  const { open, dismissed } = splitDismissed(findings, dismissals)

  const show = (finding: RegieFinding) => {
    const ids = [...finding.actorIds, ...finding.relationIds, ...finding.blockIds].filter((id) => editor.getShape(id as TLShapeId)) as TLShapeId[]
    if (ids.length === 0) return
    editor.select(...ids)
    editor.zoomToSelection({ animation: { duration: 300 } })
  }
  const setDismissal = (ruleId: RegieRuleId, text: string | null) => {
    const document = editor.getDocumentSettings()
    const dismissal = text === null ? null : { reason: text, by: editor.user.getName(), at: Date.now() }
    editor.updateDocumentSettings({ meta: metaWithDismissal(document.meta, ruleId, dismissal) })
    setDismissing(null)
    setReason('')
  }

  // An empty map (the co-creatie template has lanes and notes, no actors) is not a complete regie.
  if (model.actors.length === 0 && open.length === 0) return <p className="regie-help" data-regiecheck-empty>{t('regie.check.empty')}</p>
  return (
    <div className="regie-check">
      {open.length === 0 ? (
        <p className="regie-check-ok" role="status">
          {t('regie.check.none')}
        </p>
      ) : (
        <p role="status">{t('regie.check.count', { count: open.length })}</p>
      )}
      <ul>
        {open.map((finding, i) => {
          const rule = RULES.get(finding.ruleId)
          const firstOfRule = open.findIndex((other) => other.ruleId === finding.ruleId) === i
          return (
            <li key={`${finding.ruleId}-${i}`} data-regiecheck-finding data-rule={finding.ruleId} data-severity={finding.severity}>
              <button type="button" onClick={() => show(finding)} title={t('regie.check.show')}>
                <strong>
                  {t(`regie.severity.${finding.severity}`)}: {rule?.title[language]}
                </strong>
                <span>{finding.message[language]}</span>
                {rule && rule.valkuilen.length > 0 && <em>{t('regie.check.valkuilen', { ids: rule.valkuilen.join(', ') })}</em>}
              </button>
              {rule && (
                <details>
                  <summary>{t('regie.check.why')}</summary>
                  <p className="regie-help">{rule.explanation[language]}</p>
                </details>
              )}
              {facilitator && firstOfRule && dismissing !== finding.ruleId && (
                <div className="regie-check-actions">
                  <button type="button" onClick={() => setDismissing(finding.ruleId)} data-dismiss-rule={finding.ruleId}>
                    {t('regie.check.dismiss')}
                  </button>
                </div>
              )}
              {facilitator && dismissing === finding.ruleId && (
                <form
                  className="regie-check-dismiss"
                  onSubmit={(e) => {
                    e.preventDefault()
                    if (reason.trim() !== '') setDismissal(finding.ruleId, reason)
                  }}
                >
                  <label>
                    {t('regie.check.dismiss.reason')}
                    <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} required data-dismiss-reason />
                  </label>
                  <div>
                    <button type="submit" disabled={reason.trim() === ''} data-dismiss-save>
                      {t('regie.check.dismiss.save')}
                    </button>{' '}
                    <button type="button" onClick={() => setDismissing(null)}>
                      {t('regie.check.dismiss.cancel')}
                    </button>
                  </div>
                </form>
              )}
            </li>
          )
        })}
      </ul>
      {dismissed.length > 0 && (
        <details className="regie-check-dismissed" data-dismissed-rules>
          <summary>{t('regie.check.dismissed', { count: dismissed.length })}</summary>
          <ul>
            {dismissed.map(({ dismissal }) => (
              <li key={dismissal.ruleId} data-dismissed-rule={dismissal.ruleId}>
                <strong>{RULES.get(dismissal.ruleId)?.title[language]}</strong>
                <span>
                  {' '}
                  — {dismissal.reason}
                  {dismissal.by !== '' && ` (${dismissal.by})`}
                </span>
                {facilitator && (
                  <div className="regie-check-actions">
                    <button type="button" onClick={() => setDismissal(dismissal.ruleId, null)}>
                      {t('regie.check.dismissed.restore')}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  )
}
