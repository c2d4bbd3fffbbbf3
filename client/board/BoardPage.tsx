import { useEffect, useState } from 'react'
import { api, ApiError, type BoardInfo } from '../app/api.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { JoinDialog } from '../join/JoinDialog.tsx'
import type { BoardLocation } from './board-location.ts'
import { BoardCanvas } from './BoardCanvas.tsx'
import { loadIdentity, type Identity } from './identity.ts'
import { loadOwner, type Owner } from '../session/owner-secret.ts'
import { forgetBoard, rememberBoard } from '../start/my-boards.ts'

type Loaded = { board: BoardInfo; licenseKey: string | null; owner: Owner }
type Failure = 'token' | 'notFound' | 'noToken' | { message: string }

/** `/b/:id#t=…`: checks the link, asks for a name on the first visit, then opens the canvas. */
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
        rememberBoard({ id: board.id, title: board.title, role: board.role, token })
        setLoaded({ board, licenseKey: config.tldrawLicenseKey, owner })
      },
      (error: unknown) => {
        if (cancelled) return
        if (error instanceof ApiError && (error.status === 401 || error.status === 403)) setFailure('token')
        else if (error instanceof ApiError && error.status === 404) {
          forgetBoard(location.boardId)
          setFailure('notFound')
        }
        else setFailure({ message: error instanceof Error ? error.message : String(error) })
      },
    )
    return () => {
      cancelled = true
    }
  }, [location.boardId, location.token])

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
  if (!loaded) return <p className="page" role="status">{t('board.loading')}</p>
  if (!identity) return <JoinDialog title={loaded.board.title} role={loaded.board.role} onJoin={setIdentity} />
  return (
    <BoardCanvas
      boardId={location.boardId}
      token={location.token!}
      role={loaded.board.role}
      identity={identity}
      owner={loaded.owner}
      licenseKey={loaded.licenseKey}
    />
  )
}
