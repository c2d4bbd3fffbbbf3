import { it } from 'vitest'
import { launchBrowser } from '/work/wt/trial/test/helpers/browser.ts'
import { freePort, startChildServer } from '/work/wt/trial/test/helpers/child-server.ts'
import { createBoard, tempDataDir } from '/work/wt/trial/test/helpers/server.ts'

it('debug', async () => {
  const server = await startChildServer({ DATA_DIR: tempDataDir(), LOG_LEVEL: 'info' }, await freePort())
  const browser = await launchBrowser()
  const template = process.env.TPL
  const board = await createBoard(server.url, template ? { title: 'X', template } : { title: 'X' })
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  const page = await ctx.newPage()
  page.on('console', (m) => console.log('console', m.type(), m.text().slice(0, 500)))
  page.on('pageerror', (e) => console.log('pageerror', e.message))
  page.on('websocket', (ws) => { ws.on('close', () => console.log('ws closed', ws.url())) })
  await page.goto(`${server.url}/b/${board.id}#t=${board.tokens.facilitator}`)
  await page.fill('#display-name', 'Fenna')
  await page.click('button[type=submit]')
  try { await page.waitForSelector('[data-board-ready="true"] .tl-canvas', { timeout: 15000 }); console.log('READY') } catch (e) { console.log('NOT READY') }
  await page.screenshot({ path: '/work/wt/trial/test-output/dbg.png' })
  console.log('SERVER OUTPUT\n', server.output().slice(-5000))
  await browser.close(); server.process.kill('SIGKILL')
}, 60000)
