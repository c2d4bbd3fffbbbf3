/**
 * `npx tsx bench/record-guard.ts`: what checking a client update costs before it is applied
 * (server/rooms/record-guard.ts), on the hot path and for the attacks it refuses. In-process, no
 * sockets: the figure is the check alone, next to what applying the same update costs as the
 * server applies it (server/sync/apply-update.ts: Yjs with our value readers).
 * Flags: --records 2000 (board size) --rounds 500
 */
import { parseArgs } from 'node:util'
import * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
import * as encoding from 'lib0/encoding'
import { createBoardSchema, documentRecords } from '../shared/board/board-schema.ts'
import { RECORDS_ARRAY, type RecordEntry } from '../shared/doc-layout.ts'
import { RecordGuard } from '../server/rooms/record-guard.ts'
import { applyYjsUpdate } from '../server/sync/apply-update.ts'
import { noteRecord } from '../test/helpers/records.ts'

const { values } = parseArgs({ options: { records: { type: 'string', default: '2000' }, rounds: { type: 'string', default: '500' } } })
const size = Number(values.records)
const rounds = Number(values.rounds)
const schema = createBoardSchema()
const budget = { maxStructs: 20_000, maxDeleteRanges: 50_000, maxInsertedLength: 100_000 }

// The board: the server's doc with its guard, and a client doc in step with it.
const server = new Y.Doc()
const guard = new RecordGuard(server, schema, budget)
const client = new Y.Doc()
const kv = new YKeyValue<unknown>(client.getArray<RecordEntry<unknown>>(RECORDS_ARRAY))
client.transact(() => {
  for (const record of documentRecords('bench')) kv.set(record.id, record)
  for (let i = 0; i < size; i++) kv.set(`shape:n${i}`, noteRecord(`shape:n${i}`, { text: `notitie ${i}`, x: i * 10 }))
})
Y.applyUpdate(server, Y.encodeStateAsUpdate(client))

function time(label: string, make: () => Uint8Array, apply: boolean, n = rounds): void {
  const checks: number[] = []
  const applies: number[] = []
  for (let i = 0; i < n; i++) {
    const update = make()
    let started = performance.now()
    const verdict = guard.check(update, () => undefined)
    checks.push(performance.now() - started)
    if (apply && verdict.ok) {
      started = performance.now()
      applyYjsUpdate(server, update, undefined, verdict.decoded)
      applies.push(performance.now() - started)
    }
    if (i === 0 && !verdict.ok) label += ` (refused: ${verdict.error.kind})`
  }
  const stat = (list: number[]) => {
    if (list.length === 0) return '—'
    const sorted = [...list].sort((a, b) => a - b)
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
    return `p50 ${(at(0.5) * 1000).toFixed(0)} µs  p99 ${(at(0.99) * 1000).toFixed(0)} µs`
  }
  console.log(`${label.padEnd(62)} check ${stat(checks).padEnd(28)} apply ${stat(applies)}`)
}

console.log(`board of ${size} notes, ${rounds} rounds`)
// The hot path: one note moved, as a stock client sends it.
let moved = 0
time('one note moved (typical edit)', () => {
  const before = Y.encodeStateVector(client)
  const id = `shape:n${moved++ % size}`
  kv.set(id, noteRecord(id, { text: 'verplaatst', x: moved }))
  return Y.encodeStateAsUpdate(client, before)
}, true)
time('a note in a frame, 5 frames deep', () => {
  const before = Y.encodeStateVector(client)
  client.transact(() => {
    for (let d = 0; d < 5; d++) kv.set(`shape:f${d}`, { ...noteRecord(`shape:f${d}`), type: 'frame', props: { w: 100, h: 100, name: '', color: 'black' }, parentId: d === 0 ? 'page:page' : `shape:f${d - 1}` })
    const id = `shape:deep${moved++}`
    kv.set(id, noteRecord(id, { parentId: 'shape:f4' }))
  })
  return Y.encodeStateAsUpdate(client, before)
}, true, 100)
time('sync step 2 with the whole board (all of it known already)', () => Y.encodeStateAsUpdate(client), false, 50)
time('sync step 2 of a reconnecting client (what the server lacks)', () => Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)), false, 50)

const text = new Y.Doc()
text.getText('t').insert(0, 'x'.repeat(1024 * 1024))
const inserted = Y.encodeStateAsUpdate(text)
const attack = encoding.createEncoder()
encoding.writeUint8Array(attack, inserted.subarray(0, inserted.byteLength - 1))
encoding.writeVarUint(attack, 1)
encoding.writeVarUint(attack, text.clientID)
encoding.writeVarUint(attack, 512 * 1024)
for (let i = 0; i < 512 * 1024; i++) {
  encoding.writeVarUint(attack, i * 2)
  encoding.writeVarUint(attack, 1)
}
const attackUpdate = encoding.toUint8Array(attack)
time(`3 MB update: 1 MB insert + delete every other (${(attackUpdate.byteLength / 2 ** 20).toFixed(1)} MiB)`, () => attackUpdate, false, 20)
const ranges = encoding.createEncoder()
encoding.writeVarUint(ranges, 0)
encoding.writeVarUint(ranges, 1)
encoding.writeVarUint(ranges, 12345)
encoding.writeVarUint(ranges, 500_000)
for (let i = 0; i < 500_000; i++) {
  encoding.writeVarUint(ranges, i * 2)
  encoding.writeVarUint(ranges, 1)
}
const rangesUpdate = encoding.toUint8Array(ranges)
time('500,000 delete ranges', () => rangesUpdate, false, 20)
const self = new Y.Doc()
Y.applyUpdate(self, Y.encodeStateAsUpdate(server))
const selfBefore = Y.encodeStateVector(self)
new YKeyValue<unknown>(self.getArray<RecordEntry<unknown>>(RECORDS_ARRAY)).set('shape:n1', noteRecord('shape:n1', { parentId: 'shape:n1' }))
const selfUpdate = Y.encodeStateAsUpdate(self, selfBefore)
time('a note made its own parent', () => selfUpdate, false, 100)
