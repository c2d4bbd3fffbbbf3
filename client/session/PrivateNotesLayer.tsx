import { useEffect, useMemo } from 'react'
import { atom, useValue, type Editor } from 'tldraw'
import type { BoardSession } from '../board/board-session.ts'
import { recordsKeyValue } from '../board/records-kv.ts'
import { useI18n } from '../i18n/i18n.tsx'

/**
 * During "stil schrijven", a participant's own unrevealed notes look different from the board's:
 * a dashed outline and "Alleen jij ziet dit" on each, so nobody mistakes them for shared ones.
 */
export function PrivateNotesLayer({ editor, session }: { editor: Editor; session: BoardSession }) {
  const { t } = useI18n()
  const privateDoc = session.private
  // The private document's own changes (a reveal empties it) do not always change the store.
  const $version = useMemo(() => atom('private doc version', 0), [])
  useEffect(() => {
    if (!privateDoc) return
    const bump = () => $version.set($version.get() + 1)
    privateDoc.doc.on('update', bump)
    return () => privateDoc.doc.off('update', bump)
  }, [privateDoc, $version])
  const marks = useValue(
    'private note marks',
    () => {
      $version.get()
      if (!privateDoc) return []
      const privateRecords = recordsKeyValue(privateDoc.doc)
      return editor.getCurrentPageShapes().flatMap((shape) => {
        if (!privateRecords.has(shape.id)) return []
        const bounds = editor.getShapePageBounds(shape.id)
        if (!bounds) return []
        const topLeft = editor.pageToViewport({ x: bounds.minX, y: bounds.minY })
        const bottomRight = editor.pageToViewport({ x: bounds.maxX, y: bounds.maxY })
        return [{ id: shape.id, x: topLeft.x, y: topLeft.y, w: bottomRight.x - topLeft.x, h: bottomRight.y - topLeft.y }]
      })
    },
    [editor, privateDoc, $version],
  )
  if (marks.length === 0) return null
  return (
    <div className="private-layer" aria-hidden="true">
      {marks.map((mark) => (
        <div key={mark.id} className="private-mark" style={{ left: mark.x, top: mark.y, width: mark.w, height: mark.h }} data-private-mark={mark.id}>
          <span className="private-mark__label">{t('facil.private.mine')}</span>
        </div>
      ))}
    </div>
  )
}
