/**
 * The two servers under test, each started as its own child process so that its CPU time and
 * RSS can be read from /proc:
 * - Regiebord as `npm start` runs it (`dist/server/main.js`, compiled from the current sources
 *   once per benchmark run; `BENCH_SERVER=source` runs `server/main.ts` through tsx instead),
 *   SQLite in a fresh temp dir, durable append on, boards created through its API, clients
 *   joining with the participant token;
 * - the reference, `@y/websocket-server` 0.1.1's own `server.js`, without persistence (no
 *   YPERSISTENCE), where any path is a document.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort, startChildServer } from '../../test/helpers/child-server.ts'
import { createBoard } from '../../test/helpers/server.ts'

/** Servers still running; killed when the benchmark itself exits early (Ctrl-C, an error). */
const running = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})
process.once('SIGINT', () => process.exit(130))
process.once('SIGTERM', () => process.exit(143))

function track(child: ChildProcess): void {
  running.add(child)
  child.once('exit', () => running.delete(child))
}

export type ServerName = 'regiebord' | 'reference'

export interface ServerUnderTest {
  name: ServerName
  pid: number
  /** What the process printed so far (stdout and stderr). */
  output(): string
  /** The WebSocket URL of each of `clients` clients on each of `boards` new boards. */
  boardUrls(boards: number, clients: number): Promise<string[][]>
  stop(): Promise<void>
}

export interface RegiebordOptions {
  env?: Record<string, string>
  /** Extra Node flags, e.g. `--cpu-prof`. */
  nodeArgs?: string[]
  /** Data directory to use (and keep); a fresh temp dir, removed on stop, by default. */
  dataDir?: string
}

export interface RegiebordUnderTest extends ServerUnderTest {
  url: string
  wsUrl: string
  dataDir: string
  /** Creates one board; returns its id and participant token. */
  createBoard(): Promise<{ id: string; token: string }>
  /** SIGKILL: nothing is flushed or compacted; the data directory is kept. */
  kill(): Promise<void>
}

/** Which server the benchmarks run: the compiled one `npm start` runs, or the sources through tsx. */
export const REGIEBORD_ENTRY: 'build' | 'source' = process.env.BENCH_SERVER === 'source' ? 'source' : 'build'
let serverBuilt = false

/** Compiles the server from the current sources (esbuild, well under a second), once per run. */
function buildServerOnce(): void {
  if (serverBuilt || REGIEBORD_ENTRY !== 'build') return
  execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: path.resolve(import.meta.dirname, '../..'), stdio: 'inherit' })
  serverBuilt = true
}

export async function startRegiebord(options: RegiebordOptions = {}): Promise<RegiebordUnderTest> {
  const ownDir = options.dataDir === undefined
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'regiebord-bench-'))
  buildServerOnce()
  const server = await startChildServer(
    { DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...BENCH_LIMITS, ...options.env },
    undefined,
    options.nodeArgs,
    REGIEBORD_ENTRY,
  )
  track(server.process)
  const created: RegiebordUnderTest = {
    name: 'regiebord',
    pid: server.process.pid!,
    url: server.url,
    wsUrl: server.wsUrl,
    output: server.output,
    dataDir,
    async createBoard() {
      const board = await createBoard(server.url, { title: 'bench' })
      return { id: board.id, token: board.tokens.participant }
    },
    async boardUrls(boards, clients) {
      const urls: string[][] = []
      for (let b = 0; b < boards; b++) {
        const board = await created.createBoard()
        urls.push(Array.from({ length: clients }, () => `${server.wsUrl}/${board.id}?token=${board.token}`))
      }
      return urls
    },
    async kill() {
      server.process.kill('SIGKILL')
      await server.exited
    },
    async stop() {
      server.process.kill('SIGTERM')
      await server.exited
      if (ownDir) fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
  return created
}

/**
 * Every benchmark client comes from 127.0.0.1, so the per-address connection limit is lifted;
 * the per-connection update limit too, so that the saturating phase measures the server and not
 * the limiter. The limiter still runs on every update.
 */
export const BENCH_LIMITS = { MAX_CONNECTIONS_PER_IP: '1000000', MAX_UPDATES_PER_SECOND: '1000000' }

const REFERENCE_SCRIPT = path.resolve(import.meta.dirname, '../../node_modules/@y/websocket-server/src/server.js')

export async function startReference(nodeArgs: string[] = []): Promise<ServerUnderTest> {
  const port = await freePort()
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: String(port) }
  delete env.YPERSISTENCE
  delete env.CALLBACK_URL
  const child = spawn(process.execPath, [...nodeArgs, REFERENCE_SCRIPT], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  track(child)
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`reference server did not start:\n${output}`)), 30_000)
    child.stdout!.on('data', () => {
      if (!output.includes('running at')) return
      clearTimeout(timer)
      resolve()
    })
    void exited.then(() => reject(new Error(`reference server exited before listening:\n${output}`)))
  })
  // Document names are paths; a random prefix keeps runs apart.
  const prefix = randomBytes(4).toString('hex')
  return {
    name: 'reference',
    pid: child.pid!,
    output: () => output,
    async boardUrls(boards, clients) {
      return Array.from({ length: boards }, (_, b) =>
        Array.from({ length: clients }, () => `ws://127.0.0.1:${port}/bench-${prefix}-${b}`),
      )
    },
    async stop() {
      child.kill('SIGTERM')
      await exited
    },
  }
}

export function startServer(name: ServerName, regiebord: RegiebordOptions = {}): Promise<ServerUnderTest> {
  return name === 'regiebord' ? startRegiebord(regiebord) : startReference()
}
