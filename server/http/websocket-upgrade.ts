/**
 * WebSocket upgrades: the HTTP app decides (GET /sync/…, with every check of server/http/sync.ts),
 * this completes the handshake with ws and hands the socket over.
 *
 * @hono/node-server's `upgradeWebSocket` helper does the same, but every connection it opens keeps
 * the whole upgrade request alive for as long as it lasts: the closures it registers on the
 * socket hold the Hono context (request, headers, URL objects, the node IncomingMessage). That was
 * ~7 KiB of heap per idle connection, about 40 % of what one cost (BENCHMARKS.md, issue 17). Here
 * the app's handler leaves only the function that opens the connection (`acceptWebSocket`), and
 * nothing of the request is kept once the handshake is done.
 *
 * A refused upgrade gets the app's status, headers and JSON error (the helper sent no body).
 */
import type { IncomingMessage, Server } from 'node:http'
import { STATUS_CODES } from 'node:http'
import type { Duplex } from 'node:stream'
import type { WebSocket, WebSocketServer } from 'ws'

const ACCEPT = Symbol('accept WebSocket')

/** The `env` (Hono bindings) of an upgrade request: what @hono/node-server gives a request, plus ours. */
export interface UpgradeBindings {
  incoming: IncomingMessage
  outgoing: undefined
  [ACCEPT]?: (socket: WebSocket) => void
}

/**
 * Called by the app's handler once it has admitted the upgrade: `open` receives the socket after
 * the handshake. Returns false when the request did not come through `handleUpgrades` (then there
 * is nothing to upgrade).
 */
export function acceptWebSocket(env: object, open: (socket: WebSocket) => void): boolean {
  if (!(ACCEPT in env)) return false
  ;(env as UpgradeBindings)[ACCEPT] = open
  return true
}

type Fetch = (request: Request, env: UpgradeBindings) => Response | Promise<Response>

/** Headers of the app's response that must not be copied into the handshake's. */
const NOT_COPIED = new Set(['connection', 'content-length', 'keep-alive', 'transfer-encoding', 'upgrade', 'sec-websocket-accept', 'sec-websocket-extensions', 'sec-websocket-protocol'])

function headerLines(headers: Headers | undefined): string[] {
  const lines: string[] = []
  headers?.forEach((value, key) => {
    if (!NOT_COPIED.has(key.toLowerCase())) lines.push(`${key}: ${value}`)
  })
  return lines
}

/** The refusal with the app's headers and its JSON error, so a client can tell why. */
function refuse(socket: Duplex, status: number, headers?: Headers, body: Buffer = Buffer.alloc(0)): void {
  if (socket.destroyed) return
  const lines = ['Connection: close', `Content-Length: ${body.length}`, ...headerLines(headers)]
  socket.end(Buffer.concat([Buffer.from(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${lines.join('\r\n')}\r\n\r\n`), body]))
}

/** The upgrade request as a fetch Request for the app (only the URL and headers are read). */
function upgradeRequest(request: IncomingMessage): Request {
  const headers = new Headers()
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.append(key, Array.isArray(value) ? value[0]! : value)
  }
  const host = request.headers.host ?? 'localhost'
  return new Request(new URL(request.url ?? '/', `http://${host}`), { headers })
}

export function handleUpgrades(server: Server, wss: WebSocketServer, fetch: Fetch): void {
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    void upgrade(request, socket, head)
  })

  async function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    // A socket error before the handshake is done closes it; nothing else needs to know.
    const ignore = () => undefined
    socket.on('error', ignore)
    if (request.headers.upgrade?.toLowerCase() !== 'websocket') return refuse(socket, 400)
    const env: UpgradeBindings = { incoming: request, outgoing: undefined, [ACCEPT]: undefined }
    let fetchRequest: Request
    try {
      fetchRequest = upgradeRequest(request)
    } catch {
      return refuse(socket, 400)
    }
    let response: Response
    try {
      response = await fetch(fetchRequest, env)
    } catch {
      return refuse(socket, 500)
    }
    const open = env[ACCEPT]
    if (!open) return refuse(socket, response.status, response.headers, Buffer.from(await response.arrayBuffer()))
    if (socket.destroyed) return
    const copyHeaders = (lines: string[]) => lines.push(...headerLines(response.headers))
    wss.on('headers', copyHeaders)
    try {
      wss.handleUpgrade(request, socket, head, (ws) => {
        socket.off('error', ignore)
        open(ws)
      })
    } finally {
      wss.off('headers', copyHeaders)
    }
  }
}
