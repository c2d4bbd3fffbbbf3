/**
 * The facilitator's page in a real Chromium while a participant tries to break the board with a
 * shape inside itself: the server refuses it, and a loop that slipped into storage before (an older
 * server) is skipped by the browser. Either way the page keeps answering and keeps syncing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { RECORDS_ARRAY, type RecordEntry } from '../../shared/doc-layout.ts'
import { CLOSE_RECORD_REFUSED } from '../../shared/close-codes.ts'
import { browserUnavailableReason, launchBrowser } from '../helpers/browser.ts'
import { connectSynced } from '../helpers/clients.ts'
import { noteRecord } from '../helpers/records.ts'
import { createBoard, startTestServer, type BoardLinks, type TestServer } from '../helpers/server.ts'

const unavailable = browserUnavailableReason()

describe.skipIf(unavailable !== null)('a hostile participant and the facilitator’s browser', () => {
  let browser: Browser
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer()
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  async function openAsFacilitator(board: BoardLinks): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage()
    await page.goto(`${server.url}/b/${board.id}#t=${board.tokens.facilitator}`)
    await page.fill('#display-name', 'Procesbegeleider')
    await page.click('button[type=submit]')
    await page.waitForSelector('[data-board-ready="true"] .tl-canvas', { timeout: 30_000 })
    return page
  }

  /** The page answers within a few seconds (a page stuck in a parent loop never does). */
  async function answers(page: Page): Promise<boolean> {
    const answer = page.evaluate(() => document.querySelectorAll('.tl-shape').length >= 0)
    const stuck = new Promise<false>((resolve) => setTimeout(() => resolve(false), 10_000))
    return Promise.race([answer, stuck])
  }

  async function shapeIds(page: Page): Promise<string[]> {
    return page.evaluate(() => {
      type Editor = { getCurrentPageShapes(): { id: string }[] }
      return (window as unknown as { __regiebordEditor: Editor }).__regiebordEditor.getCurrentPageShapes().map((shape) => shape.id)
    })
  }

  it('keeps answering and syncing after a participant sends a note that is its own parent', async () => {
    const board = await createBoard(server.url, { title: 'Buurtavond' })
    const page = await openAsFacilitator(board)
    const attacker = await connectSynced(server.wsUrl, board.id, board.tokens.participant)
    const closed = new Promise<number>((resolve) => attacker.provider.on('connection-close', (event) => event && resolve(event.code)))
    attacker.doc.transact(() => {
      attacker.records.set('shape:self', noteRecord('shape:self', { parentId: 'shape:self' }))
      attacker.records.set('shape:a', noteRecord('shape:a', { parentId: 'shape:b' }))
      attacker.records.set('shape:b', noteRecord('shape:b', { parentId: 'shape:a' }))
    })
    expect(await closed).toBe(CLOSE_RECORD_REFUSED)
    expect(await answers(page)).toBe(true)

    // An honest participant's note still reaches the facilitator.
    const honest = await connectSynced(server.wsUrl, board.id, board.tokens.participant)
    honest.records.set('shape:honest', noteRecord('shape:honest', { text: 'Meer bankjes', x: 200, y: 200 }))
    await page.waitForFunction(() => {
      type Editor = { getShape(id: string): unknown }
      return (window as unknown as { __regiebordEditor: Editor }).__regiebordEditor.getShape('shape:honest') !== undefined
    }, undefined, { timeout: 15_000 })
    expect(await shapeIds(page)).not.toContain('shape:self')
    await page.screenshot({ path: 'test-output/hostile-board-after-refusal-1440.png' })
    attacker.destroy()
    honest.destroy()
    await page.context().close()
  })

  it('opens a board whose storage already holds a parent loop (an older server), skipping the loop', async () => {
    const board = await createBoard(server.url, { title: 'Oud bord' })
    // As an older server would have stored it: a 2-cycle and a note inside itself, plus one good note.
    const { updates } = await server.storage.loadUpdates(board.id)
    const doc = new Y.Doc()
    for (const update of updates) Y.applyUpdate(doc, update)
    const before = Y.encodeStateVector(doc)
    const records = new YKeyValue<unknown>(doc.getArray<RecordEntry<unknown>>(RECORDS_ARRAY))
    doc.transact(() => {
      records.set('shape:x', noteRecord('shape:x', { parentId: 'shape:y' }))
      records.set('shape:y', noteRecord('shape:y', { parentId: 'shape:x' }))
      records.set('shape:me', noteRecord('shape:me', { parentId: 'shape:me' }))
      records.set('shape:good', noteRecord('shape:good', { text: 'Dit blijft staan', x: 100, y: 100 }))
    })
    await server.storage.appendUpdate(board.id, Y.encodeStateAsUpdate(doc, before))

    const page = await openAsFacilitator(board)
    expect(await answers(page)).toBe(true)
    const ids = await shapeIds(page)
    expect(ids).toContain('shape:good')
    expect(ids).not.toContain('shape:x')
    expect(ids).not.toContain('shape:me')
    await page.screenshot({ path: 'test-output/hostile-board-stored-loop-1440.png' })
    await page.context().close()
  })
})
