import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../../server/config.ts'

describe('configuration', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({}, '/srv/app')
    expect(config).toMatchObject({
      port: 8787,
      dataDir: '/srv/app/data',
      maxMessageBytes: 4 * 1024 * 1024,
      compactAfterUpdates: 500,
      idleUnloadMs: 30_000,
      pingIntervalMs: 30_000,
      tldrawLicenseKey: null,
    })
  })

  it('reads every variable', () => {
    const config = loadConfig(
      {
        PORT: '9000',
        HOST: '127.0.0.1',
        DATA_DIR: '/var/lib/regiebord',
        MAX_MESSAGE_BYTES: '2048',
        MAX_BUFFERED_BYTES: '1048576',
        COMPACT_AFTER_UPDATES: '10',
        BOARD_IDLE_UNLOAD_SECONDS: '5',
        PING_INTERVAL_SECONDS: '7',
        MAX_ASSET_BYTES: '5000',
        CLIENT_DIR: 'build',
        TLDRAW_LICENSE_KEY: 'key',
        LOG_LEVEL: 'warn',
      },
      '/srv/app',
    )
    expect(config).toEqual({
      port: 9000,
      host: '127.0.0.1',
      dataDir: '/var/lib/regiebord',
      maxMessageBytes: 2048,
      maxBufferedBytes: 1048576,
      compactAfterUpdates: 10,
      idleUnloadMs: 5000,
      pingIntervalMs: 7000,
      maxAssetBytes: 5000,
      clientDir: '/srv/app/build',
      tldrawLicenseKey: 'key',
      logLevel: 'warn',
    })
  })

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['MAX_MESSAGE_BYTES', '-1'],
    ['LOG_LEVEL', 'loud'],
  ])('rejects %s=%s with a message naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError)
    expect(() => loadConfig({ [name]: value })).toThrow(name)
  })
})
