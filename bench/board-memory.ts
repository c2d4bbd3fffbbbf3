/**
 * `npm run bench:board-memory`: how much heap a board's Yjs document really takes, next to the
 * estimate the server's per-board memory budget charges (server/rooms/memory-budget.ts). Each case
 * builds a document on a client, encodes it, and applies it to a fresh server-side doc with forced
 * GC before and after. The estimate must be at least the measured growth (ratio ≥ 1) for the
 * budget to be an upper bound.
 */
import * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { RECORDS_ARRAY, type RecordEntry } from '../shared/doc-layout.ts'
import { boardHeapEstimate, structCount } from '../server/rooms/memory-budget.ts'
import { noteRecord } from '../test/helpers/records.ts'

const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('run with node --expose-gc (npm run bench:board-memory does)')
const heapUsed = () => {
  gc()
  gc()
  return process.memoryUsage().heapUsed
}
const kept: Y.Doc[] = []

function measure(label: string, build: (doc: Y.Doc, kv: YKeyValue<unknown>) => void): string {
  const source = new Y.Doc()
  build(source, new YKeyValue<unknown>(source.getArray<RecordEntry<unknown>>(RECORDS_ARRAY)))
  const update = Y.encodeStateAsUpdate(source)
  source.destroy()
  const before = heapUsed()
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  const grown = heapUsed() - before
  kept.push(doc)
  const estimate = boardHeapEstimate(doc, update.byteLength)
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`.padStart(10)
  return `${label.padEnd(46)} ${kib(update.byteLength)} ${String(structCount(doc)).padStart(8)} ${kib(grown)} ${kib(estimate)} ${(estimate / grown).toFixed(2).padStart(6)}`
}

const notes = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ id: `shape:n${i}`, x: i * 10, record: noteRecord(`shape:n${i}`, { text: `Een notitie met wat tekst ${i}`, x: i * 10 }) }))
const rows = [
  measure('2,000 notes, one transaction', (doc, kv) => doc.transact(() => notes(2000).forEach((note) => kv.set(note.id, note.record)))),
  measure('2,000 notes, one edit each', (_, kv) => notes(2000).forEach((note) => kv.set(note.id, note.record))),
  measure('500 notes, each moved 20× (another client each time)', (doc, kv) => {
    for (let round = 0; round < 20; round++) {
      doc.clientID = 1000 + round
      notes(500).forEach((note) => kv.set(note.id, { ...note.record, x: note.x + round }))
    }
  }),
  measure('10,000 records in one item, every other deleted', (doc) => {
    const array = doc.getArray<RecordEntry<unknown>>(RECORDS_ARRAY)
    array.insert(0, notes(10_000).map((note) => ({ key: note.id, val: note.record })))
    doc.transact(() => {
      for (let i = 0; i < 5000; i++) array.delete(i, 1)
    })
  }),
  measure('20,000 one-record items from 20,000 clients', (doc) => {
    const array = doc.getArray<RecordEntry<unknown>>(RECORDS_ARRAY)
    for (let i = 0; i < 20_000; i++) {
      doc.clientID = 5000 + i
      array.insert(i % 3 === 0 ? 0 : array.length, [{ key: `shape:x${i}`, val: 1 }])
    }
  }),
]
console.log(`${'case'.padEnd(46)} ${'update'.padStart(10)} ${'structs'.padStart(8)} ${'measured'.padStart(10)} ${'estimate'.padStart(10)} ${'ratio'.padStart(6)}`)
for (const row of rows) console.log(row)
console.log(`node ${process.version}, ${kept.length} documents kept alive while measuring`)
