import { react, unsafe__withoutCapture, type Signal } from '@tldraw/state'
import { createPresenceStateDerivation, InstancePresenceRecordType, type TLInstancePresence, type TLStore, type TLUser } from '@tldraw/tlschema'
import { isEqual } from '@tldraw/utils'
import type { Awareness } from 'y-protocols/awareness'
import { consoleSyncLogger, type SyncLogger } from './sync-logger.ts'

/** Awareness state field holding a client's tldraw presence record (or null before the editor mounts). */
export const PRESENCE_FIELD = 'presence'
/** Awareness state field holding who a client is, for UI outside the canvas (participant lists). */
export const USER_FIELD = 'user'

export interface AwarenessUser {
  id: string
  name: string
  color: string
}

export interface BindPresenceOptions {
  store: TLStore
  awareness: Awareness
  /**
   * The local user. Its id must be the editor's own user id (`createUserId(userPreferences.id)`,
   * from the same preferences given to `<Tldraw user>`): the editor hides presence carrying its own
   * user id, and follow addresses people by it.
   */
  user: Signal<TLUser | null>
  logger?: SyncLogger
  /**
   * Least time between two publications of our presence. Presence changes on every pointer move,
   * and every publication is a message to every participant; a workshop of thirty people at
   * 120 frames a second would be ~100,000 messages a second through the server. 0 publishes at once.
   */
  minPublishIntervalMs?: number
  /**
   * Whether to draw this remote client's selection (its selected shapes and brush), given its
   * whole awareness state. A participant does not see what the facilitator has selected: the
   * facilitator works the board (locks, voting rounds) and red boxes on residents' phones only
   * confuse. Default: everyone's.
   */
  showsSelection?: (state: Record<string, unknown>) => boolean
}

export interface PresenceBinding {
  /** Stops publishing, clears our presence from awareness and removes the remote presence records. */
  dispose(): void
}

/** Our default: 20 updates a second is smooth enough for cursors and cheap enough for a room. */
export const DEFAULT_PRESENCE_INTERVAL_MS = 50

/** The store id under which a remote client's presence lives; one per awareness client (= tab). */
export function presenceIdForClient(clientId: number): TLInstancePresence['id'] {
  return InstancePresenceRecordType.createId(String(clientId))
}

/**
 * Connects tldraw presence to Yjs awareness: publishes ours, mirrors everyone else's into the
 * store as `instance_presence` records (which is all tldraw needs for cursors, selections, name
 * tags and following).
 */
export function bindPresence(options: BindPresenceOptions): PresenceBinding {
  const { store, awareness, user } = options
  const logger = options.logger ?? consoleSyncLogger
  const interval = options.minPublishIntervalMs ?? DEFAULT_PRESENCE_INTERVAL_MS
  let disposed = false

  // --- Publish ---------------------------------------------------------------------------------

  const $presence = createPresenceStateDerivation(user)(store)
  let timer: ReturnType<typeof setTimeout> | undefined
  let lastPublished = Number.NEGATIVE_INFINITY

  /*
   * Throttles the reaction: a change after a quiet interval is published at once, later ones at the
   * end of the interval. Schedules while one is pending can be dropped, because the pending run
   * reads the latest presence when it fires.
   */
  const scheduleEffect = (execute: () => void) => {
    if (interval <= 0) return execute()
    if (timer !== undefined) return
    const wait = lastPublished + interval - Date.now()
    if (wait <= 0) return execute()
    timer = setTimeout(() => {
      timer = undefined
      if (!disposed) execute()
    }, wait)
  }

  const stopPublishing = react(
    'publish presence to awareness',
    () => {
      const presence = $presence.get()
      const me = user.get()
      lastPublished = Date.now()
      // Setting awareness runs its listeners synchronously (our mirror, UI, a relay to another
      // store in tests); whatever they read must not become a dependency of this reaction, and the
      // store changes they make must not happen inside its dependency capture.
      unsafe__withoutCapture(() => publish(presence, me ? { id: me.id, name: me.name, color: me.color } : null))
    },
    { scheduleEffect },
  )

  function publish(presence: TLInstancePresence | null, me: AwarenessUser | null) {
    // One setLocalState instead of two setLocalStateField calls: each call is a message to everyone.
    // Other fields of our state belong to other modules and are kept.
    awareness.setLocalState({ ...(awareness.getLocalState() ?? {}), [PRESENCE_FIELD]: withinLimit(presence), [USER_FIELD]: me })
  }

  // --- Mirror --------------------------------------------------------------------------------

  const mirrored = new Set<TLInstancePresence['id']>()
  // A broken client would repeat its bad presence many times a second; say so once per client.
  const warned = new Set<number>()

  const mirrorClients = (clientIds: Iterable<number>) => {
    const puts: TLInstancePresence[] = []
    const removes: TLInstancePresence['id'][] = []
    const states = awareness.getStates()
    for (const clientId of clientIds) {
      // The editor draws our own cursor; mirroring our own state would add a collaborator who is us.
      if (clientId === awareness.clientID) continue
      const id = presenceIdForClient(clientId)
      const wire: unknown = states.get(clientId)?.[PRESENCE_FIELD]
      if (wire === undefined || wire === null) {
        // Gone, or connected but without a mounted editor yet.
        warned.delete(clientId)
        if (mirrored.has(id)) removes.push(id)
        continue
      }
      const record = checkPresence(id, wire)
      if (!record) {
        // Keep the last good record rather than dropping a cursor over one bad message; it goes
        // when the client leaves.
        if (!warned.has(clientId)) logger.warn('skipped presence from a participant', { clientId })
        warned.add(clientId)
        continue
      }
      warned.delete(clientId)
      const shown = options.showsSelection?.(states.get(clientId) ?? {}) === false ? { ...record, selectedShapeIds: [], brush: null } : record
      if (!isEqual(store.get(id), shown)) puts.push(shown)
    }
    apply(puts, removes)
  }

  const apply = (puts: TLInstancePresence[], removes: TLInstancePresence['id'][]) => {
    if (puts.length === 0 && removes.length === 0) return
    try {
      // Remote changes: presence must never end up in the local undo stack.
      store.mergeRemoteChanges(() => {
        if (removes.length > 0) store.remove(removes)
        if (puts.length > 0) store.put(puts)
      })
      for (const id of removes) mirrored.delete(id)
      for (const record of puts) mirrored.add(record.id)
    } catch (error) {
      logger.warn('could not apply presence', { error: error instanceof Error ? error.message : String(error) })
    }
  }

  const onAwarenessChange = (changes: AwarenessChanges) => {
    if (disposed) return
    // Awareness events can fire inside some reaction (see publish above); keep our store reads out
    // of its dependencies.
    unsafe__withoutCapture(() => mirrorClients([...changes.added, ...changes.updated, ...changes.removed]))
  }

  awareness.on('change', onAwarenessChange)
  mirrorClients(awareness.getStates().keys())

  return {
    dispose() {
      if (disposed) return
      disposed = true
      if (timer !== undefined) clearTimeout(timer)
      stopPublishing()
      awareness.off('change', onAwarenessChange)
      publish(null, null)
      apply([], [...mirrored].filter((id) => store.has(id)))
    },
  }
}

/** The payload of y-protocols' awareness `change` event (untyped in its typings). */
interface AwarenessChanges {
  added: number[]
  updated: number[]
  removed: number[]
}

/**
 * Turns what a client published into a presence record we can trust: the id is ours to assign
 * (so one client cannot overwrite another's cursor), the rest must pass tldraw's validator.
 */
function checkPresence(id: TLInstancePresence['id'], wire: unknown): TLInstancePresence | null {
  if (typeof wire !== 'object' || wire === null || Array.isArray(wire)) return null
  try {
    return InstancePresenceRecordType.validate({ ...wire, id, typeName: 'instance_presence' })
  } catch {
    return null
  }
}

/** Selected shapes others see outlined; a select-all on a big board need not travel in full. */
const MAX_SELECTION_SHOWN = 100
/** Presence must stay well under the server's state limit (MAX_AWARENESS_STATE_BYTES, 8 KiB). */
const MAX_PRESENCE_CHARS = 6000

/**
 * Presence trimmed to what others need, so that it stays under the server's limit on an awareness
 * state (a larger one closes the connection for good): at most MAX_SELECTION_SHOWN selected ids,
 * and no scribbles (laser trails) when they would make it too large.
 */
export function withinLimit(presence: TLInstancePresence | null): TLInstancePresence | null {
  if (!presence) return presence
  let trimmed = presence
  if (trimmed.selectedShapeIds.length > MAX_SELECTION_SHOWN) {
    trimmed = { ...trimmed, selectedShapeIds: trimmed.selectedShapeIds.slice(0, MAX_SELECTION_SHOWN) }
  }
  if (JSON.stringify(trimmed).length > MAX_PRESENCE_CHARS) trimmed = { ...trimmed, scribbles: [], chatMessage: trimmed.chatMessage.slice(0, 200) }
  return trimmed
}
