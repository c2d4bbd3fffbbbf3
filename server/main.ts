import v8 from 'node:v8'
import { ConfigError, loadConfig } from './config.ts'
import { createLogger } from './log.ts'
import { startServer } from './server.ts'

// V8 lets the old generation grow to up to 4× what survived the last full collection before it
// collects again. The relay path's garbage is short-lived, but under load much of it outlives
// two young-generation collections (updates waiting for their commit, frames queued behind a
// busy event loop) and is promoted; with the default, the heap held up to 100 MiB of such garbage
// around a live set of ~30 MiB at 1,000 connections. 1.5× cut peak RSS there by about a quarter
// (median of 3 runs each: 248 → 186 MiB) without a measurable change in CPU per update. 1.25× took
// another ~10 MiB off but collected twice as often: ~10 % fewer updates/s when saturated and a
// longer relay tail (BENCHMARKS.md, issue 17, "fifth round"). V8 reads the factor at every full
// collection, so setting it here takes effect.
v8.setFlagsFromString('--heap-growing-percent=50')

async function main(): Promise<void> {
  let config
  try {
    config = loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`)
      process.exit(2)
    }
    throw error
  }
  const log = createLogger(config.logLevel)
  const server = await startServer(config, log)
  log.info({ url: server.url, dataDir: config.dataDir }, 'listening')
  // Plain line as well, for people and scripts that wait for the URL.
  console.log(`Regiebord listening on ${server.url}`)

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    log.info({ signal }, 'shutting down')
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed')
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
