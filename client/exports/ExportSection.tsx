import { useState } from 'react'
import type { Editor } from 'tldraw'
import { useI18n } from '../i18n/i18n.tsx'
import { download, exportImage, fileNameFor, type ImageFormat } from './image-export.ts'

/** Export buttons of the session tab: images made here; more formats come from the server's API. */
export function ExportSection({ editor, title, fetchExport }: { editor: Editor; title: string; fetchExport: (path: string) => Promise<Blob> }) {
  const { t } = useI18n()
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState<string | null>(null)

  const image = async (format: ImageFormat, scope: 'page' | 'selection') => {
    setMessage('')
    setBusy(format === 'svg' ? t('export.busy.svg') : t('export.busy.png'))
    try {
      // Let the busy state paint before the browser is occupied with the image.
      await nextPaint()
      const blob = await exportImage(editor, format, scope)
      if (!blob) {
        setMessage(t('export.empty'))
        return
      }
      download(blob, fileNameFor(title, `.${format}`))
      setMessage(t('export.done'))
    } catch (error) {
      setMessage(t('session.failed', { message: error instanceof Error ? error.message : String(error) }))
    } finally {
      setBusy(null)
    }
  }

  const server = async (path: string, suffix: string) => {
    setMessage('')
    setBusy(t('export.busy.file'))
    try {
      download(await fetchExport(path), fileNameFor(title, suffix))
      setMessage(t('export.done'))
    } catch (error) {
      setMessage(t('session.failed', { message: error instanceof Error ? error.message : String(error) }))
    } finally {
      setBusy(null)
    }
  }

  const exports = [
    { key: 'png', label: t('export.png'), run: () => image('png', 'page'), disabled: false },
    { key: 'svg', label: t('export.svg'), run: () => image('svg', 'page'), disabled: false },
    { key: 'selection', label: t('export.selection'), run: () => image('png', 'selection'), disabled: editor.getSelectedShapeIds().length === 0 },
    { key: 'json', label: t('export.json'), run: () => server('/export.json', '.json'), disabled: false },
    { key: 'csv', label: t('export.csv'), run: () => server('/export.csv', '.csv'), disabled: false },
    { key: 'arrangements', label: t('export.arrangements'), run: () => server('/arrangements.csv', '-afspraken.csv'), disabled: false },
    { key: 'aannames', label: t('export.aannames'), run: () => server('/aannames.csv', '-aannames.csv'), disabled: false },
  ]

  return (
    <section aria-labelledby="export-heading" aria-busy={busy !== null}>
      <h3 id="export-heading">{t('export.heading')}</h3>
      <div className="session-buttons">
        {exports.map(({ key, label, run, disabled }) => (
          <button key={key} type="button" onClick={() => void run()} disabled={disabled || busy !== null} data-export={key}>
            {label}
          </button>
        ))}
      </div>
      <p>
        <a href={`${window.location.pathname.replace(/\/$/, '')}/verslag${window.location.hash}`} target="_blank" rel="noopener" className="report-link" data-export="report">
          {t('export.report')}
        </a>
      </p>
      <p role="status" className="regie-help" data-export-status={busy !== null ? 'busy' : 'idle'}>
        {busy !== null ? (
          <span className="export-busy">
            <progress aria-label={busy} />
            {busy}
          </span>
        ) : (
          message
        )}
      </p>
    </section>
  )
}

function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())))
}
