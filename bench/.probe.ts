import * as Y from 'yjs'
import { Awareness } from 'y-protocols/awareness'
import { boardState } from '/work/wt/i17-lean/bench/lib/board-content.ts'
import { RecordIndex } from '/work/wt/i17-lean/server/rooms/record-index.ts'
const gc = (globalThis as any).gc
const heap = () => { gc(); gc(); const m = process.memoryUsage(); return m.heapUsed + m.external }
const N = 100
const content = boardState(100, 5)
const keep: unknown[] = []
let b = heap()
const docs: Y.Doc[] = []
for (let i = 0; i < N; i++) { const d = new Y.Doc(); Y.applyUpdate(d, content); docs.push(d) }
let a = heap(); console.log('Y.Doc per board KiB', ((a - b) / N / 1024).toFixed(1)); b = a
for (const d of docs) keep.push(new RecordIndex(d))
a = heap(); console.log('RecordIndex per board KiB', ((a - b) / N / 1024).toFixed(1)); b = a
for (const d of docs) keep.push(new Awareness(d))
a = heap(); console.log('Awareness per board KiB', ((a - b) / N / 1024).toFixed(1)); b = a
for (const d of docs) { let c: any; d.on('update', (u: Uint8Array) => { c = u }); keep.push(Y.encodeStateVector(d)) }
a = heap(); console.log('listeners per board KiB', ((a - b) / N / 1024).toFixed(1)); b = a
console.log(keep.length, docs.length)
