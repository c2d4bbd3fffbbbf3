import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import type { Editor } from 'tldraw'
import { checkBoardModel } from '../../shared/board/board-check.ts'
import type { Role } from '../../shared/roles.ts'
import { useI18n } from '../i18n/i18n.tsx'
import type { BoardSession } from '../board/board-session.ts'
import { useBoardModel } from './board-model.ts'
import { RegiecheckList, useDismissals } from './check/RegiecheckList.tsx'

/*
 * The palette (with the templates' data), the session tools and the inspector are not part of the
 * canvas's first download: on a phone the column starts folded, and a resident on workshop Wi-Fi
 * should not wait for a facilitator's tools before seeing the board. They load when shown.
 */
const Palette = lazy(() => import('./palette/Palette.tsx').then((m) => ({ default: m.Palette })))
const SessionTab = lazy(() => import('../session/panel/SessionTab.tsx').then((m) => ({ default: m.SessionTab })))
const Inspector = lazy(() => import('./inspector/Inspector.tsx').then((m) => ({ default: m.Inspector })))

type Tab = 'palette' | 'check' | 'session'

interface Props {
  editor: Editor
  role: Role
  readOnly: boolean
  session: BoardSession | null
  /** The tour runs: the column folds so the diagram has the screen, and comes back as it was after. */
  presenting: boolean
}

/**
 * The regie column beside the canvas: what to place, what the selection is, and what the
 * regiecheck finds. Docked rather than floating so it never covers tldraw's own menus; folded
 * away on small screens, where residents join from their phones.
 */
export function RegieSidebar({ editor, role, readOnly, session, presenting }: Props) {
  const { t, language } = useI18n()
  const [open, setOpen] = useState(() => window.matchMedia('(min-width: 760px)').matches)
  const openBeforeTour = useRef<boolean | null>(null)
  useEffect(() => {
    if (presenting) {
      openBeforeTour.current = open
      setOpen(false)
    } else if (openBeforeTour.current !== null) {
      setOpen(openBeforeTour.current)
      openBeforeTour.current = null
    }
    // Only the tour starting or ending folds or restores; opening it by hand meanwhile is kept.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [presenting])
  const [tab, setTab] = useState<Tab>(readOnly ? 'check' : 'palette')
  const model = useBoardModel(editor)
  const findings = checkBoardModel(model, language)
  const dismissals = useDismissals(editor)
  const openCount = findings.filter((finding) => !dismissals.has(finding.ruleId)).length

  if (!open) {
    return (
      <button type="button" className="regie-sidebar-toggle" aria-label={t('regie.sidebar.open')} onClick={() => setOpen(true)}>
        {t('regie.sidebar')}
        {openCount > 0 && <span className="regie-badge">{openCount}</span>}
      </button>
    )
  }
  return (
    <aside className="regie-sidebar" aria-label={t('regie.sidebar')}>
      <div className="regie-sidebar__head">
        <div role="tablist" className="regie-tabs">
          {!readOnly && (
            <button type="button" role="tab" aria-selected={tab === 'palette'} onClick={() => setTab('palette')}>
              {t('regie.tab.palette')}
            </button>
          )}
          <button type="button" role="tab" aria-selected={tab === 'check'} onClick={() => setTab('check')} data-regiecheck-tab>
            {t('regie.tab.check')}
            {openCount > 0 && <span className="regie-badge">{openCount}</span>}
          </button>
          <button type="button" role="tab" aria-selected={tab === 'session'} onClick={() => setTab('session')} data-session-tab>
            {t('regie.tab.session')}
          </button>
        </div>
        <button type="button" className="regie-sidebar__close" aria-label={t('regie.sidebar.close')} onClick={() => setOpen(false)}>
          ×
        </button>
      </div>
      <div className="regie-sidebar__body">
        {/* The tab's code loads on first use; the board itself is already there. */}
        <Suspense fallback={<p className="regie-help" role="status">{t('regie.sidebar.loading')}</p>}>
          {tab === 'session' && session ? (
            <SessionTab editor={editor} session={session} />
          ) : tab === 'palette' && !readOnly ? (
            <Palette editor={editor} role={role} model={model} />
          ) : (
            <RegiecheckList editor={editor} model={model} findings={findings} role={role} />
          )}
        </Suspense>
      </div>
      {/* Below the tabs' content, so selecting a card never moves the palette under the pointer. */}
      {!readOnly && (
        <Suspense fallback={null}>
          <Inspector editor={editor} role={role} />
        </Suspense>
      )}
    </aside>
  )
}

