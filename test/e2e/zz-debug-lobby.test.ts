/**
 * The waiting room ("wachtkamer") and server-issued identities in the browser: the facilitator
 * switches it on, lets one person in, turns another away, and sets someone view-only, who stays
 * view-only after reloading with a fresh identity store.
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

async function open(board: BoardLinks, role: keyof BoardLinks['tokens'], name: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport })
  contexts.push(context)
  const page = await context.newPage()
  page.on('console', (m) => console.log(name, 'console', m.type(), m.text().slice(0, 300)))
  page.on('pageerror', (e) => console.log(name, 'pageerror', e.message))
  page.on('websocket', (ws) => { ws.on('close', () => console.log(name, 'ws closed', ws.url())) })
  page.on('framenavigated', (f) => console.log(name, 'nav', f.url()))
  await page.goto(`${server.url}/b/${board.id}#t=${board.tokens[role]}`)
  await page.fill('#display-name', name)
  console.log('STEP', "'button[type=submit]'"); await page.click('button[type=submit]')
  return page
}

async function openBoard(board: BoardLinks, role: keyof BoardLinks['tokens'], name: string): Promise<Page> {
  const page = await open(board, role, name)
  console.log('STEP', '\'[data-board-ready="true"] .tl-canvas\''); await page.waitForSelector('[data-board-ready="true"] .tl-canvas', { timeout: 30_000 })
  console.log('STEP', "'[data-session-tab]'"); await page.click('[data-session-tab]')
  return page
}

async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) })
}

describe.skipIf(unavailable !== null)('the waiting room in the browser', () => {
  let board: BoardLinks
  let facilitator: Page

  beforeAll(async () => {
    server = await startChildServer({ DATA_DIR: tempDataDir() }, await freePort())
    browser = await launchBrowser()
    board = await createBoard(server.url, { title: 'Buurtavond Oosterhout' })
    facilitator = await openBoard(board, 'facilitator', 'Fenna')
  })

  afterAll(async () => {
    console.log('SERVER', server.output().slice(-6000))
    for (const context of contexts) await context.close()
    await browser?.close()
    server?.process.kill('SIGKILL')
  })

  it('keeps newcomers waiting until the facilitator lets one in and turns another away', async () => {
    console.log('STEP', "'[data-lobby-toggle]'"); await facilitator.click('[data-lobby-toggle]')
    console.log('STEP', '\'[data-lobby="on"]\''); await facilitator.waitForSelector('[data-lobby="on"]')

    const carla = await open(board, 'participant', 'Carla', { width: 390, height: 844 })
    console.log('STEP', "'[data-waiting-room]'"); await carla.waitForSelector('[data-waiting-room]', { timeout: 20_000 })
    expect(await carla.textContent('[data-waiting-room]')).toContain('Je bent in de wachtkamer')
    await screenshot(carla, 'lobby-waiting-phone')
    const dirk = await open(board, 'participant', 'Dirk')
    console.log('STEP', "'[data-waiting-room]'"); await dirk.waitForSelector('[data-waiting-room]', { timeout: 20_000 })
    await screenshot(dirk, 'lobby-waiting-laptop')
    // Nothing of the board reached the waiting browsers.
    expect(await carla.locator('.tl-canvas').count()).toBe(0)

    console.log('STEP', '\'[data-waiting="Carla"]\''); await facilitator.waitForSelector('[data-waiting="Carla"]', { timeout: 20_000 })
    console.log('STEP', '\'[data-waiting="Dirk"]\''); await facilitator.waitForSelector('[data-waiting="Dirk"]')
    // Also over the canvas, so nobody waits unnoticed while the Sessie tab is closed.
    console.log('STEP', '\'[data-lobby-notice-person="Carla"]\''); await facilitator.waitForSelector('[data-lobby-notice-person="Carla"]')
    await screenshot(facilitator, 'lobby-facilitator-waiting')
    await facilitator.setViewportSize({ width: 1280, height: 720 })
    await screenshot(facilitator, 'lobby-facilitator-waiting-projector')
    await facilitator.setViewportSize({ width: 1440, height: 900 })
    console.log('STEP', '\'[data-waiting="Carla"] [data-admit]\''); await facilitator.click('[data-waiting="Carla"] [data-admit]')
    console.log('STEP', '\'[data-board-ready="true"] .tl-canvas\''); await carla.waitForSelector('[data-board-ready="true"] .tl-canvas', { timeout: 30_000 })
    await screenshot(carla, 'lobby-admitted-phone')

    console.log('STEP', '\'[data-waiting="Dirk"] [data-refuse]\''); await facilitator.click('[data-waiting="Dirk"] [data-refuse]')
    console.log('STEP', "'[data-turned-away]'"); await dirk.waitForSelector('[data-turned-away]', { timeout: 20_000 })
    expect(await dirk.textContent('[data-turned-away]')).toContain('niet toegelaten')
    await screenshot(dirk, 'lobby-turned-away')

    // The facilitator sees Carla among those present, and Dirk as turned away.
    console.log('STEP', '\'[data-participant="Carla"][data-role="participant"]\''); await facilitator.waitForSelector('[data-participant="Carla"][data-role="participant"]', { timeout: 20_000 })
    console.log('STEP', '\'[data-identity="Dirk"][data-status="refused"]\''); await facilitator.waitForSelector('[data-identity="Dirk"][data-status="refused"]')
    expect(await facilitator.locator('[data-lobby-notice]').count()).toBe(0)
    await screenshot(facilitator, 'lobby-facilitator-after')
    // The facilitator on a phone sees who waits too.
    const emma = await open(board, 'participant', 'Emma')
    console.log('STEP', "'[data-waiting-room]'"); await emma.waitForSelector('[data-waiting-room]', { timeout: 20_000 })
    await facilitator.setViewportSize({ width: 390, height: 844 })
    console.log('STEP', '\'[data-lobby-notice-person="Emma"]\''); await facilitator.waitForSelector('[data-lobby-notice-person="Emma"]', { timeout: 20_000 })
    await screenshot(facilitator, 'lobby-facilitator-phone')
    await facilitator.setViewportSize({ width: 1440, height: 900 })
    console.log('STEP', '\'[data-lobby-notice-person="Emma"] [data-admit]\''); await facilitator.click('[data-lobby-notice-person="Emma"] [data-admit]')
    console.log('STEP', '\'[data-board-ready="true"] .tl-canvas\''); await emma.waitForSelector('[data-board-ready="true"] .tl-canvas', { timeout: 30_000 })
    console.log('STEP', "'[data-lobby-toggle]'"); await facilitator.click('[data-lobby-toggle]')
    console.log('STEP', '\'[data-lobby="off"]\''); await facilitator.waitForSelector('[data-lobby="off"]')
  })

  it('keeps a participant set to view-only read-only after a reload (same identity), until allowed again', async () => {
    const eva = await openBoard(board, 'participant', 'Eva')
    console.log('STEP', '\'[data-participant="Eva"] [data-view-only-toggle]\''); await facilitator.waitForSelector('[data-participant="Eva"] [data-view-only-toggle]', { timeout: 20_000 })
    console.log('STEP', '\'[data-participant="Eva"] [data-view-only-toggle]\''); await facilitator.click('[data-participant="Eva"] [data-view-only-toggle]')
    console.log('STEP', "'.readonly-badge'"); await eva.waitForSelector('.readonly-badge', { timeout: 20_000 })
    await eva.reload()
    console.log('STEP', '\'[data-board-ready="true"] .tl-canvas\''); await eva.waitForSelector('[data-board-ready="true"] .tl-canvas', { timeout: 30_000 })
    console.log('STEP', "'.readonly-badge'"); await eva.waitForSelector('.readonly-badge', { timeout: 20_000 })
    // Her identity is kept: the same participant id, so the server still has her as view-only.
    const kept = await eva.evaluate((id) => Object.keys(localStorage).filter((key) => key.startsWith(`regiebord.owner.${id}.`)).length, board.id)
    expect(kept).toBe(1)
    console.log('STEP', '\'[data-participant="Eva"] [data-view-only-toggle]\''); await facilitator.click('[data-participant="Eva"] [data-view-only-toggle]')
    console.log('STEP', "'.readonly-badge'"); await eva.waitForSelector('.readonly-badge', { state: 'detached', timeout: 20_000 })
  })
})
