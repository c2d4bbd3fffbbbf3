/**
 * Runs the server as a child process so it can be SIGKILLed: from source through tsx by default
 * (no build needed), or the compiled `dist/server/main.js` that `npm start` runs.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { GENEROUS_ADDRESS_LIMITS } from './server.ts'

const ROOT = path.resolve(import.meta.dirname, '../..')

/** The Node flags `npm start` gives the server (package.json's "start"), so the build runs as it does there. */
function startFlags(): string[] {
  const { scripts } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }
  return scripts.start.split(/\s+/).filter((word) => word.startsWith('--'))
}

export interface ChildServer {
  process: ChildProcess
  url: string
  wsUrl: string
  output: () => string
  /** Resolves with the exit code or signal once the process has exited. */
  exited: Promise<number | NodeJS.Signals | null>
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

export async function startChildServer(
  env: Record<string, string>,
  port?: number,
  nodeArgs: string[] = [],
  entry: 'source' | 'build' = 'source',
): Promise<ChildServer> {
  const chosenPort = port ?? (await freePort())
  // A caller's flags come after `npm start`'s, so that they win (for V8 and Node the last one does).
  const args = entry === 'build' ? [...startFlags(), ...nodeArgs, 'dist/server/main.js'] : [...nodeArgs, '--import', 'tsx', 'server/main.ts']
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...GENEROUS_ADDRESS_LIMITS, ...env, PORT: String(chosenPort) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  )
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000)
    const onData = () => {
      if (output.includes('listening on')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout!.on('data', onData)
    void exited.then((result) => {
      clearTimeout(timer)
      reject(new Error(`server exited (${String(result)}) before listening:\n${output}`))
    })
  })
  const url = `http://127.0.0.1:${chosenPort}`
  return { process: child, url, wsUrl: `ws://127.0.0.1:${chosenPort}/sync`, output: () => output, exited }
}
