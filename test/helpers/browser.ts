/**
 * Debian's Chromium driven by playwright-core. Where Chromium is missing, browser tests skip
 * with a printed reason locally and fail in CI (CI=true), as the README promises.
 */
import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const CLIENT_INDEX = path.resolve(import.meta.dirname, '../../dist/client/index.html')

/** Why browser tests cannot run here, or null when they can. Throws in CI instead of skipping. */
export function browserUnavailableReason(): string | null {
  let reason: string | null = null
  if (!fs.existsSync(CHROMIUM_PATH)) reason = `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`
  else if (!fs.existsSync(CLIENT_INDEX)) reason = 'the client is not built (npm run build; npm test does this)'
  if (reason && process.env.CI === 'true') throw new Error(`browser tests cannot run in CI: ${reason}`)
  if (reason) console.warn(`skipping browser tests: ${reason}`)
  return reason
}

/**
 * Chromium for the browser tests. Every page it opens (through newContext or newPage) runs with
 * `window.__regiebordTestHooks` set before our scripts, so the client exposes what the tests
 * read (client/board/test-hooks.ts); pages people open never get it.
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  const newContext = browser.newContext.bind(browser)
  // newPage makes its context through newContext, so this covers both.
  browser.newContext = async (options) => {
    const context = await newContext(options)
    await context.addInitScript(() => {
      ;(window as unknown as { __regiebordTestHooks?: boolean }).__regiebordTestHooks = true
    })
    return context
  }
  return browser
}
