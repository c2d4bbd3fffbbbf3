import { lazy, Suspense } from 'react'
import { parseBoardLocation } from '../board/board-location.ts'
import { I18nProvider } from '../i18n/i18n.tsx'
import { BoardPage } from '../board/BoardPage.tsx'

// A new link pasted into the same tab changes only the fragment (the token), which browsers do
// not navigate for: open it afresh, as the new role, rather than keep showing the old one.
const tokenIn = (hash: string) => new URLSearchParams(hash.replace(/^#/, '')).get('t')
const openedWith = tokenIn(window.location.hash)
window.addEventListener('hashchange', () => {
  if (tokenIn(window.location.hash) !== openedWith) window.location.reload()
})

// A board link is what phones open: only its first screen is in the first download. The start
// page, the text pages and the report come when asked for; the canvas (tldraw) later still.
const StartPage = lazy(() => import('../start/StartPage.tsx').then((m) => ({ default: m.StartPage })))
const InfoPage = lazy(() => import('../info/InfoPage.tsx').then((m) => ({ default: m.InfoPage })))
const ReportPage = lazy(() => import('../report/ReportPage.tsx').then((m) => ({ default: m.ReportPage })))

/** Routes, chosen by path: `/` (start page), `/b/:boardId` (the board), and two text pages. */
export function App() {
  const path = window.location.pathname.replace(/\/$/, '')
  const board = parseBoardLocation(window.location.pathname, window.location.hash)
  const report = path.match(/^\/b\/([A-Za-z0-9_-]+)\/verslag$/)
  if (report) {
    const token = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('t')
    return (
      <I18nProvider>
        <Suspense fallback={<p className="page">…</p>}>
          <ReportPage boardId={report[1]!} token={token} />
        </Suspense>
      </I18nProvider>
    )
  }
  if (path === '/toegankelijkheid' || path === '/privacy') {
    return (
      <I18nProvider>
        <Suspense fallback={<p className="page">…</p>}>
          <InfoPage page={path === '/privacy' ? 'privacy' : 'accessibility'} />
        </Suspense>
      </I18nProvider>
    )
  }
  return (
    <I18nProvider>
      {board ? (
        <BoardPage location={board} />
      ) : (
        <Suspense fallback={<p className="page">…</p>}>
          <StartPage />
        </Suspense>
      )}
    </I18nProvider>
  )
}
