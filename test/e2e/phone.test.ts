/**
 * A resident on a phone (Chromium, 390×844, touch) in a facilitated session, with the real server:
 * joins, adds a note in a lane and rewords it, votes within the budget, sees the timer and a
 * freeze notice, follows a summon, opens the canvas and comes back. A desktop participant sees the
 * phone's note on the canvas, inside its lane. The facilitator drives the session through the
 * same HTTP API their panel uses. A screenshot per step goes to test-output/phone/.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { boardApi, issuePerson, type Person } from '../helpers/board-http.ts'
import { browserUnavailableReason, launchBrowser } from '../helpers/browser.ts'
import { startChildServer, type ChildServer } from '../helpers/child-server.ts'
import { seededWorkshopBoard } from '../helpers/seeded-board.ts'
import { tempDataDir, type BoardLinks } from '../helpers/server.ts'
import { PHONE } from '../helpers/throttled-page.ts'
import { NOTE_TEXTS, type WorkshopBoard } from '../helpers/workshop-board.ts'

const unavailable = browserUnavailableReason()
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-output/phone')
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const LANE = 'shape:lane-wijk'
const NEW_NOTE = 'Een bankje bij de speeltuin'
/** Long enough that tldraw makes the note taller than its 200 units. */
const REWORDED = 'Twee bankjes bij de speeltuin, in de schaduw van de grote kastanje, zodat opa en oma kunnen zitten terwijl de kinderen spelen'

type Box = { x: number; y: number; w: number; h: number }
type EditorHandle = {
  getCurrentPageShapes(): Array<{ id: string; type: string; parentId: string; props: Record<string, unknown> }>
  getShapePageBounds(id: string): Box | undefined
}
declare const window: { __regiebordEditor: EditorHandle }

let browser: Browser
let server: ChildServer
let board: BoardLinks
let fixture: WorkshopBoard
let facilitator: Person
const contexts: BrowserContext[] = []
let phone: Page
let desktop: Page

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) })
const session = (route: string, body: unknown) => boardApi(server.url, 'POST', `/api/boards/${board.id}/session/${route}`, board.tokens.facilitator, body, facilitator)
const boxOf = async (locator: Locator): Promise<Box> => {
  const box = await locator.boundingBox()
  if (!box) throw new Error('not on screen')
  return { x: box.x, y: box.y, w: box.width, h: box.height }
}
const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

async function join(options: Parameters<Browser['newContext']>[0], name: string): Promise<Page> {
  const context = await browser.newContext({ ...options, bypassCSP: true })
  contexts.push(context)
  const page = await context.newPage()
  await page.goto(`${server.url}/b/${board.id}#t=${board.tokens.participant}`)
  if (options?.isMobile) {
    await page.locator('.join-role', { hasText: 'deelnemer' }).waitFor()
    await shot(page, '00-name-dialog')
  }
  await page.fill('#display-name', name)
  await page.click('button[type=submit]')
  return page
}

/** The notes on a desktop participant's canvas whose text contains `text`. */
function canvasNote(page: Page, text: string) {
  return page.evaluate(
    ([wanted, lane]) => {
      const editor = window.__regiebordEditor
      const note = editor.getCurrentPageShapes().find((shape) => shape.type === 'note' && JSON.stringify(shape.props.richText).includes(wanted!))
      if (!note) return null
      return { parentId: note.parentId, note: editor.getShapePageBounds(note.id)!, lane: editor.getShapePageBounds(lane!)! }
    },
    [text, LANE],
  )
}

/** How a note written on the phone is sized on a desktop canvas, and how tldraw itself would size it. */
function canvasNoteSize(page: Page, text: string) {
  return page.evaluate((wanted) => {
    type Note = { id: string; type: string; meta: Record<string, unknown>; props: { richText: unknown; growY: number; fontSizeAdjustment: number } }
    const editor = window.__regiebordEditor as unknown as { getCurrentPageShapes(): Note[]; getShapeUtil(type: string): { onBeforeCreate(note: Note): Note | undefined } }
    const note = editor.getCurrentPageShapes().find((shape) => shape.type === 'note' && JSON.stringify(shape.props.richText).includes(wanted))
    if (!note) return null
    const sized = editor.getShapeUtil('note').onBeforeCreate(note) ?? note
    return { growY: note.props.growY, needsFit: note.meta.needsFit ?? null, tldrawGrowY: sized.props.growY, fontSizeAdjustment: note.props.fontSizeAdjustment, tldrawFontSizeAdjustment: sized.props.fontSizeAdjustment }
  }, text)
}

describe.skipIf(unavailable !== null)('a resident on a phone', () => {
  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true })
    server = await startChildServer({ DATA_DIR: tempDataDir() })
    browser = await launchBrowser()
    ;({ board, fixture } = await seededWorkshopBoard(server.url, server.wsUrl))
    facilitator = await issuePerson(server.url, board.id, board.tokens.facilitator, 'Fenna')
    desktop = await join({ viewport: { width: 1440, height: 900 } }, 'Bram op de laptop')
    await desktop.waitForSelector('[data-board-ready="true"] .tl-canvas', { timeout: 60_000 })
  }, 180_000)
  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
    server?.process.kill('SIGTERM')
    await server?.exited
  })

  it('joins into the simple view: the lane, its question and its notes, no canvas tools', async () => {
    phone = await join(PHONE, 'Fatima')
    await phone.waitForSelector('[data-phone-view][data-board-ready="true"]', { timeout: 60_000 })
    const exercise = phone.locator(`[data-phone-exercise="${LANE}"]`)
    await exercise.waitFor()
    await expect(exercise.locator('h2').textContent()).resolves.toBe('Baan één: Wensen')
    await expect(exercise.locator('[data-phone-question]').textContent()).resolves.toContain('Wie betaalt de ijsbaan?')
    await expect(exercise.locator('[data-phone-note]').count()).resolves.toBe(4)
    await expect(exercise.textContent()).resolves.toContain(NOTE_TEXTS.first)
    // No tldraw, no regie palette, no facilitator panel.
    await expect(phone.locator('.tl-canvas, .regie-sidebar, [data-regie-sidebar]').count()).resolves.toBe(0)
    const add = await boxOf(phone.locator('[data-phone-add]'))
    expect(add.h).toBeGreaterThanOrEqual(44)
    expect(add.w).toBeGreaterThan(300)
    await shot(phone, '01-joined')
  })

  it('has no serious or critical accessibility problems (axe)', async () => {
    await phone.addScriptTag({ content: AXE_SOURCE })
    const violations = await phone.evaluate(async () => {
      type Violation = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }
      const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Violation[] }> } }).axe
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`)
    })
    expect(violations).toEqual([])
  })

  it('adds a note in the lane; a desktop participant sees it on the canvas inside the lane', async () => {
    await phone.tap('[data-phone-add]')
    await phone.fill('[data-phone-note-text]', NEW_NOTE)
    await shot(phone, '02-writing')
    await phone.tap('[data-phone-save]')
    const mine = phone.locator('[data-phone-note][data-mine="true"]')
    await mine.waitFor()
    await expect(mine.textContent()).resolves.toContain(NEW_NOTE)
    await shot(phone, '03-added')

    await desktop.waitForFunction((text) => JSON.stringify(window.__regiebordEditor.getCurrentPageShapes().map((shape) => shape.props.richText)).includes(text), NEW_NOTE, { timeout: 30_000 })
    const placed = await canvasNote(desktop, NEW_NOTE)
    expect(placed?.parentId).toBe(LANE)
    const { note, lane } = placed!
    expect(note.x).toBeGreaterThanOrEqual(lane.x)
    expect(note.y).toBeGreaterThanOrEqual(lane.y)
    expect(note.x + note.w).toBeLessThanOrEqual(lane.x + lane.w)
    // The canvas measured the note written on the phone (as tldraw does after an edit) and took its mark off.
    await desktop.waitForFunction((text) => {
      const shapes = window.__regiebordEditor.getCurrentPageShapes() as unknown as { type: string; meta: Record<string, unknown>; props: { richText: unknown } }[]
      return shapes.some((shape) => shape.type === 'note' && JSON.stringify(shape.props.richText).includes(text) && shape.meta.needsFit === undefined)
    }, NEW_NOTE, { timeout: 30_000 })
    const size = await canvasNoteSize(desktop, NEW_NOTE)
    expect(size).toMatchObject({ needsFit: null, growY: size?.tldrawGrowY, fontSizeAdjustment: size?.tldrawFontSizeAdjustment })
    await shot(desktop, '04-desktop-sees-note')
  })

  it('rewords its own note (only its own), and the canvas follows', async () => {
    await expect(phone.locator('[data-phone-edit]').count()).resolves.toBe(1)
    await phone.tap('[data-phone-edit]')
    await phone.fill('[data-phone-note-text]', REWORDED)
    await phone.tap('[data-phone-save]')
    await phone.locator(`[data-phone-note][data-mine="true"]:has-text("${REWORDED}")`).waitFor()
    await desktop.waitForFunction((text) => JSON.stringify(window.__regiebordEditor.getCurrentPageShapes().map((shape) => shape.props.richText)).includes(text), REWORDED, { timeout: 30_000 })
    // Longer text: the note is taller on the canvas straight away, as if it had been typed there.
    await desktop.waitForFunction((text) => {
      const shapes = window.__regiebordEditor.getCurrentPageShapes() as unknown as { type: string; props: { richText: unknown; growY: number } }[]
      return shapes.some((shape) => shape.type === 'note' && JSON.stringify(shape.props.richText).includes(text) && shape.props.growY > 0)
    }, REWORDED, { timeout: 30_000 })
    const size = await canvasNoteSize(desktop, REWORDED)
    expect(size).toMatchObject({ needsFit: null, growY: size?.tldrawGrowY, fontSizeAdjustment: size?.tldrawFontSizeAdjustment })
    // …and its lane grew with it, so the frame does not cut it off.
    const { note, lane } = (await canvasNote(desktop, REWORDED))!
    expect(note.y + note.h).toBeLessThanOrEqual(lane.y + lane.h)
    await shot(phone, '05-reworded')
    await shot(desktop, '05-desktop-sees-long-note')
  })

  it('votes with thumb-sized buttons that cover nothing, within the budget', async () => {
    const started = await session('voting', { action: 'start', shapeIds: [fixture.notes.first, fixture.notes.second, fixture.notes.third], votesPerPerson: 2, maxPerShape: 1, minutes: null })
    expect(started.status).toBe(200)
    const first = phone.locator(`[data-phone-note="${fixture.notes.first}"]`)
    await first.locator('[data-phone-vote-add]').waitFor()
    await expect(phone.locator('[data-votes-remaining]').getAttribute('data-votes-remaining')).resolves.toBe('2')
    await expect(phone.locator('[data-phone-vote-add]').count()).resolves.toBe(3)
    for (const note of [fixture.notes.first, fixture.notes.second, fixture.notes.third]) {
      const card = phone.locator(`[data-phone-note="${note}"]`)
      const text = await boxOf(card.locator('.phone-note__text'))
      for (const button of ['[data-phone-vote-add]', '[data-phone-unvote]']) {
        const box = await boxOf(card.locator(button))
        expect(box.w).toBeGreaterThanOrEqual(44)
        expect(box.h).toBeGreaterThanOrEqual(44)
        expect(overlaps(box, text)).toBe(false)
      }
      const [add, remove] = [await boxOf(card.locator('[data-phone-vote-add]')), await boxOf(card.locator('[data-phone-unvote]'))]
      expect(overlaps(add, remove)).toBe(false)
    }
    await first.locator('[data-phone-vote-add]').tap()
    await phone.locator('[data-votes-remaining="1"]').waitFor()
    await phone.locator(`[data-phone-note="${fixture.notes.second}"] [data-phone-vote-add]`).tap()
    await phone.locator('[data-votes-remaining="0"]').waitFor()
    // The budget is spent: no more dots to give, one can still be taken back.
    await expect(phone.locator(`[data-phone-note="${fixture.notes.third}"] [data-phone-vote-add]`).isDisabled()).resolves.toBe(true)
    await expect(first.locator('[data-my-votes]').getAttribute('data-my-votes')).resolves.toBe('1')
    await expect(phone.locator('[data-votes-remaining]').textContent()).resolves.toMatch(/stippen zijn op/)
    await shot(phone, '06-voted')
    await session('voting', { action: 'close' })
    await session('voting', { action: 'reveal' })
    await first.locator('[data-vote-total="1"]').waitFor()
    await expect(first.locator('[data-vote-total]').textContent()).resolves.toBe('1 stem')
    await shot(phone, '07-revealed')
    await session('voting', { action: 'clear' })
  })

  it('shows the timer and the freeze notice, and offers no editing while frozen', async () => {
    await session('timer', { action: 'set', minutes: 5 })
    await session('timer', { action: 'start' })
    await phone.locator('[data-phone-timer][data-status="running"]').waitFor()
    await expect(phone.locator('[data-phone-timer]').textContent()).resolves.toMatch(/[45]:\d\d/)
    await session('freeze', { frozen: true })
    await phone.locator('[data-phone-frozen]').waitFor()
    await expect(phone.locator('[data-phone-add]').count()).resolves.toBe(0)
    await expect(phone.locator('[data-phone-edit]').count()).resolves.toBe(0)
    await shot(phone, '08-timer-frozen')
    await session('freeze', { frozen: false })
    await phone.locator('[data-phone-add]').waitFor()
    await session('timer', { action: 'stop' })
    await phone.locator('[data-phone-timer]').waitFor({ state: 'detached' })
  })

  it('follows a summon to the note the facilitator points at', async () => {
    // Elsewhere first: the loose things on the page.
    await phone.selectOption('[data-phone-picker]', '')
    await phone.locator('[data-phone-exercise=""]').waitFor()
    const target = await canvasNote(desktop, 'Meer groen')
    const { note } = target!
    const summoned = await session('summon', { pageId: 'page:page', bounds: { x: note.x - 100, y: note.y - 50, w: note.w + 200, h: note.h + 100 }, by: 'Procesbegeleider' })
    expect(summoned.status).toBe(200)
    await phone.locator(`[data-phone-summoned="${LANE}"]`).waitFor()
    const pointed = phone.locator(`[data-phone-note="${fixture.notes.third}"][data-pointed="true"]`)
    await pointed.waitFor()
    const onScreen = (id: string): boolean => {
      const box = document.querySelector(`[data-phone-note="${id}"]`)!.getBoundingClientRect()
      return box.top >= 0 && box.bottom <= document.documentElement.clientHeight
    }
    await phone.waitForFunction(onScreen, fixture.notes.third as string, { timeout: 10_000 })
    // The smooth scroll has ended when two frames in a row see the same position.
    await phone.waitForFunction(() => new Promise<boolean>((resolve) => {
      const before = document.documentElement.scrollTop
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(document.documentElement.scrollTop === before)))
    }))
    await shot(phone, '09-summoned')
  })

  it('opens the full canvas with one tap and comes back', async () => {
    await phone.tap('[data-open-canvas]')
    await phone.waitForSelector('[data-board-ready="true"] .tl-shape[data-shape-type="note"]', { timeout: 60_000 })
    await shot(phone, '10-canvas')
    // It opens on the whole board between tldraw's menus and toolbars and our bar: no note's
    // corner lies under any of them (the long note included, all of it).
    const covered = await phone.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.tl-shape[data-shape-type="note"]')].flatMap((note) => {
        const box = note.getBoundingClientRect()
        const corners = [[box.left + 4, box.top + 4], [box.right - 4, box.top + 4], [box.left + 4, box.bottom - 4], [box.right - 4, box.bottom - 4]] as const
        return corners.filter(([x, y]) => document.elementFromPoint(x, y)?.closest('.tl-shape') !== note).map(([x, y]) => `${note.dataset.shapeId ?? note.id} at ${Math.round(x)},${Math.round(y)}`)
      }),
    )
    expect(covered).toEqual([])
    // tldraw names our things with our words: a sticky is a "Notitie", not an "Opmerking".
    await phone.locator('[data-testid="tools.note"]').waitFor()
    await expect(phone.locator('[data-testid="tools.note"]').getAttribute('aria-label')).resolves.toMatch(/^Notitie\b/)
    // The bar over the canvas leaves tldraw's menus free.
    const bar = await boxOf(phone.locator('.board-bar'))
    for (const menu of ['.tlui-menu-zone', '.tlui-style-panel__wrapper', '.tlui-toolbar__inner']) {
      for (const element of await phone.locator(menu).all()) {
        if (!(await element.isVisible())) continue
        expect(overlaps(bar, await boxOf(element)), `${menu} is covered`).toBe(false)
      }
    }
    await phone.tap('[data-simple-view]')
    await phone.locator('[data-phone-view][data-board-ready="true"]').waitFor()
    await expect(phone.locator('[data-phone-note][data-mine="true"]').textContent()).resolves.toContain(REWORDED)
    await shot(phone, '11-back')
  })
})
