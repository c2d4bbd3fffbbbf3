/**
 * The facilitator's evening in the browser (issue 15 part 1): a facilitator and two participants,
 * with the real server. Sharing from the board (links, QR, projector), replacing the participant
 * link in two steps, "Mijn borden" after a reload, voting rounds people can follow (jump, live
 * progress), two rounds in the report and the CSV, who was present and the notes per lane in the
 * report, and session notices that say whom they apply to. Screenshots go to test-output/.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { browserUnavailableReason, launchBrowser } from '../helpers/browser.ts'
import { freePort, startChildServer, type ChildServer } from '../helpers/child-server.ts'
import { createBoard, tempDataDir, type BoardLinks } from '../helpers/server.ts'

const unavailable = browserUnavailableReason()
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-output/screenshots/evening')
const LAPTOP = { width: 1440, height: 900 }
const PROJECTOR = { width: 1280, height: 720 }
const PHONE = { width: 390, height: 844 }

let browser: Browser
let server: ChildServer

type Shape = { id: string; type: string; parentId: string; x: number; y: number; props: Record<string, unknown> }
type EditorHandle = {
  getCurrentPageShapes(): Shape[]
  select(...ids: string[]): void
  selectNone(): void
  createShape(partial: object): void
  getViewportPageBounds(): { x: number; y: number; w: number; h: number; center: { x: number; y: number } }
  getShapePageBounds(id: string): { x: number; y: number; w: number; h: number; minX: number; minY: number; maxX: number; maxY: number }
  zoomToBounds(bounds: object, opts?: object): void
  getCurrentPage(): { name: string }
}
declare const window: { __regiebordEditor: EditorHandle; location: { origin: string } }
declare const navigator: { clipboard: { readText(): Promise<string> } }

interface Person {
  context: BrowserContext
  page: Page
}

async function person(viewport = LAPTOP): Promise<Person> {
  const context = await browser.newContext({ viewport })
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
  return { context, page: await context.newPage() }
}

/** Opens a board link; asks for the name only the first time in this browser. */
async function openBoard(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url)
  const ready = page.waitForSelector('[data-board-ready="true"] .tl-canvas', { timeout: 30_000 })
  const askName = page.waitForSelector('#display-name', { timeout: 30_000 }).then(() => 'ask' as const)
  if ((await Promise.race([ready.then(() => 'ready' as const), askName])) === 'ask') {
    await page.fill('#display-name', name)
    await page.click('button[type=submit]')
    await ready
  }
  await page.click('[data-session-tab]')
}

function link(board: BoardLinks, token: string): string {
  return `${server.url}/b/${board.id}#t=${token}`
}

async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage })
}

function richText(text: string) {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }
}

/** Sticky notes by the facilitator inside the frame `frameId` (or loose); returns their ids in order. */
async function addNotes(page: Page, texts: readonly string[], at: { x: number; y: number }, frameId?: string): Promise<string[]> {
  const before = new Set((await page.evaluate(() => window.__regiebordEditor.getCurrentPageShapes().map((shape) => shape.id))))
  await page.evaluate(
    ({ texts, at, frameId, rich }) => {
      texts.forEach((text, i) =>
        window.__regiebordEditor.createShape({ type: 'note', x: at.x + i * 230, y: at.y, ...(frameId && { parentId: frameId }), props: { richText: { ...rich, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } } }),
      )
    },
    { texts, at, frameId, rich: richText('') },
  )
  const shapes = await page.evaluate(() => window.__regiebordEditor.getCurrentPageShapes())
  return shapes.filter((shape) => shape.type === 'note' && !before.has(shape.id)).sort((a, b) => a.x - b.x).map((shape) => shape.id)
}

async function startRound(page: Page, ids: string[], question: string, perPerson = 2): Promise<void> {
  await page.evaluate((ids) => {
    window.__regiebordEditor.select(...ids)
  }, ids)
  await page.fill('[data-voting-question]', question)
  await page.fill('[data-voting-per-person]', String(perPerson))
  await page.click('[data-voting-start]')
}

async function vote(page: Page, shapeId: string): Promise<void> {
  const add = page.locator(`[data-vote-shape="${shapeId}"] [data-vote-add]`)
  await add.waitFor({ timeout: 10_000 })
  // Badges stack under tldraw's panels (issue 14), and a note low on the screen may have its
  // badge under the toolbar: this test is about the rounds, so the click goes to the button itself.
  await add.dispatchEvent('click')
  await page.waitForSelector(`[data-vote-shape="${shapeId}"]:not([data-my-votes="0"])`)
}

describe.skipIf(unavailable !== null)('the facilitator’s evening in the browser', { timeout: 120_000 }, () => {
  let board: BoardLinks
  let fenna: Person
  let anna: Person
  let bram: Person
  let participantLink: string
  let roundOne: string[]
  let roundTwo: string[]

  beforeAll(async () => {
    server = await startChildServer({ DATA_DIR: tempDataDir() }, await freePort())
    browser = await launchBrowser()
    // Made through the start page, as a facilitator would: it lands in "Mijn borden".
    fenna = await person()
    await fenna.page.goto(server.url)
    await fenna.page.fill('#board-title', 'Wijkavond Rhoon')
    await fenna.page.selectOption('#board-template', 'co-creatie-co-productie-uitbesteding')
    await fenna.page.click('.create-form button[type=submit]')
    const facilitatorLink = await fenna.page.inputValue('[data-role-link="facilitator"]')
    participantLink = await fenna.page.inputValue('[data-role-link="participant"]')
    const viewerLink = await fenna.page.inputValue('[data-role-link="viewer"]')
    const token = (url: string) => new URL(url).hash.replace('#t=', '')
    board = { id: new URL(facilitatorLink).pathname.split('/')[2]!, title: 'Wijkavond Rhoon', tokens: { facilitator: token(facilitatorLink), participant: token(participantLink), viewer: token(viewerLink) } }
    await openBoard(fenna.page, facilitatorLink, 'Fenna')
    anna = await person(PROJECTOR)
    await openBoard(anna.page, participantLink, 'Anna')
    bram = await person()
    await openBoard(bram.page, participantLink, 'Bram')
  }, 120_000)

  afterAll(async () => {
    for (const someone of [fenna, anna, bram]) await someone?.context.close()
    await browser?.close()
    server?.process.kill('SIGKILL')
  })

  it('shares from the board: the three links with copy buttons, the participant QR and a projector view', async () => {
    const { page } = fenna
    await page.click('.board-bar [data-share-open]')
    await page.waitForSelector('[data-share-dialog] .qr svg')
    expect(await page.inputValue('#share-facilitator')).toBe(link(board, board.tokens.facilitator))
    expect(await page.inputValue('#share-participant')).toBe(participantLink)
    expect(await page.inputValue('#share-viewer')).toBe(link(board, board.tokens.viewer))
    await page.locator('.link-row', { has: page.locator('#share-participant') }).locator('button').click()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(participantLink)
    await page.waitForSelector('[data-share-dialog] .link-row button:has-text("Gekopieerd")')
    await screenshot(page, 'share-dialog-1440')

    await page.setViewportSize(PROJECTOR)
    await page.click('[data-projector-open]')
    await page.waitForSelector('[data-projector] .qr svg')
    expect(await page.textContent('[data-projector-link]')).toBe(participantLink.replace(/^https?:\/\//, ''))
    const qr = await page.locator('[data-projector] .qr svg').boundingBox()
    expect(qr!.height).toBeGreaterThan(PROJECTOR.height * 0.5)
    await screenshot(page, 'projector-1280')
    await page.click('[data-projector-close]')
    await page.setViewportSize(LAPTOP)
    await page.waitForSelector('[data-share-dialog]')
  })

  it('replaces the participant link in two steps; the old link is disconnected, the new one works', async () => {
    const { page } = fenna
    await page.click('[data-rotate="participant"]')
    await page.waitForSelector('[data-rotate-confirm="participant"]')
    expect(await page.textContent('.rotate-confirm')).toContain('Iedereen met de oude deelnemerslink wordt losgekoppeld')
    await screenshot(page, 'rotate-confirm-1440')
    // Nothing happened yet: the participants are still on the board.
    expect(await anna.page.locator('[data-board-error]').count()).toBe(0)

    await page.click('[data-rotate-confirm="participant"]')
    await page.waitForSelector('[data-rotate-message="participant"]')
    await page.waitForFunction((old) => (document.querySelector('#share-participant') as HTMLInputElement | null)?.value !== old, participantLink)
    const newLink = await page.inputValue('#share-participant')
    expect(newLink).toMatch(new RegExp(`/b/${board.id}#t=[A-Za-z0-9_-]{43}$`))
    await page.waitForSelector('[data-share-dialog] .qr svg')
    await screenshot(page, 'rotate-done-1440')

    for (const someone of [anna, bram]) await someone.page.waitForSelector('[data-board-error]', { timeout: 15_000 })
    expect(await anna.page.textContent('[data-board-error]')).toContain('werkt niet meer')
    await screenshot(anna.page, 'rotated-away-1280')

    participantLink = newLink
    for (const [someone, name] of [[anna, 'Anna'], [bram, 'Bram']] as const) await openBoard(someone.page, newLink, name)
    await page.click('[data-share-close]')
  })

  it('keeps "Mijn borden" in the browser, after a reload, with role and last opened; removable', async () => {
    const start = await fenna.context.newPage()
    await start.goto(server.url)
    await start.reload()
    const entry = start.locator(`[data-my-board="${board.id}"]`)
    await entry.waitFor()
    expect(await entry.getAttribute('data-my-board-role')).toBe('facilitator')
    expect(await entry.textContent()).toContain('Wijkavond Rhoon')
    expect(await entry.textContent()).toContain('Laatst geopend')
    await screenshot(start, 'my-boards-1440')
    await start.setViewportSize(PHONE)
    await screenshot(start, 'my-boards-390')
    await start.close()

    const annaStart = await anna.context.newPage()
    await annaStart.goto(server.url)
    const annaEntry = annaStart.locator(`[data-my-board="${board.id}"]`)
    expect(await annaEntry.getAttribute('data-my-board-role')).toBe('participant')
    // Her entry holds the new link: it opens the board.
    expect(await annaEntry.locator('a').getAttribute('href')).toBe(participantLink)
    await annaEntry.locator('[data-my-board-remove]').click()
    await annaStart.reload()
    await annaStart.waitForSelector('h1')
    expect(await annaStart.locator(`[data-my-board="${board.id}"]`).count()).toBe(0)
    await annaStart.close()
  })

  it('runs a voting round people can follow: a jump to the round and a live count for the facilitator', async () => {
    const { page } = fenna
    const lane = await page.evaluate(() => window.__regiebordEditor.getCurrentPageShapes().find((shape) => shape.type === 'frame'))
    if (!lane) throw new Error('the template has no frames')
    await addNotes(page, ['Bewoners vragen eerst'], { x: 40, y: 60 }, lane.id)
    roundOne = await addNotes(page, ['Speeltuin opknappen', 'Meer bankjes', 'Buurtfeest'], { x: 9000, y: 6000 })
    expect(roundOne).toHaveLength(3)

    // A template card is a question, not an answer: the server refuses it, whatever the client sends.
    const card = await page.evaluate(() => window.__regiebordEditor.getCurrentPageShapes().find((shape) => shape.type === 'regie-item')?.id)
    const refused = await fetch(`${server.url}/api/boards/${board.id}/session/voting`, {
      method: 'POST',
      headers: { authorization: `Bearer ${board.tokens.facilitator}`, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'start', shapeIds: [roundOne[0], card], votesPerPerson: 2, maxPerShape: 1, minutes: null }),
    })
    expect(refused.status).toBe(400)
    expect(((await refused.json()) as { error: string }).error).toBe('not_votable')

    await startRound(page, roundOne, 'Waar beginnen we mee?')
    await page.waitForSelector('[data-vote-progress="0/2"]')
    await anna.page.waitForSelector('[data-vote-banner="open"]')
    expect(await anna.page.textContent('[data-vote-banner]')).toContain('Waar beginnen we mee?')

    // Anna is far away; "Naar de stemronde" brings the three notes into her view.
    await anna.page.click('[data-vote-goto]')
    await anna.page.waitForFunction(
      (ids) => {
        const editor = window.__regiebordEditor
        const view = editor.getViewportPageBounds()
        return ids.every((id) => {
          const b = editor.getShapePageBounds(id)
          return b.minX >= view.x && b.maxX <= view.x + view.w && b.minY >= view.y && b.maxY <= view.y + view.h
        })
      },
      roundOne,
      { timeout: 5_000 },
    )
    // The vote buttons on the notes are big enough to hit with a mouse on a laptop.
    const smallVoteButtons = await anna.page.evaluate(() =>
      [...document.querySelectorAll('.vote-badge button')].map((button) => button.getBoundingClientRect()).filter((box) => box.width < 31.5 || box.height < 31.5).length,
    )
    expect(smallVoteButtons).toBe(0)
    expect(await anna.page.locator('.vote-badge button').count()).toBeGreaterThan(0)
    await vote(anna.page, roundOne[0]!)
    await page.waitForSelector('[data-vote-progress="1/2"]', { timeout: 10_000 })
    await screenshot(anna.page, 'voting-open-participant-1280')
    await anna.page.setViewportSize(PHONE)
    await screenshot(anna.page, 'voting-open-participant-390')
    await anna.page.setViewportSize(PROJECTOR)
    await screenshot(page, 'voting-progress-facilitator-1440')
    // The banner keeps clear of our bar's buttons, and of the timer when that runs as well.
    await page.click('[data-timer-start]')
    await page.waitForSelector('.session-timer')
    const covered = await page.evaluate(() => {
      const banner = document.querySelector('[data-vote-banner]')!.getBoundingClientRect()
      return [...document.querySelectorAll('.board-bar > *, .session-timer')]
        .map((element) => ({ element, box: element.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && box.left < banner.right && banner.left < box.right && box.top < banner.bottom && banner.top < box.bottom)
        .map(({ element }) => element.className || element.tagName)
    })
    await screenshot(page, 'voting-with-timer-facilitator')
    expect(covered).toEqual([])
    await page.click('[data-timer-stop]')
    await bram.page.click('[data-vote-goto]')
    await vote(bram.page, roundOne[0]!)
    await vote(bram.page, roundOne[1]!)
    await page.waitForSelector('[data-vote-progress="2/2"]', { timeout: 10_000 })
    await page.click('[data-voting-reveal]')
    await anna.page.waitForSelector(`[data-vote-shape="${roundOne[0]}"] [data-vote-total="2"]`)
  })

  it('keeps every revealed round: two rounds in the panel, the report and the CSV', async () => {
    const { page } = fenna
    await page.click('[data-voting-clear]')
    roundTwo = await addNotes(page, ['Elke maand', 'Elk kwartaal'], { x: 9000, y: 6600 })
    await startRound(page, roundTwo, 'Hoe vaak komen we samen?', 1)
    await vote(anna.page, roundTwo[1]!)
    await vote(bram.page, roundTwo[1]!)
    await page.waitForSelector('[data-vote-progress="2/2"]', { timeout: 10_000 })
    await page.click('[data-voting-reveal]')
    await page.waitForSelector('[data-vote-ranking="current"] li')
    await page.click('.voting-history summary')
    await page.waitForSelector('[data-vote-round="1"] [data-vote-ranking] li')
    await page.locator('.voting-results').scrollIntoViewIfNeeded()
    await screenshot(page, 'session-tab-rounds-1440')

    const csv = await (await fetch(`${server.url}/api/boards/${board.id}/export.csv`, { headers: { authorization: `Bearer ${board.tokens.viewer}` } })).text()
    const header = csv.replace(/^\uFEFF/, '').split('\r\n')[0]!
    expect(header).toBe('Soort;Tekst;Kader / baan;Auteur;Stemmen ronde 1: Waar beginnen we mee?;Stemmen ronde 2: Hoe vaak komen we samen?;Aanname')
    expect(csv).toContain('Speeltuin opknappen;;Fenna;2;')
    expect(csv).toContain('Elk kwartaal;;Fenna;;2')
  })

  it('writes a report that stands on its own: who was present, notes per lane, both rounds', async () => {
    const report = await fenna.context.newPage()
    await report.setViewportSize(LAPTOP)
    await report.goto(`${server.url}/b/${board.id}/verslag#t=${board.tokens.facilitator}`)
    await report.waitForSelector('[data-report] [data-round="2"]', { timeout: 30_000 })
    const facts = await report.textContent('.facts')
    expect(facts).toContain('Deelnemers2')
    expect(await report.textContent('[data-present]')).toBe('Fenna (begeleider), Anna, Bram')
    const round1 = await report.textContent('[data-round="1"]')
    expect(round1).toContain('Ronde 1: Waar beginnen we mee?')
    expect(round1).toMatch(/Speeltuin opknappen\s*2/)
    expect(await report.textContent('[data-round="2"]')).toContain('Ronde 2: Hoe vaak komen we samen?')
    const notes = await report.textContent('#notes + *, section[aria-labelledby="notes"]')
    expect(notes).toContain('Bewoners vragen eerst')
    expect(notes).toContain('Los op het bord')
    expect(notes).toContain('Meer bankjes')
    await report.waitForSelector('.report-board-image img, .report-board-image svg', { timeout: 30_000 })
    await screenshot(report, 'report-1440', true)
    await report.close()
  })

  it('says whom each session state applies to, who takes you along, and which notes are private', async () => {
    const { page } = fenna
    await page.click('[data-freeze]')
    await page.waitForSelector('[data-session-frozen="facilitator"]')
    expect(await page.textContent('[data-session-frozen]')).toContain('deelnemers kunnen nu niet bewerken')
    await anna.page.waitForSelector('[data-session-frozen="participant"]')
    expect(await anna.page.textContent('[data-session-frozen]')).toContain('Je kunt kijken, maar niets veranderen')
    await screenshot(page, 'frozen-facilitator-1440')
    await page.click('[data-freeze]')
    await anna.page.waitForSelector('[data-session-frozen]', { state: 'detached' })

    await page.evaluate(() => {
      window.__regiebordEditor.zoomToBounds({ x: 0, y: 0, w: 1200, h: 800 })
    })
    await page.click('[data-summon]')
    await anna.page.waitForSelector('[data-summon-notice]')
    expect(await anna.page.textContent('[data-summon-notice]')).toBe('Fenna neemt je mee')
    await screenshot(anna.page, 'summon-notice-1280')

    await page.click('[data-private-mode]')
    await anna.page.waitForSelector('[data-session-private]')
    await anna.page.evaluate(() => {
      const view = window.__regiebordEditor.getViewportPageBounds()
      window.__regiebordEditor.createShape({ type: 'note', x: view.center.x - 100, y: view.center.y - 100, props: {} })
    })
    await anna.page.waitForSelector('[data-private-mark]')
    await page.waitForSelector('[data-hidden-notes="1"]', { timeout: 10_000 })
    expect(await page.textContent('[data-session-private]')).toContain('1 verborgen notitie van 1 deelnemer')
    expect(await bram.page.locator('[data-private-mark]').count()).toBe(0)
    await screenshot(anna.page, 'private-note-participant-1280')
    await screenshot(page, 'hidden-count-facilitator-1440')
    await page.click('[data-private-mode]')
    await anna.page.waitForSelector('[data-private-mark]', { state: 'detached', timeout: 10_000 })
  })

  it('names an empty board’s page after the board, not "Page 1"', async () => {
    const empty = await createBoard(server.url, { title: 'Lege avond' })
    const page = await fenna.context.newPage()
    await openBoard(page, link(empty, empty.tokens.facilitator), 'Fenna')
    await page.waitForFunction(() => window.__regiebordEditor.getCurrentPage().name === 'Lege avond', undefined, { timeout: 10_000 })
    await screenshot(page, 'empty-board-1440')
    await page.close()
  })
})
