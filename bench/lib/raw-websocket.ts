/**
 * A bare WebSocket client (RFC 6455) for the load generator: the upgrade, then binary frames
 * read straight off the TCP stream. Stock clients spend several microseconds per received
 * message; with a thousand peers receiving ~100,000 frames a second on the one core left over
 * by the server, that would make the load generator the bottleneck of the measurement.
 *
 * Kept only as far as the benchmark needs: no extensions, no fragmented messages (servers send
 * small messages whole), pings answered, a close frame ends the connection.
 */
import { randomBytes } from 'node:crypto'
import net from 'node:net'

const Opcode = { binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const

/**
 * A client frame around `payload`. Clients must mask; the all-zero mask key is a valid key and
 * leaves the payload as it is, so frames can be built once and written as they are.
 */
export function clientFrame(payload: Uint8Array, opcode: number = Opcode.binary): Buffer {
  const length = payload.byteLength
  const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10
  const frame = Buffer.alloc(headerLength + 4 + length)
  frame[0] = 0x80 | opcode
  if (length < 126) frame[1] = 0x80 | length
  else if (length < 65_536) {
    frame[1] = 0x80 | 126
    frame.writeUInt16BE(length, 2)
  } else {
    frame[1] = 0x80 | 127
    frame.writeBigUInt64BE(BigInt(length), 2)
  }
  // bytes headerLength .. headerLength + 3: the zero mask key (Buffer.alloc zeroed them)
  frame.set(payload, headerLength + 4)
  return frame
}

export class RawWebSocket {
  private socket: net.Socket | null = null
  private pending: Buffer = Buffer.alloc(0)
  open = false
  private terminated = false
  /** Code and reason of the server's close frame, if it sent one. */
  closeReason: string | null = null
  /** Called with each received binary message; the view is only valid during the call. */
  onMessage: (payload: Uint8Array) => void = () => {}
  onClose: () => void = () => {}

  constructor(readonly url: string) {}

  connect(): Promise<void> {
    const { hostname, port, pathname, search } = new URL(this.url)
    const socket = net.connect({ host: hostname, port: Number(port), noDelay: true })
    this.socket = socket
    return new Promise((resolve, reject) => {
      let head = ''
      const onHead = (chunk: Buffer) => {
        head += chunk.toString('latin1')
        const end = head.indexOf('\r\n\r\n')
        if (end < 0) return
        socket.off('data', onHead)
        if (!head.startsWith('HTTP/1.1 101')) {
          socket.destroy()
          return reject(new Error(`upgrade refused: ${head.split('\r\n')[0]}`))
        }
        this.open = true
        socket.on('data', (data: Buffer) => this.receive(data))
        resolve()
        const rest = Buffer.from(head.slice(end + 4), 'latin1')
        if (rest.length > 0) this.receive(rest)
      }
      socket.on('data', onHead)
      socket.once('error', reject)
      socket.once('close', () => {
        this.open = false
        if (!this.terminated) this.onClose()
      })
      socket.write(
        `GET ${pathname}${search} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      )
    })
  }

  /** Sends a frame made by `clientFrame`. */
  sendFrame(frame: Buffer): void {
    if (this.open) this.socket!.write(frame)
  }

  send(payload: Uint8Array): void {
    this.sendFrame(clientFrame(payload))
  }

  /** Closes from our side; `onClose` is only called when the server or the network closed it. */
  terminate(): void {
    this.terminated = true
    this.open = false
    this.socket?.destroy()
  }

  private receive(data: Buffer): void {
    let buffer = this.pending.length > 0 ? Buffer.concat([this.pending, data]) : data
    let offset = 0
    while (buffer.length - offset >= 2) {
      const opcode = buffer[offset]! & 0x0f
      let length = buffer[offset + 1]! & 0x7f
      let start = offset + 2
      if (length === 126) {
        if (buffer.length - offset < 4) break
        length = buffer.readUInt16BE(offset + 2)
        start = offset + 4
      } else if (length === 127) {
        if (buffer.length - offset < 10) break
        length = Number(buffer.readBigUInt64BE(offset + 2))
        start = offset + 10
      }
      if (buffer.length < start + length) break
      const payload = buffer.subarray(start, start + length)
      offset = start + length
      if (opcode === Opcode.binary) this.onMessage(payload)
      else if (opcode === Opcode.ping) this.sendFrame(clientFrame(payload, Opcode.pong))
      else if (opcode === Opcode.close) {
        this.closeReason = payload.length >= 2 ? `${payload.readUInt16BE(0)} ${payload.subarray(2).toString()}` : 'no code'
        this.socket!.destroy()
      }
    }
    this.pending = offset === buffer.length ? Buffer.alloc(0) : Buffer.from(buffer.subarray(offset))
  }
}
