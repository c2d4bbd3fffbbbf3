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

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

function logLevel(env: Env): Config['logLevel'] {
  const raw = env.LOG_LEVEL ?? 'info'
  const level = LOG_LEVELS.find((l) => l === raw)
  if (!level) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`)
  return level
}

const MiB = 1024 * 1024

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  return {
    port: integer(env, 'PORT', 8787, 0, 65535),
    host: env.HOST?.trim() || '0.0.0.0',
    dataDir: path.resolve(cwd, env.DATA_DIR?.trim() || 'data'),
    maxMessageBytes: integer(env, 'MAX_MESSAGE_BYTES', 4 * MiB, 1024, 256 * MiB),
    maxBufferedBytes: integer(env, 'MAX_BUFFERED_BYTES', 16 * MiB, 64 * 1024, 1024 * MiB),
    compactAfterUpdates: integer(env, 'COMPACT_AFTER_UPDATES', 500, 2, 1_000_000),
    idleUnloadMs: integer(env, 'BOARD_IDLE_UNLOAD_SECONDS', 30, 0, 86_400) * 1000,
    pingIntervalMs: integer(env, 'PING_INTERVAL_SECONDS', 30, 1, 3600) * 1000,
    maxAssetBytes: integer(env, 'MAX_ASSET_BYTES', 10 * MiB, 1024, 1024 * MiB),
    clientDir: path.resolve(cwd, env.CLIENT_DIR?.trim() || 'dist/client'),
    tldrawLicenseKey: env.TLDRAW_LICENSE_KEY?.trim() || null,
    logLevel: logLevel(env),
  }
}
