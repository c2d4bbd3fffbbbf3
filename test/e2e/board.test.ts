/**
 * The product as a person uses it: Chromium against the real server (a child process serving the
 * built client), two browser contexts as two people. Each test makes its own board (and the one
 * that stops the server has its own server), so one that fails or times out leaves the others
 * their starting state.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { browserUnavailableReason, launchBrowser } from '../helpers/browser.ts'
import { freePort, startChildServer, type ChildServer } from '../helpers/child-server.ts'
import { createBoard, tempDataDir, type BoardLinks } from '../helpers/server.ts'
import * as Y from 'yjs'
import { openSqliteStorage } from '../../server/storage/sqlite.ts'

const unavailable = browserUnavailableReason()
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-output/screenshots')

let browser: Browser
let server: ChildServer
let dataDir: string
const contexts: BrowserContext[] = []
const outsideRequests: string[] = []

type Links = Record<keyof BoardLinks['tokens'], string>

/** A new board of its own for a test, and its three links as the start page shows them. */
async function newBoard(baseUrl = server.url, title = 'Wijkavond'): Promise<Links> {
  const board = await createBoard(baseUrl, { title })
  const link = (token: string) => `${baseUrl}/b/${board.id}#t=${token}`
  return { facilitator: link(board.tokens.facilitator), participant: link(board.tokens.participant), viewer: link(board.tokens.viewer) }
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 750 } })
  contexts.push(context)
  const page = await context.newPage()
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (!['data:', 'blob:'].includes(url.protocol) && url.hostname !== '127.0.0.1') outsideRequests.push(request.url())
  })
  return page
}

async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) })
}

/** Opens a board link, answers the name question and waits for the canvas. */
async function joinBoard(page: Page, link: string, name: string): Promise<void> {
  await page.goto(link)
  await page.fill('#display-name', name)
  await page.click('button[type=submit]')
  await page.waitForSelector('[data-board-ready="true"] .tl-canvas', { timeout: 20_000 })
}

function shapeCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __regiebordEditor: { getCurrentPageShapes(): unknown[] } }).__regiebordEditor.getCurrentPageShapes().length)
}

/** The ids of the shapes on the current page, sorted. */
function shapeIds(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as { __regiebordEditor: { getCurrentPageShapes(): Array<{ id: string }> } }).__regiebordEditor
      .getCurrentPageShapes()
      .map((shape) => shape.id)
      .sort(),
  )
}

async function waitForShapes(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) => (window as unknown as { __regiebordEditor?: { getCurrentPageShapes(): unknown[] } }).__regiebordEditor?.getCurrentPageShapes().length === n,
    count,
    { timeout: 15_000 },
  )
}

async function drawRectangle(page: Page, x: number, y: number): Promise<void> {
  await page.keyboard.press('r')
  await page.mouse.move(x, y)
  await page.mouse.down()
  await page.mouse.move(x + 120, y + 80, { steps: 5 })
  await page.mouse.up()
  await page.keyboard.press('Escape')
}

describe.skipIf(unavailable !== null)('board in the browser', () => {
  beforeAll(async () => {
    dataDir = tempDataDir()
    server = await startChildServer({ DATA_DIR: dataDir })
    browser = await launchBrowser()
  })

  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close()
    // The product makes no third-party network calls: checked after every test, for its pages.
    expect(outsideRequests.splice(0)).toEqual([])
  })

  afterAll(async () => {
    await browser?.close()
    server?.process.kill('SIGKILL')
  })

  it('creates a board on the start page and shows three invite links and a QR code', async () => {
    const page = await newPage()
    await page.goto(server.url)
    expect(await page.getAttribute('html', 'lang')).toBe('nl')
    await page.fill('#board-title', 'Wijkavond Rhoon')
    await page.click('button[type=submit]')
    await page.waitForSelector('#participant')
    const links = {
      facilitator: await page.inputValue('#facilitator'),
      participant: await page.inputValue('#participant'),
      viewer: await page.inputValue('#viewer'),
    }
    for (const link of Object.values(links)) expect(link).toMatch(new RegExp(`^${server.url}/b/[a-z0-9]+#t=[A-Za-z0-9_-]{43}$`))
    expect(await page.locator('.qr svg').count()).toBe(1)
    await screenshot(page, 'start-page')
  })

  it('lets two people draw together and see each other', async () => {
    const links = await newBoard()
    const anna = await newPage()
    const bram = await newPage()
    await joinBoard(anna, links.facilitator, 'Anna')
    await joinBoard(bram, links.participant, 'Bram')
    await drawRectangle(anna, 450, 300)
    await waitForShapes(bram, 1)
    // Cursors: Anna moves, Bram sees her name tag.
    await anna.mouse.move(600, 350, { steps: 5 })
    await bram.waitForSelector('.tl-nametag:has-text("Anna")', { timeout: 10_000 })
    await screenshot(bram, 'two-people')
    // tldraw's own UI speaks Dutch too.
    await anna.click('[data-testid="main-menu.button"]')
    await anna.waitForSelector('text=Bewerken', { timeout: 5_000 })
    await anna.keyboard.press('Escape')
  })

  it('keeps everything across a reload and remembers the name', async () => {
    const links = await newBoard()
    const page = await newPage()
    await joinBoard(page, links.participant, 'Carla')
    await drawRectangle(page, 450, 300)
    await waitForShapes(page, 1)
    await page.reload()
    // No name question this time: straight to the board.
    await page.waitForSelector('[data-board-ready="true"] .tl-canvas', { timeout: 20_000 })
    expect(await shapeCount(page)).toBe(1)
  })

  it('brings an edit made while the server was down to the other person once it is back', async () => {
    // A server of its own: stopping it must not take the other tests' server down.
    const ownDataDir = tempDataDir()
    const port = await freePort()
    let own = await startChildServer({ DATA_DIR: ownDataDir }, port)
    try {
      const links = await newBoard(own.url)
      const anna = await newPage()
      const bram = await newPage()
      await joinBoard(anna, links.participant, 'Anna')
      await joinBoard(bram, links.participant, 'Bram')
      await drawRectangle(anna, 450, 300)
      await waitForShapes(bram, 1)
      own.process.kill('SIGTERM')
      await own.exited
      await anna.waitForSelector('.connection-indicator:not([data-state="connected"])', { timeout: 10_000 })
      await drawRectangle(anna, 500, 200)
      await waitForShapes(anna, 2)
      await anna.waitForSelector('.connection-indicator .unsynced', { timeout: 5_000 })
      await screenshot(anna, 'offline-edit')
      own = await startChildServer({ DATA_DIR: ownDataDir }, port)
      await waitForShapes(bram, 2)
      await anna.waitForSelector('.connection-indicator[data-state="connected"]', { timeout: 15_000 })
      expect(await anna.locator('.connection-indicator .unsynced').count()).toBe(0)
    } finally {
      own.process.kill('SIGKILL')
    }
  })

  it('does not let a viewer draw', async () => {
    const links = await newBoard()
    const facilitator = await newPage()
    const viewer = await newPage()
    await joinBoard(facilitator, links.facilitator, 'Fenna')
    await joinBoard(viewer, links.viewer, 'Kijker')
    await drawRectangle(facilitator, 450, 300)
    await waitForShapes(viewer, 1)
    await drawRectangle(viewer, 500, 450)
    // A barrier rather than a pause: the facilitator's next shape reaches the viewer after
    // whatever the viewer's drawing did, and both still see only the facilitator's shapes.
    await drawRectangle(facilitator, 650, 300)
    await waitForShapes(facilitator, 2)
    const facilitatorShapes = await shapeIds(facilitator)
    await viewer.waitForFunction(
      (ids) => ids.every((id) => (window as unknown as { __regiebordEditor: { getShape(id: string): unknown } }).__regiebordEditor.getShape(id) !== undefined),
      facilitatorShapes,
      { timeout: 15_000 },
    )
    expect(await shapeIds(viewer)).toEqual(facilitatorShapes)
    expect(await shapeIds(facilitator)).toEqual(facilitatorShapes)
    expect(await viewer.locator('.readonly-badge').count()).toBe(1)
    await screenshot(viewer, 'viewer')
  })

  it('asks to reload, and does not write, when the board was made by a newer version', async () => {
    const board = await createBoard(server.url, { title: 'Toekomst' })
    // Stored as a newer release would have stored it (clients may not write the label): a schema
    // with a sequence this client does not know, and a record that uses it. Written straight to
    // the database, before the server loads the board.
    const storage = openSqliteStorage(dataDir)
    const { updates } = await storage.loadUpdates(board.id)
    const doc = new Y.Doc()
    for (const update of updates) Y.applyUpdate(doc, update)
    const before = Y.encodeStateVector(doc)
    const label = doc.getMap<unknown>('meta').get('schema') as { sequences: Record<string, number> }
    doc.transact(() => {
      doc.getMap('meta').set('schema', { schemaVersion: 2, sequences: { ...label.sequences, 'com.tldraw.shape.rocket': 1 } })
      doc.getArray('tl_records').push([{ key: 'shape:rocket', val: { id: 'shape:rocket', typeName: 'shape', type: 'rocket', parentId: 'page:page' } }])
    })
    await storage.appendUpdate(board.id, Y.encodeStateAsUpdate(doc, before))
    await storage.close()
    const page = await newPage()
    await joinBoard(page, `${server.url}/b/${board.id}#t=${board.tokens.participant}`, 'Dirk')
    await page.waitForSelector('text=Pagina opnieuw laden', { timeout: 10_000 })
    expect(await page.locator('.readonly-badge').count()).toBe(1)
    await screenshot(page, 'schema-too-new')
  })

  it('uploads a dropped image to the server and keeps only its URL in the board', async () => {
    const links = await newBoard()
    const page = await newPage()
    await joinBoard(page, links.participant, 'Eva')
    const src = await page.evaluate(async () => {
      // 1×1 PNG
      const bytes = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='), (c) => c.charCodeAt(0))
      const file = new File([bytes], 'stip.png', { type: 'image/png' })
      type Editor = { putExternalContent(c: object): Promise<void>; getAssets(): Array<{ props: { src: string | null } }> }
      const editor = (window as unknown as { __regiebordEditor: Editor }).__regiebordEditor
      await editor.putExternalContent({ type: 'files', files: [file], point: { x: 100, y: 100 } })
      for (let i = 0; i < 100 && !editor.getAssets()[0]?.props.src; i++) await new Promise((r) => setTimeout(r, 50))
      return editor.getAssets()[0]?.props.src ?? null
    })
    expect(src).toMatch(/^\/api\/boards\/[a-z0-9]+\/assets\/[a-z0-9]{24}\.png$/)
    const served = await fetch(`${server.url}${src}`)
    expect(served.headers.get('content-type')).toBe('image/png')
  })

  it('switches our texts and tldraw to English and back', async () => {
    const links = await newBoard()
    const page = await newPage()
    await joinBoard(page, links.participant, 'Femke')
    await page.waitForSelector('.connection-indicator:has-text("Verbonden")')
    await page.selectOption('.board-bar select', 'en')
    await page.waitForSelector('.connection-indicator:has-text("Connected")')
    await page.click('[data-testid="main-menu.button"]')
    await page.waitForSelector('text=Edit', { timeout: 5_000 })
    await page.keyboard.press('Escape')
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    await page.selectOption('.board-bar select', 'nl')
    await page.waitForSelector('.connection-indicator:has-text("Verbonden")')
  })

  it('says in Dutch that a wrong link does not work', async () => {
    const links = await newBoard()
    const page = await newPage()
    await page.goto(links.participant.replace(/#t=.*/, '#t=wrong-token'))
    await page.waitForSelector('[data-board-error]')
    expect(await page.textContent('[data-board-error]')).toContain('Deze link werkt niet')
  })
})
