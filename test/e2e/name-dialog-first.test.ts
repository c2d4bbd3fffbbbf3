/**
 * The name dialog that index.html shows before the app's script is in (client/join/
 * name-dialog-first.ts): a resident on a slow phone can type, choose and send at once, and when
 * the script arrives the app takes the dialog over without losing a letter, the focus or the look.
 * The app's script is held back by the test (a route that answers only when told), so "before
 * the script" is a state, not a race. The content security policy is enforced (the inline script
 * is allowed by its hash), except where axe-core has to be injected.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page, Route } from 'playwright-core'
import { browserUnavailableReason, launchBrowser } from '../helpers/browser.ts'
import { startChildServer, type ChildServer } from '../helpers/child-server.ts'
import { seededWorkshopBoard } from '../helpers/seeded-board.ts'
import { tempDataDir, type BoardLinks } from '../helpers/server.ts'

const unavailable = browserUnavailableReason()
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-output/screenshots/name-dialog')
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 }
/** The app's entry chunk (Vite names it after index.html). */
const ENTRY_SCRIPT = /\/assets\/index-[A-Za-z0-9_-]+\.js$/
/** The board's details (title, role): the app asks for them once it runs. */
const BOARD_DETAILS = /\/api\/boards\/[A-Za-z0-9_-]+$/

let browser: Browser
let server: ChildServer
let board: BoardLinks
const contexts: BrowserContext[] = []

interface HeldPage {
  page: Page
  /** Console errors and uncaught errors (a CSP refusal or a hydration mismatch shows up here). */
  errors: string[]
  /** Lets the held requests through, and those that come later. */
  release(): Promise<void>
}

/** A page on which requests matching `held` wait until release() (the app's script, by default). */
async function heldPage(options: Parameters<Browser['newContext']>[0], held: RegExp[] = [ENTRY_SCRIPT]): Promise<HeldPage> {
  const context = await browser.newContext(options)
  contexts.push(context)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  const waiting: Route[] = []
  let released = false
  for (const pattern of held) {
    await page.route(pattern, (route) => {
      if (released) void route.continue()
      else waiting.push(route)
    })
  }
  return {
    page,
    errors,
    release: async () => {
      released = true
      for (const route of waiting.splice(0)) await route.continue()
    },
  }
}

const link = () => `${server.url}/b/${board.id}#t=${board.tokens.participant}`

/** React has hydrated the dialog: its elements carry React's fiber. */
async function takenOver(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const input = document.querySelector('#display-name')
    return input !== null && Object.keys(input).some((key) => key.startsWith('__reactFiber'))
  }, null, { timeout: 30_000 })
}

async function isReact(page: Page): Promise<boolean> {
  return page.evaluate(() => Object.keys(document.querySelector('#display-name') ?? {}).some((key) => key.startsWith('__reactFiber')))
}

function shotPath(name: string): string {
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  return path.join(SCREENSHOTS, `${name}.png`)
}

describe.skipIf(unavailable !== null)('the name dialog before the app is in', () => {
  beforeAll(async () => {
    server = await startChildServer({ DATA_DIR: tempDataDir() })
    browser = await launchBrowser()
    ;({ board } = await seededWorkshopBoard(server.url, server.wsUrl))
  }, 120_000)
  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
    server?.process.kill('SIGTERM')
    await server?.exited
  })

  it('can be typed into before the script, keeps the letters, caret and focus when the app takes over, and joins', async () => {
    const { page, errors, release } = await heldPage(PHONE)
    const boardCode = page.waitForRequest(/\/assets\/BoardView-[A-Za-z0-9_-]+\.js$/, { timeout: 30_000 })
    await page.goto(link(), { waitUntil: 'commit' })
    await page.waitForSelector('#display-name:focus', { timeout: 30_000 })
    expect(await isReact(page)).toBe(false)
    // The board's code is on its way already, without waiting for the app's script.
    await boardCode
    expect(await page.textContent('h1')).toBe('Meedoen met het bord')
    // Empty: the button waits for a name, as in the app.
    expect(await page.isDisabled('button[type=submit]')).toBe(true)
    await page.keyboard.type('Fatma')
    expect(await page.isEnabled('button[type=submit]')).toBe(true)
    // The caret goes back between "Fat" and "ma": the next letter must land there after the take-over.
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('ArrowLeft')
    await page.evaluate(() => ((window as unknown as { typedInto: Element | null }).typedInto = document.activeElement))

    await release()
    await takenOver(page)
    // The very element that was typed into: still there, still focused (a phone's keyboard stays up).
    expect(await page.evaluate(() => document.activeElement === (window as unknown as { typedInto: Element | null }).typedInto && document.activeElement?.id === 'display-name')).toBe(true)
    expect(await page.inputValue('#display-name')).toBe('Fatma')
    await page.keyboard.type('i')
    expect(await page.inputValue('#display-name')).toBe('Fatima')
    await page.locator('.join-role', { hasText: 'deelnemer' }).waitFor({ timeout: 30_000 })
    expect(await page.textContent('h1')).toContain('Wijkavond')
    await page.click('button[type=submit]')
    await page.waitForSelector('[data-phone-note]', { timeout: 60_000 })
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('regiebord.identity') ?? 'null')?.name)).toBe('Fatima')
    // The app's stylesheet came with the page: neither the board's code nor the canvas's fetches it again.
    await page.tap('[data-open-canvas]')
    await page.waitForSelector('[data-board-ready="true"] .tl-shape[data-shape-type="note"]', { timeout: 60_000 })
    expect(await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => /\/assets\/index-[^/]+\.css$/.test(name)))).toEqual([])
    expect(await page.$$('link[rel=stylesheet][href*="/assets/index-"]:not([disabled])')).toHaveLength(0)
    expect(errors).toEqual([])
  }, 120_000)

  it('sends the name before the script is in; the board opens once it is', async () => {
    const { page, errors, release } = await heldPage(PHONE)
    await page.goto(link(), { waitUntil: 'commit' })
    await page.waitForSelector('#display-name:focus', { timeout: 30_000 })
    await page.click('input[name=colour][value="#2f9e44"]')
    await page.fill('#display-name', '  Noor  ')
    await page.keyboard.press('Enter')
    // It says what happens, where a screen reader hears it, and the name cannot be sent twice.
    await page.locator('.join-role[role=status]', { hasText: 'Bord laden…' }).waitFor()
    expect(await page.isDisabled('button[type=submit]')).toBe(true)
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('regiebord.identity') ?? 'null'))).toMatchObject({ name: 'Noor', colour: '#2f9e44', id: expect.stringMatching(/^[0-9a-f]{24}$/) })
    await page.screenshot({ path: shotPath('sent-before-script-390x844') })

    await release()
    await page.waitForSelector('[data-phone-note]', { timeout: 60_000 })
    expect(await page.$('#display-name')).toBeNull()
    expect(errors).toEqual([])
  }, 120_000)

  it('switches to English before the script is in, keeping the name, and the app stays in English', async () => {
    const { page, errors, release } = await heldPage(PHONE)
    await page.goto(link(), { waitUntil: 'commit' })
    await page.waitForSelector('#display-name:focus', { timeout: 30_000 })
    await page.keyboard.type('Sam')
    const colour = await page.getAttribute('input[name=colour]:checked', 'value')
    await page.selectOption('select', 'en')
    expect(await page.textContent('h1')).toBe('Join the board')
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    expect(await page.inputValue('#display-name')).toBe('Sam')
    expect(await page.getAttribute('input[name=colour]:checked', 'value')).toBe(colour)
    expect(await isReact(page)).toBe(false)

    await release()
    await takenOver(page)
    expect(await page.textContent('button[type=submit]')).toBe('Go to the board')
    expect(await page.inputValue('#display-name')).toBe('Sam')
    // The app's own switch works on the adopted dialog.
    await page.selectOption('select', 'nl')
    await page.locator('button[type=submit]', { hasText: 'Naar het bord' }).waitFor()
    expect(await page.inputValue('#display-name')).toBe('Sam')
    expect(errors).toEqual([])
  }, 120_000)

  it('looks the same before and after the app takes over, with 44 px targets, at phone, projector and laptop sizes', async () => {
    const sizes = [
      { name: '390x844', options: PHONE },
      { name: '360x740', options: { ...PHONE, viewport: { width: 360, height: 740 } } },
      { name: '1280x720', options: { viewport: { width: 1280, height: 720 } } },
      { name: '1440x900', options: { viewport: { width: 1440, height: 900 } } },
    ]
    for (const { name, options } of sizes) {
      // The board's details are held too: once in, the title and role line change (as they should).
      const { page, errors, release } = await heldPage(options, [ENTRY_SCRIPT, BOARD_DETAILS])
      await page.goto(link(), { waitUntil: 'commit' })
      await page.waitForSelector('#display-name:focus', { timeout: 30_000 })
      await page.keyboard.type('Fatima')
      for (const target of ['#display-name', 'select', 'button[type=submit]', 'label.colour']) {
        const box = await page.locator(target).first().boundingBox()
        expect(box?.height ?? 0, `${target} at ${name}`).toBeGreaterThanOrEqual(44)
        expect(box?.width ?? 0, `${target} at ${name}`).toBeGreaterThanOrEqual(44)
      }
      const before = await page.screenshot({ path: shotPath(`before-script-${name}`), caret: 'hide' })
      await page.unroute(BOARD_DETAILS)
      await page.route(BOARD_DETAILS, () => undefined)
      await release()
      await takenOver(page)
      const after = await page.screenshot({ path: shotPath(`taken-over-${name}`), caret: 'hide' })
      expect(after.equals(before), `the dialog at ${name} looks the same before and after the take-over`).toBe(true)
      expect(errors).toEqual([])
    }
  }, 240_000)

  it('shows nothing before the script where no name is asked: a returning resident, the start page', async () => {
    const { page, release } = await heldPage(PHONE)
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) localStorage.setItem('regiebord.identity', JSON.stringify({ id: 'abc', name: 'Els', colour: '#1971c2' }))
      sessionStorage.setItem('seeded', 'yes')
    })
    // The page is read and its inline script has run; the app's script (held) has not.
    const parsed = () => page.waitForFunction(() => document.readyState === 'interactive', null, { timeout: 30_000 })
    await page.goto(link(), { waitUntil: 'commit' })
    await parsed()
    expect(await page.$('#display-name')).toBeNull()
    await page.goto(`${server.url}/`, { waitUntil: 'commit' })
    await parsed()
    expect(await page.$('#display-name')).toBeNull()
    // A board link without its token: the app explains; the dialog would be no use.
    await page.goto(`${server.url}/b/${board.id}`, { waitUntil: 'commit' })
    await parsed()
    expect(await page.$('#display-name')).toBeNull()
    // The check itself works: the same page with the token asks for the name.
    await page.evaluate(() => localStorage.removeItem('regiebord.identity'))
    await release()
  }, 60_000)

  it('has no serious or critical axe violations before the script is in', async () => {
    // axe-core is injected inline, which the CSP would refuse.
    const { page, release } = await heldPage({ ...PHONE, bypassCSP: true })
    await page.goto(link(), { waitUntil: 'commit' })
    await page.waitForSelector('#display-name:focus', { timeout: 30_000 })
    await page.addScriptTag({ content: AXE_SOURCE })
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string | null; help: string }[] }> } }).axe
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
      return result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.help}`)
    })
    expect(await isReact(page)).toBe(false)
    expect(violations).toEqual([])
    await release()
  }, 60_000)
})
