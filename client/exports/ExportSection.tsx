import { useState } from 'react'
import type { Editor } from 'tldraw'
import { useI18n } from '../i18n/i18n.tsx'
import { download, exportImage, fileNameFor, type ImageFormat } from './image-export.ts'

/** Export buttons of the session tab: images made here; more formats come from the server's API. */
export function ExportSection({ editor, title, fetchExport }: { editor: Editor; title: string; fetchExport: (path: string) => Promise<Blob> }) {
  const { t } = useI18n()
  const [message, setMessage] = useState('')

  const image = async (format: ImageFormat, scope: 'page' | 'selection') => {
    setMessage('')
    try {
      const blob = await exportImage(editor, format, scope)
      if (!blob) {
        setMessage(t('export.empty'))
        return
      }
      download(blob, fileNameFor(title, `.${format}`))
      setMessage(t('export.done'))
    } catch (error) {
      setMessage(t('session.failed', { message: error instanceof Error ? error.message : String(error) }))
    }
  }

  const server = async (path: string, suffix: string) => {
    setMessage('')
    try {
      download(await fetchExport(path), fileNameFor(title, suffix))
      setMessage(t('export.done'))
    } catch (error) {
      setMessage(t('session.failed', { message: error instanceof Error ? error.message : String(error) }))
    }
  }

  return (
    <section aria-labelledby="export-heading">
      <h3 id="export-heading">{t('export.heading')}</h3>
      <div className="session-buttons">
        <button type="button" onClick={() => void image('png', 'page')} data-export="png">
          {t('export.png')}
        </button>
        <button type="button" onClick={() => void image('svg', 'page')} data-export="svg">
          {t('export.svg')}
        </button>
        <button type="button" onClick={() => void image('png', 'selection')} disabled={editor.getSelectedShapeIds().length === 0} data-export="selection">
          {t('export.selection')}
        </button>
      </div>
      <div className="session-buttons">
        <button type="button" onClick={() => void server('/export.json', '.json')} data-export="json">
          {t('export.json')}
        </button>
        <button type="button" onClick={() => void server('/export.csv', '.csv')} data-export="csv">
          {t('export.csv')}
        </button>
        <button type="button" onClick={() => void server('/arrangements.csv', '-afspraken.csv')} data-export="arrangements">
          {t('export.arrangements')}
        </button>
      </div>
      <p>
        <a href={`${window.location.pathname.replace(/\/$/, '')}/verslag${window.location.hash}`} target="_blank" rel="noopener" data-export="report">
          {t('export.report')}
        </a>
      </p>
      <p role="status" className="regie-help">
        {message}
      </p>
    </section>
  )
}
