/** Stock y-websocket clients (the same provider the browser uses) and a raw frame client. */
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { RECORDS_ARRAY } from '../../shared/doc-layout.ts'
import { waitFor } from './wait.ts'

export interface TestClient {
  doc: Y.Doc
  provider: WebsocketProvider
  records: YKeyValue<unknown>
  destroy(): void
}

/** `room` is a board id, or another board document's room name (`<boardId>/structure`, …). */
export function connectClient(wsUrl: string, room: string, token: string, doc = new Y.Doc(), params: Record<string, string> = {}): TestClient {
  const provider = new WebsocketProvider(wsUrl, room, doc, {
    params: { token, ...params },
    // y-websocket's types expect the DOM WebSocket; ws implements the same interface.
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  const records = new YKeyValue<unknown>(doc.getArray(RECORDS_ARRAY))
  return {
    doc,
    provider,
    records,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

export async function connectSynced(wsUrl: string, room: string, token: string, params: Record<string, string> = {}): Promise<TestClient> {
  const client = connectClient(wsUrl, room, token, new Y.Doc(), params)
  await waitFor(() => client.provider.synced, 'initial sync')
  return client
}

/** A WebSocket speaking raw frames, recording what it receives and how it was closed. */
export interface RawClient {
  socket: WebSocket
  received: Uint8Array[]
  closed: Promise<{ code: number; reason: string }>
  opened: Promise<void>
}

export function connectRaw(wsUrl: string, boardId: string, token: string | null, params: Record<string, string> = {}): RawClient {
  const query = token === null ? '' : `?${new URLSearchParams({ token, ...params })}`
  const socket = new WebSocket(`${wsUrl}/${boardId}${query}`)
  const received: Uint8Array[] = []
  socket.on('message', (data: Buffer) => received.push(new Uint8Array(data)))
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }))
  })
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('error', reject)
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
  })
  return { socket, received, closed, opened }
}

/** The HTTP status with which an upgrade was refused, or 101 when it was accepted. */
export function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url)
    socket.once('open', () => {
      socket.terminate()
      resolve(101)
    })
    socket.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0)
      socket.terminate()
    })
    socket.once('error', (error) => reject(error))
  })
}

/** How an upgrade was refused: the status and the JSON error the server sent with it. */
export function upgradeRefusal(url: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url)
    socket.once('open', () => {
      socket.terminate()
      reject(new Error('the upgrade was accepted'))
    })
    socket.once('unexpected-response', (_req, res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as unknown) : null })
        socket.terminate()
      })
    })
    socket.once('error', (error) => reject(error))
  })
}
