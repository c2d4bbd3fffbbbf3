import { useEffect, useRef } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { QrCode } from '../../start/QrCode.tsx'

/**
 * For the beamer: the participant QR code as large as the screen allows, and the link in large
 * type for whoever cannot scan. Esc or "Sluiten" goes back.
 */
export function ProjectorView({ url, title, onClose }: { url: string; title: string; onClose: () => void }) {
  const { t } = useI18n()
  const close = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    close.current?.focus()
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose()
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])
  const shown = url.replace(/^https?:\/\//, '')
  return (
    <div className="projector-view" role="dialog" aria-modal="true" aria-labelledby="projector-title" data-projector>
      <button type="button" className="projector-close" onClick={onClose} ref={close} data-projector-close>
        {t('facil.share.close')}
      </button>
      <h1 id="projector-title">{title}</h1>
      <p className="projector-scan">{t('facil.share.projector.scan')}</p>
      <div className="projector-qr">
        <QrCode value={url} label={t('facil.share.qr')} />
      </div>
      <p className="projector-or">{t('facil.share.projector.orType')}</p>
      <p className="projector-link" data-projector-link>
        {shown}
      </p>
    </div>
  )
}
