/**
 * A workshop in the browser: a facilitator and two participants in three browser contexts, with
 * the real server. Timer, locking, voting, private writing, summon and freeze as people see them.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { browserUnavailableReason, launchBrowser } from '../helpers/browser.ts'
import { freePort, startChildServer, type ChildServer } from '../helpers/child-server.ts'
import { createBoard, tempDataDir, type BoardLinks } from '../helpers/server.ts'

const unavailable = browserUnavailableReason()
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-output/screenshots')

let browser: Browser
let server: ChildServer
const contexts: BrowserContext[] = []

type EditorHandle = {
  getCurrentPageShapes(): Array<{ id: string; type: string; x: number; y: number; isLocked: boolean; props: Record<string, unknown> }>
  getShape(id: string): { x: number; y: number; isLocked: boolean } | undefined
  select(...ids: string[]): void
  selectNone(): void
  updateShape(partial: object): void
  createShape(partial: object): void
  deleteShapes(ids: string[]): void
  getViewportPageBounds(): { x: number; y: number; w: number; h: number; center: { x: number; y: number } }
  zoomToBounds(bounds: object, opts?: object): void
  pageToViewport(point: { x: number; y: number }): { x: number; y: number }
  getViewportScreenBounds(): { x: number; y: number }
  getShapePageBounds(id: string): { x: number; y: number; w: number; h: number; center: { x: number; y: number } }
}
declare const window: { __regiebordEditor: EditorHandle }

async function join(board: BoardLinks, role: keyof BoardLinks['tokens'], name: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  contexts.push(context)
  const page = await context.newPage()
  await page.goto(`${server.url}/b/${board.id}#t=${board.tokens[role]}`)
  await page.fill('#display-name', name)
  await page.click('button[type=submit]')
  await page.waitForSelector('[data-board-ready="true"] .tl-canvas', { timeout: 20_000 })
  await page.click('[data-session-tab]')
  return page
}

async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) })
}

async function hiddenNotes(board: BoardLinks): Promise<{ notes: number; writers: number }> {
  const response = await fetch(`${server.url}/api/boards/${board.id}/session/private/count`, { headers: { authorization: `Bearer ${board.tokens.facilitator}` } })
  return (await response.json()) as { notes: number; writers: number }
}

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const started = Date.now()
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/**
 * A round trip through the main board document between two screens, instead of a pause: the
 * facilitator adds a small shape, the participant moves it, the facilitator sees the move. Each
 * screen's connection has then received everything the server sent it before.
 */
async function twoWayBarrier(facilitatorPage: Page, participant: Page, id: string): Promise<void> {
  await facilitatorPage.evaluate((shapeId) => {
    window.__regiebordEditor.createShape({ id: shapeId, type: 'geo', x: -3000, y: -3000, props: { w: 20, h: 20 } })
  }, id)
  await participant.waitForFunction((shapeId) => window.__regiebordEditor.getShape(shapeId) !== undefined, id, { timeout: 10_000 })
  await participant.evaluate((shapeId) => {
    window.__regiebordEditor.updateShape({ id: shapeId, type: 'geo', x: -2990 })
  }, id)
  await facilitatorPage.waitForFunction((shapeId) => window.__regiebordEditor.getShape(shapeId)?.x === -2990, id, { timeout: 10_000 })
}

function shapesOf(page: Page, type: string) {
  return page.evaluate((t) => window.__regiebordEditor.getCurrentPageShapes().filter((shape) => shape.type === t).map(({ id, x, y, isLocked }) => ({ id, x, y, isLocked })), type)
}

describe.skipIf(unavailable !== null)('a workshop in the browser', () => {
  let board: BoardLinks
  let facilitator: Page
  let anna: Page
  let bram: Page

  beforeAll(async () => {
    server = await startChildServer({ DATA_DIR: tempDataDir() }, await freePort())
    browser = await launchBrowser()
    board = await createBoard(server.url, { title: 'Wijkavond', template: 'co-creatie-co-productie-uitbesteding' })
    facilitator = await join(board, 'facilitator', 'Fenna')
    anna = await join(board, 'participant', 'Anna')
    bram = await join(board, 'participant', 'Bram')
  })

  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
    server?.process.kill('SIGKILL')
  })

  it('shows the facilitator’s timer on every screen, within a second of each other', async () => {
    await facilitator.fill('[data-timer-minutes]', '3')
    await facilitator.click('[data-timer-set]')
    await facilitator.click('[data-timer-start]')
    for (const page of [facilitator, anna, bram]) await page.waitForSelector('.session-timer[data-status="running"]')
    const remaining = await Promise.all([facilitator, anna, bram].map((page) => page.getAttribute('.session-timer', 'data-remaining-ms').then(Number)))
    expect(Math.max(...remaining) - Math.min(...remaining)).toBeLessThan(1000)
    expect(Math.min(...remaining)).toBeGreaterThan(170_000)
    expect(await anna.textContent('.session-timer__time')).toMatch(/^2:5\d$|^3:00$/)
    expect(await anna.locator('[data-timer-start]').count()).toBe(0)
  })

  it('locks a lane so that a participant cannot move it', async () => {
    const [lane] = await shapesOf(facilitator, 'frame')
    if (!lane) throw new Error('the template has no lanes')
    await facilitator.evaluate((id) => {
      window.__regiebordEditor.select(id)
    }, lane.id)
    await facilitator.click('[data-lock]')
    await anna.waitForFunction((id) => window.__regiebordEditor.getShape(id)?.isLocked === true, lane.id)

    // Drag the lane by its middle, as a participant would.
    const centre = await anna.evaluate((id) => {
      const editor = window.__regiebordEditor
      const point = editor.pageToViewport(editor.getShapePageBounds(id).center)
      const screen = editor.getViewportScreenBounds()
      return { x: point.x + screen.x, y: point.y + screen.y + 80 }
    }, lane.id)
    await anna.mouse.move(centre.x, centre.y)
    await anna.mouse.down()
    await anna.mouse.move(centre.x + 150, centre.y + 100, { steps: 8 })
    await anna.mouse.up()
    // And through the editor, as a modified client would: the change is put back.
    await anna.evaluate((id) => {
      window.__regiebordEditor.updateShape({ id, type: 'frame', x: 5000, isLocked: false })
    }, lane.id)
    await anna.waitForFunction(({ id, x, y }) => {
      const shape = window.__regiebordEditor.getShape(id)
      return shape?.x === x && shape.y === y && shape.isLocked
    }, lane)
    const [after] = (await shapesOf(anna, 'frame')).filter((shape) => shape.id === lane.id)
    expect(after).toMatchObject({ x: lane.x, y: lane.y, isLocked: true })
    expect((await shapesOf(bram, 'frame')).find((shape) => shape.id === lane.id)).toMatchObject({ x: lane.x, y: lane.y })
  })

  it('runs a dot-voting round: dots placed privately, totals only on reveal', async () => {
    // Template cards are questions, not answers: the round is on sticky notes people wrote.
    await facilitator.evaluate(() => {
      for (const [i, text] of ['Speeltuin', 'Bankjes'].entries()) window.__regiebordEditor.createShape({ type: 'note', x: 4000 + i * 260, y: 4000, props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } } })
    })
    await facilitator.waitForFunction(() => window.__regiebordEditor.getCurrentPageShapes().filter((shape) => shape.type === 'note').length === 2)
    const notes = (await shapesOf(facilitator, 'note')).map((shape) => shape.id)
    expect(notes.length).toBe(2)
    await facilitator.evaluate((ids) => {
      window.__regiebordEditor.select(...ids)
    }, notes)
    await facilitator.fill('[data-voting-per-person]', '2')
    await facilitator.click('[data-voting-start]')

    for (const [page, index] of [[anna, 0], [bram, 0], [bram, 1]] as const) {
      const add = page.locator(`[data-vote-shape="${notes[index]}"] [data-vote-add]`)
      await add.waitFor()
      await add.click()
    }
    await bram.waitForSelector('[data-votes-remaining="0"]')
    await anna.waitForSelector(`[data-vote-shape="${notes[0]}"][data-my-votes="1"]`)
    expect(await anna.locator('.vote-total').count()).toBe(0)
    expect(await facilitator.locator('.vote-total').count()).toBe(0)

    await facilitator.click('[data-voting-reveal]')
    for (const page of [facilitator, anna, bram]) await page.waitForSelector(`[data-vote-shape="${notes[0]}"] [data-vote-total="2"]`)
    await facilitator.waitForSelector('[data-vote-ranking] li')
    expect(await facilitator.locator('[data-vote-ranking] li').first().textContent()).toContain('2')
    await screenshot(facilitator, 'voting-revealed')
    await facilitator.click('[data-voting-clear]')
    // The next test counts sticky notes from zero.
    await facilitator.evaluate((ids) => {
      window.__regiebordEditor.deleteShapes(ids)
    }, notes)
    for (const page of [anna, bram]) await page.waitForFunction(() => !window.__regiebordEditor.getCurrentPageShapes().some((shape) => shape.type === 'note'))
  })

  it('keeps notes written during "stil schrijven" off other screens until the reveal', async () => {
    await facilitator.click('[data-private-mode]')
    await anna.waitForSelector('[data-session-private]')
    await anna.evaluate(() => {
      window.__regiebordEditor.createShape({ type: 'note', x: 200, y: 900, props: {} })
    })
    const secretCount = async (page: Page) => (await shapesOf(page, 'note')).length
    // The server has stored it, privately (had it relayed it to the board, that was then too) …
    await waitUntil(async () => (await hiddenNotes(board)).notes === 1, 'the server to store the private note')
    // … and everything the server sent the others before has arrived.
    await twoWayBarrier(facilitator, bram, 'shape:barrier-private')
    expect(await secretCount(anna)).toBe(1)
    expect(await secretCount(bram)).toBe(0)
    expect(await secretCount(facilitator)).toBe(0)
    await screenshot(anna, 'private-writing')
    // The notice that says so stays readable: the tour (its offer here) moves up above it.
    const noticeCovered = await anna.evaluate(() => {
      const notice = document.querySelector('[data-session-private]')!.getBoundingClientRect()
      return [...document.querySelectorAll('.section-tour')].some((tour) => {
        const box = tour.getBoundingClientRect()
        return box.width > 0 && box.left < notice.right && notice.left < box.right && box.top < notice.bottom && notice.top < box.bottom
      })
    })
    expect(await anna.locator('.section-tour').count()).toBeGreaterThan(0)
    expect(noticeCovered).toBe(false)

    // A reload keeps Anna's note: it is stored, for her alone.
    await anna.reload()
    await anna.waitForSelector('[data-board-ready="true"] .tl-canvas', { timeout: 20_000 })
    await anna.waitForFunction(() => window.__regiebordEditor.getCurrentPageShapes().some((shape) => shape.type === 'note'))

    await facilitator.click('[data-private-mode]')
    for (const page of [bram, facilitator]) await page.waitForFunction(() => window.__regiebordEditor.getCurrentPageShapes().some((shape) => shape.type === 'note'), undefined, { timeout: 10_000 })
    expect(await secretCount(anna)).toBe(1)
  })

  it('brings everyone to the facilitator’s view with "iedereen naar mij"', async () => {
    const target = { x: 3000, y: 2000, w: 800, h: 500 }
    await facilitator.evaluate((bounds) => {
      window.__regiebordEditor.zoomToBounds(bounds)
    }, target)
    await facilitator.click('[data-summon]')
    for (const page of [anna, bram]) {
      await page.waitForFunction(
        ({ x, y }) => {
          const centre = window.__regiebordEditor.getViewportPageBounds().center
          return Math.abs(centre.x - x) < 50 && Math.abs(centre.y - y) < 50
        },
        { x: target.x + target.w / 2, y: target.y + target.h / 2 },
        { timeout: 5_000 },
      )
    }
  })

  it('lets a participant follow the facilitator’s view and stop following', async () => {
    const following = () => anna.evaluate(() => (window as unknown as { __regiebordEditor: { getInstanceState(): { followingUserId: string | null } } }).__regiebordEditor.getInstanceState().followingUserId)
    await anna.click('[data-session-tab]')
    await anna.click('[data-follow]')
    expect(await following()).not.toBeNull()
    const target = { x: -4000, y: -3000, w: 600, h: 400 }
    await facilitator.evaluate((bounds) => {
      window.__regiebordEditor.zoomToBounds(bounds)
    }, target)
    await anna.waitForFunction(
      ({ x, y }) => {
        const centre = window.__regiebordEditor.getViewportPageBounds().center
        return Math.abs(centre.x - x) < 100 && Math.abs(centre.y - y) < 100
      },
      { x: target.x + target.w / 2, y: target.y + target.h / 2 },
      { timeout: 5_000 },
    )
    await anna.click('[data-follow-stop]')
    expect(await following()).toBeNull()
  })

  it('freezes the board for participants and thaws it again', async () => {
    await facilitator.click('[data-freeze]')
    await anna.waitForSelector('[data-session-frozen]')
    await anna.waitForSelector('.readonly-badge')
    await screenshot(anna, 'frozen')
    await facilitator.click('[data-freeze]')
    await anna.waitForSelector('.readonly-badge', { state: 'detached' })
  })

  it('exports the board as PNG and SVG images', async () => {
    // Anna reloaded earlier; the session tab holds the export buttons.
    await anna.click('[data-session-tab]')
    for (const [format, signature] of [['png', '\x89PNG'], ['svg', '<svg']] as const) {
      const [download] = await Promise.all([anna.waitForEvent('download'), anna.click(`[data-export="${format}"]`)])
      expect(download.suggestedFilename()).toBe(`wijkavond.${format}`)
      const file = await download.path()
      expect(fs.readFileSync(file!, format === 'png' ? 'latin1' : 'utf8').slice(0, 200)).toContain(signature)
    }
  })

  it('deletes the board: everyone is told, and the facilitator is back on the start page', async () => {
    await facilitator.click('[data-delete-board]')
    await facilitator.click('[data-delete-confirm]')
    await facilitator.waitForSelector('[data-deleted-notice]')
    for (const page of [anna, bram]) {
      await page.waitForSelector('[data-board-error]')
      expect(await page.textContent('[data-board-error]')).toContain('verwijderd')
    }
    expect((await fetch(`${server.url}/api/boards/${board.id}`, { headers: { authorization: `Bearer ${board.tokens.facilitator}` } })).status).toBe(404)
  })
})
