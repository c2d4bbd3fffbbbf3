/**
 * The regie board in the browser: templates rendered and shared, relations drawn with the palette,
 * the live regiecheck, netjes schikken, and the facilitator inserting a template.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { browserUnavailableReason, launchBrowser } from '../helpers/browser.ts'
import { freePort, startChildServer, type ChildServer } from '../helpers/child-server.ts'
import { createBoard, tempDataDir, type BoardLinks } from '../helpers/server.ts'
import { TEMPLATE_IDS, templateModel } from '../../shared/templates/index.ts'

const unavailable = browserUnavailableReason()
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-output/screenshots')

let browser: Browser
let server: ChildServer
const contexts: BrowserContext[] = []

interface ShapeSummary {
  id: string
  type: string
  x: number
  y: number
  w: number
  h: number
  meta: Record<string, unknown>
  kind?: string
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  contexts.push(context)
  return context.newPage()
}

async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) })
}

function link(board: BoardLinks, role: keyof BoardLinks['tokens']): string {
  return `${server.url}/b/${board.id}#t=${board.tokens[role]}`
}

async function joinBoard(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url)
  await page.fill('#display-name', name)
  await page.click('button[type=submit]')
  await page.waitForSelector('[data-board-ready="true"] .tl-canvas', { timeout: 20_000 })
  await page.waitForSelector('.regie-sidebar')
}

/** Every shape on the page with its page-space bounds, read through the editor. */
function shapes(page: Page): Promise<ShapeSummary[]> {
  return page.evaluate(() => {
    type Shape = { id: string; type: string; meta: Record<string, unknown>; props: { kind?: string } }
    type Editor = {
      getCurrentPageShapes(): Shape[]
      getShapePageBounds(id: string): { x: number; y: number; w: number; h: number } | undefined
    }
    const editor = (window as unknown as { __regiebordEditor: Editor }).__regiebordEditor
    return editor.getCurrentPageShapes().map((shape) => {
      const bounds = editor.getShapePageBounds(shape.id) ?? { x: 0, y: 0, w: 0, h: 0 }
      return { id: shape.id, type: shape.type, meta: shape.meta, x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h, ...(shape.props.kind !== undefined && { kind: shape.props.kind }) }
    })
  })
}

async function waitForActorCount(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const editor = (window as unknown as { __regiebordEditor?: { getCurrentPageShapes(): { type: string }[] } }).__regiebordEditor
      return editor?.getCurrentPageShapes().filter((shape) => shape.type === 'regie-actor').length === n
    },
    count,
    { timeout: 15_000 },
  )
}

async function zoomToFit(page: Page): Promise<void> {
  await page.evaluate(() => {
    ;(window as unknown as { __regiebordEditor: { zoomToFit(): void } }).__regiebordEditor.zoomToFit()
  })
  await page.waitForTimeout(300)
}

/** The screen position of a shape's centre. */
function screenCentre(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((shapeId) => {
    type Editor = {
      getShapePageBounds(id: string): { center: { x: number; y: number } }
      pageToViewport(point: { x: number; y: number }): { x: number; y: number }
      getViewportScreenBounds(): { x: number; y: number }
    }
    const editor = (window as unknown as { __regiebordEditor: Editor }).__regiebordEditor
    const point = editor.pageToViewport(editor.getShapePageBounds(shapeId).center)
    const screen = editor.getViewportScreenBounds()
    return { x: point.x + screen.x, y: point.y + screen.y }
  }, id)
}

function overlapping(cards: readonly ShapeSummary[]): string[] {
  const pairs: string[] = []
  for (const [i, a] of cards.entries()) {
    for (const b of cards.slice(i + 1)) {
      if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) pairs.push(`${a.id} × ${b.id}`)
    }
  }
  return pairs
}

describe.skipIf(unavailable !== null)('the regie board in the browser', () => {
  beforeAll(async () => {
    server = await startChildServer({ DATA_DIR: tempDataDir() }, await freePort())
    browser = await launchBrowser()
  })

  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
    server?.process.kill('SIGKILL')
  })

  it('creates a board from a template on the start page', async () => {
    const page = await newPage()
    await page.goto(server.url)
    await page.fill('#board-title', 'Afweging Delft')
    await page.waitForSelector('#board-template option[value="afwegingskader-regievoering"]', { state: 'attached' })
    await page.selectOption('#board-template', 'afwegingskader-regievoering')
    await page.click('button[type=submit]')
    await page.waitForSelector('#facilitator')
    const facilitatorLink = await page.inputValue('#facilitator')
    const board = await newPage()
    await joinBoard(board, facilitatorLink, 'Fenna')
    await waitForActorCount(board, templateModel('afwegingskader-regievoering', 'nl').actors.length)
    // The five regieprestaties are empty on a new board: the regiecheck says so.
    await board.click('[data-regiecheck-tab]')
    await board.waitForSelector('[data-rule="regieprestaties-onvolledig"]')
  })

  for (const id of TEMPLATE_IDS) {
    it(`renders template ${id} for two people, laid out without overlapping cards`, async () => {
      const model = templateModel(id, 'nl')
      const board = await createBoard(server.url, { title: id, template: id })
      const anna = await newPage()
      const bram = await newPage()
      await joinBoard(anna, link(board, 'facilitator'), 'Anna')
      await joinBoard(bram, link(board, 'participant'), 'Bram')
      await waitForActorCount(anna, model.actors.length)
      await waitForActorCount(bram, model.actors.length)
      const all = await shapes(bram)
      expect(all.filter((shape) => shape.type === 'arrow' && typeof shape.meta.regieRelation === 'string')).toHaveLength(model.relations.length)
      const cards = all.filter((shape) => shape.type === 'regie-actor')
      expect(overlapping(cards)).toEqual([])
      await zoomToFit(anna)
      // Cards are drawn, not just stored: their DOM is on the page with their names.
      expect(await anna.locator('.regie-actor, .regie-item, .regie-legend').count()).toBeGreaterThan(0)
      if (model.actors[0]) await anna.waitForSelector(`.regie-actor:has-text(${JSON.stringify(model.actors[0].name)})`, { state: 'attached' })
      await screenshot(anna, `template-${id}`)
      if (model.actors.length === 0) {
        // Nothing drawn yet: the regiecheck asks for actors instead of calling the regie complete.
        await anna.click('[data-regiecheck-tab]')
        await anna.waitForSelector('[data-regiecheck-empty]')
        expect(await anna.locator('.regie-check-ok').count()).toBe(0)
      }
      // Two browsers on the largest templates take longer than the default on a busy 2-core machine.
    }, 60_000)
  }

  it('finds an uitbesteding drawn without opdrachtgever, and points at it', async () => {
    const board = await createBoard(server.url, { title: 'Tekenen' })
    const page = await newPage()
    const other = await newPage()
    await joinBoard(page, link(board, 'participant'), 'Gerrit')
    await joinBoard(other, link(board, 'participant'), 'Hanna')

    await page.click('[data-actor-kind="gemeente"]')
    await page.keyboard.press('Escape')
    await page.click('[data-actor-kind="uitvoeringsorganisatie"]')
    await waitForActorCount(page, 2)
    // Pull the two cards apart so that an arrow can be drawn between them.
    const [gemeente, uitvoering] = (await shapes(page)).filter((shape) => shape.type === 'regie-actor').sort((a, b) => a.x - b.x)
    if (!gemeente || !uitvoering) throw new Error('the two cards are missing')
    await page.evaluate(
      ({ id, x }) => {
        const editor = (window as unknown as { __regiebordEditor: { updateShape(s: object): void } }).__regiebordEditor
        editor.updateShape({ id, type: 'regie-actor', x })
      },
      { id: uitvoering.id, x: gemeente.x + 500 },
    )
    await zoomToFit(page)

    await page.click('[data-relation-kind="uitbesteding"]')
    const from = await screenCentre(page, gemeente.id)
    const to = await screenCentre(page, uitvoering.id)
    await page.mouse.move(from.x, from.y)
    await page.mouse.down()
    await page.mouse.move(to.x, to.y, { steps: 10 })
    await page.mouse.up()

    await page.click('[data-regiecheck-tab]')
    const finding = page.locator('[data-rule="uitbesteding-zonder-opdrachtgever"]')
    await finding.waitFor()
    // Unnamed cards are called by their kind, never by a shape id.
    expect(await finding.textContent()).toContain('De uitbesteding van Gemeente aan Uitvoeringsorganisatie / GR heeft geen opdrachtgever')
    await screenshot(page, 'regiecheck-uitbesteding')

    // The other person sees a relation, bound at both ends.
    await other.waitForFunction(() => {
      type Editor = { getCurrentPageShapes(): { id: string; type: string; meta: { regieRelation?: string } }[]; getBindingsFromShape(id: string, type: string): unknown[] }
      const editor = (window as unknown as { __regiebordEditor: Editor }).__regiebordEditor
      const arrow = editor.getCurrentPageShapes().find((shape) => shape.meta.regieRelation === 'uitbesteding')
      return arrow !== undefined && editor.getBindingsFromShape(arrow.id, 'arrow').length === 2
    }, undefined, { timeout: 10_000 })

    // Clicking the finding selects what it is about.
    await finding.locator('button').click()
    const selected = await page.evaluate(() => (window as unknown as { __regiebordEditor: { getSelectedShapeIds(): string[] } }).__regiebordEditor.getSelectedShapeIds())
    expect(selected).toEqual(expect.arrayContaining([gemeente.id, uitvoering.id]))

    // Adding the opdrachtgever through the relation picker makes the finding go away.
    const arrowId = (await shapes(page)).find((shape) => shape.meta.regieRelation === 'uitbesteding')?.id
    if (!arrowId) throw new Error('the arrow is gone')
    await page.evaluate((id) => {
      ;(window as unknown as { __regiebordEditor: { select(id: string): void } }).__regiebordEditor.select(id)
    }, arrowId)
    await page.selectOption('[data-field="relation-kind"]', 'opdrachtgeverschap')
    await finding.waitFor({ state: 'detached' })
  })

  it('tidies overlapping cards into a readable layout with one click', async () => {
    const board = await createBoard(server.url, { title: 'Schikken' })
    const page = await newPage()
    await joinBoard(page, link(board, 'participant'), 'Ilse')
    for (const kind of ['gemeenteraad', 'college', 'gemeente', 'regionaal-orgaan']) {
      await page.click(`[data-actor-kind="${kind}"]`)
      await page.keyboard.press('Escape')
    }
    await waitForActorCount(page, 4)
    // The palette keeps new cards apart; pile them up as a hurried drag would.
    expect(overlapping((await shapes(page)).filter((shape) => shape.type === 'regie-actor'))).toEqual([])
    await page.evaluate(() => {
      type Editor = { getCurrentPageShapes(): { id: string; type: string }[]; updateShapes(partials: object[]): void }
      const editor = (window as unknown as { __regiebordEditor: Editor }).__regiebordEditor
      const cards = editor.getCurrentPageShapes().filter((shape) => shape.type === 'regie-actor')
      editor.updateShapes(cards.map((shape, i) => ({ id: shape.id, type: shape.type, x: i * 40, y: i * 30 })))
    })
    expect(overlapping((await shapes(page)).filter((shape) => shape.type === 'regie-actor')).length).toBeGreaterThan(0)
    await page.click('[data-tidy-up]')
    // A participant re-arranging the whole board confirms first.
    await page.click('[data-tidy-confirm-yes]')
    await page.waitForFunction(() => {
      type Editor = { getCurrentPageShapes(): { id: string; type: string }[]; getShapePageBounds(id: string): { x: number; y: number; w: number; h: number } }
      const editor = (window as unknown as { __regiebordEditor: Editor }).__regiebordEditor
      const cards = editor.getCurrentPageShapes().filter((shape) => shape.type === 'regie-actor').map((shape) => editor.getShapePageBounds(shape.id))
      return cards.every((a, i) => cards.slice(i + 1).every((b) => a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y))
    }, undefined, { timeout: 10_000 })
    await zoomToFit(page)
    await screenshot(page, 'tidy-up')
  })

  it('lets the facilitator, and only the facilitator, insert a template into a board', async () => {
    const board = await createBoard(server.url, { title: 'Invoegen' })
    const participant = await newPage()
    await joinBoard(participant, link(board, 'participant'), 'Jan')
    expect(await participant.locator('[data-template-insert]').count()).toBe(0)

    const facilitator = await newPage()
    await joinBoard(facilitator, link(board, 'facilitator'), 'Karin')
    await facilitator.selectOption('[data-template-choice]', 'bel-combinatie')
    await facilitator.click('[data-template-insert]')
    const count = templateModel('bel-combinatie', 'nl').actors.length
    await waitForActorCount(facilitator, count)
    await waitForActorCount(participant, count)
    // A second copy gets its own shapes instead of replacing the first.
    await facilitator.click('[data-template-insert]')
    await waitForActorCount(participant, 2 * count)
  })
})
