import { useEffect, useMemo, useState } from 'react'
import {
  atom,
  createTLCurrentUser,
  EditorContext,
  Tldraw,
  useValue,
  type Editor,
  type TLStoreWithStatus,
  type TLUserPreferences,
} from 'tldraw'
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import 'tldraw/tldraw.css'
import type { Role } from '../../shared/roles.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx'
import { AannameArrowMarkers } from '../regie/AannameArrowMarkers.tsx'
import { RegieSidebar } from '../regie/RegieSidebar.tsx'
import { registerRelationDrawing } from '../regie/relation-arrows.ts'
import type { Owner } from '../session/owner-secret.ts'
import { SessionOverlay } from '../session/SessionOverlay.tsx'
import { OutlineView } from '../outline/OutlineView.tsx'
import { regieShapeUtils } from '../shapes/index.ts'
import { CLOSE_BOARD_DELETED, CLOSE_BOARD_TOO_LARGE, CLOSE_TOKEN_ROTATED } from '../../shared/session/session-api.ts'
import { openBoardSession, type BoardSession } from './board-session.ts'
import { ConnectionIndicator } from './ConnectionIndicator.tsx'
import type { Identity } from './identity.ts'
import { watchSyncStatus, type SyncStatusSnapshot } from './sync-status.ts'

// Fonts, icons and translations are bundled by Vite and served by our own server: no CDN calls.
const assetUrls = getAssetUrlsByImport()

interface Props {
  boardId: string
  token: string
  role: Role
  identity: Identity
  owner: Owner
  licenseKey: string | null
}

/** The canvas: a tldraw editor whose document is the board's Y.Docs (see board-session.ts). */
export function BoardCanvas({ boardId, token, role, identity, owner, licenseKey }: Props) {
  const { t, language, setLanguage } = useI18n()
  const [session, setSession] = useState<BoardSession | null>(null)
  const [store, setStore] = useState<TLStoreWithStatus>({ status: 'loading' })
  const [status, setStatus] = useState<SyncStatusSnapshot>({ state: 'connecting', unsynced: 0 })
  const [editor, setEditor] = useState<Editor | null>(null)
  const [closedWith, setClosedWith] = useState<'rotated' | 'deleted' | null>(null)
  const [boardFull, setBoardFull] = useState(false)
  const [outline, setOutline] = useState(false)

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
    const opened = openBoardSession({ boardId, token, role, identity, owner })
    const stopStatus = watchSyncStatus(opened.main.provider, opened.main.doc, setStatus)
    setSession(opened)
    setStore({ status: 'loading' })
    // A rotated link is closed with its own code: stop retrying and say so, rather than spin.
    const onClose = (event: CloseEvent | null) => {
      if (event?.code === CLOSE_BOARD_TOO_LARGE) {
        // Reconnecting would send the same edit and be refused again: stop, keep the board in view.
        setBoardFull(true)
        opened.main.provider.disconnect()
        return
      }
      if (event?.code !== CLOSE_TOKEN_ROTATED && event?.code !== CLOSE_BOARD_DELETED) return
      setClosedWith(event.code === CLOSE_BOARD_DELETED ? 'deleted' : 'rotated')
      // A deleted board must not linger in this browser either (AVG): drop the local copies.
      if (event.code === CLOSE_BOARD_DELETED) {
        for (const room of [boardId, `${boardId}/structure`, `${boardId}/private/${owner.key}`]) indexedDB.deleteDatabase(`regiebord:${room}`)
      }
      for (const connection of [opened.main, opened.structure, opened.control, opened.private]) connection?.provider.disconnect()
    }
    opened.main.provider.on('connection-close', onClose)
    let disposed = false
    void opened.ready.then(() => {
      if (!disposed) setStore({ status: 'synced-remote', connectionStatus: 'online', store: opened.store })
    })
    return () => {
      disposed = true
      stopStatus()
      opened.dispose()
    }
  }, [boardId, token, role, identity, owner])

  const schemaStatus = useValue('schema status', () => session?.binding()?.schemaStatus.get() ?? 'compatible', [session, store])
  const canWrite = useValue('can write', () => session?.binding()?.canWrite.get() ?? false, [session, store])
  const mayEdit = useValue('may edit', () => session?.$mayEdit.get() ?? false, [session])
  const readOnly = !mayEdit || !canWrite

  useEffect(() => {
    editor?.updateInstanceState({ isReadonly: readOnly })
  }, [editor, readOnly])
  useEffect(() => (editor ? registerRelationDrawing(editor) : undefined), [editor])

  if (!session) return null
  if (closedWith) {
    return (
      <main className="page">
        <h1>{t('app.name')}</h1>
        <p role="alert" className="error" data-board-error>
          {closedWith === 'deleted' ? t('board.deleted') : t('session.rotated')}
        </p>
        <p>
          <a href="/">{t('home.link')}</a>
        </p>
      </main>
    )
  }
  return (
    <div className="board-shell" data-board-ready={store.status === 'synced-remote' ? 'true' : 'false'}>
      {!outline && (
        <button type="button" className="skip-link" onClick={() => setOutline(true)}>
          {t('outline.skip')}
        </button>
      )}
      {editor && (
        // The sidebar sits beside the canvas, outside <Tldraw>; the context lets its swatches follow the editor's theme.
        <EditorContext.Provider value={editor}>
          <RegieSidebar editor={editor} role={role} readOnly={readOnly} session={session} />
        </EditorContext.Provider>
      )}
      <div className="board-canvas">
      <Tldraw
        store={store}
        shapeUtils={regieShapeUtils}
        user={user}
        assetUrls={assetUrls}
        licenseKey={licenseKey ?? undefined}
        onMount={(editor) => {
          editor.updateInstanceState({ isReadonly: readOnly })
          // Exposed for the browser tests and for debugging from the console.
          ;(window as unknown as { __regiebordEditor?: unknown }).__regiebordEditor = editor
          setEditor(editor)
          // Who made a shape: the outline view lets people edit their own notes, the CSV export
          // names authors. The name is the display name people chose to show on this board.
          editor.getInitialMetaForShape = () => ({ createdBy: identity.id, createdByName: identity.name })
          // Open on the whole board (a template is larger than a screen, a phone's especially).
          // Never closer than 100 %: a board with one sticky should not open as a close-up.
          const bounds = editor.getCurrentPageBounds()
          if (bounds) editor.zoomToBounds(bounds, { targetZoom: 1, inset: 32 })
        }}
      />
      {editor && <AannameArrowMarkers editor={editor} />}
      {editor && <SessionOverlay editor={editor} session={session} />}
      {outline && editor && <OutlineView editor={editor} session={session} identity={identity} readOnly={readOnly} />}
      </div>
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
      <div className="board-bar">
        <ConnectionIndicator status={status} />
        {readOnly && <span className="readonly-badge">{t('board.readonly')}</span>}
        <button type="button" className="outline-toggle" aria-pressed={outline} onClick={() => setOutline((on) => !on)} data-outline-toggle>
          {t('outline.toggle')}
        </button>
        <LanguageSwitch />
      </div>
    </div>
  )
}
