import { useState } from 'react'
import type { BoardSession } from '../../board/board-session.ts'
import { useI18n } from '../../i18n/i18n.tsx'

/**
 * Replacing a link disconnects everyone who holds the old one, so it takes two steps and the
 * second says so. The new link then shows in the dialog like the others (copy, QR).
 */
export function RotateLink({ session, role, onRotated }: { session: BoardSession; role: 'participant' | 'viewer'; onRotated: () => void }) {
  const { t } = useI18n()
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)

  const rotate = () => {
    setBusy(true)
    setMessage(null)
    session.client.rotate(role).then(
      () => {
        setBusy(false)
        setConfirming(false)
        setMessage(t('facil.rotate.done'))
        onRotated()
      },
      (error: unknown) => {
        setBusy(false)
        setMessage(t('session.failed', { message: error instanceof Error ? error.message : String(error) }))
      },
    )
  }

  return (
    <div className="rotate-link" data-rotate-role={role}>
      {confirming ? (
        <div className="rotate-confirm" role="alertdialog" aria-labelledby={`rotate-${role}-text`}>
          <p id={`rotate-${role}-text`}>{t(role === 'participant' ? 'facil.rotate.confirmParticipant' : 'facil.rotate.confirmViewer')}</p>
          <div className="session-buttons">
            <button type="button" className="danger" onClick={rotate} disabled={busy} data-rotate-confirm={role}>
              {t('facil.rotate.yes')}
            </button>
            <button type="button" onClick={() => setConfirming(false)} disabled={busy}>
              {t('facil.rotate.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} data-rotate={role}>
          {t(role === 'participant' ? 'facil.rotate.participant' : 'facil.rotate.viewer')}
        </button>
      )}
      {message && (
        <p role="status" className="regie-help" data-rotate-message={role}>
          {message}
        </p>
      )}
    </div>
  )
}
