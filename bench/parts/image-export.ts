/**
 * Part 7, image export (`npm run bench -- image-export`, after `npm run build`): the facilitator
 * exports the Noord-Veluwe template (the largest) as PNG and SVG from the Sessie tab, in headless
 * Chromium at 1440 × 900. "before" is the call the client made until issue 15 (tldraw's toImage
 * at page scale 2 with its default pixel ratio 2), run on the same page; "now" is the button as a
 * facilitator clicks it: click → download, busy state included. Figures only; no targets checked.
 */
import type { Browser, Page } from 'playwright-core'
import { launchBrowser } from '../../test/helpers/browser.ts'
import { freePort, startChildServer, type ChildServer } from '../../test/helpers/child-server.ts'
import { createBoard, tempDataDir } from '../../test/helpers/server.ts'
import { median } from '../lib/process-stats.ts'
import { fixed, formatTable } from '../lib/table.ts'

export interface ImageExportOptions {
  runs: number
}

export interface ImageExportRow {
  what: string
  ms: number[]
  medianMs: number
  width: number | null
  height: number | null
  bytes: number
}

declare const window: {
  __regiebordEditor: {
    getCurrentPageShapeIds(): Set<string>
    toImage(ids: string[], options: object): Promise<{ blob: Blob; width: number; height: number }>
  }
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length < 24 || bytes.toString('latin1', 1, 4) !== 'PNG') return null
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

async function before(page: Page, format: 'png' | 'svg'): Promise<{ ms: number; width: number; height: number; bytes: number }> {
  return page.evaluate(async (f) => {
    const editor = window.__regiebordEditor
    const started = performance.now()
    const { blob, width, height } = await editor.toImage([...editor.getCurrentPageShapeIds()], { format: f, background: true, padding: 32, scale: f === 'png' ? 2 : 1 })
    return { ms: performance.now() - started, width, height, bytes: blob.size }
  }, format)
}

async function now(page: Page, format: 'png' | 'svg'): Promise<{ ms: number; bytes: Buffer }> {
  const started = Date.now()
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.click(`[data-export="${format}"]`)])
  const path = await download.path()
  const ms = Date.now() - started
  const { readFile } = await import('node:fs/promises')
  await page.waitForSelector('[data-export-status="idle"]')
  return { ms, bytes: await readFile(path) }
}

export async function runImageExport(options: ImageExportOptions, progress: (line: string) => void): Promise<ImageExportRow[]> {
  let server: ChildServer | null = null
  let browser: Browser | null = null
  try {
    server = await startChildServer({ DATA_DIR: tempDataDir() }, await freePort())
    browser = await launchBrowser()
    const board = await createBoard(server.url, { title: 'Regio Noord-Veluwe', template: 'regio-noord-veluwe' })
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })
    const page = await context.newPage()
    await page.goto(`${server.url}/b/${board.id}#t=${board.tokens.facilitator}`)
    await page.fill('#display-name', 'Fenna')
    await page.click('button[type=submit]')
    await page.waitForSelector('[data-board-ready="true"] .tl-canvas', { timeout: 30_000 })
    await page.click('[data-session-tab]')

    const rows: ImageExportRow[] = []
    for (const format of ['png', 'svg'] as const) {
      const old: Awaited<ReturnType<typeof before>>[] = []
      const ours: Awaited<ReturnType<typeof now>>[] = []
      for (let run = 0; run < options.runs; run++) {
        progress(`  ${format} run ${run + 1}`)
        old.push(await before(page, format))
        ours.push(await now(page, format))
      }
      const last = old.at(-1)!
      rows.push({ what: `${format}, before (scale 2 × ratio 2)`, ms: old.map((r) => r.ms), medianMs: median(old.map((r) => r.ms)), width: last.width, height: last.height, bytes: last.bytes })
      const size = format === 'png' ? pngSize(ours.at(-1)!.bytes) : null
      rows.push({ what: `${format}, now (button → download)`, ms: ours.map((r) => r.ms), medianMs: median(ours.map((r) => r.ms)), width: size?.width ?? null, height: size?.height ?? null, bytes: ours.at(-1)!.bytes.length })
    }
    await context.close()
    return rows
  } finally {
    await browser?.close()
    server?.process.kill('SIGKILL')
  }
}

export function imageExportTable(rows: readonly ImageExportRow[]): string {
  return formatTable(
    ['Noord-Veluwe export', 'median s', 'runs s', 'pixels', 'KiB'],
    rows.map((row) => [
      row.what,
      fixed(row.medianMs / 1000, 2),
      row.ms.map((ms) => fixed(ms / 1000, 1)).join(' / '),
      row.width !== null && row.height !== null ? `${Math.round(row.width)}×${Math.round(row.height)}` : '–',
      fixed(row.bytes / 1024, 0),
    ]),
  )
}
