/**
 * The live documents of one board in this browser: each a Y.Doc kept in IndexedDB (so edits
 * survive a reload and being offline) and synced with the server by the stock y-websocket
 * provider, as its own room (see shared/session/channels.ts).
 */
import * as Y from 'yjs'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import { localCopyName } from './local-copies.ts'

export interface BoardConnection {
  doc: Y.Doc
  provider: WebsocketProvider
  /**
   * Resolves once there is a document worth showing: the server's state, or, when the server
   * cannot be reached, the copy in IndexedDB. Binding to an empty not-yet-synced doc would make
   * the board flash empty.
   */
  ready: Promise<void>
  destroy(): void
}

export function syncServerUrl(location: Location): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${protocol}//${location.host}/sync`
}

export interface DocConnectionOptions {
  /** The room: `<boardId>` for the board, `<boardId>/<channel>` for its other documents. */
  room: string
  params: Record<string, string>
  /** Keep a copy in IndexedDB; the control document needs none (it is the server's, live). */
  cache: boolean
  /**
   * Also fetch the document's state over HTTP, next to the socket, and count it as ready once
   * that is in. A browser opens one WebSocket to a host at a time, two round trips each on a
   * phone network; a fetch does not wait for the sockets before it.
   */
  prefetch?: boolean
}

function documentStateUrl(location: Location, room: string, params: Record<string, string>): string {
  return `${location.origin}/sync-state/${room}?${new URLSearchParams(params).toString()}`
}

/** The state the server has stored, or null (a refusal, or offline: the socket will say so). */
async function fetchDocumentState(url: string): Promise<Uint8Array | null> {
  try {
    const response = await fetch(url, { cache: 'no-store', credentials: 'same-origin' })
    if (!response.ok) return null
    return new Uint8Array(await response.arrayBuffer())
  } catch {
    return null
  }
}

export function openDocConnection({ room, params, cache: keepCopy, prefetch = false }: DocConnectionOptions): BoardConnection {
  const doc = new Y.Doc()
  const cache = keepCopy ? new IndexeddbPersistence(localCopyName(room), doc) : null
  const provider = new WebsocketProvider(syncServerUrl(window.location), room, doc, { params })
  let timer = 0
  let prefetched = false
  const ready = new Promise<void>((resolve) => {
    const check = () => {
      const cacheLoaded = cache?.synced ?? false
      const serverUnreachable = !navigator.onLine || provider.wsUnsuccessfulReconnects > 0
      if (provider.synced || prefetched || (cacheLoaded && serverUnreachable)) {
        window.clearInterval(timer)
        resolve()
      }
    }
    provider.on('sync', check)
    void cache?.whenSynced.then(check)
    if (prefetch) {
      void fetchDocumentState(documentStateUrl(window.location, room, params)).then((state) => {
        // Destroyed meanwhile (the page left the board): nothing to fill.
        if (!state || doc.isDestroyed) return
        // As if the provider had received it: it sends nothing back for what came from the server.
        Y.applyUpdate(doc, state, provider)
        prefetched = true
        check()
      })
    }
    timer = window.setInterval(check, 100)
  })
  return {
    doc,
    provider,
    ready,
    destroy() {
      window.clearInterval(timer)
      provider.destroy()
      void cache?.destroy()
      doc.destroy()
    },
  }
}
