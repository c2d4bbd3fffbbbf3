/**
 * One simulated board user for the load generator: a raw y-websocket connection and a Y.Doc of
 * its own in which it moves its own shapes (YKeyValue on `tl_records`, like the board client).
 *
 * It never applies what others send: a thousand peers integrating every relayed update would
 * make the load generator, not the server, the bottleneck. Its edits stay valid all the same,
 * because every item it references (its own earlier entries) exists on the server. Received
 * updates are only identified by their first struct's (client, clock), which is where the sender
 * was when it made the edit; see `readUpdateOrigin`.
 */
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { RECORDS_ARRAY } from '../../shared/doc-layout.ts'
import { encodeSyncStep1, encodeSyncStep2, encodeUpdate, MessageType, SyncType } from '../../server/sync/protocol.ts'
import { clientFrame, RawWebSocket } from './raw-websocket.ts'
import { geoShapeId, movedGeoShape, type GeoShapeRecord } from './shape-record.ts'

/** The Yjs client id and clock at which an update's first struct starts. */
export interface UpdateOrigin {
  client: number
  clock: number
}

/** Reads a varUint at `at`; returns the value and the offset after it. */
function varUint(bytes: Uint8Array, at: number): [number, number] {
  let value = 0
  let shift = 1
  for (;;) {
    const byte = bytes[at++]!
    value += (byte & 0x7f) * shift
    if (byte < 0x80) return [value, at]
    shift *= 128
  }
}

/**
 * Reads the origin of a relayed `sync/update` frame without decoding the update (Yjs update v1:
 * number of client groups, then per group: struct count, client id, first clock). Null for
 * other frames and for updates that only delete.
 */
export function readUpdateOrigin(frame: Uint8Array): UpdateOrigin | null {
  if (frame[0] !== MessageType.sync || frame[1] !== SyncType.update) return null
  let at = varUint(frame, 2)[1] // payload length
  let groups: number
  ;[groups, at] = varUint(frame, at)
  if (groups === 0) return null
  at = varUint(frame, at)[1] // structs in the first group
  const [client, afterClient] = varUint(frame, at)
  const [clock] = varUint(frame, afterClient)
  return { client, clock }
}

export interface InFlightEdit {
  sentAt: number
  /** Peers that have yet to receive it. */
  awaited: number
}

/** Shapes each peer owns and moves in turn; a board of C peers holds C × this many. */
const SHAPES_PER_PEER = 20

export class LoadPeer {
  readonly doc = new Y.Doc()
  private readonly records = new YKeyValue<GeoShapeRecord>(this.doc.getArray(RECORDS_ARRAY))
  private readonly socket: RawWebSocket
  private synced = false
  private moves = 0
  /** Frames made in advance, so that making edits does not compete with the timed run. */
  private readonly prepared: Array<{ clock: number; frame: Buffer }> = []
  /** Edits sent and not yet received by every other peer, by the clock they start at. */
  readonly inFlight = new Map<number, InFlightEdit>()
  closedUnexpectedly = false

  /** Why the server closed this connection ("1013 too many messages in flight"), or null. */
  get closeReason(): string | null {
    return this.closedUnexpectedly ? (this.socket.closeReason ?? 'closed without a close frame') : null
  }

  constructor(
    readonly url: string,
    /** Called for every relayed update frame this peer receives. */
    private readonly onUpdate: (origin: UpdateOrigin, receivedAt: number) => void,
  ) {
    this.socket = new RawWebSocket(url)
  }

  get clientId(): number {
    return this.doc.clientID
  }

  /** Connects and resolves once the server's SyncStep2 has arrived. */
  async connect(timeoutMs = 30_000): Promise<void> {
    this.socket.onMessage = (frame) => this.receive(frame)
    this.socket.onClose = () => {
      if (this.synced) this.closedUnexpectedly = true
    }
    await this.socket.connect()
    this.socket.send(encodeSyncStep1(Y.encodeStateVector(this.doc)))
    const deadline = performance.now() + timeoutMs
    while (!this.synced) {
      if (performance.now() > deadline) throw new Error(`no sync within ${timeoutMs} ms: ${this.url}`)
      if (!this.socket.open) throw new Error(`closed before sync: ${this.url}`)
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
  }

  /** Makes `count` moves ahead of time (they are sent in order by `sendMove`). */
  prepare(count: number): void {
    for (let i = 0; i < count; i++) this.prepared.push(this.makeMove())
  }

  /** Sends the next move, to be received by `receivers` peers; false when the socket is not open. */
  sendMove(receivers: number): boolean {
    if (!this.socket.open) return false
    const move = this.prepared.shift() ?? this.makeMove()
    this.inFlight.set(move.clock, { sentAt: performance.now(), awaited: receivers })
    this.socket.sendFrame(move.frame)
    return true
  }

  close(): void {
    this.socket.onClose = () => {}
    this.socket.terminate()
    this.doc.destroy()
  }

  private makeMove(): { clock: number; frame: Buffer } {
    const clock = Y.getState(this.doc.store, this.doc.clientID)
    const id = geoShapeId(this.doc.clientID, this.moves++ % SHAPES_PER_PEER)
    let update: Uint8Array | null = null
    const capture = (u: Uint8Array) => (update = u)
    this.doc.on('update', capture)
    this.records.set(id, movedGeoShape(id, Math.round(Math.random() * 4000), Math.round(Math.random() * 3000)))
    this.doc.off('update', capture)
    return { clock, frame: clientFrame(encodeUpdate(update!)) }
  }

  private receive(frame: Uint8Array): void {
    if (frame[0] !== MessageType.sync) return // awareness
    if (frame[1] === SyncType.update) {
      const origin = readUpdateOrigin(frame)
      if (origin && origin.client !== this.doc.clientID) this.onUpdate(origin, performance.now())
    } else if (frame[1] === SyncType.step1) {
      const decoder = decoding.createDecoder(frame)
      decoding.readVarUint(decoder)
      decoding.readVarUint(decoder)
      const stateVector = decoding.readVarUint8Array(decoder)
      this.socket.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector)))
    } else if (frame[1] === SyncType.step2) {
      this.synced = true
    }
  }
}
