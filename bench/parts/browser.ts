/**
 * Part 5, the board in a browser (headless Chromium, the built client, a Regiebord child process):
 *   - load: navigation → every shape of an N-shape board in the editor and the canvas on screen,
 *     in fresh browser contexts (no IndexedDB cache);
 *   - remote edit: a Node y-websocket client (the stock provider) moves a visible shape; the time
 *     until the page's store has it and until the first animation frame whose DOM shows the shape
 *     at its new place, over `edits` edits, one at a time.
 * The shapes are made by tldraw itself in a first browser, so they are valid records of the
 * current schema, and they reach the server through the normal sync path.
 */
import fs from 'node:fs'
import path from 'node:path'
import { getIndicesAbove, type IndexKey } from '@tldraw/utils'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser } from '../../test/helpers/browser.ts'
import { connectSynced, type TestClient } from '../../test/helpers/clients.ts'
import { createBoard, type BoardLinks } from '../../test/helpers/server.ts'
import { median, percentile } from '../lib/process-stats.ts'
import { startRegiebord, type RegiebordUnderTest } from '../lib/servers.ts'
import { fixed, formatTable } from '../lib/table.ts'

export interface BrowserOptions {
  shapes: number[]
  runs: number
  edits: number
}

export interface BrowserRow {
  shapes: number
  loadMs: number[]
  loadMedianMs: number
  /** send → the page's store, and send → first frame showing it; per edit. */
  storeMs: number[]
  visibleMs: number[]
  edit: { storeP50: number; storeP95: number; visibleP50: number; visibleP95: number; missed: number }
}

export interface BrowserResult {
  options: BrowserOptions
  bundleBytes: number
  rows: BrowserRow[]
}

const CLIENT_DIR = path.resolve(import.meta.dirname, '../../dist/client')
const VIEWPORT = { width: 1280, height: 800 }
/** Shapes are laid out 50 to a row, 140 × 100 px apart; the first few are on screen. */
const EDITED_SHAPES = 5
/** Shapes created per transaction when seeding a board. */
const SEED_STEP = 500
const TLDRAW_MAX_SHAPES_PER_PAGE = 4000
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const wallNow = () => performance.timeOrigin + performance.now()

async function withIdentity(page: Page, id: string): Promise<void> {
  await page.addInitScript(
    (identity) => localStorage.setItem('regiebord.identity', JSON.stringify(identity)),
    { id, name: id, colour: '#1971c2' },
  )
}

async function seedBoard(browser: Browser, server: RegiebordUnderTest, size: number): Promise<BoardLinks> {
  const board = await createBoard(server.url, { title: `bench ${size}` })
  const seed = await browser.newContext()
  const page = await seed.newPage()
  await withIdentity(page, 'seed')
  await page.goto(`${server.url}/b/${board.id}#t=${board.tokens.facilitator}`)
  await page.waitForSelector('[data-board-ready="true"] .tl-canvas')
  const watcher = await connectSynced(server.wsUrl, board.id, board.tokens.viewer)
  // In steps of SEED_STEP shapes, each one transaction and one update, which keeps every update
  // far below the server's MAX_MESSAGE_BYTES however large the board.
  const madeByTldraw = Math.min(size, TLDRAW_MAX_SHAPES_PER_PAGE)
  for (let from = 0; from < madeByTldraw; from += SEED_STEP) {
    const to = Math.min(madeByTldraw, from + SEED_STEP)
    await page.evaluate(([from, to]) => {
      type Editor = { createShapes(shapes: object[]): void }
      const editor = (window as unknown as { __regiebordEditor: Editor }).__regiebordEditor
      editor.createShapes(
        Array.from({ length: to - from }, (_, k) => {
          const i = from + k
          return { type: 'geo', x: (i % 50) * 140, y: Math.floor(i / 50) * 100, props: { w: 120, h: 80, geo: 'rectangle' } }
        }),
      )
    }, [from, to] as const)
    const deadline = Date.now() + 60_000
    while (shapeIds(watcher).length < to) {
      if (Date.now() > deadline) throw new Error(`the server has ${shapeIds(watcher).length} of ${to} seeded shapes after 60 s`)
      await sleep(100)
    }
  }
  watcher.destroy()
  await seed.close()
  if (size > madeByTldraw) await cloneShapes(server, board, size - madeByTldraw)
  return board
}

/**
 * tldraw's editor makes at most 4,000 shapes on a page (its `maxShapesPerPage`); the rest of a
 * larger board are copies of a shape it made, with their own id, position and fractional index,
 * written by a Node client. The store accepts them; only the editor's create call has the limit.
 */
async function cloneShapes(server: RegiebordUnderTest, board: BoardLinks, count: number): Promise<void> {
  const writer = await connectSynced(server.wsUrl, board.id, board.tokens.facilitator)
  const existing = shapeIds(writer).map((id) => writer.records.get(id) as { index: string })
  const template = existing[0]!
  const topIndex = existing.map((r) => r.index).sort().at(-1)!
  const indices = getIndicesAbove(topIndex as IndexKey, count)
  for (let from = 0; from < count; from += SEED_STEP) {
    writer.doc.transact(() => {
      for (let k = from; k < Math.min(count, from + SEED_STEP); k++) {
        const i = TLDRAW_MAX_SHAPES_PER_PAGE + k
        const id = `shape:bench-clone-${k}`
        writer.records.set(id, { ...template, id, index: indices[k], x: (i % 50) * 140, y: Math.floor(i / 50) * 100 })
      }
    })
  }
  await waitForShapes(server, board, TLDRAW_MAX_SHAPES_PER_PAGE + count)
  writer.destroy()
}

async function waitForShapes(server: RegiebordUnderTest, board: BoardLinks, count: number): Promise<void> {
  const watcher = await connectSynced(server.wsUrl, board.id, board.tokens.viewer)
  const deadline = Date.now() + 60_000
  while (shapeIds(watcher).length < count) {
    if (Date.now() > deadline) throw new Error(`the server has ${shapeIds(watcher).length} of ${count} shapes after 60 s`)
    await sleep(100)
  }
  watcher.destroy()
}

function shapeIds(client: TestClient): string[] {
  return [...client.records.map.keys()].filter((k) => k.startsWith('shape:'))
}

/** Opens the board in a fresh context; resolves with the page and navigation → interactive. */
async function openBoard(browser: Browser, server: RegiebordUnderTest, board: BoardLinks, size: number): Promise<{ page: Page; ms: number }> {
  const context = await browser.newContext({ viewport: VIEWPORT })
  const page = await context.newPage()
  await withIdentity(page, 'meter')
  const started = Date.now()
  await page.goto(`${server.url}/b/${board.id}#t=${board.tokens.participant}`)
  await page.waitForFunction(
    (n) => {
      const editor = (window as unknown as { __regiebordEditor?: { getCurrentPageShapes(): unknown[] } }).__regiebordEditor
      return editor !== undefined && editor.getCurrentPageShapes().length === n && document.querySelector('.tl-canvas') !== null
    },
    size,
    { timeout: 120_000, polling: 'raf' },
  )
  return { page, ms: Date.now() - started }
}

/**
 * The page's wall clock minus ours, from the round trip with the smallest delay, so that send
 * times taken in Node and arrival times taken in the page can be subtracted.
 */
async function clockOffsetMs(page: Page): Promise<number> {
  let best = { rtt: Infinity, offset: 0 }
  for (let i = 0; i < 20; i++) {
    const before = wallNow()
    const pageNow = await page.evaluate(() => performance.timeOrigin + performance.now())
    const after = wallNow()
    if (after - before < best.rtt) best = { rtt: after - before, offset: pageNow - (before + after) / 2 }
  }
  return best.offset
}

/**
 * In the page: for each remote change carrying `meta.benchEdit`, when the record was put into the
 * store (an after-change side effect runs synchronously inside the put, unlike store listeners,
 * which tldraw flushes once per animation frame) and the first animation frame whose DOM shows
 * the shape at its new position.
 */
async function watchEdits(page: Page): Promise<void> {
  // tsx compiles this file with esbuild's keepNames, which wraps the named inner functions below
  // in a `__name` helper that the page does not have.
  await page.evaluate('globalThis.__name = (fn) => fn')
  await page.evaluate(() => {
    interface ShapeRecord { id: string; x: number; y: number; meta: { benchEdit?: number } }
    interface SideEffects {
      registerAfterChangeHandler(type: 'shape', fn: (before: ShapeRecord, after: ShapeRecord, source: 'user' | 'remote') => void): void
    }
    const editor = (window as unknown as { __regiebordEditor: { sideEffects: SideEffects } }).__regiebordEditor
    const seen: Array<{ edit: number; storeAt: number; visibleAt: number | null }> = []
    ;(window as unknown as { __benchEdits: typeof seen }).__benchEdits = seen
    const now = () => performance.timeOrigin + performance.now()
    editor.sideEffects.registerAfterChangeHandler('shape', (_before, record, source) => {
      const edit = record.meta?.benchEdit
      if (source !== 'remote' || edit === undefined) return
      const entry = { edit, storeAt: now(), visibleAt: null as number | null }
      seen.push(entry)
      let frames = 0
      const check = () => {
        const element = document.querySelector<HTMLElement>(`[data-shape-id="${record.id}"]`)
        if (element?.style.transform.includes(`, ${record.x}, ${record.y})`)) entry.visibleAt = now()
        else if (++frames < 120) requestAnimationFrame(check)
      }
      requestAnimationFrame(check)
    })
  })
}

async function measureEdits(page: Page, server: RegiebordUnderTest, board: BoardLinks, edits: number): Promise<Pick<BrowserRow, 'storeMs' | 'visibleMs' | 'edit'>> {
  await watchEdits(page)
  const editor = await connectSynced(server.wsUrl, board.id, board.tokens.participant)
  const ids = shapeIds(editor)
    .map((id) => ({ id, record: editor.records.get(id) as { x: number; y: number } }))
    .sort((a, b) => a.record.y - b.record.y || a.record.x - b.record.x)
    .slice(0, EDITED_SHAPES)
  const sentAt: number[] = []
  for (let n = 0; n < edits; n++) {
    const { id } = ids[n % ids.length]!
    const record = editor.records.get(id) as { x: number; meta: object }
    sentAt.push(wallNow())
    editor.records.set(id, { ...record, x: record.x + (n % 2 === 0 ? 3 : -3), meta: { ...record.meta, benchEdit: n } })
    await sleep(60)
  }
  await sleep(1000)
  editor.destroy()
  const offset = await clockOffsetMs(page)
  const seen = await page.evaluate(() => (window as unknown as { __benchEdits: Array<{ edit: number; storeAt: number; visibleAt: number | null }> }).__benchEdits)
  const storeMs: number[] = []
  const visibleMs: number[] = []
  for (const entry of seen) {
    storeMs.push(entry.storeAt - offset - sentAt[entry.edit]!)
    if (entry.visibleAt !== null) visibleMs.push(entry.visibleAt - offset - sentAt[entry.edit]!)
  }
  const sortedStore = [...storeMs].sort((a, b) => a - b)
  const sortedVisible = [...visibleMs].sort((a, b) => a - b)
  return {
    storeMs,
    visibleMs,
    edit: {
      storeP50: percentile(sortedStore, 50),
      storeP95: percentile(sortedStore, 95),
      visibleP50: percentile(sortedVisible, 50),
      visibleP95: percentile(sortedVisible, 95),
      missed: edits - visibleMs.length,
    },
  }
}

export async function runBrowser(options: BrowserOptions, progress: (line: string) => void): Promise<BrowserResult> {
  if (!fs.existsSync(path.join(CLIENT_DIR, 'index.html'))) throw new Error('the client is not built: run `npm run build` first')
  const server = await startRegiebord()
  const browser = await launchBrowser()
  const rows: BrowserRow[] = []
  try {
    for (const size of options.shapes) {
      const board = await seedBoard(browser, server, size)
      const loadMs: number[] = []
      let last: Page | null = null
      for (let r = 0; r < options.runs; r++) {
        if (last) await last.context().close()
        const { page, ms } = await openBoard(browser, server, board, size)
        loadMs.push(ms)
        last = page
      }
      const edits = await measureEdits(last!, server, board, options.edits)
      await last!.context().close()
      rows.push({ shapes: size, loadMs, loadMedianMs: median(loadMs), ...edits })
      progress(`  ${size} shapes: load p50 ${median(loadMs)} ms, remote edit visible p95 ${fixed(edits.edit.visibleP95)} ms`)
    }
  } finally {
    await browser.close()
    await server.stop()
  }
  const bundleBytes = fs
    .readdirSync(path.join(CLIENT_DIR, 'assets'))
    .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
    .reduce((sum, f) => sum + fs.statSync(path.join(CLIENT_DIR, 'assets', f)).size, 0)
  return { options, bundleBytes, rows }
}

export function browserTable(result: BrowserResult): string {
  return [
    `Browser: headless Chromium ${VIEWPORT.width}×${VIEWPORT.height}, built client (JS+CSS ${(result.bundleBytes / 1024).toFixed(0)} KiB ` +
      `uncompressed); load = median of ${result.options.runs} fresh contexts; remote edit = ${result.options.edits} edits by a Node y-websocket client`,
    formatTable(
      ['shapes', 'load p50 (ms)', 'load max (ms)', 'edit→in store p50', 'p95', 'edit→visible p50', 'p95', 'not seen'],
      result.rows.map((r) => [
        String(r.shapes),
        String(r.loadMedianMs),
        String(Math.max(...r.loadMs)),
        fixed(r.edit.storeP50),
        fixed(r.edit.storeP95),
        fixed(r.edit.visibleP50),
        fixed(r.edit.visibleP95),
        String(r.edit.missed),
      ]),
    ),
    'targets: 2,000-shape board interactive ≤ 2 s; remote edit visible ≤ 50 ms p95',
  ].join('\n')
}
