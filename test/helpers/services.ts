/**
 * Real Redis and PostgreSQL for tests, each started on a free port in its own temp directory and
 * stopped after the test file. Where the binaries are missing, tests skip with a printed reason
 * locally and fail in CI (CI=true), like the browser tests.
 *
 * PostgreSQL refuses to run as root, so when we are root it runs as the `postgres` system user
 * (Debian's package creates it) in a directory owned by that user.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort } from './child-server.ts'

export const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server'
const POSTGRES_ROOT = '/usr/lib/postgresql'

export interface Service {
  url: string
  process: ChildProcess
  /** Ends the process (SIGKILL: nothing of it needs to outlive the test) and removes its files. */
  stop(): Promise<void>
}

function postgresBinDir(): string | null {
  if (process.env.POSTGRES_BIN_DIR) return process.env.POSTGRES_BIN_DIR
  if (!fs.existsSync(POSTGRES_ROOT)) return null
  const versions = fs
    .readdirSync(POSTGRES_ROOT)
    .filter((v) => fs.existsSync(path.join(POSTGRES_ROOT, v, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a))
  return versions.length ? path.join(POSTGRES_ROOT, versions[0]!, 'bin') : null
}

const isRoot = () => process.getuid?.() === 0

/** Why Redis and PostgreSQL tests cannot run here, or null. Throws in CI instead of skipping. */
export function servicesUnavailableReason(): string | null {
  let reason: string | null = null
  if (!fs.existsSync(REDIS_SERVER)) reason = `no redis-server at ${REDIS_SERVER} (apt-get install redis-server)`
  else if (!postgresBinDir()) reason = `no PostgreSQL under ${POSTGRES_ROOT} (apt-get install postgresql)`
  else if (isRoot() && spawnSync('id', ['postgres']).status !== 0) reason = 'running as root and there is no postgres user to run PostgreSQL as'
  if (reason && process.env.CI === 'true') throw new Error(`Redis/PostgreSQL tests cannot run in CI: ${reason}`)
  if (reason) console.warn(`skipping Redis/PostgreSQL tests: ${reason}`)
  return reason
}

/** Resolves once `output()` contains `marker`; rejects when the process exits first. */
function waitForOutput(child: ChildProcess, output: () => string, marker: string, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start:\n${output()}`)), 30_000)
    const check = () => {
      if (output().includes(marker)) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout?.on('data', check)
    child.stderr?.on('data', check)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${what} exited (${code}) before it was ready:\n${output()}`))
    })
  })
}

function collect(child: ChildProcess): () => string {
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return () => output
}

function stopper(child: ChildProcess, dir: string): () => Promise<void> {
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve()
    else child.once('exit', () => resolve())
  })
  return async () => {
    child.kill('SIGKILL')
    await exited
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** A throwaway Redis: no persistence, loopback only. Pass `port` to restart on the same one. */
export async function startRedis(port?: number): Promise<Service> {
  const chosen = port ?? (await freePort())
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regiebord-redis-'))
  const child = spawn(
    REDIS_SERVER,
    ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const output = collect(child)
  await waitForOutput(child, output, 'Ready to accept connections', 'redis-server')
  return { url: `redis://127.0.0.1:${chosen}`, process: child, stop: stopper(child, dir) }
}

/**
 * A throwaway PostgreSQL cluster with trust authentication on loopback. fsync is off: tests kill
 * our server, never the database or the machine, and a committed row is in PostgreSQL's memory
 * and WAL whatever fsync says.
 */
export async function startPostgres(): Promise<Service> {
  const bin = postgresBinDir()!
  const port = await freePort()
  // As root, the cluster runs as `postgres`, which must reach the directory: TMPDIR may point
  // somewhere private to root, /tmp is open to every user.
  const dir = fs.mkdtempSync(path.join(isRoot() ? '/tmp' : os.tmpdir(), 'regiebord-pg-'))
  const asPostgres = (command: string, args: string[]) =>
    isRoot() ? (['runuser', ['-u', 'postgres', '--', command, ...args]] as const) : ([command, args] as const)
  if (isRoot()) spawnSync('chown', ['-R', 'postgres', dir])
  const dataDir = path.join(dir, 'data')
  const [initCommand, initArgs] = asPostgres(path.join(bin, 'initdb'), [
    '-D', dataDir, '-A', 'trust', '-U', 'regiebord', '-E', 'UTF8', '--no-sync', '--no-instructions',
  ])
  const init = spawnSync(initCommand, initArgs, { encoding: 'utf8' })
  if (init.status !== 0) throw new Error(`initdb failed:\n${init.stdout}\n${init.stderr}`)
  const [command, args] = asPostgres(path.join(bin, 'postgres'), [
    '-D', dataDir, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1',
    '-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'synchronous_commit=off',
  ])
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  const output = collect(child)
  await waitForOutput(child, output, 'ready to accept connections', 'postgres')
  // runuser stays the parent of postgres; SIGKILL on it would orphan the server, so stop
  // postgres itself (immediate shutdown) and wait for it.
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return {
    url: `postgres://regiebord@127.0.0.1:${port}/postgres`,
    process: child,
    async stop() {
      const [stopCommand, stopArgs] = asPostgres(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', 'stop'])
      spawnSync(stopCommand, stopArgs)
      if (child.exitCode === null) child.kill('SIGKILL')
      await exited
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A fresh, empty database on a running cluster, so test files can share one cluster. */
export async function createDatabase(clusterUrl: string, name: string): Promise<string> {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: clusterUrl })
  await client.connect()
  try {
    await client.query(`CREATE DATABASE ${name}`)
  } finally {
    await client.end()
  }
  const url = new URL(clusterUrl)
  url.pathname = `/${name}`
  return url.toString()
}
