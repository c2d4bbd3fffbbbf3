/**
 * Barriers instead of sleeps, for tests that show something did NOT happen.
 *
 * The server reads one connection's frames strictly in order (a promise chain in
 * sync/connection.ts), so its answer to a question sent now comes after it has decided about
 * everything the connection sent before: applied or refused each update, closed it, or relayed.
 * TCP keeps the frames the server sends a connection in order too, so a round trip on a
 * *receiving* connection afterwards proves that whatever the server sent it before has arrived.
 *
 * The question is a sync step 1 (message type 0/0), not a query-awareness (type 3), although
 * both are answered in order: the answer to a query-awareness looks exactly like a relayed
 * awareness change or the awareness sent on joining, so a test could take one of those for it.
 * A sync step 2 (0/1) is only ever sent in reply to a step 1, and the server sends it once every
 * update it accepted so far is stored (Room.answerSyncStep1 waits for `settled()`).
 */
import * as encoding from 'lib0/encoding'
import type { WebSocket } from 'ws'
import * as Y from 'yjs'
import type { RawClient, TestClient } from './clients.ts'

const SYNC = 0
const SYNC_STEP_2 = 1

function syncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, SYNC)
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc))
  return encoding.toUint8Array(encoder)
}

const isSyncStep2 = (data: Uint8Array) => data[0] === SYNC && data[1] === SYNC_STEP_2

/** One round trip on a raw connection; 'closed' when the server closed it instead (also a decision). */
export async function rawRoundTrip(raw: RawClient, timeoutMs = 10_000): Promise<'answered' | 'closed'> {
  if (raw.socket.readyState !== raw.socket.OPEN) return 'closed'
  let onMessage: (data: Buffer) => void = () => undefined
  const answered = new Promise<'answered'>((resolve) => {
    onMessage = (data) => isSyncStep2(data) && resolve('answered')
    raw.socket.on('message', onMessage)
  })
  // An empty document's state vector: the answer is the whole board, small in tests.
  raw.socket.send(syncStep1(new Y.Doc()))
  try {
    return await withTimeout(Promise.race([answered, raw.closed.then(() => 'closed' as const)]), timeoutMs, 'a sync step 2 on a raw connection')
  } finally {
    raw.socket.off('message', onMessage)
  }
}

/** One round trip on a stock y-websocket client's connection (it applies the answer itself: nothing new for it). */
export async function roundTrip(client: TestClient, timeoutMs = 10_000): Promise<void> {
  // y-websocket's types say DOM WebSocket; in Node the provider runs on ws (see clients.ts).
  const socket = client.provider.ws as unknown as WebSocket | null
  if (!socket || socket.readyState !== socket.OPEN) throw new Error('roundTrip needs a connected client')
  let done = () => undefined as void
  const answered = new Promise<void>((resolve, reject) => {
    const onMessage = (data: Buffer | ArrayBuffer) => isSyncStep2(new Uint8Array(data)) && resolve()
    const onClose = (code: number) => reject(new Error(`the connection closed (${code}) before the round trip's answer`))
    socket.on('message', onMessage)
    socket.on('close', onClose)
    done = () => {
      socket.off('message', onMessage)
      socket.off('close', onClose)
    }
  })
  socket.send(syncStep1(client.doc))
  try {
    await withTimeout(answered, timeoutMs, 'a sync step 2')
  } finally {
    done()
  }
}

/** Round trips on every connection in turn: put the senders first, then the receivers. */
export async function roundTrips(...connections: Array<TestClient | RawClient>): Promise<void> {
  for (const connection of connections) {
    if ('provider' in connection) await roundTrip(connection)
    else await rawRoundTrip(connection)
  }
}

async function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs)
  })
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
  }
}
