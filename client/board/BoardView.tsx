import { lazy, Suspense, useEffect, useState } from 'react'
import { useValue } from '@tldraw/state-react'
import type { Role } from '../../shared/roles.ts'
import { CLOSE_BOARD_DELETED, CLOSE_BOARD_TOO_LARGE, CLOSE_NOT_ADMITTED, CLOSE_TOKEN_ROTATED } from '../../shared/close-codes.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { PhoneView } from '../phone/PhoneView.tsx'
import type { Owner } from '../session/owner-secret.ts'
import { openBoardSession, type BoardSession } from './board-session.ts'
import type { Identity } from './identity.ts'
import { forgetBoardLocally } from './local-copies.ts'
import { watchSyncStatus, type SyncStatusSnapshot } from './sync-status.ts'
import { chooseView, rememberView, type BoardViewKind } from './view-choice.ts'
import { downloadCanvasFiles } from './warm-canvas.ts'

// tldraw (and elkjs behind the regie tools) is most of the download: a phone shows the notes first
// and fetches the canvas afterwards, in the background or when someone opens it.
const loadCanvas = () => import('./BoardCanvas.tsx')
const BoardCanvas = lazy(() => loadCanvas().then((m) => ({ default: m.BoardCanvas })))

interface Props {
  boardId: string
  title: string
  token: string
  role: Role
  identity: Identity
  owner: Owner
  licenseKey: string | null
}

/**
 * An open board: its documents and connections (one session, kept when switching views) shown
 * as the simple phone view or as the full canvas. Both are the same live board.
 */
export function BoardView({ boardId, title, token, role, identity, owner, licenseKey }: Props) {
  const { t } = useI18n()
  const [session, setSession] = useState<BoardSession | null>(null)
  const [ready, setReady] = useState(false)
  const [status, setStatus] = useState<SyncStatusSnapshot>({ state: 'connecting', unsynced: 0 })
  const [closedWith, setClosedWith] = useState<'rotated' | 'deleted' | 'notAdmitted' | null>(null)
  const [boardFull, setBoardFull] = useState(false)
  const [view, setView] = useState<BoardViewKind>(() => chooseView(role))

  useEffect(() => {
    const opened = openBoardSession({ boardId, token, role, identity, owner })
    const stopStatus = watchSyncStatus(opened.main.provider, opened.main.doc, setStatus)
    setSession(opened)
    setReady(false)
    // A rotated link is closed with its own code: stop retrying and say so, rather than spin.
    const onClose = (event: CloseEvent | null) => {
      if (event?.code === CLOSE_BOARD_TOO_LARGE) {
        // Reconnecting would send the same edit and be refused again: stop, keep the board in view.
        setBoardFull(true)
        opened.main.provider.disconnect()
        return
      }
      if (event?.code !== CLOSE_TOKEN_ROTATED && event?.code !== CLOSE_BOARD_DELETED && event?.code !== CLOSE_NOT_ADMITTED) return
      setClosedWith(event.code === CLOSE_BOARD_DELETED ? 'deleted' : event.code === CLOSE_NOT_ADMITTED ? 'notAdmitted' : 'rotated')
      if (event.code === CLOSE_BOARD_DELETED) forgetBoardLocally(boardId, owner.key)
      for (const connection of [opened.main, opened.structure, opened.control, opened.private]) connection?.provider.disconnect()
    }
    opened.main.provider.on('connection-close', onClose)
    let disposed = false
    void opened.ready.then(() => {
      if (!disposed) setReady(true)
    })
    return () => {
      disposed = true
      stopStatus()
      opened.dispose()
    }
  }, [boardId, token, role, identity, owner])

  // Once the phone view shows the board, the canvas loads quietly, so opening it is quick.
  useEffect(() => {
    if (view !== 'phone' || !ready) return
    const timer = window.setTimeout(() => void loadCanvas().catch(() => undefined), 300)
    return () => window.clearTimeout(timer)
  }, [view, ready])

  const schemaStatus = useValue('schema status', () => session?.binding()?.schemaStatus.get() ?? 'compatible', [session, ready])
  const canWrite = useValue('can write', () => session?.binding()?.canWrite.get() ?? false, [session, ready])
  const mayEdit = useValue('may edit', () => session?.$mayEdit.get() ?? false, [session])
  const readOnly = !mayEdit || !canWrite

  const switchTo = (next: BoardViewKind) => {
    rememberView(next)
    // What the background download has not fetched yet now comes at full pace.
    if (next === 'canvas') downloadCanvasFiles('now')
    setView(next)
  }

  if (!session) return null
  if (closedWith) {
    return (
      <main className="page">
        <h1>{t('app.name')}</h1>
        <p role="alert" className="error" data-board-error>
          {closedWith === 'deleted' ? t('board.deleted') : closedWith === 'notAdmitted' ? t('session.notAdmitted') : t('session.rotated')}
        </p>
        <p>
          <a href="/">{t('home.link')}</a>
        </p>
      </main>
    )
  }
  const banners = (
    <>
      {schemaStatus === 'too-new' && (
        <div className="board-banner" role="alert">
          <span>{t('board.schemaTooNew')}</span>
          <button type="button" onClick={() => window.location.reload()}>
            {t('board.reload')}
          </button>
        </div>
      )}
      {boardFull && (
        <div className="board-banner" role="alert" data-board-full>
          <span>{t('board.full')}</span>
          <button type="button" onClick={() => window.location.reload()}>
            {t('board.reload')}
          </button>
        </div>
      )}
      {schemaStatus === 'unmigratable' && (
        <div className="board-banner" role="alert">
          <span>{t('board.unmigratable')}</span>
        </div>
      )}
    </>
  )
  if (view === 'phone') {
    return (
      <PhoneView
        session={session}
        title={title}
        identity={identity}
        ready={ready}
        readOnly={readOnly}
        status={status}
        banners={banners}
        onOpenCanvas={() => switchTo('canvas')}
      />
    )
  }
  return (
    <Suspense fallback={<p className="page" role="status">{t('phone.canvas.loading')}</p>}>
      <BoardCanvas
        session={session}
        ready={ready}
        role={role}
        identity={identity}
        licenseKey={licenseKey}
        readOnly={readOnly}
        status={status}
        banners={banners}
        onSimpleView={() => switchTo('phone')}
      />
    </Suspense>
  )
}
