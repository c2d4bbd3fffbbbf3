/**
 * Every environment variable the server reads, validated once at start-up. Nothing else in the
 * server looks at `process.env`; the README lists the same variables.
 */
import path from 'node:path'

export interface Config {
  /** TCP port; 0 lets the OS pick one (used by tests). */
  port: number
  host: string
  dataDir: string
  /** Largest WebSocket message accepted; larger ones close the connection with 1009. */
  maxMessageBytes: number
  /** A client whose unsent data passes this is disconnected (slow consumer). */
  maxBufferedBytes: number
  /** Stored updates per board after which the log is compacted into one update. */
  compactAfterUpdates: number
  /** SQLite: least time between two group commits (0: one per event-loop turn that appended). */
  commitSpacingMs: number
  /** How long a board stays in memory after its last connection left. */
  idleUnloadMs: number
  /** Interval of WebSocket pings; a connection that missed one pong is terminated. */
  pingIntervalMs: number
  /** Largest uploaded image or video. */
  maxAssetBytes: number
  /** Directory with the built client (index.html + assets); served when it exists. */
  clientDir: string
  tldrawLicenseKey: string | null
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
  /** postgres:// URL: store in PostgreSQL instead of SQLite (needed for several instances). */
  databaseUrl: string | null
  /** redis:// URL: fan updates and awareness out to the other instances through Redis. */
  redisUrl: string | null
  /** Document and awareness updates one connection may send per second (bursts up to 2×). */
  maxUpdatesPerSecond: number
  /** Open sync connections from one client address. */
  maxConnectionsPerIp: number
  /** Open sync connections to one board (on this instance). */
  maxConnectionsPerBoard: number
  /** Boards held in memory at once; joining one more is refused while all are in use. */
  maxBoardsLoaded: number
  /** Stored size of one board's document; updates beyond it are refused. */
  maxBoardBytes: number
  maxBoardMemoryBytes: number
  /** Largest request body of the JSON API (uploads have MAX_ASSET_BYTES). */
  maxRequestBodyBytes: number
  /** Behind a reverse proxy: take the client address from the last X-Forwarded-For entry. */
  trustProxy: boolean
  /** Boards nobody opened for this many days are deleted; null keeps them until deleted. */
  retentionDays: number | null
  /** Structs (insertions) one document update may carry; a larger one is refused with 4413. */
  maxUpdateStructs: number
  /** Ranges in one update's delete set; more is refused with 4413. */
  maxUpdateDeleteRanges: number
  /** Largest awareness (presence) state of one client, in bytes. */
  maxAwarenessStateBytes: number
  /** Awareness client ids one connection may speak for. */
  maxAwarenessClientsPerConnection: number
  // Quotas and per-address rate limits against a hostile visitor (README "Limits and protection").
  /** Participant identities one board link may issue per minute. */
  maxIdentitiesPerMinutePerLink: number
  /** Participant identities one client address may obtain per hour, over all boards. */
  maxIdentitiesPerHourPerIp: number
  /** Boards one client address may create per hour (POST /api/boards). */
  maxBoardsPerHourPerIp: number
  /** Board files one client address may import per hour (POST /api/boards/import). */
  maxImportsPerHourPerIp: number
  /** Files one client address may upload per hour, over all boards. */
  maxUploadsPerHourPerIp: number
  maxTemplateSavesPerHourPerIp: number
  /** Document states one client address may fetch over HTTP per minute (GET /sync-state/…). */
  maxDocumentStatesPerMinutePerIp: number
  /** Stored bytes of uploaded files per board. */
  maxBoardAssetBytes: number
  /** Uploaded files per board. */
  maxBoardAssets: number
  /** Bearer token of the admin API (hide or remove own templates); null turns that API off. */
  adminToken: string | null
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`)
  }
  return value
}

/** An integer variable that may be left unset (null). */
function optionalInteger(env: Env, name: string, min: number, max: number): number | null {
  const raw = env[name]
  if (raw === undefined || raw.trim() === '') return null
  return integer(env, name, min, min, max)
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

function logLevel(env: Env): Config['logLevel'] {
  const raw = env.LOG_LEVEL ?? 'info'
  const level = LOG_LEVELS.find((l) => l === raw)
  if (!level) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`)
  return level
}

function url(env: Env, name: string, schemes: readonly string[]): string | null {
  const raw = env[name]?.trim()
  if (!raw) return null
  let parsed: URL
  try {
    parsed = new URL(raw)
  } catch {
    throw new ConfigError(`${name} must be a URL (${schemes.join(' or ')}), got something else`)
  }
  // The value may hold a password: the message names the scheme only.
  if (!schemes.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must start with ${schemes.join(' or ')}, got ${parsed.protocol}`)
  }
  return raw
}

function flag(env: Env, name: string): boolean {
  const raw = env[name]?.trim().toLowerCase()
  if (raw === undefined || raw === '' || raw === '0' || raw === 'false') return false
  if (raw === '1' || raw === 'true') return true
  throw new ConfigError(`${name} must be 1/true or 0/false, got "${env[name]}"`)
}

const MiB = 1024 * 1024

/** A secret someone could guess is no secret: at least 24 characters. */
function adminToken(env: Env): string | null {
  const raw = env.ADMIN_TOKEN?.trim()
  if (!raw) return null
  if (raw.length < 24) throw new ConfigError('ADMIN_TOKEN must be at least 24 characters (for instance: openssl rand -hex 24)')
  return raw
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  return {
    port: integer(env, 'PORT', 8787, 0, 65535),
    host: env.HOST?.trim() || '0.0.0.0',
    dataDir: path.resolve(cwd, env.DATA_DIR?.trim() || 'data'),
    maxMessageBytes: integer(env, 'MAX_MESSAGE_BYTES', 4 * MiB, 1024, 256 * MiB),
    maxBufferedBytes: integer(env, 'MAX_BUFFERED_BYTES', 16 * MiB, 64 * 1024, 1024 * MiB),
    // Each compaction encodes the whole document (~2 ms for a 74 KiB board), and a cold load
    // replays the log at ~17 µs per update: at 2,000 compaction costs a quarter of what it did at
    // 500 for at most ~25 ms more on a cold load (BENCHMARKS.md, issue 17, "compaction bound").
    compactAfterUpdates: integer(env, 'COMPACT_AFTER_UPDATES', 2000, 2, 1_000_000),
    commitSpacingMs: integer(env, 'COMMIT_SPACING_MS', 0, 0, 100),
    idleUnloadMs: integer(env, 'BOARD_IDLE_UNLOAD_SECONDS', 30, 0, 86_400) * 1000,
    pingIntervalMs: integer(env, 'PING_INTERVAL_SECONDS', 30, 1, 3600) * 1000,
    maxAssetBytes: integer(env, 'MAX_ASSET_BYTES', 10 * MiB, 1024, 1024 * MiB),
    clientDir: path.resolve(cwd, env.CLIENT_DIR?.trim() || 'dist/client'),
    tldrawLicenseKey: env.TLDRAW_LICENSE_KEY?.trim() || null,
    logLevel: logLevel(env),
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    maxUpdatesPerSecond: integer(env, 'MAX_UPDATES_PER_SECOND', 200, 1, 1_000_000),
    maxConnectionsPerIp: integer(env, 'MAX_CONNECTIONS_PER_IP', 400, 1, 1_000_000),
    maxConnectionsPerBoard: integer(env, 'MAX_CONNECTIONS_PER_BOARD', 800, 1, 1_000_000),
    maxBoardsLoaded: integer(env, 'MAX_BOARDS_LOADED', 1000, 1, 1_000_000),
    maxBoardBytes: integer(env, 'MAX_BOARD_BYTES', 64 * MiB, 64 * 1024, 4096 * MiB),
    maxBoardMemoryBytes: integer(env, 'MAX_BOARD_MEMORY_BYTES', 256 * MiB, 1 * MiB, 16384 * MiB),
    maxRequestBodyBytes: integer(env, 'MAX_REQUEST_BODY_BYTES', 64 * 1024, 1024, 64 * MiB),
    trustProxy: flag(env, 'TRUST_PROXY'),
    retentionDays: optionalInteger(env, 'RETENTION_DAYS', 1, 36_500),
    maxUpdateStructs: integer(env, 'MAX_UPDATE_STRUCTS', 20_000, 100, 10_000_000),
    maxUpdateDeleteRanges: integer(env, 'MAX_UPDATE_DELETE_RANGES', 50_000, 100, 10_000_000),
    maxAwarenessStateBytes: integer(env, 'MAX_AWARENESS_STATE_BYTES', 8 * 1024, 256, 1024 * 1024),
    maxAwarenessClientsPerConnection: integer(env, 'MAX_AWARENESS_CLIENTS_PER_CONNECTION', 4, 1, 1000),
    maxIdentitiesPerMinutePerLink: integer(env, 'MAX_IDENTITIES_PER_MINUTE_PER_LINK', 60, 1, 1_000_000),
    maxIdentitiesPerHourPerIp: integer(env, 'MAX_IDENTITIES_PER_HOUR_PER_IP', 1000, 1, 1_000_000),
    maxBoardsPerHourPerIp: integer(env, 'MAX_BOARDS_PER_HOUR_PER_IP', 200, 1, 1_000_000),
    maxImportsPerHourPerIp: integer(env, 'MAX_IMPORTS_PER_HOUR_PER_IP', 30, 1, 1_000_000),
    maxUploadsPerHourPerIp: integer(env, 'MAX_UPLOADS_PER_HOUR_PER_IP', 100, 1, 1_000_000),
    maxTemplateSavesPerHourPerIp: integer(env, 'MAX_TEMPLATE_SAVES_PER_HOUR_PER_IP', 30, 1, 1_000_000),
    maxDocumentStatesPerMinutePerIp: integer(env, 'MAX_DOCUMENT_STATES_PER_MINUTE_PER_IP', 300, 1, 1_000_000),
    maxBoardAssetBytes: integer(env, 'MAX_BOARD_ASSET_BYTES', 40 * MiB, 1024, 1024 * 1024 * MiB),
    maxBoardAssets: integer(env, 'MAX_BOARD_ASSETS', 100, 1, 1_000_000),
    adminToken: adminToken(env),
  }
}
