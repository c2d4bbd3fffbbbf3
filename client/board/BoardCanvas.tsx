import { createContext, lazy, Suspense, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react'
import {
  atom,
  createTLCurrentUser,
  EditorContext,
  Tldraw,
  type Editor,
  type TLComponents,
  type TldrawOptions,
  type TLStoreWithStatus,
  type TLUserPreferences,
} from 'tldraw'
import 'tldraw/tldraw.css'
import type { Role } from '../../shared/roles.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx'
import { AannameArrowMarkers } from '../regie/AannameArrowMarkers.tsx'
import { RegieSidebar } from '../regie/RegieSidebar.tsx'
import { registerRelationDrawing } from '../regie/relation-arrows.ts'
import { registerRelationRouting } from '../regie/route-relations.ts'
import { registerNotePlacement } from '../regie/place-notes.ts'
import { SectionTour } from '../regie/tour/SectionTour.tsx'
import { RelationLabelTip } from '../regie/RelationLabelTip.tsx'
import { ShareButton } from '../session/share/ShareButton.tsx'
import { canFacilitate } from '../../shared/roles.ts'
import { SessionOverlay } from '../session/SessionOverlay.tsx'
import { regieShapeUtils } from '../shapes/index.ts'
import { TLDRAW_WORDS } from '../i18n/tldraw-words.ts'
import type { BoardSession } from './board-session.ts'
import { CANVAS_ASSET_URLS } from './canvas-assets.ts'
import { deferUnusedTypefaces } from './canvas-typefaces.ts'
import { ConnectionIndicator } from './ConnectionIndicator.tsx'
import { registerNoteFitting } from './fit-notes.ts'
import { openOnWholeBoard } from './open-view.ts'
import { StylePanelWhileStyling } from './StylePanelWhileStyling.tsx'
import type { Identity } from './identity.ts'
import type { SyncStatusSnapshot } from './sync-status.ts'
import { NARROW_SCREEN } from './view-choice.ts'
import { exposeEditorForTests } from './test-hooks.ts'

// The text view opens on request: not part of the canvas's first download.
const OutlineView = lazy(() => import('../outline/OutlineView.tsx').then((m) => ({ default: m.OutlineView })))


/*
 * Our bar (connection, text view, simple view, language) goes where tldraw puts a share panel: in
 * its own top-right zone, laid out with its menus, so it never covers them or the board title.
 * On a phone that zone is too narrow; there the bar floats on its own row (see styles.css).
 */
const BoardBarSlot = createContext<ReactNode>(null)
function BoardBarInTldraw() {
  return useContext(BoardBarSlot)
}
const TLDRAW_COMPONENTS: TLComponents = { SharePanel: BoardBarInTldraw, StylePanel: StylePanelWhileStyling }

/*
 * On a phone the canvas zooms from 5 to 200 %. tldraw draws its hatch-fill tiles up front for
 * every zoom level up to max ÷ min zoom (squares up to 4096 px at its default 5–800 %): seconds of
 * a phone's CPU before the board shows. Beyond 200 % a note is wider than the phone anyway.
 */
const PHONE_OPTIONS: Partial<TldrawOptions> = { camera: { zoomSteps: [0.05, 0.1, 0.25, 0.5, 1, 2] } }

function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query)
      list.addEventListener('change', onChange)
      return () => list.removeEventListener('change', onChange)
    },
    () => window.matchMedia(query).matches,
  )
}

interface Props {
  session: BoardSession
  /** The board's documents are bound to the store (server state or the local copy). */
  ready: boolean
  role: Role
  identity: Identity
  licenseKey: string | null
  readOnly: boolean
  status: SyncStatusSnapshot
  /** Notices about the board itself (full, too new), shown over the canvas. */
  banners: ReactNode
  onSimpleView(): void
}

/** The canvas: a tldraw editor on the board session's store (see board-session.ts). */
export function BoardCanvas({ session, ready, role, identity, licenseKey, readOnly, status, banners, onSimpleView }: Props) {
  const { t, language, setLanguage } = useI18n()
  const [editor, setEditor] = useState<Editor | null>(null)
  const [outline, setOutline] = useState(false)
  const [tourOpen, setTourOpen] = useState(false)
  const narrow = useMediaQuery(NARROW_SCREEN)
  // Fixed for this editor: new options would make a new editor when a phone is turned.
  const [options] = useState(() => (window.matchMedia(NARROW_SCREEN).matches ? PHONE_OPTIONS : undefined))
  const store = useMemo<TLStoreWithStatus>(
    () => (ready ? { status: 'synced-remote', connectionStatus: 'online', store: session.store } : { status: 'loading' }),
    [ready, session],
  )

  // The editor recognises its own presence by the user id derived from these preferences.
  const $preferences = useMemo(
    () => atom<TLUserPreferences>('preferences', { id: identity.id, name: identity.name, color: identity.colour, locale: language }),
    [identity.id, identity.name, identity.colour, language],
  )
  const user = useMemo(
    () =>
      createTLCurrentUser({
        userPreferences: $preferences,
        setUserPreferences: (preferences) => {
          $preferences.set(preferences)
          // tldraw's own language menu switches our UI strings too.
          if (preferences.locale === 'nl' || preferences.locale === 'en') setLanguage(preferences.locale)
        },
      }),
    [$preferences, setLanguage],
  )

  useEffect(() => {
    editor?.updateInstanceState({ isReadonly: readOnly })
  }, [editor, readOnly])
  useEffect(() => (editor ? registerRelationDrawing(editor) : undefined), [editor])
  useEffect(() => (editor ? registerRelationRouting(editor) : undefined), [editor])
  useEffect(() => (editor ? registerNotePlacement(editor) : undefined), [editor])
  useEffect(() => (editor ? registerNoteFitting(editor) : undefined), [editor])

  const bar = (
    <div className={narrow ? 'board-bar' : 'board-bar board-bar--in-tldraw'}>
      <ConnectionIndicator status={status} />
      {canFacilitate(role) && <ShareButton session={session} className="share-bar-button" />}
      {readOnly && <span className="readonly-badge">{t('board.readonly')}</span>}
      <button type="button" className="outline-toggle" aria-pressed={tourOpen} onClick={() => setTourOpen((on) => !on)} data-tour-toggle>
        {t('tour.open')}
      </button>
      {/* On a phone the two views keep their names, shortened to fit beside the Regie button. */}
      <button type="button" className="outline-toggle" aria-pressed={outline} aria-label={t('outline.toggle')} onClick={() => setOutline((on) => !on)} data-outline-toggle>
        <span className="bar-label">{t('outline.toggle')}</span>
        <span className="bar-label--short" aria-hidden="true">{t('outline.toggle.short')}</span>
      </button>
      <button type="button" className="outline-toggle" aria-label={t('phone.simpleView')} onClick={onSimpleView} data-simple-view>
        <span className="bar-label">{t('phone.simpleView')}</span>
        <span className="bar-label--short" aria-hidden="true">{t('phone.simpleView.short')}</span>
      </button>
      <LanguageSwitch />
    </div>
  )
  return (
    <div className="board-shell" data-board-ready={ready ? 'true' : 'false'}>
      {!outline && (
        <button type="button" className="skip-link" onClick={() => setOutline(true)}>
          {t('outline.skip')}
        </button>
      )}
      {editor && (
        // The sidebar sits beside the canvas, outside <Tldraw>; the context lets its swatches follow the editor's theme.
        <EditorContext.Provider value={editor}>
          <RegieSidebar editor={editor} role={role} readOnly={readOnly} session={session} presenting={tourOpen && !narrow} />
        </EditorContext.Provider>
      )}
      <div className="board-canvas">
      <BoardBarSlot.Provider value={narrow ? null : bar}>
      <Tldraw
        components={TLDRAW_COMPONENTS}
        store={store}
        shapeUtils={regieShapeUtils}
        user={user}
        assetUrls={CANVAS_ASSET_URLS}
        licenseKey={licenseKey ?? undefined}
        options={options}
        overrides={TLDRAW_WORDS}
        onMount={(editor) => {
          editor.updateInstanceState({ isReadonly: readOnly })
          exposeEditorForTests(editor)
          setEditor(editor)
          // Who made a shape: the outline view lets people edit their own notes, the CSV export
          // names authors. The name is the display name people chose to show on this board.
          editor.getInitialMetaForShape = () => ({ createdBy: identity.id, createdByName: identity.name })
          const stopTypefaces = deferUnusedTypefaces(editor, { warmLater: !window.matchMedia(NARROW_SCREEN).matches })
          // Open on the whole board (a template is larger than a screen, a phone's especially).
          const stopView = openOnWholeBoard(editor)
          return () => {
            stopTypefaces()
            stopView()
          }
        }}
      />
      </BoardBarSlot.Provider>
      {editor && <AannameArrowMarkers editor={editor} />}
      {editor && <SessionOverlay editor={editor} session={session} />}
      {/* The tour moves the canvas: not over the text view, which covers it. */}
      {editor && !outline && <SectionTour editor={editor} open={tourOpen} onOpenChange={setTourOpen} />}
      {editor && <RelationLabelTip editor={editor} />}
      {outline && editor && (
        <Suspense fallback={<p className="page" role="status">{t('board.loading')}</p>}>
          <OutlineView editor={editor} session={session} identity={identity} readOnly={readOnly} onClose={() => setOutline(false)} />
        </Suspense>
      )}
      </div>
      {banners}
      {narrow && bar}
    </div>
  )
}
