import { lazy, Suspense } from 'react'
import { parseBoardLocation } from '../board/board-location.ts'
import { I18nProvider } from '../i18n/i18n.tsx'
import { StartPage } from '../start/StartPage.tsx'

// The canvas (tldraw) is the heavy part of the bundle; the start page does not wait for it.
const BoardPage = lazy(() => import('../board/BoardPage.tsx').then((m) => ({ default: m.BoardPage })))

/** Two routes, chosen by path: `/` (start page) and `/b/:boardId` (the board). */
export function App() {
  const board = parseBoardLocation(window.location.pathname, window.location.hash)
  return (
    <I18nProvider>
      {board ? (
        <Suspense fallback={<p className="page">…</p>}>
          <BoardPage location={board} />
        </Suspense>
      ) : (
        <StartPage />
      )}
    </I18nProvider>
  )
}
