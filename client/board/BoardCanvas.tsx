import { useEffect, useMemo, useState } from 'react'
import {
  atom,
  createTLCurrentUser,
  createTLStore,
  createUserId,
  defaultBindingUtils,
  defaultShapeUtils,
  EditorContext,
  Tldraw,
  UserRecordType,
  useValue,
  type Editor,
  type TLStoreWithStatus,
  type TLUser,
  type TLUserPreferences,
} from 'tldraw'
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import 'tldraw/tldraw.css'
import { canEditDocument, type Role } from '../../shared/roles.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx'
import { createServerAssetStore } from './asset-store.ts'
import { openBoardConnection, type BoardConnection } from './board-connection.ts'
import { ConnectionIndicator } from './ConnectionIndicator.tsx'
import type { Identity } from './identity.ts'
import { bindPresence } from './presence.ts'
import { watchSyncStatus, type SyncStatusSnapshot } from './sync-status.ts'
import { bindStoreToDoc, type YjsStoreBinding } from './yjs-store-binding.ts'
import { RegieSidebar } from '../regie/RegieSidebar.tsx'
import { registerRelationDrawing } from '../regie/relation-arrows.ts'
import { regieShapeUtils } from '../shapes/index.ts'

// Fonts, icons and translations are bundled by Vite and served by our own server: no CDN calls.
const assetUrls = getAssetUrlsByImport()
const shapeUtils = [...defaultShapeUtils, ...regieShapeUtils]

interface Props {
  boardId: string
  token: string
  role: Role
  identity: Identity
  licenseKey: string | null
}

interface Session {
  connection: BoardConnection
  store: TLStoreWithStatus
  binding: YjsStoreBinding | null
}

/** The canvas: a tldraw editor whose document is the board's Y.Doc. */
export function BoardCanvas({ boardId, token, role, identity, licenseKey }: Props) {
  const { t, language, setLanguage } = useI18n()
  const [session, setSession] = useState<Session | null>(null)
  const [status, setStatus] = useState<SyncStatusSnapshot>({ state: 'connecting', unsynced: 0 })
  const [editor, setEditor] = useState<Editor | null>(null)
  const mayEdit = canEditDocument(role)

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
    const connection = openBoardConnection(boardId, token)
    const stopStatus = watchSyncStatus(connection.provider, connection.doc, setStatus)
    const store = createTLStore({
      shapeUtils,
      bindingUtils: defaultBindingUtils,
      assets: createServerAssetStore(boardId, token),
    })
    let binding: YjsStoreBinding | null = null
    let stopPresence: (() => void) | null = null
    let disposed = false
    setSession({ connection, store: { status: 'loading' }, binding: null })
    void connection.ready.then(() => {
      if (disposed) return
      binding = bindStoreToDoc(store, connection.doc, { readOnly: !mayEdit })
      const $user = atom<TLUser | null>(
        'presence user',
        UserRecordType.create({ id: createUserId(identity.id), name: identity.name, color: identity.colour }),
      )
      stopPresence = bindPresence({ store, awareness: connection.provider.awareness, user: $user }).dispose
      setSession({ connection, store: { status: 'synced-remote', connectionStatus: 'online', store }, binding })
    })
    return () => {
      disposed = true
      stopPresence?.()
      binding?.dispose()
      stopStatus()
      connection.destroy()
    }
  }, [boardId, token, mayEdit, identity.id, identity.name, identity.colour])

  const schemaStatus = useValue('schema status', () => session?.binding?.schemaStatus.get() ?? 'compatible', [session])
  const canWrite = useValue('can write', () => session?.binding?.canWrite.get() ?? mayEdit, [session])
  const readOnly = !mayEdit || !canWrite

  useEffect(() => (editor ? registerRelationDrawing(editor) : undefined), [editor])

  if (!session) return null
  return (
    <div className="board-shell" data-board-ready={session.store.status === 'synced-remote' ? 'true' : 'false'}>
      {editor && (
        // The sidebar sits beside the canvas, outside <Tldraw>; the context lets its swatches follow the editor's theme.
        <EditorContext.Provider value={editor}>
          <RegieSidebar editor={editor} role={role} readOnly={readOnly} />
        </EditorContext.Provider>
      )}
      <div className="board-canvas">
      <Tldraw
        store={session.store}
        shapeUtils={regieShapeUtils}
        user={user}
        assetUrls={assetUrls}
        licenseKey={licenseKey ?? undefined}
        onMount={(editor) => {
          editor.updateInstanceState({ isReadonly: readOnly })
          // Exposed for the browser tests and for debugging from the console.
          ;(window as unknown as { __regiebordEditor?: unknown }).__regiebordEditor = editor
          setEditor(editor)
          // Open on the whole board (a template is larger than a screen, a phone's especially).
          // Never closer than 100 %: a board with one sticky should not open as a close-up.
          const bounds = editor.getCurrentPageBounds()
          if (bounds) editor.zoomToBounds(bounds, { targetZoom: 1, inset: 32 })
        }}
        key={readOnly ? 'readonly' : 'readwrite'}
      />
      </div>
      {schemaStatus === 'too-new' && (
        <div className="board-banner" role="alert">
          <span>{t('board.schemaTooNew')}</span>
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
        <LanguageSwitch />
      </div>
    </div>
  )
}
