/**
 * Results leaving the board through the browser: server exports downloaded from the session tab,
 * a JSON export imported again on the start page, and the printable report page with the board
 * image (checked with axe-core too).
 */
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { browserUnavailableReason, launchBrowser } from '../helpers/browser.ts'
import { freePort, startChildServer, type ChildServer } from '../helpers/child-server.ts'
import { createBoard, tempDataDir, type BoardLinks } from '../helpers/server.ts'
import { templateModel } from '../../shared/templates/index.ts'

const unavailable = browserUnavailableReason()
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-output/screenshots')
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

let browser: Browser
let server: ChildServer
const contexts: BrowserContext[] = []

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, bypassCSP: true })
  contexts.push(context)
  return context.newPage()
}

async function joinBoard(page: Page, link: string, name: string): Promise<void> {
  await page.goto(link)
  await page.fill('#display-name', name)
  await page.click('button[type=submit]')
  await page.waitForSelector('[data-board-ready="true"] .tl-canvas', { timeout: 20_000 })
  await page.click('[data-session-tab]')
}

async function downloadFrom(page: Page, selector: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)])
  return { name: download.suggestedFilename(), bytes: fs.readFileSync((await download.path())!) }
}

function actorCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    type Editor = { getCurrentPageShapes(): Array<{ type: string }> }
    return (window as unknown as { __regiebordEditor: Editor }).__regiebordEditor.getCurrentPageShapes().filter((shape) => shape.type === 'regie-actor').length
  })
}

describe.skipIf(unavailable !== null)('exports in the browser', () => {
  let board: BoardLinks
  let facilitator: Page

  beforeAll(async () => {
    server = await startChildServer({ DATA_DIR: tempDataDir() }, await freePort())
    browser = await launchBrowser()
    board = await createBoard(server.url, { title: 'Regio Noord-Veluwe', template: 'regio-noord-veluwe' })
    facilitator = await newPage()
    await joinBoard(facilitator, `${server.url}/b/${board.id}#t=${board.tokens.facilitator}`, 'Fenna')
  })

  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
    server?.process.kill('SIGKILL')
  })

  it('downloads the notes and the arrangements as CSV that Excel reads as UTF-8', async () => {
    for (const selector of ['[data-export="csv"]', '[data-export="arrangements"]']) {
      const { name, bytes } = await downloadFrom(facilitator, selector)
      expect(name).toMatch(/^regio-noord-veluwe.*\.csv$/)
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    }
  })

  it('imports a downloaded JSON export as a new board with everything on it', async () => {
    const { name, bytes } = await downloadFrom(facilitator, '[data-export="json"]')
    expect(name).toBe('regio-noord-veluwe.json')
    const file = path.join(tempDataDir(), name)
    fs.writeFileSync(file, bytes)

    const start = await newPage()
    await start.goto(server.url)
    await start.setInputFiles('#board-import', file)
    await start.waitForSelector('#facilitator')
    const link = await start.inputValue('#facilitator')
    expect(link).not.toContain(board.id)
    const copy = await newPage()
    await joinBoard(copy, link, 'Kopie')
    await copy.waitForFunction(
      (n) => {
        type Editor = { getCurrentPageShapes(): Array<{ type: string }> }
        return (window as unknown as { __regiebordEditor?: Editor }).__regiebordEditor?.getCurrentPageShapes().filter((shape) => shape.type === 'regie-actor').length === n
      },
      templateModel('regio-noord-veluwe', 'nl').actors.length,
    )
    expect(await actorCount(copy)).toBe(await actorCount(facilitator))

    const broken = path.join(tempDataDir(), 'kapot.json')
    fs.writeFileSync(broken, '{"format": "regiebord-board", "version": 1, "records": [{"id": "shape:x"}]}')
    await start.goto(server.url)
    await start.setInputFiles('#board-import', broken)
    await start.waitForSelector('[role="alert"]')
    expect(await start.textContent('[role="alert"]')).toContain('Importeren lukte niet')
  })

  it('shows a printable report with the board, the arrangements and the regiecheck, without serious accessibility problems', async () => {
    const page = await newPage()
    await page.goto(`${server.url}/b/${board.id}/verslag#t=${board.tokens.viewer}`)
    await page.waitForSelector('[data-report] h1')
    await page.waitForSelector('.report-board-image img', { timeout: 20_000 })
    const text = await page.textContent('[data-report]')
    expect(text).toContain('Regio Noord-Veluwe')
    expect(text).toContain('Afspraken')
    expect(text).toContain('Regiecheck')
    fs.mkdirSync(SCREENSHOTS, { recursive: true })
    await page.screenshot({ path: path.join(SCREENSHOTS, 'report.png'), fullPage: true })

    await page.addScriptTag({ content: AXE_SOURCE })
    const serious = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; impact: string | null }> }> } }).axe
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
      return result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id)
    })
    expect(serious).toEqual([])
  })
})
