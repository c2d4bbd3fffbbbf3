/**
 * First load on a phone on workshop Wi-Fi (Chromium with DevTools' Fast 3G network and a 4× CPU
 * slowdown, 390×844 touch): link → name dialog, name → the phone view showing the board's notes,
 * tap "Hele bord" → the full canvas; and for a resident who chose the canvas before (the choice
 * is remembered in the browser, the cache is empty): name → canvas. The script bytes sent before
 * the name dialog is on screen must stay within 150 kB compressed, and the canvas's typefaces are
 * subset (sizes, asserted); the times are printed, not asserted: they depend on the machine
 * (figures in BENCHMARKS.md).
 */
import { loadavg } from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
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
/** A first-paint typeface subset to European Latin stays under this (the whole Shantell Sans is 151 kB). */
const FIRST_PAINT_FONT_BYTES = 90 * 1024
const FIRST_PAINT_FONTS = /\/(?:Shantell_Sans-Informal_Regular|IBMPlexSans-Medium)-[^/]*\.woff2$/
/**
 * The canvas's scripts beyond the first download (tldraw 371 kB, the board's code, our canvas),
 * as sent: 539 kB while the facilitator's tools, the share dialog and tldraw's inlined embed
 * logos were on the canvas's path, 480 kB since.
 */
const CANVAS_SCRIPT_BUDGET_BYTES = 520 * 1024
/** Chunks only a facilitator's tools, the share dialog, the text view or the layout use. */
const NOT_ON_THE_CANVAS_PATH = /\/(?:lay-out-model|Palette|SessionTab|Inspector|ShareDialog|OutlineView|StartPage)-[^/]*\.js$/

let browser: Browser
let server: ChildServer
let board: BoardLinks

interface CanvasFirstFigures {
  /** Paths of the scripts requested before the canvas showed. */
  scriptsBeforeCanvas: string[]
  linkToDialogMs: number
  nameToCanvasMs: number
  linkToCanvasMs: number
  /** Link → canvas less the time spent typing the name: what the resident waited. */
  waitedMs: number
  allBytes: number
  /** The two typefaces the canvas waits for, as downloaded (not the cache hits) before it showed. */
  fonts: Download[]
  /** Paths of everything requested before the canvas showed. */
  requestedBeforeCanvas: string[]
  /** Scripts downloaded before the canvas showed, beyond what the name dialog needed. */
  canvasScripts: Download[]
  /** When tldraw's chunk (the largest script), its texts and the two typefaces were asked for. */
  largestScriptSentAt: number
  lateSentAt: number[]
}

interface LoadFigures {
  scriptBeforeDialog: { bytes: number; files: Download[] }
  /** The page itself: the name dialog and the app's stylesheet are in it (scripts/join-first.ts). */
  pageBytes: number
  linkToDialogMs: number
  nameToNotesMs: number
  tapToCanvasMs: number
  /** Paths of the scripts requested before "Hele bord" was tapped (the canvas warmed up). */
  scriptsBeforeTap: string[]
  /** Paths of the documents fetched over HTTP before the notes showed (server/http/document-state.ts). */
  statesBeforeNotes: string[]
  linkToCanvasMs: number
  allBytes: number
  /** The largest downloads up to the canvas, for reading where the bytes go. */
  largest: Download[]
}

async function firstLoad(network: NetworkProfile): Promise<LoadFigures> {
  const { page, downloads, context } = await throttledPhonePage(browser, network)
  const errors = pageErrors(page)
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
    // Typed while the app's script arrived and took the dialog over: not a letter lost.
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('regiebord.identity') ?? 'null')?.name === 'Fatima', null, { timeout: 60_000, polling: 50 })
    await page.waitForFunction(([selector, count]) => document.querySelectorAll(selector as string).length >= (count as number), [PHONE_NOTE, NOTES_IN_LANE] as const, { timeout: 60_000, polling: 50 })
    const notesAt = await shownAt(page, PHONE_NOTE)
    const statesBeforeNotes = [...downloads.values()].filter((download) => download.sentAt <= notesAt && download.url.includes('/sync-state/')).map((download) => new URL(download.url).pathname)

    const tapAt = Date.now()
    const scriptsBeforeTap = [...downloads.values()].filter((download) => download.type === 'Script').map((download) => new URL(download.url).pathname)
    await page.tap('[data-open-canvas]')
    await page.waitForSelector(CANVAS_NOTE, { timeout: 90_000 })
    const canvasAt = await shownAt(page, CANVAS_NOTE)
    // A hydration mismatch or a refused inline script would show here.
    expect(errors).toEqual([])
    return {
      scriptBeforeDialog: scriptBytesSentBefore(downloads, dialogAt),
      pageBytes: [...downloads.values()].find((download) => download.type === 'Document')?.bytes ?? 0,
      linkToDialogMs: dialogAt - start,
      nameToNotesMs: notesAt - submitAt,
      tapToCanvasMs: canvasAt - tapAt,
      scriptsBeforeTap,
      statesBeforeNotes,
      linkToCanvasMs: canvasAt - start,
      allBytes: [...downloads.values()].filter((download) => download.sentAt <= canvasAt).reduce((sum, download) => sum + (download.bytes ?? 0), 0),
      largest: [...downloads.values()].filter((download) => download.sentAt <= canvasAt).sort((a, b) => (b.bytes ?? 0) - (a.bytes ?? 0)).slice(0, 6),
    }
  } finally {
    await context.close()
  }
}

/** Uncaught errors in the page. */
function pageErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}

/** A first visit of someone whose browser remembers "Hele bord": the canvas straight after the name. */
async function firstLoadOnCanvas(network: NetworkProfile): Promise<CanvasFirstFigures> {
  const { page, downloads, context } = await throttledPhonePage(browser, network)
  try {
    await page.addInitScript(() => localStorage.setItem('regiebord.view', 'canvas'))
    await markWhenShown(page, [DIALOG, CANVAS_NOTE])
    const start = Date.now()
    await page.goto(`${server.url}/b/${board.id}#t=${board.tokens.participant}`, { waitUntil: 'commit' })
    await page.waitForSelector(DIALOG, { state: 'visible', timeout: 60_000 })
    const dialogAt = await shownAt(page, DIALOG)
    await page.type(DIALOG, 'Fatima', { delay: TYPING_DELAY_MS })
    const submitAt = Date.now()
    await page.click('button[type=submit]')
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('regiebord.identity') ?? 'null')?.name === 'Fatima', null, { timeout: 60_000, polling: 50 })
    await page.waitForSelector(CANVAS_NOTE, { timeout: 90_000 })
    const canvasAt = await shownAt(page, CANVAS_NOTE)
    const before = [...downloads.values()].filter((download) => download.sentAt <= canvasAt)
    // By name: tldraw's chunk is fetched (and followed) before the module loader finds it cached.
    const scripts = before.filter((download) => new URL(download.url).pathname.endsWith('.js') && (download.bytes ?? 0) > 0)
    const canvasScripts = scripts.filter((download) => !/\/(?:index|rolldown-runtime)-[^/]*\.js$/.test(new URL(download.url).pathname))
    const largest = [...scripts].sort((a, b) => (b.bytes ?? 0) - (a.bytes ?? 0))[0]!
    const late = before.filter((download) => FIRST_PAINT_FONTS.test(new URL(download.url).pathname) || /\/nl-[^/]*\.json$/.test(new URL(download.url).pathname))
    return {
      canvasScripts,
      largestScriptSentAt: Math.min(...before.filter((download) => download.url === largest.url).map((download) => download.sentAt)),
      lateSentAt: late.map((download) => download.sentAt),
      waitedMs: canvasAt - start - (submitAt - dialogAt),
      // tldraw asks for all its faces once it mounts; these two are the ones it waits for.
      fonts: before.filter((download) => FIRST_PAINT_FONTS.test(new URL(download.url).pathname) && download.bytes !== 0),
      requestedBeforeCanvas: before.map((download) => new URL(download.url).pathname),
      scriptsBeforeCanvas: [...downloads.values()].filter((download) => download.type === 'Script' && download.sentAt <= canvasAt).map((download) => new URL(download.url).pathname),
      linkToDialogMs: dialogAt - start,
      nameToCanvasMs: canvasAt - submitAt,
      linkToCanvasMs: canvasAt - start,
      allBytes: [...downloads.values()].filter((download) => download.sentAt <= canvasAt).reduce((sum, download) => sum + (download.bytes ?? 0), 0),
    }
  } finally {
    await context.close()
  }
}

/** The machine is shared: the figures mean little without how busy it was. */
function loadAverage(): string {
  return loadavg().map((load) => load.toFixed(1)).join(' / ')
}

function medianOf<T>(runs: readonly T[], pick: (figures: T) => number): string {
  const values = runs.map(pick).sort((a, b) => a - b)
  return `${values[Math.floor(values.length / 2)]} ms` + (values.length > 1 ? ` (runs: ${runs.map(pick).join(', ')})` : '')
}

function printCanvasFirst(network: NetworkProfile, runs: readonly CanvasFirstFigures[]): void {
  console.log(
    [
      `first visit with "Hele bord" remembered, ${network.name}, CPU ÷4, 390×844, median of ${runs.length}, load average now ${loadAverage()}:`,
      `  link → name dialog: ${medianOf(runs, (f) => f.linkToDialogMs)}`,
      `  name → canvas with the notes: ${medianOf(runs, (f) => f.nameToCanvasMs)} (budget 6000)`,
      `  link → canvas, typing included: ${medianOf(runs, (f) => f.linkToCanvasMs)}`,
      `  link → canvas, typing left out (what the resident waited): ${medianOf(runs, (f) => f.waitedMs)} (budget 6000)`,
      `  transferred up to the canvas: ${(runs[0]!.allBytes / 1024).toFixed(1)} kB; typefaces: ${runs[0]!.fonts.map((font) => `${new URL(font.url).pathname.replace('/assets/', '')} ${((font.bytes ?? 0) / 1024).toFixed(1)} kB`).join(', ')}`,
      `  the canvas's scripts after the first download: ${(runs[0]!.canvasScripts.reduce((sum, file) => sum + (file.bytes ?? 0), 0) / 1024).toFixed(1)} kB (budget ${CANVAS_SCRIPT_BUDGET_BYTES / 1024} kB) = ${[...runs[0]!.canvasScripts].sort((a, b) => (b.bytes ?? 0) - (a.bytes ?? 0)).map((file) => `${new URL(file.url).pathname.replace('/assets/', '')} ${((file.bytes ?? 0) / 1024).toFixed(1)} kB`).join(' + ')}`,
    ].join('\n'),
  )
}

/** Runs are printed one by one and as medians: on a shared machine single runs wander. */
function print(network: NetworkProfile, runs: readonly LoadFigures[]): void {
  const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`
  const median = (pick: (figures: LoadFigures) => number) => medianOf(runs, pick)
  const first = runs[0]!
  console.log(
    [
      `phone first load, ${network.name}, CPU ÷4, 390×844, median of ${runs.length}, load average now ${loadAverage()}:`,
      `  script requested before the name dialog showed: ${kB(first.scriptBeforeDialog.bytes)} (budget 150 kB) = ${first.scriptBeforeDialog.files.map((file) => `${new URL(file.url).pathname.replace('/assets/', '')} ${kB(file.bytes ?? 0)}`).join(' + ')}`,
      `  the page (with the name dialog and the stylesheet in it): ${kB(first.pageBytes)}`,
      `  link → name dialog: ${median((f) => f.linkToDialogMs)} (budget 2000)`,
      `  name → phone view with the notes: ${median((f) => f.nameToNotesMs)} (budget 3000)`,
      `  tap "Hele bord" → canvas with the notes: ${median((f) => f.tapToCanvasMs)} (budget 6000)`,
      `  link → canvas, typing included: ${median((f) => f.linkToCanvasMs)}`,
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
      // …but it was on its way before "Hele bord" was tapped.
      expect(figures.scriptsBeforeTap.join(' ')).toMatch(/BoardCanvas/)
      // The board and its structure came over HTTP next to their sockets, not after them.
      expect(figures.statesBeforeNotes.sort()).toEqual([`/sync-state/${board.id}`, `/sync-state/${board.id}/structure`])
    }
  }, 400_000)

  it('opens the canvas straight after the name for someone who chose it before', async () => {
    const runs: CanvasFirstFigures[] = []
    for (let run = 0; run < RUNS; run++) runs.push(await firstLoadOnCanvas(FAST_3G))
    printCanvasFirst(FAST_3G, runs)
    for (const figures of runs) {
      // The canvas needs tldraw and our canvas code, and not elkjs (fetched only to lay out),
      // the facilitator's tools, the share dialog (QR code) or the text view: they load when opened.
      expect(figures.scriptsBeforeCanvas.join(' ')).toMatch(/BoardCanvas/)
      expect(figures.scriptsBeforeCanvas.join(' ')).not.toMatch(/lay-out-model/)
      expect(figures.scriptsBeforeCanvas.filter((path) => NOT_ON_THE_CANVAS_PATH.test(path))).toEqual([])
      expect(figures.canvasScripts.reduce((sum, file) => sum + (file.bytes ?? 0), 0)).toBeLessThanOrEqual(CANVAS_SCRIPT_BUDGET_BYTES)
      // tldraw's texts and typefaces are asked for after its chunk (they would share the line with
      // it and hold up the scripts), and no typeface beyond the two the board uses comes first.
      expect(figures.lateSentAt.length).toBeGreaterThanOrEqual(3)
      for (const sentAt of figures.lateSentAt) expect(sentAt).toBeGreaterThan(figures.largestScriptSentAt)
      expect(figures.requestedBeforeCanvas.filter((path) => path.endsWith('.woff2') && !FIRST_PAINT_FONTS.test(path))).toEqual([])
      // tldraw's Dutch texts came with the canvas's files, not a round trip after it mounted…
      expect(figures.requestedBeforeCanvas.filter((path) => /\/nl-[^/]*\.json$/.test(path)).length).toBeGreaterThan(0)
      // …and the two typefaces it waits for are cut to European Latin (whole: 151 and 66 kB).
      expect(figures.fonts).toHaveLength(2)
      for (const font of figures.fonts) expect(font.bytes ?? Infinity).toBeLessThanOrEqual(FIRST_PAINT_FONT_BYTES)
    }
  }, 400_000)

  it('prints the same figures with the issue\'s numbers taken literally (150 ms round trip)', async () => {
    const figures = await firstLoad(FAST_3G_LITERAL)
    print(FAST_3G_LITERAL, [figures])
    expect(figures.scriptBeforeDialog.bytes).toBeLessThanOrEqual(JS_BUDGET_BYTES)
  }, 240_000)
})
