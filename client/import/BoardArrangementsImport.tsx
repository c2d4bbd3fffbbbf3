/**
 * The facilitator's way to put a spreadsheet of arrangements on the open board: the same preview
 * as on the start page, in a dialog wide enough for its tables.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import type { Editor } from 'tldraw'
import { LEGEND_TITLE } from '../../shared/board/legend-title.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { importTexts } from './import-texts.ts'
import { insertModel } from './insert-model.ts'
import './import.css'

const ArrangementsImportPanel = lazy(() => import('./ArrangementsImportPanel.tsx'))

export function BoardArrangementsImport({ editor }: { editor: Editor }) {
  const { language } = useI18n()
  const text = importTexts(language)
  const [open, setOpen] = useState(false)
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    if (open) dialog.current?.showModal()
    else dialog.current?.close()
  }, [open])

  return (
    <>
      <button type="button" className="secondary" onClick={() => setOpen(true)} data-open-arrangements-import>
        {text.open}
      </button>
      <dialog ref={dialog} className="import-dialog" onClose={() => setOpen(false)} aria-label={text.heading}>
        {open && (
          <Suspense fallback={<p role="status">{text.reading}</p>}>
            <ArrangementsImportPanel
              mode="board"
              onImport={async (payload) => {
                const { payloadToModel } = await import('../../shared/import/payload.ts')
                const model = payloadToModel(payload, LEGEND_TITLE[language])
                await insertModel(editor, model, 'import')
                setOpen(false)
                return text.inserted(model.relations.length)
              }}
            />
          </Suspense>
        )}
        <button type="button" className="secondary import-dialog-close" onClick={() => setOpen(false)}>
          {text.close}
        </button>
      </dialog>
    </>
  )
}
