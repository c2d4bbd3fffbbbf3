import { lazy, Suspense, useCallback, useEffect, useState } from 'react'
import { api, ApiError, type BoardInfo } from '../app/api.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { JoinDialog } from '../join/JoinDialog.tsx'
import { TurnedAway, WaitingRoom } from '../join/WaitingRoom.tsx'
import type { BoardLocation } from './board-location.ts'
import { chooseView } from './view-choice.ts'
import { downloadCanvasFiles } from './warm-canvas.ts'
import { loadIdentity, type Identity } from './identity.ts'
import { admissionOf, loadOwner, type AdmissionStatus, type Owner } from '../session/owner-secret.ts'
import { forgetBoard, rememberBoard } from '../start/my-boards.ts'

/*
 * This page is in the first download and must stay small: the board itself (Yjs, the phone view)
 * comes in a chunk of its own, fetched while the name is being typed; the canvas (tldraw) later.
 */
const loadBoardView = () => import('./BoardView.tsx')
const BoardView = lazy(() => loadBoardView().then((m) => ({ default: m.BoardView })))


type Loaded = { board: BoardInfo; licenseKey: string | null }
/** This browser's server-issued identity on the board and whether it was let in. */
type Membership = { owner: Owner; status: AdmissionStatus } | 'busy'
type Failure = 'token' | 'notFound' | 'noToken' | { message: string }

/** `/b/:id#t=…`: checks the link, asks for a name on the first visit, then opens the canvas. */
export function BoardPage({ location }: { location: BoardLocation }) {
  const { t } = useI18n()
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [failure, setFailure] = useState<Failure | null>(location.token ? null : 'noToken')
  const [identity, setIdentity] = useState<Identity | null>(loadIdentity)
  const [membership, setMembership] = useState<Membership | null>(null)

  useEffect(() => {
    const token = location.token
    if (!token) return
    let cancelled = false
    Promise.all([api.board(location.boardId, token), api.config()]).then(
      ([board, config]) => {
        if (cancelled) return
        document.title = `${board.title} · Regiebord`
        rememberBoard({ id: board.id, title: board.title, role: board.role, token })
        setLoaded({ board, licenseKey: config.tldrawLicenseKey })
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

  // The board's code downloads while the name is typed (after the dialog is on screen), then the
  // canvas's files in the background, so that opening the canvas later does not start with a
  // download. Who will see the canvas straight away (a wide screen, or "Hele bord" chosen before)
  // needs both at once, the canvas's at full pace.
  useEffect(() => {
    if (failure) return
    const timer = window.setTimeout(() => {
      const pace = chooseView('participant') === 'canvas' ? 'now' : 'background'
      if (pace === 'now') downloadCanvasFiles(pace)
      void loadBoardView().then(() => downloadCanvasFiles(pace), () => undefined)
    }, identity ? 0 : 50)
    return () => window.clearTimeout(timer)
  }, [failure, identity])

  // Once the name is known: the identity the board issued to this browser (asked for once, kept).
  const name = identity?.name ?? null
  useEffect(() => {
    const token = location.token
    if (!token || !loaded || name === null) return
    let cancelled = false
    let retry = 0
    const attempt = () => {
      loadOwner(location.boardId, token, name).then(
        (result) => {
          if (!cancelled) setMembership(result)
        },
        (error: unknown) => {
          if (cancelled) return
          // Too many people joining through the link at once: wait and ask again.
          if (error instanceof ApiError && error.status === 429) {
            setMembership('busy')
            retry = window.setTimeout(attempt, 5000)
          } else setFailure({ message: error instanceof Error ? error.message : String(error) })
        },
      )
    }
    attempt()
    return () => {
      cancelled = true
      window.clearTimeout(retry)
    }
  }, [location.boardId, location.token, loaded, name])

  const owner = membership && membership !== 'busy' ? membership.owner : null
  const checkAdmission = useCallback(async () => {
    if (!owner || !location.token) return
    const status = await admissionOf(location.boardId, location.token, owner)
    // Unknown now: the link was replaced while waiting; the page says so as for any dead link.
    if (status === null) setFailure('token')
    else setMembership({ owner, status })
  }, [owner, location.boardId, location.token])

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
  if (membership === 'busy') return <p className="page" role="status">{t('lobby.busy')}</p>
  if (!membership) return <p className="page" role="status">{t('board.loading')}</p>
  if (membership.status === 'refused') return <TurnedAway title={loaded.board.title} />
  if (membership.status === 'waiting') return <WaitingRoom title={loaded.board.title} name={identity.name} check={checkAdmission} />
  return (
    <Suspense fallback={<p className="page" role="status">{t('board.loading')}</p>}>
      <BoardView
        boardId={location.boardId}
        title={loaded.board.title}
        token={location.token!}
        role={loaded.board.role}
        identity={identity}
        owner={membership.owner}
        licenseKey={loaded.licenseKey}
      />
    </Suspense>
  )
}
