/** Starts the real server in-process on a free port with its own data directory. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadConfig, type Config } from '../../server/config.ts'
import { createLogger } from '../../server/log.ts'
import { startServer, type RunningServer } from '../../server/server.ts'

export interface TestServer extends RunningServer {
  dataDir: string
  wsUrl: string
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'regiebord-test-'))
}

/**
 * Every test talks to its server from 127.0.0.1 and creates many boards, identities and uploads
 * from it: the per-address limits a public server needs would stop them. Tests of those limits
 * set them back low through `overrides`.
 */
export const GENEROUS_ADDRESS_LIMITS = {
  MAX_IDENTITIES_PER_MINUTE_PER_LINK: '100000',
  MAX_IDENTITIES_PER_HOUR_PER_IP: '100000',
  MAX_BOARDS_PER_HOUR_PER_IP: '100000',
  MAX_IMPORTS_PER_HOUR_PER_IP: '100000',
  MAX_UPLOADS_PER_HOUR_PER_IP: '100000',
  MAX_TEMPLATE_SAVES_PER_HOUR_PER_IP: '100000',
  MAX_DOCUMENT_STATES_PER_MINUTE_PER_IP: '100000',
} as const

export async function startTestServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? tempDataDir()
  const config: Config = {
    ...loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', ...GENEROUS_ADDRESS_LIMITS }),
    dataDir,
    ...overrides,
  }
  const server = await startServer(config, createLogger(config.logLevel))
  return { ...server, dataDir, wsUrl: `ws://127.0.0.1:${server.port}/sync` }
}

export interface BoardLinks {
  id: string
  title: string
  tokens: { facilitator: string; participant: string; viewer: string }
}

export async function createBoard(baseUrl: string, body: object = {}): Promise<BoardLinks> {
  const response = await fetch(`${baseUrl}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (response.status !== 201) throw new Error(`board creation failed: ${response.status} ${await response.text()}`)
  return (await response.json()) as BoardLinks
}
