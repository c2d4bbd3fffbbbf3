import { lazy, Suspense, useState } from 'react'
import { createPortal } from 'react-dom'
import type { BoardSession } from '../../board/board-session.ts'
import { useI18n } from '../../i18n/i18n.tsx'

// The dialog (with the QR code's encoder) loads when opened, not with the canvas.
const ShareDialog = lazy(() => import('./ShareDialog.tsx').then((m) => ({ default: m.ShareDialog })))

/** Opens the share dialog; the facilitator has it in the board bar and in the Sessie tab. */
export function ShareButton({ session, label, className }: { session: BoardSession; label?: string; className?: string }) {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  const title = document.title.replace(/ · Regiebord$/, '')
  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)} aria-haspopup="dialog" data-share-open>
        {label ?? t('facil.share.button')}
      </button>
      {/* In <body>: the board bar is transformed, which would make the dialog's fixed position its own. */}
      {open &&
        createPortal(
          <Suspense fallback={null}>
            <ShareDialog session={session} title={title} onClose={() => setOpen(false)} />
          </Suspense>,
          document.body,
        )}
    </>
  )
}
