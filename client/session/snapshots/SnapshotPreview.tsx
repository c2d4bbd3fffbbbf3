import { useEffect, useMemo } from 'react'
import { createPortal } from 'react-dom'
import { createTLStore, defaultBindingUtils, defaultShapeUtils, Tldraw } from 'tldraw'
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import type { SnapshotContent } from '../../../shared/session/snapshots.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { regieShapeUtils } from '../../shapes/index.ts'
import { snapshotRecords } from './restore.ts'

const assetUrls = getAssetUrlsByImport()

interface Props {
  snapshot: SnapshotContent
  label: string
  onRestore(): void
  onClose(): void
}

/**
 * A snapshot on a canvas of its own, read-only: the facilitator looks before restoring. Its own
 * store, never bound to the board's documents, so nothing done here reaches anyone.
 */
export function SnapshotPreview({ snapshot, label, onRestore, onClose }: Props) {
  const { t } = useI18n()
  const store = useMemo(() => {
    const created = createTLStore({ shapeUtils: [...defaultShapeUtils, ...regieShapeUtils], bindingUtils: defaultBindingUtils })
    const records = snapshotRecords(created, snapshot)
    created.mergeRemoteChanges(() => created.put(records))
    return created
  }, [snapshot])

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])

  // On the body: the sidebar this opens from is a stacking context below tldraw's own menus.
  return createPortal(
    <div className="snapshot-preview" role="dialog" aria-modal="true" aria-labelledby="snapshot-preview-title" data-snapshot-preview>
      <header className="snapshot-preview__bar">
        <h2 id="snapshot-preview-title">{t('snapshots.preview.title', { label })}</h2>
        <span className="snapshot-preview__note">{t('snapshots.preview.readonly')}</span>
        <button type="button" onClick={onRestore} data-snapshot-preview-restore>
          {t('snapshots.restore')}
        </button>
        <button type="button" onClick={onClose} data-snapshot-preview-close autoFocus>
          {t('snapshots.preview.close')}
        </button>
      </header>
      <div className="snapshot-preview__canvas">
        <Tldraw
          store={store}
          shapeUtils={regieShapeUtils}
          assetUrls={assetUrls}
          hideUi
          onMount={(editor) => {
            const page = store.query.records('page').get()[0]
            if (page) editor.setCurrentPage(page.id)
            editor.updateInstanceState({ isReadonly: true })
            editor.zoomToFit({ animation: { duration: 0 } })
          }}
        />
      </div>
    </div>,
    document.body,
  )
}
