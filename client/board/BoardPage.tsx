import { lazy, Suspense, useEffect, useState } from 'react'
import { api, ApiError, type BoardInfo } from '../app/api.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { JoinDialog } from '../join/JoinDialog.tsx'
import type { BoardLocation } from './board-location.ts'
import { loadIdentity, type Identity } from './identity.ts'
import { loadOwner, type Owner } from '../session/owner-secret.ts'

/*
 * This page is in the first download and must stay small: the board itself (Yjs, the phone view)
 * comes in a chunk of its own, fetched while the name is being typed; the canvas (tldraw) later.
 */
const loadBoardView = () => import('./BoardView.tsx')
const BoardView = lazy(() => loadBoardView().then((m) => ({ default: m.BoardView })))

type Loaded = { board: BoardInfo; licenseKey: string | null; owner: Owner }
type Failure = 'token' | 'notFound' | 'noToken' | { message: string }

/** `/b/:id#t=…`: checks the link, asks for a name on the first visit, then opens the board. */
export function BoardPage({ location }: { location: BoardLocation }) {
  const { t } = useI18n()
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [failure, setFailure] = useState<Failure | null>(location.token ? null : 'noToken')
  const [identity, setIdentity] = useState<Identity | null>(loadIdentity)

  useEffect(() => {
    const token = location.token
    if (!token) return
    let cancelled = false
    Promise.all([api.board(location.boardId, token), api.config(), loadOwner()]).then(
      ([board, config, owner]) => {
        if (cancelled) return
        document.title = `${board.title} · Regiebord`
        setLoaded({ board, licenseKey: config.tldrawLicenseKey, owner })
      },
      (error: unknown) => {
        if (cancelled) return
        if (error instanceof ApiError && (error.status === 401 || error.status === 403)) setFailure('token')
        else if (error instanceof ApiError && error.status === 404) setFailure('notFound')
        else setFailure({ message: error instanceof Error ? error.message : String(error) })
      },
    )
    return () => {
      cancelled = true
    }
  }, [location.boardId, location.token])

  // The board's code downloads while the name is typed (after the dialog is on screen).
  useEffect(() => {
    if (failure) return
    const timer = window.setTimeout(() => void loadBoardView().catch(() => undefined), identity ? 0 : 50)
    return () => window.clearTimeout(timer)
  }, [failure, identity])

  if (failure) {
    const message =
      failure === 'token'
        ? t('board.error.token')
        : failure === 'notFound'
          ? t('board.error.notFound')
          : failure === 'noToken'
            ? t('board.error.noToken')
            : t('board.error.other', { message: failure.message })
    return (
      <main className="page">
        <h1>{t('app.name')}</h1>
        <p role="alert" className="error" data-board-error>
          {message}
        </p>
        <p>
          <a href="/">{t('home.link')}</a>
        </p>
      </main>
    )
  }
  // The name can be typed while the board's details are still on their way.
  if (!identity) return <JoinDialog title={loaded?.board.title ?? null} role={loaded?.board.role ?? null} onJoin={setIdentity} />
  if (!loaded) return <p className="page" role="status">{t('board.loading')}</p>
  return (
    <Suspense fallback={<p className="page" role="status">{t('board.loading')}</p>}>
      <BoardView
        boardId={location.boardId}
        title={loaded.board.title}
        token={location.token!}
        role={loaded.board.role}
        identity={identity}
        owner={loaded.owner}
        licenseKey={loaded.licenseKey}
      />
    </Suspense>
  )
}
