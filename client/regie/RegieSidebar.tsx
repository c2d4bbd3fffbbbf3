import { useState } from 'react'
import type { Editor } from 'tldraw'
import { checkBoardModel } from '../../shared/board/board-check.ts'
import type { Role } from '../../shared/roles.ts'
import { useI18n } from '../i18n/i18n.tsx'
import type { BoardSession } from '../board/board-session.ts'
import { SessionTab } from '../session/panel/SessionTab.tsx'
import { useBoardModel } from './board-model.ts'
import { Inspector } from './inspector/Inspector.tsx'
import { Palette } from './palette/Palette.tsx'
import { RegiecheckList, useDismissals } from './check/RegiecheckList.tsx'

type Tab = 'palette' | 'check' | 'session'

interface Props {
  editor: Editor
  role: Role
  readOnly: boolean
  session: BoardSession | null
}

/**
 * The regie column beside the canvas: what to place, what the selection is, and what the
 * regiecheck finds. Docked rather than floating so it never covers tldraw's own menus; folded
 * away on small screens, where residents join from their phones.
 */
export function RegieSidebar({ editor, role, readOnly, session }: Props) {
  const { t, language } = useI18n()
  const [open, setOpen] = useState(() => window.matchMedia('(min-width: 760px)').matches)
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
        {tab === 'session' && session ? (
          <SessionTab editor={editor} session={session} />
        ) : tab === 'palette' && !readOnly ? (
          <Palette editor={editor} role={role} model={model} />
        ) : (
          <RegiecheckList editor={editor} model={model} findings={findings} role={role} />
        )}
      </div>
      {/* Below the tabs' content, so selecting a card never moves the palette under the pointer. */}
      {!readOnly && <Inspector editor={editor} role={role} />}
    </aside>
  )
}

