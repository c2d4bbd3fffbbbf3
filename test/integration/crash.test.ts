/**
 * Crash test: the server (a child process, as in production) is SIGKILLed at random moments while
 * several clients edit concurrently, over several rounds. After each restart, every update that
 * any client had received from another client (so the server had relayed it) must be there.
 * Run against SQLite and against a real PostgreSQL.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { startChildServer, type ChildServer } from '../helpers/child-server.ts'
import { connectSynced, type TestClient } from '../helpers/clients.ts'
import { seeded } from '../helpers/records.ts'
import { createBoard, tempDataDir, type BoardLinks } from '../helpers/server.ts'
import { createDatabase, servicesUnavailableReason, startPostgres, type Service } from '../helpers/services.ts'
import { sleep, waitFor } from '../helpers/wait.ts'
import { shapeWith } from '../helpers/records.ts'

const ROUNDS = 3
/** Four server starts per test; on a busy two-core machine each can take several seconds. */
const TIMEOUT_MS = 180_000
/** Edits per writer per tick: each its own transaction, so its own update on the wire. */
const BURST = 3
const WRITERS = 4

const clients: TestClient[] = []
const children: ChildServer[] = []
let postgres: Service | null = null

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  for (const child of children.splice(0)) {
    child.process.kill('SIGKILL')
    await child.exited
  }
})
afterAll(async () => {
  await postgres?.stop()
})

async function start(env: Record<string, string>): Promise<ChildServer> {
  const child = await startChildServer({ ...env, MAX_UPDATES_PER_SECOND: '100000', MAX_CONNECTIONS_PER_IP: '10000' })
  children.push(child)
  return child
}

async function join(child: ChildServer, board: BoardLinks): Promise<TestClient> {
  const client = await connectSynced(child.wsUrl, board.id, board.tokens.participant)
  clients.push(client)
  return client
}

interface Figures {
  written: number
  seenRelayed: number
  kills: number
}

/**
 * Runs the rounds and returns what was checked. `seen` maps each key some client received from
 * another client to the value it received; it only grows, and every restart checks all of it.
 */
async function crashRounds(env: Record<string, string>, seed: number): Promise<Figures> {
  const random = seeded(seed)
  let server = await start(env)
  const board = await createBoard(server.url, { title: 'Crash' })
  const seen = new Map<string, unknown>()
  let written = 0

  for (let round = 0; round < ROUNDS; round++) {
    const writers = await Promise.all(Array.from({ length: WRITERS }, () => join(server, board)))
    let writing = true
    const loops = writers.map((writer, w) =>
      (async () => {
        for (let n = 0; writing; ) {
          for (let b = 0; b < BURST; b++, n++) {
            const key = `shape:r${round}-w${w}-${n}`
            writer.records.set(key, shapeWith(key, { round, w, n }))
            written++
          }
          await sleep(1)
        }
      })(),
    )
    // A random moment, but only once edits are flowing between the clients.
    await waitFor(() => writers.every((c) => c.records.map.size >= seen.size + 100), 'edits to flow')
    await sleep(random() * 400)
    server.process.kill('SIGKILL')
    expect(await server.exited).toBe('SIGKILL')
    writing = false
    await Promise.all(loops)

    // What each client holds that another client wrote was relayed by the server.
    for (const [w, writer] of writers.entries()) {
      for (const [key, entry] of writer.records.map.entries()) {
        if (!key.startsWith('shape:r') || key.includes(`-w${w}-`)) continue
        seen.set(key, entry.val)
      }
    }
    for (const client of clients.splice(0)) client.destroy()
    children.splice(0)

    server = await start(env)
    const reader = await join(server, board)
    const missing = [...seen].filter(([key, value]) => JSON.stringify(reader.records.get(key)) !== JSON.stringify(value))
    expect(missing.map(([key]) => key)).toEqual([])
    for (const client of clients.splice(0)) client.destroy()
  }
  return { written, seenRelayed: seen.size, kills: ROUNDS }
}

describe('crash test: SIGKILL at random moments during concurrent edits', () => {
  it('SQLite: every update a client saw relayed survives each kill', async () => {
    const figures = await crashRounds({ DATA_DIR: tempDataDir() }, 11)
    console.log(`crash test (SQLite): ${figures.written} edits, ${figures.kills} kills, ${figures.seenRelayed} relayed updates verified`)
    expect(figures.written).toBeGreaterThanOrEqual(1000)
  }, TIMEOUT_MS)

  it.skipIf(servicesUnavailableReason() !== null)('PostgreSQL: every update a client saw relayed survives each kill', async () => {
    postgres = await startPostgres()
    const databaseUrl = await createDatabase(postgres.url, 'crash')
    const figures = await crashRounds({ DATA_DIR: tempDataDir(), DATABASE_URL: databaseUrl }, 23)
    console.log(`crash test (PostgreSQL): ${figures.written} edits, ${figures.kills} kills, ${figures.seenRelayed} relayed updates verified`)
    expect(figures.written).toBeGreaterThanOrEqual(1000)
  }, TIMEOUT_MS)
})
