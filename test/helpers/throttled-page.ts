/**
 * A phone on workshop Wi-Fi, as Chromium's DevTools emulate it: the "Fast 3G" network preset
 * (the DevTools figures, latency and throughput already adjusted as DevTools does) and a 4× slower
 * CPU, with touch at 390×844. Records what the page downloads, for the load budget test.
 */
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core'

export interface NetworkProfile {
  name: string
  latency: number
  downloadThroughput: number
  uploadThroughput: number
}

/** DevTools' Fast 3G preset: 1.6 Mbps down, 750 kbps up, 150 ms RTT, × 0.9 and × 3.75 as DevTools applies them. */
export const FAST_3G: NetworkProfile = { name: 'DevTools Fast 3G (562.5 ms, 1.44 Mbps)', latency: 150 * 3.75, downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9, uploadThroughput: ((750 * 1000) / 8) * 0.9 }
/** The same figures taken literally (150 ms round trip), as the issue states them. */
export const FAST_3G_LITERAL: NetworkProfile = { name: '1.6 Mbps / 750 kbps / 150 ms', latency: 150, downloadThroughput: (1.6 * 1000 * 1000) / 8, uploadThroughput: (750 * 1000) / 8 }
export const CPU_SLOWDOWN = 4
export const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 }

export interface Download {
  url: string
  type: string
  /** Wall-clock ms when the request was sent. */
  sentAt: number
  /** Bytes over the wire (compressed body + headers), once finished. */
  bytes: number | null
}

export interface ThrottledPage {
  context: BrowserContext
  page: Page
  cdp: CDPSession
  downloads: Map<string, Download>
}

export async function throttledPhonePage(browser: Browser, network: NetworkProfile = FAST_3G): Promise<ThrottledPage> {
  const context = await browser.newContext(PHONE)
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  const downloads = new Map<string, Download>()
  cdp.on('Network.requestWillBeSent', (event) => {
    // wallTime is the browser's clock, the same one markWhenShown reads.
    downloads.set(event.requestId, { url: event.request.url, type: event.type ?? 'Other', sentAt: event.wallTime * 1000, bytes: null })
  })
  cdp.on('Network.loadingFinished', (event) => {
    const download = downloads.get(event.requestId)
    if (download) download.bytes = event.encodedDataLength
  })
  await cdp.send('Network.enable')
  // A new context has an empty cache: a first visit. (Disabling the cache would also refetch
  // what the page itself asks for twice, which no phone does.)
  const { latency, downloadThroughput, uploadThroughput } = network
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency, downloadThroughput, uploadThroughput })
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
  return { context, page, cdp, downloads }
}

/**
 * Records in the page, on the browser's clock, when an element matching `selector` is first on
 * screen: `window.__shownAt[selector]`, the first animation frame after it entered the DOM (so the
 * work that keeps the page from painting it counts). Observed in the page, so a busy test runner
 * adds no delay.
 */
export async function markWhenShown(page: Page, selectors: readonly string[]): Promise<void> {
  await page.addInitScript((wanted: readonly string[]) => {
    const shown: Record<string, number> = {}
    const inserted = new Set<string>()
    ;(window as unknown as { __shownAt: Record<string, number> }).__shownAt = shown
    const check = () => {
      for (const selector of wanted) {
        if (inserted.has(selector) || !document.querySelector(selector)) continue
        inserted.add(selector)
        requestAnimationFrame(() => (shown[selector] = Date.now()))
      }
    }
    new MutationObserver(check).observe(document, { childList: true, subtree: true })
  }, selectors)
}

export async function shownAt(page: Page, selector: string): Promise<number> {
  // The frame after the element appeared may still be coming.
  await page.waitForFunction((wanted) => wanted in (window as unknown as { __shownAt: Record<string, number> }).__shownAt, selector, { timeout: 60_000, polling: 50 })
  const at = await page.evaluate((wanted) => (window as unknown as { __shownAt: Record<string, number> }).__shownAt[wanted], selector)
  if (typeof at !== 'number') throw new Error(`${selector} was never shown`)
  return at
}

/** Script bytes of the requests sent before `moment` (wall-clock ms), counted once they finished. */
export function scriptBytesSentBefore(downloads: ReadonlyMap<string, Download>, moment: number): { bytes: number; files: Download[] } {
  const files = [...downloads.values()].filter((download) => download.type === 'Script' && download.sentAt <= moment)
  return { bytes: files.reduce((sum, file) => sum + (file.bytes ?? 0), 0), files }
}
