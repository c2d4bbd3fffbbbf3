/**
 * Nothing of ours covers tldraw's menus, the board title or the toolbar: the canvas at 360, 390
 * and 430 px wide (touch) and on a 1280×720 projector and a 1440×900 laptop, for a participant and
 * a facilitator, with the timer running. And the simple view at 360 px. Screenshots per size go to
 * test-output/small-screens/.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import { boardApi, issuePerson } from '../helpers/board-http.ts'
import { browserUnavailableReason, launchBrowser } from '../helpers/browser.ts'
import { startChildServer, type ChildServer } from '../helpers/child-server.ts'
import { seededWorkshopBoard } from '../helpers/seeded-board.ts'
import { tempDataDir, type BoardLinks } from '../helpers/server.ts'

const unavailable = browserUnavailableReason()
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-output/small-screens')
type Box = { x: number; y: number; w: number; h: number }

let browser: Browser
let server: ChildServer
let board: BoardLinks

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
async function boxesOf(locator: Locator): Promise<Box[]> {
  const boxes: Box[] = []
  for (const element of await locator.all()) {
    const box = (await element.isVisible()) ? await element.boundingBox() : null
    if (box && box.width > 0 && box.height > 0) boxes.push({ x: box.x, y: box.y, w: box.width, h: box.height })
  }
  return boxes
}

async function openCanvas(size: { width: number; height: number }, role: 'participant' | 'facilitator', touch: boolean): Promise<Page> {
  const context = await browser.newContext({ viewport: size, hasTouch: touch, isMobile: touch })
  const page = await context.newPage()
  // A phone opens the simple view; this test is about the canvas, so choose it as someone would.
  await page.addInitScript(() => localStorage.setItem('regiebord.view', 'canvas'))
  await page.goto(`${server.url}/b/${board.id}#t=${board.tokens[role]}`)
  await page.fill('#display-name', role === 'facilitator' ? 'Fenna' : 'Rik')
  await page.click('button[type=submit]')
  await page.waitForSelector('[data-board-ready="true"] .tl-shape[data-shape-type="note"]', { timeout: 60_000 })
  await page.waitForSelector('.session-timer')
  return page
}

describe.skipIf(unavailable !== null)('small screens and projectors', () => {
  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true })
    server = await startChildServer({ DATA_DIR: tempDataDir() })
    browser = await launchBrowser()
    ;({ board } = await seededWorkshopBoard(server.url, server.wsUrl))
    const facilitator = await issuePerson(server.url, board.id, board.tokens.facilitator, 'Fenna')
    await boardApi(server.url, 'POST', `/api/boards/${board.id}/session/timer`, board.tokens.facilitator, { action: 'start' }, facilitator)
  }, 180_000)
  afterAll(async () => {
    await browser?.close()
    server?.process.kill('SIGTERM')
    await server?.exited
  })

  const sizes = [
    { width: 360, height: 740, touch: true },
    { width: 390, height: 844, touch: true },
    { width: 430, height: 932, touch: true },
    { width: 1280, height: 720, touch: false },
    { width: 1440, height: 900, touch: false },
  ]
  for (const { width, height, touch } of sizes) {
    for (const role of ['participant', 'facilitator'] as const) {
      it(`${role} at ${width}×${height}: our bar and timer leave tldraw's menus, title and toolbar free; the board opens clear of all of them`, async () => {
        const page = await openCanvas({ width, height }, role, touch)
        try {
          await page.screenshot({ path: path.join(SCREENSHOTS, `canvas-${role}-${width}x${height}.png`) })
          const ours = [...(await boxesOf(page.locator('.board-bar'))), ...(await boxesOf(page.locator('.session-timer'))), ...(await boxesOf(page.locator('.regie-sidebar-toggle')))]
          const theirs = [
            ...(await boxesOf(page.locator('.tlui-menu-zone'))),
            ...(await boxesOf(page.locator('.tlui-main-toolbar'))),
            ...(await boxesOf(page.locator('.tlui-style-panel__wrapper'))),
          ]
          expect(ours.length).toBeGreaterThanOrEqual(2)
          expect(theirs.length).toBeGreaterThanOrEqual(2)
          for (const mine of ours) for (const tldraws of theirs) expect(overlaps(mine, tldraws), `${JSON.stringify(mine)} covers ${JSON.stringify(tldraws)}`).toBe(false)
          // Our own pieces do not pile up either.
          for (let i = 0; i < ours.length; i++) for (let j = i + 1; j < ours.length; j++) expect(overlaps(ours[i]!, ours[j]!)).toBe(false)
          if (!touch) {
            // The board opens whole in the part of the canvas no menu covers, also after the side
            // panel narrowed the canvas (it mounts after the editor).
            const boardOnScreen = () =>
              page.evaluate(() => {
                const editor = (window as unknown as { __regiebordEditor: { getCurrentPageBounds(): { minX: number; minY: number; maxX: number; maxY: number }; pageToScreen(point: { x: number; y: number }): { x: number; y: number } } }).__regiebordEditor
                const bounds = editor.getCurrentPageBounds()
                const from = editor.pageToScreen({ x: bounds.minX, y: bounds.minY })
                const to = editor.pageToScreen({ x: bounds.maxX, y: bounds.maxY })
                return { x: from.x, y: from.y, w: to.x - from.x, h: to.y - from.y }
              })
            const menus = [...theirs, ...ours, ...(await boxesOf(page.locator('.regie-sidebar')))]
            await expect.poll(async () => {
              const shown = await boardOnScreen()
              return menus.filter((menu) => overlaps(shown, menu)).map((menu) => ({ menu, board: shown }))
            }, { timeout: 10_000 }).toEqual([])
          }
        } finally {
          await page.context().close()
        }
      })
    }
  }

  it('on a laptop, tldraw\'s style panel shows only while there is something to style, and leaves the board its room otherwise', async () => {
    const page = await openCanvas({ width: 1440, height: 900 }, 'facilitator', false)
    try {
      const stylePanel = page.locator('.tlui-style-panel__wrapper')
      const act = (action: 'select-note' | 'deselect' | 'draw' | 'select-tool') =>
        page.evaluate((action) => {
          type Editor = { getCurrentPageShapes(): { id: string; type: string }[]; select(id: string): void; selectNone(): void; setCurrentTool(id: string): void }
          const editor = (window as unknown as { __regiebordEditor: Editor }).__regiebordEditor
          if (action === 'select-note') editor.select(editor.getCurrentPageShapes().find((shape) => shape.type === 'note')!.id)
          else if (action === 'deselect') editor.selectNone()
          else editor.setCurrentTool(action === 'draw' ? 'draw' : 'select')
        }, action)
      // Opened with the select tool and nothing selected: nothing to style.
      await expect.poll(() => stylePanel.count()).toBe(0)
      await act('select-note')
      await expect.poll(() => stylePanel.count()).toBe(1)
      await act('deselect')
      await expect.poll(() => stylePanel.count()).toBe(0)
      await act('draw')
      await expect.poll(() => stylePanel.count()).toBe(1)
      await act('select-tool')
      await expect.poll(() => stylePanel.count()).toBe(0)
    } finally {
      await page.context().close()
    }
  })

  for (const { width, height, touch, least } of [
    { width: 1280, height: 720, touch: false, least: 34 },
    { width: 390, height: 844, touch: true, least: 44 },
  ]) {
    it(`the side panel's controls at ${width}×${height} are at least ${least} px tall in every tab`, async () => {
      const page = await openCanvas({ width, height }, 'facilitator', touch)
      try {
        if (touch) await page.click('.regie-sidebar-toggle')
        const tabs = page.locator('.regie-sidebar .regie-tabs button')
        await expect.poll(() => tabs.count()).toBeGreaterThanOrEqual(3)
        const small: string[] = []
        for (let tab = 0; tab < (await tabs.count()); tab++) {
          await tabs.nth(tab).click()
          await page.waitForTimeout(300)
          const controls = page.locator(".regie-sidebar :is(button, select, input:not([type='checkbox']):not([type='radio']), a[href])")
          for (const element of await controls.all()) {
            if (!(await element.isVisible())) continue
            const box = await element.boundingBox()
            if (box && box.height < least - 0.5) small.push(`${(await element.textContent())?.trim() || (await element.getAttribute('aria-label')) || 'control'}: ${Math.round(box.height)} px`)
          }
        }
        expect(small).toEqual([])
      } finally {
        await page.context().close()
      }
    })
  }

  it('the simple view fits 360 px: no sideways scrolling, buttons of 44 px', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true })
    const page = await context.newPage()
    await page.goto(`${server.url}/b/${board.id}#t=${board.tokens.participant}`)
    await page.fill('#display-name', 'Rik')
    await page.click('button[type=submit]')
    await page.waitForSelector('[data-phone-view][data-board-ready="true"] [data-phone-note]', { timeout: 60_000 })
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    for (const box of await boxesOf(page.locator('[data-phone-view] button, [data-phone-view] select'))) expect(Math.min(box.w, box.h)).toBeGreaterThanOrEqual(44)
    await page.screenshot({ path: path.join(SCREENSHOTS, 'simple-view-360.png'), fullPage: true })
    await context.close()
  })
})
