/**
 * An attacking (or merely busy) client in a process of its own, so that what it costs to build and
 * send its frames does not count in the latency the test process measures for honest clients.
 *
 * As a script (`node --import tsx attacker-process.ts <json>`):
 *   { mode: 'frames', url, file }  sends the frames stored in `file` (length-prefixed) over one raw
 *                                  WebSocket and prints how the server closed it;
 *   { mode: 'burst', wsUrl, room, token, count }
 *                                  a stock y-websocket client writes `count` notes in one go and
 *                                  prints once the server holds them all (or how it was closed).
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export interface AttackOutcome {
  code: number
  reason: string
}

type Job = { mode: 'frames'; url: string; file: string } | { mode: 'burst'; wsUrl: string; room: string; token: string; count: number }

/**
 * A job in a child process, started and connected before it acts: `ready` resolves once it is set
 * up (its start-up costs are over), `go()` lets it act, `result` is what it printed last (JSON).
 */
export interface OtherProcess<T> {
  ready: Promise<void>
  go(): void
  result: Promise<T>
}

function runJob<T>(job: Job): OtherProcess<T> {
  const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, JSON.stringify(job)], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes('ready\n')) resolve()
    })
    child.once('exit', () => reject(new Error(`attacker process ended before it was ready: ${err}`)))
  })
  const result = new Promise<T>((resolve, reject) => {
    child.once('exit', (code) => {
      const last = out.trim().split('\n').pop()
      if (code === 0 && last && last !== 'ready') resolve(JSON.parse(last) as T)
      else reject(new Error(`attacker process failed (${code}): ${err}`))
    })
  })
  ready.catch(() => undefined)
  return { ready, go: () => child.stdin.end('go\n'), result }
}

async function readyThenWait(): Promise<void> {
  console.log('ready')
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()).resume())
}

/** Sends `frames` from another process over one raw connection; `result` is how it was closed. */
export function sendFramesFromOtherProcess(url: string, frames: Uint8Array[]): OtherProcess<AttackOutcome> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'regiebord-attack-')), 'frames.bin')
  const parts: Buffer[] = []
  for (const frame of frames) {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(frame.byteLength)
    parts.push(length, Buffer.from(frame))
  }
  fs.writeFileSync(file, Buffer.concat(parts))
  const job = runJob<AttackOutcome>({ mode: 'frames', url, file })
  void job.result.finally(() => fs.rmSync(path.dirname(file), { recursive: true, force: true })).catch(() => undefined)
  return job
}

/** A stock client in another process writes `count` notes in one burst; resolves once all are in. */
export function burstFromOtherProcess(wsUrl: string, room: string, token: string, count: number): OtherProcess<{ closes: number; ms: number }> {
  return runJob({ mode: 'burst', wsUrl, room, token, count })
}

async function main(job: Job): Promise<void> {
  const { WebSocket } = await import('ws')
  if (job.mode === 'frames') {
    const bytes = fs.readFileSync(job.file)
    const socket = new WebSocket(job.url)
    const closed = new Promise<AttackOutcome>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })))
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve())
      socket.once('error', reject)
    })
    await readyThenWait()
    for (let offset = 0; offset < bytes.byteLength; ) {
      const length = bytes.readUInt32BE(offset)
      socket.send(bytes.subarray(offset + 4, offset + 4 + length))
      offset += 4 + length
    }
    console.log(JSON.stringify(await closed))
    return
  }
  const { connectSynced } = await import('./clients.ts')
  const { noteRecord } = await import('./records.ts')
  const { waitFor } = await import('./wait.ts')
  const client = await connectSynced(job.wsUrl, job.room, job.token)
  let closes = 0
  client.provider.on('connection-close', () => closes++)
  await readyThenWait()
  const started = performance.now()
  for (let i = 0; i < job.count; i++) client.records.set(`shape:burst-${i}`, noteRecord(`shape:burst-${i}`, { x: i }))
  // Done once the server has sent back a state vector that covers everything written.
  const watcher = await connectSynced(job.wsUrl, job.room, job.token)
  await waitFor(() => watcher.records.map.size >= job.count, 'the burst to reach another client', 120_000)
  console.log(JSON.stringify({ closes, ms: performance.now() - started }))
  client.destroy()
  watcher.destroy()
}

if (process.argv[1] === import.meta.filename) {
  main(JSON.parse(process.argv[2]!) as Job).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
