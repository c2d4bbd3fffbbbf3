/**
 * A board at its size limit (MAX_BOARD_BYTES): the server refuses the update with 4413; the
 * browser must say so and stop resending it, not loop reconnecting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { browserUnavailableReason, launchBrowser } from '../helpers/browser.ts'
import { freePort, startChildServer, type ChildServer } from '../helpers/child-server.ts'
import { createBoard, tempDataDir } from '../helpers/server.ts'

const unavailable = browserUnavailableReason()

describe.skipIf(unavailable !== null)('a full board in the browser', () => {
  let browser: Browser
  let server: ChildServer

  beforeAll(async () => {
    server = await startChildServer({ DATA_DIR: tempDataDir(), MAX_BOARD_BYTES: '300000' }, await freePort())
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    server?.process.kill('SIGKILL')
  })

  it('says the board is full and stops sending the refused edit', async () => {
    const board = await createBoard(server.url, { title: 'Vol' })
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${server.url}/b/${board.id}#t=${board.tokens.participant}`)
    await page.fill('#display-name', 'Veel')
    await page.click('button[type=submit]')
    await page.waitForSelector('[data-board-ready="true"] .tl-canvas', { timeout: 20_000 })
    await page.evaluate(() => {
      type Editor = { createAssets(assets: object[]): void }
      const editor = (window as unknown as { __regiebordEditor: Editor }).__regiebordEditor
      // One large record (an image inlined, as an old client might): its update alone passes the limit.
      editor.createAssets([
        {
          id: 'asset:groot',
          typeName: 'asset',
          type: 'image',
          props: { src: `data:image/png;base64,${'A'.repeat(400_000)}`, w: 1, h: 1, name: 'groot.png', isAnimated: false, mimeType: 'image/png', fileSize: 400_000 },
          meta: {},
        },
      ])
    })
    await page.waitForSelector('[data-board-full]', { timeout: 10_000 })
    await page.waitForTimeout(1500)
    expect(await page.getAttribute('.connection-indicator', 'data-state')).not.toBe('connected')
    await context.close()
  })
})
