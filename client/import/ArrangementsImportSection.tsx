/**
 * The start page's way in for the arrangements import: the preview panel loads on first use, so
 * the start page's own bundle does not grow with it.
 */
import { lazy, Suspense, useState } from 'react'
import type { CreatedBoard } from '../app/api.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { importArrangements } from './import-api.ts'
import { importTexts } from './import-texts.ts'

const ArrangementsImportPanel = lazy(() => import('./ArrangementsImportPanel.tsx'))

export function ArrangementsImportSection({ onCreated }: { onCreated(board: CreatedBoard): void }) {
  const { language } = useI18n()
  const text = importTexts(language)
  const [open, setOpen] = useState(false)
  if (!open) {
    return (
      <div className="import-entry">
        <button type="button" className="secondary" onClick={() => setOpen(true)} data-open-arrangements-import>
          {text.open}
        </button>
      </div>
    )
  }
  return (
    <Suspense fallback={<p role="status">{text.reading}</p>}>
      <ArrangementsImportPanel
        mode="start"
        onImport={async (payload, title) => {
          const board = await importArrangements(payload, title, language)
          onCreated(board)
          return text.createdCheck(board.findings.length)
        }}
      />
    </Suspense>
  )
}
