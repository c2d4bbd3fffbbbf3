/**
 * A seeded generator of hostile y-websocket frames: random bytes, and real frames (sync steps,
 * document updates, awareness, query-awareness) with bits flipped, bytes overwritten, lengths
 * inflated, pieces cut, repeated or spliced together. Seeded, so a failing run can be replayed.
 */
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { RECORDS_ARRAY } from '../../shared/doc-layout.ts'
import { seeded } from './records.ts'

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/** Real frames a client sends, as seeds for mutation. */
function validFrames(): Uint8Array[] {
  const frames: Uint8Array[] = []
  const doc = new Y.Doc()
  const records = new YKeyValue<unknown>(doc.getArray(RECORDS_ARRAY))
  let previous = Y.encodeStateVector(doc)
  for (let i = 0; i < 12; i++) {
    if (i % 4 === 3) records.delete(`shape:${i - 1}`)
    else records.set(`shape:${i}`, { id: `shape:${i}`, typeName: 'shape', x: i * 10, props: { text: 'ü'.repeat(i) } })
    if (i === 6) doc.getMap('meta').set('title', 'fuzz')
    const update = Y.encodeStateAsUpdate(doc, previous)
    previous = Y.encodeStateVector(doc)
    frames.push(frame((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, update))))
  }
  const whole = Y.encodeStateAsUpdate(doc)
  frames.push(frame((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, whole))))
  frames.push(frame((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 0), encoding.writeVarUint8Array(e, Y.encodeStateVector(doc)))))
  const awareness = new awarenessProtocol.Awareness(doc)
  awareness.setLocalState({ user: { name: 'Fuzz', color: '#f00' }, cursor: { x: 1, y: 2 } })
  const awarenessUpdate = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])
  frames.push(frame((e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, awarenessUpdate))))
  frames.push(Uint8Array.of(3))
  awareness.destroy()
  doc.destroy()
  return frames
}

export class FrameFuzzer {
  private readonly random: () => number
  private readonly seeds = validFrames()

  constructor(seed: number) {
    this.random = seeded(seed)
  }

  next(): Uint8Array {
    const roll = this.random()
    if (roll < 0.25) return this.randomBytes(this.int(64))
    if (roll < 0.9) return this.mutate(this.pick(this.seeds))
    if (roll < 0.95) return this.splice(this.pick(this.seeds), this.pick(this.seeds))
    return this.pick(this.seeds)
  }

  private int(below: number): number {
    return Math.floor(this.random() * below)
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!
  }

  private randomBytes(length: number): Uint8Array {
    const bytes = new Uint8Array(length)
    for (let i = 0; i < length; i++) bytes[i] = this.int(256)
    // Mostly start with a known message type, so the frames get past the first byte.
    if (length > 0 && this.random() < 0.7) bytes[0] = this.int(4)
    return bytes
  }

  private mutate(seed: Uint8Array): Uint8Array {
    let bytes = Uint8Array.from(seed)
    const mutations = 1 + this.int(4)
    for (let m = 0; m < mutations && bytes.length > 0; m++) {
      const at = this.int(bytes.length)
      switch (this.int(7)) {
        case 0: // flip a bit
          bytes[at] = bytes[at]! ^ (1 << this.int(8))
          break
        case 1: // a boundary value
          bytes[at] = this.pick([0, 1, 0x7f, 0x80, 0xfe, 0xff])
          break
        case 2: // cut short
          bytes = bytes.slice(0, at)
          break
        case 3: // an inflated varint length or count
          bytes = Uint8Array.from([...bytes.slice(0, at), 0xff, 0xff, 0xff, 0xff, 0x0f, ...bytes.slice(at + 1)])
          break
        case 4: // repeat a slice
          bytes = Uint8Array.from([...bytes, ...bytes.slice(at, at + 1 + this.int(16))])
          break
        case 5: // insert random bytes
          bytes = Uint8Array.from([...bytes.slice(0, at), ...this.randomBytes(1 + this.int(8)), ...bytes.slice(at)])
          break
        default: // another message type or sync step
          bytes[this.int(Math.min(2, bytes.length))] = this.int(5)
      }
    }
    return bytes
  }

  private splice(a: Uint8Array, b: Uint8Array): Uint8Array {
    return Uint8Array.from([...a.slice(0, this.int(a.length + 1)), ...b.slice(this.int(b.length + 1))])
  }
}
