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
}

export function openDocConnection({ room, params, cache: keepCopy }: DocConnectionOptions): BoardConnection {
  const doc = new Y.Doc()
  const cache = keepCopy ? new IndexeddbPersistence(localCopyName(room), doc) : null
  const provider = new WebsocketProvider(syncServerUrl(window.location), room, doc, { params })
  let timer = 0
  const ready = new Promise<void>((resolve) => {
    const check = () => {
      const cacheLoaded = cache?.synced ?? false
      const serverUnreachable = !navigator.onLine || provider.wsUnsuccessfulReconnects > 0
      if (provider.synced || (cacheLoaded && serverUnreachable)) {
        window.clearInterval(timer)
        resolve()
      }
    }
    provider.on('sync', check)
    void cache?.whenSynced.then(check)
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

export function openBoardConnection(boardId: string, token: string, owner: string): BoardConnection {
  return openDocConnection({ room: boardId, params: { token, owner }, cache: true })
}
