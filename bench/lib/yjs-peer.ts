/**
 * A minimal y-websocket peer for load generation: raw frames over `ws`, a real Y.Doc and the
 * same YKeyValue layout as the client, without the provider's timers and reconnect logic.
 */
import * as decoding from 'lib0/decoding'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { RECORDS_ARRAY } from '../../shared/doc-layout.ts'
import { encodeSyncStep1, encodeSyncStep2, encodeUpdate } from '../../server/sync/protocol.ts'
import { movedGeoShape, type GeoShapeRecord } from './shape-record.ts'

/** A complete geo shape (the server refuses records its schema does not accept), timed in meta. */
export type ShapeRecord = Omit<GeoShapeRecord, 'meta'> & { meta: { sentAt: number; from: number } }

export class BenchPeer {
  readonly doc = new Y.Doc()
  readonly records = new YKeyValue<ShapeRecord>(this.doc.getArray(RECORDS_ARRAY))
  readonly socket: WebSocket
  synced = false
  /** Update frames received; with `applyUpdates` off, only counted (a cheap reader). */
  updateFrames = 0
  applyUpdates = true
  private readonly local = Symbol('local')

  constructor(url: string, onRemote: (record: ShapeRecord) => void) {
    this.socket = new WebSocket(url)
    this.socket.binaryType = 'nodebuffer'
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this.local && this.socket.readyState === WebSocket.OPEN) this.socket.send(encodeUpdate(update))
    })
    this.records.on('change', (changes: Map<string, { action: string; newValue?: ShapeRecord }>, tr: Y.Transaction) => {
      if (tr.origin === this.local) return
      for (const change of changes.values()) if (change.newValue) onRemote(change.newValue)
    })
    this.socket.on('open', () => this.socket.send(encodeSyncStep1(Y.encodeStateVector(this.doc))))
    this.socket.on('message', (data: Buffer) => this.receive(new Uint8Array(data)))
  }

  opened(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.synced) return resolve()
      const timer = setInterval(() => {
        if (this.synced) {
          clearInterval(timer)
          resolve()
        }
      }, 5)
      this.socket.once('error', reject)
    })
  }

  /** Moves one shape: the typical tldraw edit (~300 bytes on the wire). */
  move(shapeNo: number, from: number): void {
    const id = `shape:bench-${from}-${shapeNo}`
    this.doc.transact(() => {
      this.records.set(id, {
        ...movedGeoShape(id, Math.round(Math.random() * 2000), Math.round(Math.random() * 2000)),
        meta: { sentAt: performance.timeOrigin + performance.now(), from },
      })
    }, this.local)
  }

  close(): void {
    this.socket.terminate()
    this.doc.destroy()
  }

  private receive(frame: Uint8Array): void {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) !== 0) return // awareness etc.
    const subtype = decoding.readVarUint(decoder)
    const payload = decoding.readVarUint8Array(decoder)
    if (subtype === 0) {
      this.socket.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, payload)))
    } else {
      if (subtype === 2) this.updateFrames++
      if (this.applyUpdates || subtype === 1) Y.applyUpdate(this.doc, payload, 'remote')
      if (subtype === 1) this.synced = true
    }
  }
}
