/**
 * The canvas as a resident sees it on a phone (Chromium, touch, 390×844 and 360×740): a board
 * from a template, opened from the simple view with "Hele bord". The text view has a visible way
 * in; the tour offer sits clear of tldraw's toolbars and menus, and of the side panel when that is
 * open; no button of ours is smaller than 44 px. Screenshots go to test-output/phone-canvas/.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { browserUnavailableReason, launchBrowser } from '../helpers/browser.ts'
import { startChildServer, type ChildServer } from '../helpers/child-server.ts'
import { createBoard, tempDataDir, type BoardLinks } from '../helpers/server.ts'
import { PHONE } from '../helpers/throttled-page.ts'

const unavailable = browserUnavailableReason()
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-output/phone-canvas')
const SCREENS = [
  { name: '390x844', viewport: { width: 390, height: 844 } },
  { name: '360x740', viewport: { width: 360, height: 740 } },
] as const
/** tldraw's own controls on a phone: they must stay free. */
const TLDRAW_CONTROLS = ['.tlui-menu-zone', '.tlui-toolbar__inner', '.tlui-main-toolbar', '.tlui-style-panel__wrapper', '.tlui-navigation-panel', '[data-testid="mobile-styles.button"]']

type Box = { x: number; y: number; w: number; h: number }

let browser: Browser
let server: ChildServer
let board: BoardLinks
const contexts: BrowserContext[] = []

const boxOf = async (locator: Locator): Promise<Box> => {
  const box = await locator.boundingBox()
  if (!box) throw new Error('not on screen')
  return { x: box.x, y: box.y, w: box.width, h: box.height }
}
const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

async function visibleBoxes(page: Page, selectors: readonly string[]): Promise<{ selector: string; box: Box }[]> {
  const found: { selector: string; box: Box }[] = []
  for (const selector of selectors) {
    for (const element of await page.locator(selector).all()) {
      if (await element.isVisible()) found.push({ selector, box: await boxOf(element) })
    }
  }
  return found
}

/** Our buttons in `scope` that a thumb cannot hit reliably (less than 44 px either way). */
async function smallButtons(scope: Locator): Promise<string[]> {
  const small: string[] = []
  for (const button of await scope.locator('button, select, a[href]').all()) {
    if (!(await button.isVisible())) continue
    const box = await boxOf(button)
    if (box.w < 44 || box.h < 44) small.push(`${(await button.textContent())?.trim() || (await button.getAttribute('aria-label'))} ${Math.round(box.w)}×${Math.round(box.h)}`)
  }
  return small
}

describe.skipIf(unavailable !== null)('the canvas on a phone', () => {
  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true })
    server = await startChildServer({ DATA_DIR: tempDataDir() })
    browser = await launchBrowser()
    // A template with several parts: the tour is offered on a first visit.
    board = await createBoard(server.url, { title: 'Regio in beeld', template: 'bel-combinatie' })
  }, 120_000)
  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
    server?.process.kill('SIGTERM')
    await server?.exited
  })

  for (const screen of SCREENS) {
    describe(screen.name, () => {
      let page: Page
      const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${screen.name}-${name}.png`) })

      it('opens the canvas from the simple view; the tour offer covers none of tldraw\'s controls', async () => {
        const context = await browser.newContext({ ...PHONE, viewport: screen.viewport })
        contexts.push(context)
        page = await context.newPage()
        await page.goto(`${server.url}/b/${board.id}#t=${board.tokens.participant}`)
        await page.fill('#display-name', 'Fatima')
        await page.click('button[type=submit]')
        await page.waitForSelector('[data-phone-view][data-board-ready="true"]', { timeout: 60_000 })
        await shot('1-simple-view')
        expect(await smallButtons(page.locator('[data-phone-view]'))).toEqual([])

        await page.tap('[data-open-canvas]')
        await page.waitForSelector('[data-board-ready="true"] .tl-canvas', { timeout: 60_000 })
        const offer = page.locator('[data-tour-offer]')
        await offer.waitFor()
        await shot('2-canvas-tour-offer')
        const offerBox = await boxOf(offer)
        expect(offerBox.x).toBeGreaterThanOrEqual(0)
        expect(offerBox.x + offerBox.w).toBeLessThanOrEqual(screen.viewport.width)
        for (const { selector, box } of await visibleBoxes(page, [...TLDRAW_CONTROLS, '.board-bar', '.regie-sidebar-toggle'])) {
          expect(overlaps(offerBox, box), `the tour offer covers ${selector}`).toBe(false)
        }
        expect(await smallButtons(offer)).toEqual([])
      })

      it('keeps the tour offer off the open side panel', async () => {
        await page.tap('.regie-sidebar-toggle')
        const panel = page.locator('.regie-sidebar')
        await panel.waitFor()
        await shot('3-side-panel')
        // Either hidden while the panel is open, or not on top of it.
        const offer = page.locator('[data-tour-offer]')
        if (await offer.isVisible()) {
          const covered = await page.evaluate(() => {
            const offerBox = document.querySelector('[data-tour-offer]')!.getBoundingClientRect()
            const hit = document.elementFromPoint(offerBox.left + offerBox.width / 2, offerBox.top + offerBox.height / 2)
            return hit?.closest('[data-tour-offer]') !== null
          })
          expect(covered, 'the tour offer is drawn over the side panel').toBe(false)
        }
        await page.tap('.regie-sidebar__close')
        await panel.waitFor({ state: 'detached' })
      })

      it('takes the tour: the tour panel covers none of tldraw\'s controls', async () => {
        await page.tap('[data-tour-start]')
        await page.waitForFunction(() => (document.querySelector('[data-tour-current]')?.textContent ?? '') !== '')
        const tour = page.locator('[data-tour]')
        await shot('4-tour')
        const tourBox = await boxOf(tour)
        for (const { selector, box } of await visibleBoxes(page, [...TLDRAW_CONTROLS, '.board-bar'])) {
          expect(overlaps(tourBox, box), `the tour covers ${selector}`).toBe(false)
        }
        expect(await smallButtons(tour)).toEqual([])
        await tour.locator('button', { hasText: 'Sluiten' }).tap()
        await tour.waitFor({ state: 'detached' })
      })

      it('has a visible way into the text view, and back', async () => {
        const bar = page.locator('.board-bar')
        const toggle = bar.locator('[data-outline-toggle]')
        await expect(toggle.isVisible()).resolves.toBe(true)
        await expect(toggle.getAttribute('aria-label')).resolves.toBe('Tekstweergave')
        expect(await smallButtons(bar)).toEqual([])
        const barBox = await boxOf(bar)
        expect(barBox.x).toBeGreaterThanOrEqual(0)
        for (const { selector, box } of await visibleBoxes(page, [...TLDRAW_CONTROLS, '.regie-sidebar-toggle'])) {
          expect(overlaps(barBox, box), `the bar covers ${selector}`).toBe(false)
        }
        await shot('5-canvas-bar')
        await toggle.tap()
        const outline = page.locator('.outline-view')
        await outline.waitFor()
        await shot('6-text-view')
        expect(await smallButtons(outline)).toEqual([])
        // Nothing wider than the phone (a long frame name in the list once made the form so).
        const tooWide = await outline.evaluate((view, width) => [...view.querySelectorAll('*')].filter((element) => element.getBoundingClientRect().right > width + 0.5).map((element) => element.tagName + (element.className ? `.${String(element.className)}` : '')), screen.viewport.width)
        expect(tooWide).toEqual([])
        await page.tap('[data-outline-close]')
        await outline.waitFor({ state: 'detached' })
        await page.tap('[data-simple-view]')
        await page.waitForSelector('[data-phone-view][data-board-ready="true"]')
      })
    })
  }
})
