/**
 * `npm run bench:browser`: time from navigation to an interactive board in headless Chromium.
 *
 * Starts the server (child process, built client), creates a board, has tldraw in a first browser
 * create N geo shapes (synced to the server as usual), then opens the participant link R times in fresh browser
 * contexts (no IndexedDB cache, name pre-set) and measures navigation → every shape rendered.
 * Flags: --shapes 0,200,2000 --runs 5
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { connectSynced } from '../test/helpers/clients.ts'
import { launchBrowser } from '../test/helpers/browser.ts'
import { startChildServer } from '../test/helpers/child-server.ts'
import { createBoard } from '../test/helpers/server.ts'
import { machine, percentile } from './lib/process-stats.ts'

const { values } = parseArgs({
  options: { shapes: { type: 'string', default: '0,200,2000' }, runs: { type: 'string', default: '5' } },
})
const sizes = values.shapes.split(',').map(Number)
const runs = Number(values.runs)

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'regiebord-bench-browser-'))
const server = await startChildServer({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' })
const browser = await launchBrowser()

const rows: Array<{ shapes: number; p50ms: number; maxms: number; runs: number[] }> = []
for (const size of sizes) {
  const board = await createBoard(server.url, { title: `bench ${size}` })
  // The shapes are made by tldraw itself in a first browser, so they are valid records of the
  // current schema; they reach the server through the normal sync path.
  const seed = await browser.newContext()
  const seedPage = await seed.newPage()
  await seedPage.addInitScript(() => localStorage.setItem('regiebord.identity', JSON.stringify({ id: 'bench', name: 'Bench', colour: '#1971c2' })))
  await seedPage.goto(`${server.url}/b/${board.id}#t=${board.tokens.facilitator}`)
  await seedPage.waitForSelector('[data-board-ready="true"] .tl-canvas')
  await seedPage.evaluate((n) => {
    type Editor = { createShapes(shapes: object[]): void }
    const editor = (window as unknown as { __regiebordEditor: Editor }).__regiebordEditor
    const shapes = Array.from({ length: n }, (_, i) => ({
      type: 'geo',
      x: (i % 50) * 140,
      y: Math.floor(i / 50) * 100,
      props: { w: 120, h: 80, geo: 'rectangle' },
    }))
    editor.createShapes(shapes)
  }, size)
  const writer = await connectSynced(server.wsUrl, board.id, board.tokens.viewer)
  const shapesOnServer = () => [...writer.records.map.keys()].filter((k) => k.startsWith('shape:')).length
  while (shapesOnServer() < size) await new Promise((r) => setTimeout(r, 100))
  writer.destroy()
  await seed.close()

  const times: number[] = []
  for (let r = 0; r < runs; r++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    await page.addInitScript(() => localStorage.setItem('regiebord.identity', JSON.stringify({ id: 'bench2', name: 'Meter', colour: '#2f9e44' })))
    const started = Date.now()
    await page.goto(`${server.url}/b/${board.id}#t=${board.tokens.participant}`)
    await page.waitForFunction(
      (n) => {
        const editor = (window as unknown as { __regiebordEditor?: { getCurrentPageShapes(): unknown[] } }).__regiebordEditor
        return editor !== undefined && editor.getCurrentPageShapes().length === n && document.querySelector('.tl-canvas') !== null
      },
      size,
      { timeout: 60_000, polling: 'raf' },
    )
    times.push(Date.now() - started)
    await context.close()
  }
  times.sort((a, b) => a - b)
  rows.push({ shapes: size, p50ms: percentile(times, 50), maxms: times[times.length - 1]!, runs: times })
}

await browser.close()
server.process.kill('SIGTERM')
await server.exited
fs.rmSync(dataDir, { recursive: true, force: true })

const bundle = fs
  .readdirSync('dist/client/assets')
  .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
  .reduce((sum, f) => sum + fs.statSync(path.join('dist/client/assets', f)).size, 0)
console.log(`Regiebord browser load — ${machine()}, Chromium headless`)
console.log(`JS+CSS bundle: ${(bundle / 1024).toFixed(0)} KiB (uncompressed, all chunks)`)
for (const row of rows) console.log(`${String(row.shapes).padStart(5)} shapes: navigation → interactive p50 ${row.p50ms} ms, max ${row.maxms} ms (${runs} runs)`)
const out = path.resolve(import.meta.dirname, 'results', `browser-load-${Date.now()}.json`)
fs.mkdirSync(path.dirname(out), { recursive: true })
fs.writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), machine: machine(), bundleBytes: bundle, rows }, null, 2))
console.log(`written ${path.relative(process.cwd(), out)}`)
