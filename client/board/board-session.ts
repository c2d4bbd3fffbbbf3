/**
 * Everything one person's open board consists of: the board's documents and their connections,
 * the tldraw store they feed, presence, the session state and the session API. BoardCanvas only
 * renders it.
 */
// Not from 'tldraw': the phone view opens a board before the canvas (and tldraw's bundle) is loaded;
// the canvas mounts on this same store when someone opens it.
import { atom, computed, react, type Atom, type Signal } from '@tldraw/state'
import { Store } from '@tldraw/store'
import { createCachedUserResolve, createUserId, UserRecordType, type TLStore, type TLStoreProps, type TLUser } from '@tldraw/tlschema'
import { createBoardSchema } from '../../shared/board/board-schema.ts'
import { canEditDocument, canFacilitate, type Role } from '../../shared/roles.ts'
import { roomName } from '../../shared/session/channels.ts'
import type { ControlState } from '../../shared/session/control-doc.ts'
import { linkGeneration } from '../../shared/session/identity.ts'
import { mayWrite } from '../../shared/session/permissions.ts'
import { watchControl } from '../session/control-state.ts'
import type { Owner } from '../session/owner-secret.ts'
import { createRecordLayers } from '../session/record-layers.ts'
import { createServerClock, type ServerClock } from '../session/server-clock.ts'
import { createSessionClient, type SessionClient } from '../session/session-client.ts'
import { createServerAssetStore } from './asset-store.ts'
import { openDocConnection, type BoardConnection } from './board-connection.ts'
import type { Identity } from './identity.ts'
import { bindPresence } from './presence.ts'
import { recordsKeyValue } from './records-kv.ts'
import { bindStoreToDoc, type YjsStoreBinding } from './yjs-store-binding.ts'

/** Awareness field with what the participants list shows besides name and colour. */
export const SESSION_FIELD = 'session'
export interface AwarenessSession {
  role: Role
  ownerKey: string
}

export interface BoardSession {
  readonly boardId: string
  /** This person's link token (the facilitator's shows the share dialog its own link). */
  readonly token: string
  readonly main: BoardConnection
  readonly structure: BoardConnection
  readonly control: BoardConnection
  readonly private: BoardConnection | null
  readonly store: TLStore
  readonly $control: Atom<ControlState>
  readonly clock: ServerClock
  readonly client: SessionClient
  readonly owner: Owner
  readonly role: Role
  /** The main document's binding: schema status and whether this client may write the board. */
  binding(): YjsStoreBinding | null
  /** Whether this person may change the board right now (role, freeze, view-only, schema). */
  readonly $mayEdit: Signal<boolean>
  /** Resolves once the board can be shown (bound to the server's or the cached state). */
  readonly ready: Promise<void>
  dispose(): void
}

export interface OpenBoardSessionOptions {
  boardId: string
  token: string
  role: Role
  identity: Identity
  owner: Owner
}

export function openBoardSession({ boardId, token, role, identity, owner }: OpenBoardSessionOptions): BoardSession {
  const params = { token, owner: owner.secret }
  // The board shows once these two are in: their state also comes over HTTP, next to the sockets.
  const main = openDocConnection({ room: boardId, params, cache: true, prefetch: true })
  const structure = openDocConnection({ room: roomName({ boardId, channel: 'structure' }), params, cache: true, prefetch: true })
  // Only participants write privately; a facilitator's and a viewer's notes are never secret.
  const privateDoc = role === 'participant' ? openDocConnection({ room: roomName({ boardId, channel: 'private', ownerKey: owner.key }), params, cache: true }) : null
  // Last: browsers open one socket to a host at a time, and the board shows once the first two
  // are in; one's private notes and the control doc (timer, voting) follow a round trip later each.
  const control = openDocConnection({ room: roomName({ boardId, channel: 'control' }), params, cache: false })
  const { $control, dispose: stopControl } = watchControl(control.doc)
  const clock = createServerClock()

  const store = createBoardStore(boardId, token, identity)
  const $writesPrivately = computed('writes privately', () => $control.get().privateMode.active)
  const layers = createRecordLayers(
    { main: recordsKeyValue(main.doc), structure: recordsKeyValue(structure.doc), private: privateDoc ? recordsKeyValue(privateDoc.doc) : null },
    $writesPrivately,
    canFacilitate(role),
  )

  const bindings: YjsStoreBinding[] = []
  let mainBinding: YjsStoreBinding | null = null
  let stopPresence: (() => void) | null = null
  let disposed = false
  let mayEditBefore: boolean | null = null
  main.provider.awareness.setLocalStateField(SESSION_FIELD, { role, ownerKey: owner.key } satisfies AwarenessSession)

  /*
   * The board shows once the board's and the structure's documents are in (notes sit in lanes the
   * structure holds). One's private notes follow: the browser opens the private doc's socket only
   * after those two, and on a slow network that is a round trip later.
   */
  const ready = Promise.all([main.ready, structure.ready]).then(() => {
    if (disposed) return
    mainBinding = bindStoreToDoc(store, main.doc, { readOnly: !canEditDocument(role), layer: layers.main })
    bindings.push(mainBinding)
    bindings.push(bindStoreToDoc(store, structure.doc, { readOnly: !canFacilitate(role), layer: layers.structure }))
    const $user = atom<TLUser | null>('presence user', UserRecordType.create({ id: createUserId(identity.id), name: identity.name, color: identity.colour }))
    stopPresence = bindPresence({
      store,
      awareness: main.provider.awareness,
      user: $user,
      showsSelection: canFacilitate(role) ? undefined : (state) => (state[SESSION_FIELD] as Partial<AwarenessSession> | undefined)?.role !== 'facilitator',
    }).dispose
  })
  if (privateDoc) {
    void Promise.all([ready, privateDoc.ready]).then(() => {
      if (!disposed) bindings.push(bindStoreToDoc(store, privateDoc.doc, { layer: layers.private }))
    })
  }

  // The server let this connection in, so its identity was admitted; until the control document
  // (and the roster in it) arrives, count it in rather than show a board that looks read-only.
  const $controlSynced = atom('control synced', false)
  void control.ready.then(() => $controlSynced.set(true))
  const $mayEdit = computed('may edit', () => {
    const state = $control.get()
    return mayWrite({ channel: 'main' }, role, owner.key, $controlSynced.get() ? state : withOwnIdentityAdmitted(state, owner.key, role))
  })
  /*
   * An edit that raced the freeze was dropped by the server, and every later edit of ours builds
   * on it, so the server would hold them back. When we may edit again, reconnecting makes the
   * provider exchange state afresh: the server then takes what it dropped, and the rest follows.
   */
  const stopResync = react('resync when editing is allowed again', () => {
    const allowed = $mayEdit.get()
    if (!$controlSynced.get()) return
    if (allowed && mayEditBefore === false) {
      for (const connection of [main, privateDoc]) {
        if (!connection) continue
        connection.provider.disconnect()
        connection.provider.connect()
      }
    }
    mayEditBefore = allowed
  })

  return {
    boardId,
    token,
    main,
    structure,
    control,
    private: privateDoc,
    store,
    $control,
    clock,
    client: createSessionClient(boardId, token, owner.secret),
    owner,
    role,
    binding: () => mainBinding,
    $mayEdit,
    ready,
    dispose() {
      disposed = true
      stopResync()
      stopPresence?.()
      for (const binding of bindings) binding.dispose()
      stopControl()
      for (const connection of [main, structure, control, privateDoc]) connection?.destroy()
    },
  }
}

/**
 * What tldraw's createTLStore makes, without tldraw: the board's schema (the same one the server
 * uses, which a unit test keeps equal to the shape utils'), our asset store, and this person as
 * the current user. The editor's own onMount hook is not needed.
 */
function createBoardStore(boardId: string, token: string, identity: Identity): TLStore {
  const assets = createServerAssetStore(boardId, token)
  const $me = computed<TLUser | null>('current user', () => UserRecordType.create({ id: createUserId(identity.id), name: identity.name, color: identity.colour }))
  const props: TLStoreProps = {
    defaultName: '',
    assets: { upload: assets.upload, resolve: assets.resolve ?? ((asset) => asset.props.src), remove: assets.remove ?? (() => Promise.resolve()) },
    users: {
      currentUser: $me,
      resolve: createCachedUserResolve((userId) => {
        const me = $me.get()
        return me && me.id === createUserId(userId) ? me : null
      }),
    },
    onMount: () => undefined,
  }
  return new Store({ schema: createBoardSchema(), props })
}

/** The control state with this person's own identity in the roster, admitted (see $mayEdit). */
function withOwnIdentityAdmitted(state: ControlState, ownerKey: string, role: Role): ControlState {
  if (Object.hasOwn(state.identities, ownerKey)) return state
  const own = { name: '', role, issuedAt: 0, generation: linkGeneration(state, role), status: 'admitted' as const }
  return { ...state, identities: { ...state.identities, [ownerKey]: own } }
}
