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
      commitSpacingMs: 0,
      idleUnloadMs: 30_000,
      pingIntervalMs: 30_000,
      tldrawLicenseKey: null,
      databaseUrl: null,
      redisUrl: null,
      maxUpdatesPerSecond: 200,
      maxConnectionsPerIp: 400,
      maxConnectionsPerBoard: 800,
      maxBoardsLoaded: 1000,
      maxBoardBytes: 64 * 1024 * 1024,
      maxBoardMemoryBytes: 256 * 1024 * 1024,
      maxRequestBodyBytes: 64 * 1024,
      trustProxy: false,
      retentionDays: null,
      maxIdentitiesPerMinutePerLink: 60,
      maxIdentitiesPerHourPerIp: 1000,
      maxBoardsPerHourPerIp: 200,
      maxImportsPerHourPerIp: 30,
      maxUploadsPerHourPerIp: 100,
      maxTemplateSavesPerHourPerIp: 30,
      maxBoardAssetBytes: 40 * 1024 * 1024,
      maxBoardAssets: 100,
    })
  })

  it('never repeats a database password in its error message', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u:hunter2@db/x' })).toThrow(/^(?!.*hunter2)/)
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
        COMMIT_SPACING_MS: '3',
        BOARD_IDLE_UNLOAD_SECONDS: '5',
        PING_INTERVAL_SECONDS: '7',
        MAX_ASSET_BYTES: '5000',
        CLIENT_DIR: 'build',
        TLDRAW_LICENSE_KEY: 'key',
        LOG_LEVEL: 'warn',
        DATABASE_URL: 'postgres://regiebord:secret@db:5432/regiebord',
        REDIS_URL: 'redis://cache:6379',
        MAX_UPDATES_PER_SECOND: '50',
        MAX_CONNECTIONS_PER_IP: '20',
        MAX_CONNECTIONS_PER_BOARD: '80',
        MAX_BOARDS_LOADED: '300',
        MAX_BOARD_BYTES: '1048576',
        MAX_BOARD_MEMORY_BYTES: '2097152',
        MAX_REQUEST_BODY_BYTES: '4096',
        TRUST_PROXY: 'true',
        RETENTION_DAYS: '90',
        MAX_IDENTITIES_PER_MINUTE_PER_LINK: '11',
        MAX_IDENTITIES_PER_HOUR_PER_IP: '12',
        MAX_BOARDS_PER_HOUR_PER_IP: '13',
        MAX_IMPORTS_PER_HOUR_PER_IP: '14',
        MAX_UPLOADS_PER_HOUR_PER_IP: '15',
        MAX_TEMPLATE_SAVES_PER_HOUR_PER_IP: '18',
        MAX_BOARD_ASSET_BYTES: '16000',
        MAX_BOARD_ASSETS: '17',
        ADMIN_TOKEN: 'beheer-0123456789abcdef01234567',
        MAX_UPDATE_STRUCTS: '500',
        MAX_UPDATE_DELETE_RANGES: '600',
        MAX_AWARENESS_STATE_BYTES: '2048',
        MAX_AWARENESS_CLIENTS_PER_CONNECTION: '2',
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
      commitSpacingMs: 3,
      idleUnloadMs: 5000,
      pingIntervalMs: 7000,
      maxAssetBytes: 5000,
      clientDir: '/srv/app/build',
      tldrawLicenseKey: 'key',
      logLevel: 'warn',
      databaseUrl: 'postgres://regiebord:secret@db:5432/regiebord',
      redisUrl: 'redis://cache:6379',
      maxUpdatesPerSecond: 50,
      maxConnectionsPerIp: 20,
      maxConnectionsPerBoard: 80,
      maxBoardsLoaded: 300,
      maxBoardBytes: 1048576,
      maxBoardMemoryBytes: 2097152,
      maxRequestBodyBytes: 4096,
      maxUpdateStructs: 500,
      maxUpdateDeleteRanges: 600,
      maxAwarenessStateBytes: 2048,
      maxAwarenessClientsPerConnection: 2,
      trustProxy: true,
      retentionDays: 90,
      maxIdentitiesPerMinutePerLink: 11,
      maxIdentitiesPerHourPerIp: 12,
      maxBoardsPerHourPerIp: 13,
      maxImportsPerHourPerIp: 14,
      maxUploadsPerHourPerIp: 15,
      maxTemplateSavesPerHourPerIp: 18,
      maxBoardAssetBytes: 16000,
      maxBoardAssets: 17,
      adminToken: 'beheer-0123456789abcdef01234567',
    })
  })

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['MAX_MESSAGE_BYTES', '-1'],
    ['LOG_LEVEL', 'loud'],
    ['DATABASE_URL', 'mysql://db/regiebord'],
    ['REDIS_URL', 'not a url'],
    ['MAX_UPDATES_PER_SECOND', '0'],
    ['TRUST_PROXY', 'maybe'],
    ['RETENTION_DAYS', '0'],
    ['ADMIN_TOKEN', 'too-short'],
    ['RETENTION_DAYS', '30.5'],
  ])('rejects %s=%s with a message naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError)
    expect(() => loadConfig({ [name]: value })).toThrow(name)
  })
})
