/**
 * What the connection indicator shows: verbonden / opnieuw verbinden / offline, and how many of
 * this user's edits have not reached the server yet (made while not connected; y-websocket
 * sends them with the next sync).
 */
import type * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'

export type ConnectionState = 'connected' | 'connecting' | 'offline'

export interface SyncStatusSnapshot {
  state: ConnectionState
  unsynced: number
}

/** Failed connection attempts after which we call it offline rather than "reconnecting". */
const ATTEMPTS_BEFORE_OFFLINE = 3

export function watchSyncStatus(
  provider: WebsocketProvider,
  doc: Y.Doc,
  onChange: (status: SyncStatusSnapshot) => void,
): () => void {
  let unsynced = 0
  const state = (): ConnectionState => {
    if (provider.wsconnected && provider.synced) return 'connected'
    if (!navigator.onLine || provider.wsUnsuccessfulReconnects >= ATTEMPTS_BEFORE_OFFLINE) return 'offline'
    return 'connecting'
  }
  let last = ''
  const emit = () => {
    const snapshot = { state: state(), unsynced }
    const key = `${snapshot.state}:${snapshot.unsynced}`
    if (key !== last) {
      last = key
      onChange(snapshot)
    }
  }
  const onUpdate = (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
    // Only this user's own edits count; updates from the server or the local cache do not.
    if (transaction.local && !(provider.wsconnected && provider.synced)) {
      unsynced++
      emit()
    }
  }
  const onSync = (synced: boolean) => {
    if (synced) unsynced = 0
    emit()
  }
  doc.on('update', onUpdate)
  provider.on('sync', onSync)
  provider.on('status', emit)
  window.addEventListener('online', emit)
  window.addEventListener('offline', emit)
  // Reconnect attempts change state without an event of their own.
  const timer = window.setInterval(emit, 1000)
  emit()
  return () => {
    doc.off('update', onUpdate)
    provider.off('sync', onSync)
    provider.off('status', emit)
    window.removeEventListener('online', emit)
    window.removeEventListener('offline', emit)
    window.clearInterval(timer)
  }
}
