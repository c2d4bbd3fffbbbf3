/**
 * Frames for one socket that are sent while the server handles one event (an incoming chunk, a
 * group commit) leave in one `writev` instead of one each.
 *
 * Relaying is the hot path: each update goes to every other peer of its board, and each frame
 * was a system call of its own (ws corks only around one frame's header and payload). Under load
 * several updates reach the same peer within one event; corking the socket on its first frame
 * and uncorking once the event's synchronous work and promise chain are done (process.nextTick
 * runs after the microtask queue has drained) sends them together, without holding any frame
 * back past the event that produced it.
 */
import type { Socket } from 'node:net'
import type { WebSocket } from 'ws'

/** Sockets corked in this event, with what they still had unsent before it. */
const corked = new Map<Socket, number>()
let flushScheduled = false

function flush(): void {
  flushScheduled = false
  for (const socket of corked.keys()) socket.uncork()
  corked.clear()
}

/**
 * Call before `ws.send`: holds this socket's writes until the current event is handled. Returns
 * the bytes the socket had not yet passed to the kernel before this event's frames: the measure
 * of a slow consumer (the frames held back in the batch are not the client's fault).
 */
export function batchWritesOf(ws: WebSocket): number {
  // ws keeps its net.Socket in `_socket` (there is no public accessor); it is null after close.
  const socket = (ws as unknown as { _socket: Socket | null })._socket
  if (!socket) return ws.bufferedAmount
  const unsentBefore = corked.get(socket)
  if (unsentBefore !== undefined) return unsentBefore
  const unsent = ws.bufferedAmount
  socket.cork()
  corked.set(socket, unsent)
  if (!flushScheduled) {
    flushScheduled = true
    process.nextTick(flush)
  }
  return unsent
}
