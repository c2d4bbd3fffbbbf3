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
  await page.goto(`${server.url}/b/${board.id}#t=${board.tokens[role]}`)
  await page.fill('#display-name', name)
  await page.click('button[type=submit]')
  return page
}

async function openBoard(board: BoardLinks, role: keyof BoardLinks['tokens'], name: string): Promise<Page> {
  const page = await open(board, role, name)
  await page.waitForSelector('[data-board-ready="true"] .tl-canvas', { timeout: 30_000 })
  await page.click('[data-session-tab]')
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
    for (const context of contexts) await context.close()
    await browser?.close()
    server?.process.kill('SIGKILL')
  })

  it('keeps newcomers waiting until the facilitator lets one in and turns another away', async () => {
    await facilitator.click('[data-lobby-toggle]')
    await facilitator.waitForSelector('[data-lobby="on"]')

    const carla = await open(board, 'participant', 'Carla', { width: 390, height: 844 })
    await carla.waitForSelector('[data-waiting-room]', { timeout: 20_000 })
    expect(await carla.textContent('[data-waiting-room]')).toContain('Je bent in de wachtkamer')
    await screenshot(carla, 'lobby-waiting-phone')
    const dirk = await open(board, 'participant', 'Dirk')
    await dirk.waitForSelector('[data-waiting-room]', { timeout: 20_000 })
    await screenshot(dirk, 'lobby-waiting-laptop')
    // Nothing of the board reached the waiting browsers.
    expect(await carla.locator('.tl-canvas').count()).toBe(0)

    await facilitator.waitForSelector('[data-waiting="Carla"]', { timeout: 20_000 })
    await facilitator.waitForSelector('[data-waiting="Dirk"]')
    // Also over the canvas, so nobody waits unnoticed while the Sessie tab is closed.
    await facilitator.waitForSelector('[data-lobby-notice-person="Carla"]')
    await screenshot(facilitator, 'lobby-facilitator-waiting')
    await facilitator.setViewportSize({ width: 1280, height: 720 })
    await screenshot(facilitator, 'lobby-facilitator-waiting-projector')
    await facilitator.setViewportSize({ width: 1440, height: 900 })
    await facilitator.click('[data-waiting="Carla"] [data-admit]')
    // On a phone a participant gets the simple phone view first (the canvas is one tap away).
    await carla.waitForSelector('[data-phone-view][data-board-ready="true"]', { timeout: 30_000 })
    await screenshot(carla, 'lobby-admitted-phone')

    await facilitator.click('[data-waiting="Dirk"] [data-refuse]')
    await dirk.waitForSelector('[data-turned-away]', { timeout: 20_000 })
    expect(await dirk.textContent('[data-turned-away]')).toContain('niet toegelaten')
    await screenshot(dirk, 'lobby-turned-away')

    // The facilitator sees Carla among those present, and Dirk as turned away.
    await facilitator.waitForSelector('[data-participant="Carla"][data-role="participant"]', { timeout: 20_000 })
    await facilitator.waitForSelector('[data-identity="Dirk"][data-status="refused"]')
    expect(await facilitator.locator('[data-lobby-notice]').count()).toBe(0)
    await screenshot(facilitator, 'lobby-facilitator-after')
    // The facilitator on a phone sees who waits too.
    const emma = await open(board, 'participant', 'Emma')
    await emma.waitForSelector('[data-waiting-room]', { timeout: 20_000 })
    await facilitator.setViewportSize({ width: 390, height: 844 })
    await facilitator.waitForSelector('[data-lobby-notice-person="Emma"]', { timeout: 20_000 })
    await screenshot(facilitator, 'lobby-facilitator-phone')
    await facilitator.setViewportSize({ width: 1440, height: 900 })
    await facilitator.click('[data-lobby-notice-person="Emma"] [data-admit]')
    await emma.waitForSelector('[data-board-ready="true"] .tl-canvas', { timeout: 30_000 })
    await facilitator.click('[data-lobby-toggle]')
    await facilitator.waitForSelector('[data-lobby="off"]')
  }, 120_000)

  it('keeps a participant set to view-only read-only after a reload (same identity), until allowed again', async () => {
    const eva = await openBoard(board, 'participant', 'Eva')
    await facilitator.waitForSelector('[data-participant="Eva"] [data-view-only-toggle]', { timeout: 20_000 })
    await facilitator.click('[data-participant="Eva"] [data-view-only-toggle]')
    await eva.waitForSelector('.readonly-badge', { timeout: 20_000 })
    await eva.reload()
    await eva.waitForSelector('[data-board-ready="true"] .tl-canvas', { timeout: 30_000 })
    await eva.waitForSelector('.readonly-badge', { timeout: 20_000 })
    // Her identity is kept: the same participant id, so the server still has her as view-only.
    const kept = await eva.evaluate((id) => Object.keys(localStorage).filter((key) => key.startsWith(`regiebord.owner.${id}.`)).length, board.id)
    expect(kept).toBe(1)
    await facilitator.click('[data-participant="Eva"] [data-view-only-toggle]')
    await eva.waitForSelector('.readonly-badge', { state: 'detached', timeout: 20_000 })
  }, 90_000)
})
