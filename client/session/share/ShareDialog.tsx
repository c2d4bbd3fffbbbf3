import { useCallback, useEffect, useRef, useState } from 'react'
import type { LinksAnswer } from '../../../shared/session/session-api.ts'
import { boardLink } from '../../app/api.ts'
import type { BoardSession } from '../../board/board-session.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { CopyableLink } from '../../start/CopyableLink.tsx'
import { QrCode } from '../../start/QrCode.tsx'
import { ProjectorView } from './ProjectorView.tsx'
import { RotateLink } from './RotateLink.tsx'

/**
 * "Delen" inside the board, for the facilitator: the three links with copy buttons, the
 * participant QR code, the projector view, and replacing a link in two steps. The facilitator's
 * own link is the one in this page's address; the other two come from the server, which derives
 * them again from the facilitator's token (server/boards/link-tokens.ts).
 */
export function ShareDialog({ session, title, onClose }: { session: BoardSession; title: string; onClose: () => void }) {
  const { t } = useI18n()
  const [links, setLinks] = useState<LinksAnswer | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [projector, setProjector] = useState(false)
  const dialog = useRef<HTMLDivElement>(null)

  const load = useCallback(() => {
    session.client.links().then(setLinks, (e: unknown) => setError(t('session.failed', { message: e instanceof Error ? e.message : String(e) })))
  }, [session, t])
  useEffect(load, [load])
  useEffect(() => {
    dialog.current?.querySelector<HTMLElement>('button')?.focus()
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !projector) onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose, projector])

  const origin = window.location.origin
  const link = (token: string | null) => (token ? boardLink(origin, session.boardId, token) : null)
  const participant = link(links?.participant ?? null)
  const viewer = link(links?.viewer ?? null)

  if (projector && participant) return <ProjectorView url={participant} title={title} onClose={() => setProjector(false)} />
  return (
    <div className="share-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="share-dialog" role="dialog" aria-modal="true" aria-labelledby="share-heading" ref={dialog} data-share-dialog>
        <header className="share-header">
          <h2 id="share-heading">
            {t('facil.share.title')}: {title}
          </h2>
          <button type="button" onClick={onClose} data-share-close>
            {t('facil.share.close')}
          </button>
        </header>
        <p className="regie-help">{t('facil.share.intro')}</p>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {!links && !error && <p role="status">{t('facil.share.loading')}</p>}
        {links && (
          <div className="share-body">
            <div className="share-links">
              <CopyableLink id="share-facilitator" label={t('start.link.facilitator')} help={t('start.link.facilitator.help')} url={boardLink(origin, session.boardId, session.token)} />
              {participant ? (
                <CopyableLink id="share-participant" label={t('start.link.participant')} help={t('start.link.participant.help')} url={participant} />
              ) : (
                <p className="regie-help" data-link-unknown="participant">
                  <strong>{t('start.link.participant')}</strong> {t('facil.share.unknown')}
                </p>
              )}
              {viewer ? (
                <CopyableLink id="share-viewer" label={t('start.link.viewer')} help={t('start.link.viewer.help')} url={viewer} />
              ) : (
                <p className="regie-help" data-link-unknown="viewer">
                  <strong>{t('start.link.viewer')}</strong> {t('facil.share.unknown')}
                </p>
              )}
              <section aria-labelledby="rotate-heading" className="share-rotate">
                <h3 id="rotate-heading">{t('facil.rotate.heading')}</h3>
                <RotateLink session={session} role="participant" onRotated={load} />
                <RotateLink session={session} role="viewer" onRotated={load} />
              </section>
            </div>
            {participant && (
              <div className="share-qr">
                <QrCode value={participant} label={t('start.qr')} />
                <button type="button" className="primary" onClick={() => setProjector(true)} data-projector-open>
                  {t('facil.share.projector')}
                </button>
              </div>
            )}
          </div>
        )}
      </div>
    </div>
  )
}
