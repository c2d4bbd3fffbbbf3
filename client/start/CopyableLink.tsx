import { useState } from 'react'
import { useI18n } from '../i18n/i18n.tsx'

export function CopyableLink({ id, label, help, url }: { id: string; label: string; help: string; url: string }) {
  const { t } = useI18n()
  const [copied, setCopied] = useState(false)
  // Never rejects: a refused clipboard selects the text instead.
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url)
    } catch {
      // Clipboard API refused (http, permissions): select the text so Ctrl+C works.
      ;(document.getElementById(id) as HTMLInputElement | null)?.select()
      return
    }
    setCopied(true)
    setTimeout(() => setCopied(false), 2000)
  }
  return (
    <div className="link-row">
      <label htmlFor={id}>
        <strong>{label}</strong> <span className="help">{help}</span>
      </label>
      <div className="link-field">
        <input id={id} readOnly value={url} onFocus={(e) => e.currentTarget.select()} data-role-link={id} />
        <button type="button" onClick={() => void copy()} aria-live="polite">
          {copied ? t('start.copied') : t('start.copy')}
        </button>
      </div>
    </div>
  )
}
