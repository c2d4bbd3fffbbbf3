/**
 * Issue 16 in the browser: the "aanname" markers a template puts on cards and relations, the
 * facilitator confirming one, and setting a regiecheck rule aside with a reason that the report
 * then shows. Screenshots at laptop, projector and phone size go to test-output/screenshots.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { browserUnavailableReason, launchBrowser } from '../helpers/browser.ts'
import { freePort, startChildServer, type ChildServer } from '../helpers/child-server.ts'
import { createBoard, tempDataDir, type BoardLinks } from '../helpers/server.ts'
import { templateModel } from '../../shared/templates/index.ts'

const unavailable = browserUnavailableReason()
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-output/screenshots')

let browser: Browser
let server: ChildServer
const contexts: BrowserContext[] = []

async function newPage(width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } })
  contexts.push(context)
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error('page error:', error.message))
  return page
}

const link = (board: BoardLinks, role: keyof BoardLinks['tokens']) => `${server.url}/b/${board.id}#t=${board.tokens[role]}`

async function joinBoard(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url)
  await page.fill('#display-name', name)
  await page.click('button[type=submit]')
  // A participant on a phone gets the simple phone view first; the markers are on the canvas.
  const opened = await page.waitForSelector('[data-board-ready="true"] .tl-canvas, [data-phone-view][data-board-ready="true"]', { timeout: 20_000 })
  if ((await opened.getAttribute('data-phone-view')) !== null) {
    await page.click('[data-open-canvas]')
    await page.waitForSelector('[data-board-ready="true"] .tl-canvas', { timeout: 20_000 })
  }
}

async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) })
}

function editorCall<T>(page: Page, fn: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(({ fn, args }) => {
    const editor = (window as unknown as { __regiebordEditor: Record<string, (...a: unknown[]) => unknown> }).__regiebordEditor
    const result = editor[fn]!(...args)
    // The editor returns itself for chaining, which cannot cross into the test.
    return (result === editor ? null : result) as T
  }, { fn, args })
}

async function zoomTo(page: Page, id: string): Promise<void> {
  await editorCall(page, 'select', id)
  await editorCall(page, 'zoomToSelection')
}

describe.skipIf(unavailable !== null)('aannames and rules set aside, in the browser', () => {
  beforeAll(async () => {
    server = await startChildServer({ DATA_DIR: tempDataDir() }, await freePort())
    browser = await launchBrowser()
  }, 60_000)

  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
    server?.process.kill('SIGKILL')
  })

  it('marks what the BAR template assumes, lets the facilitator confirm it, and shows a rule set aside in the report', async () => {
    const board = await createBoard(server.url, { title: 'BAR aannames', template: 'regiegemeente-bar' })
    const facilitator = await newPage(1440, 900)
    await joinBoard(facilitator, link(board, 'facilitator'), 'Fenna')
    const model = templateModel('regiegemeente-bar', 'nl')
    await facilitator.waitForFunction((n) => {
      const editor = (window as unknown as { __regiebordEditor?: { getCurrentPageShapes(): { type: string }[] } }).__regiebordEditor
      return editor?.getCurrentPageShapes().filter((shape) => shape.type === 'regie-actor').length === n
    }, model.actors.length, { timeout: 15_000 })

    // The card the seed does not name carries a visible marker with the reason as its tooltip.
    await zoomTo(facilitator, 'shape:barendrecht')
    const marker = facilitator.locator('.regie-actor:has-text("Gemeente Barendrecht") [data-aanname]')
    await marker.waitFor()
    expect(await marker.textContent()).toBe('aanname')
    expect(await marker.getAttribute('title')).toContain('Barendrecht en Ridderkerk zijn de B en de R van BAR')
    // Relations carry one too: the mandate line, drawn where the seed does not say who mandates.
    await facilitator.waitForSelector('[data-aanname-arrow="shape:barendrecht-mandaat"]', { state: 'attached' })
    await screenshot(facilitator, 'aanname-card-1440')
    // On its line and clear of the relations' labels, so it covers none of their words: every
    // frame of the template in turn, at a zoom where the markers show.
    const onLabels: string[] = []
    let labelsSeen = 0
    for (const frame of await facilitator.evaluate(() => {
      const editor = (window as unknown as { __regiebordEditor: { getCurrentPageShapes(): { id: string; type: string }[] } }).__regiebordEditor
      return editor.getCurrentPageShapes().filter((shape) => shape.type === 'frame').map((shape) => shape.id)
    })) {
      await facilitator.evaluate((id) => {
        type Editor = { getShapePageBounds(id: string): { center: { x: number; y: number } }; centerOnPoint(point: object, opts: object): void; setCamera(camera: object): void; getCamera(): { x: number; y: number } }
        const editor = (window as unknown as { __regiebordEditor: Editor }).__regiebordEditor
        editor.setCamera({ ...editor.getCamera(), z: 0.7 })
        editor.centerOnPoint(editor.getShapePageBounds(id).center, { immediate: true })
      }, frame)
      await facilitator.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
      const found = await facilitator.evaluate(() => {
        const boxes = (selector: string) => [...document.querySelectorAll(selector)].map((element) => ({ element, box: element.getBoundingClientRect() })).filter(({ box }) => box.width > 0)
        const labels = boxes('.tl-shape[data-shape-type="arrow"] .tl-text-label__inner')
        const hits = boxes('[data-aanname-arrow]').flatMap(({ element, box }) =>
          labels
            .filter(({ box: label }) => box.left < label.right && label.left < box.right && box.top < label.bottom && label.top < box.bottom)
            .map(({ element: label }) => `${element.getAttribute('data-aanname-arrow')} on "${label.textContent}"`),
        )
        return { hits, labels: labels.length }
      })
      onLabels.push(...found.hits)
      labelsSeen += found.labels
    }
    expect(labelsSeen).toBeGreaterThan(0)
    expect(onLabels).toEqual([])

    // The facilitator reads the assumption in the inspector and confirms it: the marker goes.
    await facilitator.waitForSelector('[data-aanname-panel]')
    expect(await facilitator.locator('[data-aanname-panel]').textContent()).toContain('Barendrecht en Ridderkerk')
    await facilitator.click('[data-aanname-confirm]')
    await marker.waitFor({ state: 'detached' })

    // A participant sees markers but cannot confirm them.
    const participant = await newPage(390, 844)
    await joinBoard(participant, link(board, 'participant'), 'Piet')
    await zoomTo(participant, 'shape:ridderkerk')
    await participant.locator('.regie-actor:has-text("Gemeente Ridderkerk") [data-aanname]').waitFor()
    await screenshot(participant, 'aanname-card-390')

    // Setting valkuil a aside for this board, with a reason.
    await facilitator.click('[data-regiecheck-tab]')
    await facilitator.click('[data-dismiss-rule="raad-zonder-kaderstelling"]')
    await facilitator.fill('[data-dismiss-reason]', 'De raden stellen hun kaders in de koersdocumenten.')
    await facilitator.click('[data-dismiss-save]')
    await facilitator.waitForSelector('[data-dismissed-rule="raad-zonder-kaderstelling"]', { state: 'attached' })
    expect(await facilitator.locator('[data-rule="raad-zonder-kaderstelling"]').count()).toBe(0)
    await screenshot(facilitator, 'regiecheck-dismissed-1440')

    const projector = await newPage(1280, 720)
    await joinBoard(projector, link(board, 'viewer'), 'Beamer')
    await projector.click('[data-regiecheck-tab]')
    await projector.waitForSelector('[data-dismissed-rule="raad-zonder-kaderstelling"]', { state: 'attached' })
    await screenshot(projector, 'regiecheck-dismissed-1280')

    // The report, as the server renders it from the stored board, shows the reason and the aannames.
    await expect
      .poll(async () => {
        const response = await fetch(`${server.url}/api/boards/${board.id}/report.html`, { headers: { authorization: `Bearer ${board.tokens.viewer}` } })
        return response.text()
      }, { timeout: 15_000 })
      .toContain('De raden stellen hun kaders in de koersdocumenten.')
    const html = await (await fetch(`${server.url}/api/boards/${board.id}/report.html`, { headers: { authorization: `Bearer ${board.tokens.viewer}` } })).text()
    expect(html).toContain('Bewust zo gekozen')
    expect(html).toContain('<h2 id="aannames">Aannames</h2>')
    const api = (await (await fetch(`${server.url}/api/boards/${board.id}/regiecheck`, { headers: { authorization: `Bearer ${board.tokens.viewer}` } })).json()) as { findings: { ruleId: string }[]; dismissed: { ruleId: string; reason: string }[] }
    expect(api.findings.map((finding) => finding.ruleId)).not.toContain('raad-zonder-kaderstelling')
    expect(api.dismissed).toEqual([expect.objectContaining({ ruleId: 'raad-zonder-kaderstelling', reason: 'De raden stellen hun kaders in de koersdocumenten.' })])
  }, 120_000)
})
