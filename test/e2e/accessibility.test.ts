/**
 * Accessibility of our own UI: axe-core in Chromium on the start page, the join dialog, the
 * outline view, the facilitator panel and the text pages (zero serious or critical violations),
 * and a session taken part in with the keyboard alone. The tldraw canvas is left out of the axe
 * runs: it is tldraw's, and the accessibility statement says what it cannot do.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { browserUnavailableReason, launchBrowser } from '../helpers/browser.ts'
import { freePort, startChildServer, type ChildServer } from '../helpers/child-server.ts'
import { createBoard, tempDataDir, type BoardLinks } from '../helpers/server.ts'

const unavailable = browserUnavailableReason()
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

let browser: Browser
let server: ChildServer
const contexts: BrowserContext[] = []

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: unknown[] }[]
}

async function newPage(): Promise<Page> {
  // Our CSP allows no inline scripts; the test injects axe-core inline, so it bypasses the CSP.
  const context = await browser.newContext({ viewport: { width: 1280, height: 850 }, bypassCSP: true })
  contexts.push(context)
  return context.newPage()
}

/** Serious and critical axe violations inside `include` (the whole page by default). */
async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE })
  const violations = await page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe
    const result = await axe.run(selector ? { include: [selector] } : document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    return result.violations
  }, include ?? null)
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${JSON.stringify(violation.nodes.map((node) => node.target))}`)
}

async function joinByMouse(page: Page, link: string, name: string): Promise<void> {
  await page.goto(link)
  await page.fill('#display-name', name)
  await page.click('button[type=submit]')
  await page.waitForSelector('[data-board-ready="true"] .tl-canvas', { timeout: 20_000 })
}

describe.skipIf(unavailable !== null)('accessibility', () => {
  let board: BoardLinks
  const link = (role: keyof BoardLinks['tokens']) => `${server.url}/b/${board.id}#t=${board.tokens[role]}`

  beforeAll(async () => {
    server = await startChildServer({ DATA_DIR: tempDataDir() }, await freePort())
    browser = await launchBrowser()
    board = await createBoard(server.url, { title: 'Toegankelijk', template: 'co-creatie-co-productie-uitbesteding' })
  })

  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
    server?.process.kill('SIGKILL')
  })

  it('start page, accessibility statement and privacy page have no serious violations', async () => {
    const page = await newPage()
    for (const path of ['/', '/toegankelijkheid', '/privacy']) {
      await page.goto(`${server.url}${path}`)
      await page.waitForSelector('h1')
      expect(await page.getAttribute('html', 'lang')).toBe('nl')
      expect(await seriousViolations(page), path).toEqual([])
    }
    // The check itself works: a button without a name is found.
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('button'), { id: 'planted' })))
    expect((await seriousViolations(page)).join()).toContain('button-name')
  })

  it('the join dialog has no serious violations', async () => {
    const page = await newPage()
    await page.goto(link('participant'))
    await page.waitForSelector('#display-name')
    expect(await seriousViolations(page)).toEqual([])
  })

  it('the outline view and the facilitator panel have no serious violations', async () => {
    const page = await newPage()
    await joinByMouse(page, link('facilitator'), 'Fenna')
    await page.click('[data-session-tab]')
    expect(await seriousViolations(page, '.regie-sidebar')).toEqual([])
    await page.click('[data-outline-toggle]')
    await page.waitForSelector('[data-outline-view]')
    expect(await seriousViolations(page, '[data-outline-view]')).toEqual([])
    expect(await seriousViolations(page, '.board-bar')).toEqual([])
  })

  it('lets someone join, add a note to a lane and vote with the keyboard alone', async () => {
    const page = await newPage()
    await page.goto(link('participant'))
    await page.waitForSelector('#display-name:focus')
    // The name field has focus; type, Tab through the colours to the button, Enter.
    await page.keyboard.type('Toetsenbord Tineke')
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab')
      if (await page.evaluate(() => (document.activeElement as HTMLButtonElement | null)?.type === 'submit')) break
    }
    await page.keyboard.press('Enter')
    await page.waitForSelector('[data-board-ready="true"] .tl-canvas', { timeout: 20_000 })

    // The first Tab stop on the board is the way to the text view.
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('skip-link')
    await page.keyboard.press('Enter')
    await page.waitForSelector('[data-outline-view]')
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1')

    // Tab to the frame choice, pick the first lane with the arrow keys, then the text and the button.
    await tabTo(page, '[data-outline-frame]')
    await page.keyboard.press('ArrowDown')
    await tabTo(page, '[data-outline-text]')
    await page.keyboard.type('Buurtbudget per straat')
    await tabTo(page, '[data-outline-add]')
    await page.keyboard.press('Enter')
    await page.waitForSelector('li[data-outline-item="note"]:has-text("Buurtbudget per straat")')
    const parentName = await page.evaluate(() => {
      type Editor = { getCurrentPageShapes(): Array<{ type: string; parentId: string; props: { name?: string } }>; getShape(id: string): { props: { name?: string } } | undefined }
      const editor = (window as unknown as { __regiebordEditor: Editor }).__regiebordEditor
      const note = editor.getCurrentPageShapes().find((shape) => shape.type === 'note')
      return note ? editor.getShape(note.parentId)?.props.name : null
    })
    expect(parentName).toBe('Co-creatie')

    // The facilitator opens a voting round on the new note; Tineke votes with Tab and Enter.
    const noteId = await page.evaluate(() => {
      type Editor = { getCurrentPageShapes(): Array<{ id: string; type: string }> }
      return (window as unknown as { __regiebordEditor: Editor }).__regiebordEditor.getCurrentPageShapes().find((shape) => shape.type === 'note')?.id
    })
    const started = await fetch(`${server.url}/api/boards/${board.id}/session/voting`, {
      method: 'POST',
      headers: { authorization: `Bearer ${board.tokens.facilitator}`, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'start', shapeIds: [noteId], votesPerPerson: 1, maxPerShape: 1, minutes: null }),
    })
    expect(started.status).toBe(200)
    await page.waitForSelector('[data-outline-vote]')
    await tabTo(page, '[data-outline-vote]')
    await page.keyboard.press('Enter')
    await page.waitForSelector('[data-votes-remaining="0"]')
  })
})

/** Presses Tab until the element matching `selector` has focus (a keyboard user's way there). */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${selector}`)
}
