/**
 * A phone on workshop Wi-Fi, as Chromium's DevTools emulate it: the "Fast 3G" network preset
 * (the DevTools figures, latency and throughput already adjusted as DevTools does) and a 4× slower
 * CPU, with touch at 390×844. Records what the page downloads, for the load budget test.
 */
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core'

/** DevTools' Fast 3G: 1.6 Mbps down, 750 kbps up, 150 ms RTT (× 0.9 and × 3.75 as DevTools applies them). */
export const FAST_3G = { latency: 150 * 3.75, downloadThroughput: (1.6 * 1000 * 1000) / 8 * 0.9, uploadThroughput: (750 * 1000) / 8 * 0.9 }
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

export async function throttledPhonePage(browser: Browser): Promise<ThrottledPage> {
  const context = await browser.newContext(PHONE)
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  const downloads = new Map<string, Download>()
  cdp.on('Network.requestWillBeSent', (event) => {
    downloads.set(event.requestId, { url: event.request.url, type: event.type ?? 'Other', sentAt: Date.now(), bytes: null })
  })
  cdp.on('Network.loadingFinished', (event) => {
    const download = downloads.get(event.requestId)
    if (download) download.bytes = event.encodedDataLength
  })
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...FAST_3G })
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
  return { context, page, cdp, downloads }
}

/** Script bytes of the requests sent before `moment` (wall-clock ms), counted once they finished. */
export function scriptBytesSentBefore(downloads: ReadonlyMap<string, Download>, moment: number): { bytes: number; files: Download[] } {
  const files = [...downloads.values()].filter((download) => download.type === 'Script' && download.sentAt <= moment)
  return { bytes: files.reduce((sum, file) => sum + (file.bytes ?? 0), 0), files }
}
