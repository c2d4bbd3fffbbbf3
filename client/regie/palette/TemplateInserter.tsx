import { useState } from 'react'
import type { Editor } from 'tldraw'
import { TEMPLATES, type TemplateId } from '../../../shared/templates/index.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { insertTemplate } from '../insert-template.ts'

/** The facilitator's way to put a governance structure next to what the board already holds. */
export function TemplateInserter({ editor }: { editor: Editor }) {
  const { t, language } = useI18n()
  const [choice, setChoice] = useState<TemplateId>(TEMPLATES[0]?.id ?? 'co-creatie-co-productie-uitbesteding')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  // Never rejects: a failure becomes the error shown below the button.
  const insert = async () => {
    setBusy(true)
    setError(null)
    try {
      await insertTemplate(editor, choice, language)
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="regie-template">
      <h3>{t('regie.template')}</h3>
      <p className="regie-help">{t('regie.template.help')}</p>
      <select aria-label={t('regie.template')} value={choice} onChange={(e) => setChoice(e.target.value as TemplateId)} data-template-choice>
        {TEMPLATES.map((template) => (
          <option key={template.id} value={template.id}>
            {template.title[language]}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => void insert()} disabled={busy} data-template-insert>
        {busy ? t('regie.template.inserting') : t('regie.template.insert')}
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  )
}
