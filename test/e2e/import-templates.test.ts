/**
 * The arrangements import and own templates as a facilitator uses them, in Chromium against the
 * server as `npm start` runs it: the preview shows what was read and what was not, a kind gets
 * fixed, the board is made and laid out; a board saved as a template appears on the start page,
 * and a new board from it has the original's structure.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { recordsToModel } from '../../shared/board/records-to-model.ts'
import type { BoardFile } from '../../shared/export/board-file.ts'
import type { RegieModel } from '../../shared/regie/model.ts'
import { browserUnavailableReason, launchBrowser } from '../helpers/browser.ts'
import { freePort, startChildServer, type ChildServer } from '../helpers/child-server.ts'
import { createBoard, tempDataDir, type BoardLinks } from '../helpers/server.ts'

const unavailable = browserUnavailableReason()
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-output/screenshots')
const DOCS = path.resolve(import.meta.dirname, '../../docs')

let browser: Browser
let server: ChildServer
const contexts: BrowserContext[] = []

async function newPage(viewport = { width: 1440, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport })
  contexts.push(context)
  return context.newPage()
}

async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage })
}

async function boardModel(board: { id: string; tokens: { viewer: string } }): Promise<RegieModel<string>> {
  const response = await fetch(`${server.url}/api/boards/${board.id}/export.json`, { headers: { authorization: `Bearer ${board.tokens.viewer}` } })
  const file = (await response.json()) as BoardFile
  return recordsToModel([...file.records, ...file.structure])
}

function structure(model: RegieModel<string>) {
  const names = new Map(model.actors.map((actor) => [actor.id, `${actor.kind}:${actor.name}`]))
  return {
    actors: [...names.values()].sort(),
    relations: model.relations.map((r) => `${names.get(r.from)} ${r.kind} ${names.get(r.to)} ${r.label ?? ''}`).sort(),
    groups: model.groups.map((group) => `${group.kind}:${group.title}`).sort(),
    blocks: model.blocks.map((block) => `${block.type}:${'title' in block ? block.title : ''}`).sort(),
  }
}

/** A file with one unknown relation word, one unknown actor kind, one empty row and two broken rows. */
const MIXED_CSV = [
  'Actor A,Relation,Actor B,Label,Commissioner,RAD reference',
  'Gemeente Ermelo,Outsourcing,GR Noord-Veluwe,Belastingen,Gemeente Ermelo,RAD 2024',
  'Gemeente Ermelo,Subsidie,Stichting Welzijn Ermelo,Ouderenwerk,,',
  ',,,,,',
  'Gemeente Ermelo,Advies,,Adviesraad,,',
  '=SOM(A1:A3),Deelname,Regio Noord-Veluwe,,,',
  'Gemeente Ermelo,Deelname,Waterschap Vallei en Veluwe,,,',
].join('\n')
const MIXED_ACTORS = ['Name,Kind', 'Waterschap Vallei en Veluwe,Waterschap', 'Gemeente Ermelo,Municipality'].join('\n')

describe.skipIf(unavailable !== null)('import and own templates in the browser', () => {
  beforeAll(async () => {
    server = await startChildServer({ DATA_DIR: tempDataDir(), ADMIN_TOKEN: 'beheer-0123456789abcdef0123456789' }, await freePort())
    browser = await launchBrowser()
  })

  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
    server?.process.kill('SIGKILL')
  }, 120_000)

  it('previews a file, shows the rows it could not read, lets a kind be fixed, and makes the board', async () => {
    const page = await newPage()
    await page.goto(server.url)
    await page.click('[data-open-arrangements-import]')
    const input = page.locator('[data-import-files]')
    await input.setInputFiles([
      { name: 'regelingen.csv', mimeType: 'text/csv', buffer: Buffer.from(MIXED_CSV) },
      { name: 'actoren.csv', mimeType: 'text/csv', buffer: Buffer.from(MIXED_ACTORS) },
    ])
    await page.waitForSelector('[data-import-preview]', { timeout: 20_000 })
    expect(await page.textContent('[data-import-summary]')).toContain('3 regelingen')
    // Two rows could not be read; each names its row, column and value.
    const problemRows = await page.locator('[data-import-problems] tbody tr').allTextContents()
    expect(problemRows).toHaveLength(2)
    expect(problemRows[0]).toContain('5')
    expect(problemRows[0]).toContain('Actor B')
    expect(problemRows[1]).toContain('=SOM(A1:A3)')
    expect(problemRows[1]).toContain('formule')
    // Nothing can be imported while "Subsidie" and the Waterschap's kind are open.
    await expect.poll(() => page.locator('[data-import-submit]').isDisabled()).toBe(true)
    expect(await page.textContent('[data-import-blocker]')).toContain('Waterschap Vallei en Veluwe')
    await page.locator('[data-import-actors] summary').isVisible()
    await screenshot(page, 'import-preview-1440', true)

    await page.selectOption('[data-actor-kind="Waterschap Vallei en Veluwe"]', 'uitvoeringsorganisatie')
    // The list stays open while the user works in it.
    expect(await page.locator('[data-import-actors]').getAttribute('open')).not.toBeNull()
    expect(await page.textContent('[data-import-blocker]')).toContain('Subsidie')
    await page.selectOption('[data-relation-kind-fix="Subsidie"]', 'uitbesteding')
    await expect.poll(() => page.locator('[data-import-submit]').isEnabled()).toBe(true)
    expect(await page.textContent('[data-import-submit]')).toContain('3 regelingen')
    await page.fill('#import-title', 'Regelingen Ermelo')
    await screenshot(page, 'import-preview-fixed-1440', true)

    await page.click('[data-import-submit]')
    await page.waitForSelector('[data-import-done]', { timeout: 30_000 })
    expect(await page.textContent('[data-import-done]')).toContain('Regiecheck')
    const facilitatorLink = await page.locator('#facilitator').inputValue()
    const [, boardId, token] = facilitatorLink.match(/\/b\/([^#]+)#t=(.+)$/)!
    const model = await boardModel({ id: boardId!, tokens: { viewer: token! } })
    expect(model.actors.map((actor) => `${actor.name}:${actor.kind}`).sort()).toEqual([
      'GR Noord-Veluwe:uitvoeringsorganisatie',
      'Gemeente Ermelo:gemeente',
      'Stichting Welzijn Ermelo:maatschappelijke-organisatie',
      'Waterschap Vallei en Veluwe:uitvoeringsorganisatie',
    ])
    expect(model.relations.map((relation) => relation.kind).sort()).toEqual(['deelname', 'opdrachtgeverschap', 'uitbesteding', 'uitbesteding'])

    // The board opens laid out, and the regiecheck has looked at it.
    await page.goto(facilitatorLink)
    await page.fill('#display-name', 'Procesbegeleider')
    await page.click('button[type=submit]')
    await page.waitForSelector('[data-board-ready="true"] .tl-canvas', { timeout: 30_000 })
    await page.waitForFunction(() => (window as unknown as { __regiebordEditor?: unknown }).__regiebordEditor !== undefined)
    await page.evaluate(() => {
      ;(window as unknown as { __regiebordEditor: { zoomToFit(): void } }).__regiebordEditor.zoomToFit()
    })
    await page.waitForFunction(() => document.querySelectorAll('.tl-shape').length > 4)
    await screenshot(page, 'import-board-1440')
  }, 120_000)

  it('shows the preview on a phone and on a projector without horizontal page scrolling', async () => {
    for (const [name, viewport] of [
      ['390', { width: 390, height: 844 }],
      ['1280', { width: 1280, height: 720 }],
    ] as const) {
      const page = await newPage(viewport)
      await page.goto(server.url)
      await page.click('[data-open-arrangements-import]')
      await page.locator('[data-import-files]').setInputFiles(path.join(DOCS, 'voorbeeld-regelingen.xlsx'))
      await page.waitForSelector('[data-import-preview]', { timeout: 20_000 })
      expect(await page.textContent('[data-import-summary]')).toContain('31 regelingen en 25 actoren')
      await page.click('[data-import-relations] summary')
      await page.locator('[data-import-preview]').scrollIntoViewIfNeeded()
      await screenshot(page, `import-preview-xlsx-${name}`)
      expect(await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }))).toEqual({ page: viewport.width, window: viewport.width })
    }
  }, 120_000)

  it('lets the facilitator put a spreadsheet on the open board, next to what is there', async () => {
    const board: BoardLinks = await createBoard(server.url, { title: 'Regio', template: 'co-creatie-co-productie-uitbesteding' })
    const page = await newPage({ width: 1280, height: 720 })
    await page.goto(`${server.url}/b/${board.id}#t=${board.tokens.facilitator}`)
    await page.fill('#display-name', 'Procesbegeleider')
    await page.click('button[type=submit]')
    await page.waitForSelector('[data-board-ready="true"] .tl-canvas', { timeout: 30_000 })
    await page.waitForSelector('.regie-sidebar [data-open-arrangements-import]')
    const before = await page.evaluate(() => (window as unknown as { __regiebordEditor: { getCurrentPageShapes(): unknown[] } }).__regiebordEditor.getCurrentPageShapes().length)
    await page.click('.regie-sidebar [data-open-arrangements-import]')
    await page.locator('dialog [data-import-files]').setInputFiles(path.join(DOCS, 'voorbeeld-regelingen.xlsx'))
    await page.waitForSelector('dialog [data-import-preview]', { timeout: 20_000 })
    await screenshot(page, 'import-dialog-board-1280')
    expect(await page.textContent('dialog [data-import-submit]')).toContain('31 regelingen op het bord zetten')
    await page.click('dialog [data-import-submit]')
    await page.waitForFunction(
      () => (window as unknown as { __regiebordEditor: { getCurrentPageShapes(): { type: string }[] } }).__regiebordEditor.getCurrentPageShapes().filter((shape) => shape.type === 'regie-actor').length === 25,
      undefined,
      { timeout: 60_000 },
    )
    const after = await page.evaluate(() => (window as unknown as { __regiebordEditor: { getCurrentPageShapes(): unknown[] } }).__regiebordEditor.getCurrentPageShapes().length)
    expect(after).toBeGreaterThan(before + 25)
    // Stored for everyone: the server's export lists the imported arrangements.
    await expect
      .poll(async () => (await boardModel(board)).relations.length, { timeout: 20_000 })
      .toBe(39)
    await screenshot(page, 'import-into-board-1280')
  }, 120_000)

  it('saves a board as a template, lists it on the start page, and a new board from it has the same structure', async () => {
    const original: BoardLinks = await createBoard(server.url, { title: 'Drechtsteden 2026', template: 'organisatienetwerk-drechtsteden' })
    const page = await newPage()
    await page.goto(`${server.url}/b/${original.id}#t=${original.tokens.facilitator}`)
    await page.fill('#display-name', 'Procesbegeleider')
    await page.click('button[type=submit]')
    await page.waitForSelector('[data-board-ready="true"] .tl-canvas', { timeout: 30_000 })
    await page.waitForSelector('.regie-sidebar')
    await page.click('[data-open-save-template]')
    await page.waitForSelector('[data-save-template]')
    await page.fill('#template-title', 'Netwerk van zeven gemeenten')
    await page.fill('#template-description', 'Zeven zelfstandige gemeenten met een netwerk van ambtelijke organisaties.')
    await screenshot(page, 'save-template-1440')
    await page.click('[data-save-template-submit]')
    await page.waitForSelector('[data-save-template-status]', { timeout: 20_000 })
    expect(await page.textContent('[data-save-template-status]')).toContain('startpagina')

    const start = await newPage()
    await start.goto(server.url)
    await start.waitForSelector('#board-template optgroup[data-own-templates] option', { state: 'attached' })
    const value = await start.locator('#board-template optgroup[data-own-templates] option', { hasText: 'Netwerk van zeven gemeenten' }).getAttribute('value')
    await start.selectOption('#board-template', value!)
    expect(await start.textContent('[data-own-template-description]')).toContain('Zeven zelfstandige gemeenten')
    await screenshot(start, 'start-own-template-1440')
    await start.click('form.create-form button[type=submit]')
    await start.waitForSelector('#facilitator', { timeout: 30_000 })
    const link = await start.locator('#facilitator').inputValue()
    const [, boardId, token] = link.match(/\/b\/([^#]+)#t=(.+)$/)!
    const copy = await boardModel({ id: boardId!, tokens: { viewer: token! } })
    expect(structure(copy)).toEqual(structure(await boardModel(original)))
    expect(copy.actors.length).toBeGreaterThan(5)
  }, 120_000)
})
