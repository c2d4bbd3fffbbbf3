/**
 * A y-websocket client reduced to what the memory and cold-load parts time: open a board (until
 * the server's SyncStep2), send updates, and wait until the server has taken them in.
 */
import { encodeSyncStep1, encodeUpdate, MessageType, SyncType } from '../../server/sync/protocol.ts'
import { RawWebSocket } from './raw-websocket.ts'

/** The state vector of an empty document: no clients. */
const EMPTY_STATE_VECTOR = new Uint8Array([0])

export class BoardClient {
  private readonly socket: RawWebSocket
  private step2Waiters: Array<(bytes: number) => void> = []

  private constructor(url: string) {
    this.socket = new RawWebSocket(url)
    this.socket.onMessage = (frame) => {
      if (frame[0] === MessageType.sync && frame[1] === SyncType.step2) this.step2Waiters.shift()?.(frame.byteLength)
    }
  }

  /** Connects and waits for the whole board; resolves with the time that took and its size. */
  static async open(url: string): Promise<{ client: BoardClient; ms: number; bytes: number }> {
    const started = performance.now()
    const client = new BoardClient(url)
    await client.socket.connect()
    const bytes = await client.requestState()
    return { client, ms: performance.now() - started, bytes }
  }

  /** Sends a message as it is (e.g. an awareness update made by encodeAwareness). */
  sendRaw(message: Uint8Array): void {
    this.socket.send(message)
  }

  sendUpdates(updates: readonly Uint8Array[]): void {
    for (const update of updates) this.socket.send(encodeUpdate(update))
  }

  /**
   * Resolves once the server has answered a SyncStep1 sent after everything sent so far; both
   * servers handle a connection's messages in order, and Regiebord answers only once stored.
   */
  async confirm(): Promise<void> {
    await this.requestState()
  }

  close(): void {
    this.socket.terminate()
  }

  private requestState(): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no SyncStep2 from ${this.socket.url}`)), 120_000)
      this.step2Waiters.push((bytes) => {
        clearTimeout(timer)
        resolve(bytes)
      })
      this.socket.send(encodeSyncStep1(EMPTY_STATE_VECTOR))
    })
  }
}
