/**
 * First load on a phone on workshop Wi-Fi (Chromium with DevTools' Fast 3G network and a 4× CPU
 * slowdown, 390×844 touch): link → name dialog, name → the phone view showing the board's notes,
 * → the full canvas. The script bytes sent before the name dialog is on screen must stay within
 * 150 kB compressed (a size, asserted); the times are printed, not asserted: they depend on the
 * machine (figures in BENCHMARKS.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { browserUnavailableReason, launchBrowser } from '../helpers/browser.ts'
import { startChildServer, type ChildServer } from '../helpers/child-server.ts'
import { seededWorkshopBoard } from '../helpers/seeded-board.ts'
import { tempDataDir, type BoardLinks } from '../helpers/server.ts'
import { waitFor } from '../helpers/wait.ts'
import { FAST_3G, FAST_3G_LITERAL, markWhenShown, scriptBytesSentBefore, shownAt, throttledPhonePage, type Download, type NetworkProfile } from '../helpers/throttled-page.ts'

const unavailable = browserUnavailableReason()
const JS_BUDGET_BYTES = 150 * 1024
const NOTES_IN_LANE = 3
const DIALOG = '#display-name'
const PHONE_NOTE = '[data-phone-note]'
const CANVAS_NOTE = '[data-board-ready="true"] .tl-shape[data-shape-type="note"]'
/** Someone typing their name: 6 letters at 150 ms each. */
const TYPING_DELAY_MS = 150
const RUNS = 3

let browser: Browser
let server: ChildServer
let board: BoardLinks

interface LoadFigures {
  scriptBeforeDialog: { bytes: number; files: Download[] }
  linkToDialogMs: number
  nameToNotesMs: number
  tapToCanvasMs: number
  linkToCanvasMs: number
  allBytes: number
  /** The largest downloads up to the canvas, for reading where the bytes go. */
  largest: Download[]
}

async function firstLoad(network: NetworkProfile): Promise<LoadFigures> {
  const { page, downloads, context } = await throttledPhonePage(browser, network)
  try {
    await markWhenShown(page, [DIALOG, PHONE_NOTE, CANVAS_NOTE])
    const start = Date.now()
    await page.goto(`${server.url}/b/${board.id}#t=${board.tokens.participant}`, { waitUntil: 'commit' })
    await page.waitForSelector(DIALOG, { state: 'visible', timeout: 60_000 })
    const dialogAt = await shownAt(page, DIALOG)
    const sentBefore = () => [...downloads.values()].filter((download) => download.type === 'Script' && download.sentAt <= dialogAt)
    await waitFor(() => sentBefore().every((download) => download.bytes !== null), 'the scripts sent before the dialog', 60_000)

    await page.type(DIALOG, 'Fatima', { delay: TYPING_DELAY_MS })
    const submitAt = Date.now()
    await page.click('button[type=submit]')
    await page.waitForFunction(([selector, count]) => document.querySelectorAll(selector as string).length >= (count as number), [PHONE_NOTE, NOTES_IN_LANE] as const, { timeout: 60_000, polling: 50 })
    const notesAt = await shownAt(page, PHONE_NOTE)

    const tapAt = Date.now()
    await page.tap('[data-open-canvas]')
    await page.waitForSelector(CANVAS_NOTE, { timeout: 90_000 })
    const canvasAt = await shownAt(page, CANVAS_NOTE)
    return {
      scriptBeforeDialog: scriptBytesSentBefore(downloads, dialogAt),
      linkToDialogMs: dialogAt - start,
      nameToNotesMs: notesAt - submitAt,
      tapToCanvasMs: canvasAt - tapAt,
      linkToCanvasMs: canvasAt - start,
      allBytes: [...downloads.values()].filter((download) => download.sentAt <= canvasAt).reduce((sum, download) => sum + (download.bytes ?? 0), 0),
      largest: [...downloads.values()].filter((download) => download.sentAt <= canvasAt).sort((a, b) => (b.bytes ?? 0) - (a.bytes ?? 0)).slice(0, 6),
    }
  } finally {
    await context.close()
  }
}

/** Runs are printed one by one and as medians: on a shared machine single runs wander. */
function print(network: NetworkProfile, runs: readonly LoadFigures[]): void {
  const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`
  const median = (pick: (figures: LoadFigures) => number) => {
    const values = runs.map(pick).sort((a, b) => a - b)
    return `${values[Math.floor(values.length / 2)]} ms` + (values.length > 1 ? ` (runs: ${runs.map(pick).join(', ')})` : '')
  }
  const first = runs[0]!
  console.log(
    [
      `phone first load, ${network.name}, CPU ÷4, 390×844, median of ${runs.length}:`,
      `  script before the name dialog: ${kB(first.scriptBeforeDialog.bytes)} (budget 150 kB) = ${first.scriptBeforeDialog.files.map((file) => `${new URL(file.url).pathname.replace('/assets/', '')} ${kB(file.bytes ?? 0)}`).join(' + ')}`,
      `  link → name dialog: ${median((f) => f.linkToDialogMs)} (budget 2000)`,
      `  name → phone view with the notes: ${median((f) => f.nameToNotesMs)} (budget 3000)`,
      `  tap "Hele bord" → canvas with the notes: ${median((f) => f.tapToCanvasMs)}`,
      `  link → canvas: ${median((f) => f.linkToCanvasMs)} (budget 6000)`,
      `  transferred up to the canvas: ${kB(first.allBytes)}; largest: ${first.largest.map((file) => `${new URL(file.url).pathname.replace('/assets/', '')} ${kB(file.bytes ?? 0)}`).join(', ')}`,
    ].join('\n'),
  )
}

describe.skipIf(unavailable !== null)('first load on a phone (Fast 3G, 4× CPU)', () => {
  beforeAll(async () => {
    server = await startChildServer({ DATA_DIR: tempDataDir() })
    browser = await launchBrowser()
    ;({ board } = await seededWorkshopBoard(server.url, server.wsUrl))
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    server?.process.kill('SIGTERM')
    await server?.exited
  })

  it('shows the name dialog within the script budget, then the notes, then the canvas', async () => {
    const runs: LoadFigures[] = []
    for (let run = 0; run < RUNS; run++) runs.push(await firstLoad(FAST_3G))
    print(FAST_3G, runs)
    for (const figures of runs) {
      expect(figures.scriptBeforeDialog.files.length).toBeGreaterThan(0)
      expect(figures.scriptBeforeDialog.bytes).toBeLessThanOrEqual(JS_BUDGET_BYTES)
      // The canvas (tldraw) is not among what the dialog waited for.
      expect(figures.scriptBeforeDialog.files.map((file) => file.url).join(' ')).not.toMatch(/BoardCanvas/)
    }
  }, 400_000)

  it('prints the same figures with the issue\'s numbers taken literally (150 ms round trip)', async () => {
    const figures = await firstLoad(FAST_3G_LITERAL)
    print(FAST_3G_LITERAL, [figures])
    expect(figures.scriptBeforeDialog.bytes).toBeLessThanOrEqual(JS_BUDGET_BYTES)
  }, 240_000)
})
