/**
 * Two server instances (child processes) sharing a real PostgreSQL and a real Redis, with stock
 * y-websocket clients on both: the multi-instance behaviour promised in the README.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { RECORDS_ARRAY } from '../../shared/doc-layout.ts'
import { createLogger } from '../../server/log.ts'
import { openPostgresStorage } from '../../server/storage/postgres.ts'
import { startBalancer, type Balancer } from '../helpers/balancer.ts'
import { startChildServer, type ChildServer } from '../helpers/child-server.ts'
import { connectClient, connectRaw, connectSynced, type TestClient } from '../helpers/clients.ts'
import { converged, recordsOf, seeded } from '../helpers/records.ts'
import { createBoard, tempDataDir, type BoardLinks } from '../helpers/server.ts'
import { boardApi, issuePerson } from '../helpers/board-http.ts'
import { createDatabase, servicesUnavailableReason, startPostgres, startRedis, type Service } from '../helpers/services.ts'
import { sleep, waitFor, waitForAsync } from '../helpers/wait.ts'
import { rawRoundTrip } from '../helpers/barrier.ts'
import { shapeWith } from '../helpers/records.ts'
import { CLOSE_RESYNC } from '../../shared/close-codes.ts'

const unavailable = servicesUnavailableReason()

function encodeVarUint(value: number): number[] {
  const bytes: number[] = []
  while (value > 0x7f) {
    bytes.push((value & 0x7f) | 0x80)
    value >>>= 7
  }
  bytes.push(value)
  return bytes
}

describe.skipIf(unavailable !== null)('two instances with Redis and PostgreSQL', () => {
  let postgres: Service
  let redis: Service
  let databaseUrl: string
  let a: ChildServer
  let b: ChildServer
  const clients: TestClient[] = []
  const balancers: Balancer[] = []

  const startInstance = () =>
    startChildServer({
      DATA_DIR: tempDataDir(),
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      // These tests are about fan-out, not limits: every client comes from 127.0.0.1 and writes fast.
      MAX_CONNECTIONS_PER_IP: '10000',
      MAX_UPDATES_PER_SECOND: '100000',
    })

  beforeAll(async () => {
    ;[postgres, redis] = await Promise.all([startPostgres(), startRedis()])
    databaseUrl = await createDatabase(postgres.url, 'scale_out')
    // One at a time: both would run the migrations at once (they take an advisory lock, but the
    // first start is quicker to read in a failure log this way).
    a = await startInstance()
    b = await startInstance()
  })

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    for (const balancer of balancers.splice(0)) await balancer.close()
  })

  afterAll(async () => {
    for (const child of [a, b]) {
      child?.process.kill('SIGKILL')
      await child?.exited
    }
    await Promise.all([redis?.stop(), postgres?.stop()])
  })

  async function join(wsUrl: string, board: BoardLinks): Promise<TestClient> {
    const client = await connectSynced(wsUrl, board.id, board.tokens.participant)
    clients.push(client)
    return client
  }

  async function health(server: ChildServer): Promise<{ http: number; status: string; redis: string }> {
    const response = await fetch(`${server.url}/api/health`)
    const body = (await response.json()) as { status: string; redis: string }
    return { http: response.status, status: body.status, redis: body.redis }
  }

  /** A lookup of one instance's current metric values by series name. */
  async function metricValues(server: ChildServer): Promise<(series: string) => number> {
    const text = await (await fetch(`${server.url}/metrics`)).text()
    const values = new Map(text.split('\n').filter((l) => !l.startsWith('#') && l).map((l) => [l.slice(0, l.lastIndexOf(' ')), Number(l.slice(l.lastIndexOf(' ') + 1))]))
    return (series) => values.get(series) ?? 0
  }

  /** The board as PostgreSQL holds it, read without any server. */
  async function storedRecords(boardId: string): Promise<Map<string, unknown>> {
    const storage = await openPostgresStorage(databaseUrl, createLogger('silent'))
    try {
      const doc = new Y.Doc()
      for (const update of (await storage.loadUpdates(boardId)).updates) Y.applyUpdate(doc, update)
      const records = new YKeyValue<unknown>(doc.getArray(RECORDS_ARRAY))
      return new Map([...records.map.entries()].map(([key, entry]) => [key, entry.val]))
    } finally {
      await storage.close()
    }
  }

  it('reports storage and Redis ready on both instances', async () => {
    expect(await health(a)).toEqual({ http: 200, status: 'ok', redis: 'ready' })
    expect(await health(b)).toEqual({ http: 200, status: 'ok', redis: 'ready' })
  })

  it('makes clients on two instances converge under random concurrent edits', async () => {
    const board = await createBoard(a.url)
    const peers = [await join(a.wsUrl, board), await join(a.wsUrl, board), await join(b.wsUrl, board), await join(b.wsUrl, board)]
    const random = seeded(2024)
    for (let round = 0; round < 40; round++) {
      for (let i = 0; i < 10; i++) {
        const writer = peers[Math.floor(random() * peers.length)]!
        const key = `shape:${Math.floor(random() * 30)}`
        if (random() < 0.15) writer.records.delete(key)
        else writer.records.set(key, shapeWith(key, { x: Math.round(random() * 1000), round }))
      }
      // Let the rounds interleave with delivery, so edits cross each other in flight.
      await sleep(random() * 5)
    }
    await waitFor(() => converged(peers), 'clients on both instances to converge', 20_000)
    expect(Object.keys(recordsOf(peers[0]!)).length).toBeGreaterThan(0)
    // No echo: each instance publishes exactly the updates its own clients sent, never again what
    // it received from the other.
    for (const server of [a, b]) {
      await waitForAsync(async () => {
        const m = await metricValues(server)
        return m('regiebord_fanout_messages_total{direction="published",kind="update"}') === m('regiebord_updates_total{source="client"}')
      }, 'published updates to equal client updates')
    }
    const late = await join(b.wsUrl, board)
    expect(recordsOf(late)).toEqual(recordsOf(peers[0]!))
  })

  it('carries awareness across instances and removes it when the client leaves', async () => {
    const board = await createBoard(a.url)
    const onA = await join(a.wsUrl, board)
    const onB = await join(b.wsUrl, board)
    onA.provider.awareness.setLocalStateField('user', { name: 'Anna' })
    const id = onA.doc.clientID
    const nameSeenOnB = () => (onB.provider.awareness.getStates().get(id) as { user?: { name: string } } | undefined)?.user?.name
    await waitFor(() => nameSeenOnB() === 'Anna', 'awareness to reach the other instance')
    onA.provider.disconnect()
    await waitFor(() => !onB.provider.awareness.getStates().has(id), 'awareness removal to reach the other instance')
  })

  it('keeps identities issued on both instances at once, and turning someone away on one closes them on the other', async () => {
    const board = await createBoard(a.url)
    const [onA, onB] = await Promise.all([
      Promise.all(Array.from({ length: 10 }, (_, i) => issuePerson(a.url, board.id, board.tokens.participant, `A${i}`))),
      Promise.all(Array.from({ length: 10 }, (_, i) => issuePerson(b.url, board.id, board.tokens.participant, `B${i}`))),
    ])
    // Every identity opens the board on either instance: none was lost to a concurrent write.
    for (const who of [...onA, ...onB]) {
      expect((await boardApi<{ status: string }>(b.url, 'GET', `/api/boards/${board.id}/identity`, board.tokens.participant, undefined, who)).body.status).toBe('admitted')
    }
    const anna = onA[0]!
    const connected = await connectSynced(b.wsUrl, board.id, board.tokens.participant, { owner: anna.secret })
    clients.push(connected)
    const closed = new Promise<number>((resolve) => connected.provider.on('connection-close', (event) => event && resolve(event.code)))
    const refused = await boardApi(a.url, 'POST', `/api/boards/${board.id}/session/admit`, board.tokens.facilitator, { participantId: anna.key, admit: false })
    expect(refused.status).toBe(200)
    expect(await closed).toBe(4401)
  })

  it('stamps the real role into awareness that crosses instances', async () => {
    const board = await createBoard(a.url)
    const impostor = await connectSynced(a.wsUrl, board.id, board.tokens.viewer)
    clients.push(impostor)
    const onB = await join(b.wsUrl, board)
    impostor.provider.awareness.setLocalState({ user: { name: 'Procesbegeleider' }, session: { role: 'facilitator', ownerKey: null } })
    const seen = () => onB.provider.awareness.getStates().get(impostor.doc.clientID) as { user?: unknown; session?: { role: string } } | undefined
    await waitFor(() => seen()?.user !== undefined, 'awareness to reach the other instance')
    expect(seen()?.session?.role).toBe('viewer')
  })

  it('catches up from storage what it missed while Redis was down', async () => {
    const board = await createBoard(a.url)
    const onA = await join(a.wsUrl, board)
    const onB = await join(b.wsUrl, board)
    const port = new URL(redis.url).port
    await redis.stop()
    await waitForAsync(async () => (await health(a)).redis === 'down' && (await health(b)).redis === 'down', 'health to report Redis down')
    // Still serving (storage is fine), so a load balancer keeps both: degraded, not unavailable.
    expect(await health(b)).toEqual({ http: 200, status: 'degraded', redis: 'down' })
    for (let i = 0; i < 20; i++) onA.records.set(`shape:offline-${i}`, shapeWith(`shape:offline-${i}`, { i }))
    // A stores them (its own clients get them) while nothing can reach B.
    const second = await join(a.wsUrl, board)
    await waitFor(() => second.records.map.size === 22, 'edits stored on A')
    redis = await startRedis(Number(port))
    await waitFor(() => onB.records.map.size === 22, 'B to catch up after Redis is back', 20_000)
    await waitForAsync(async () => (await health(a)).status === 'ok' && (await health(b)).status === 'ok', 'health to recover')
    expect(recordsOf(onB)).toEqual(recordsOf(onA))
  })

  it('sends a client whose update depends on content not yet on its instance back to resync, then stores it', async () => {
    const board = await createBoard(a.url)
    const onA = await join(a.wsUrl, board)
    // U2 builds on U1; B gets U2 first and refuses to keep it pending (unchecked) with a close the
    // client retries; once U1 has reached B through A and Redis, the same U2 is taken.
    const source = new Y.Doc()
    const records = new YKeyValue<unknown>(source.getArray(RECORDS_ARRAY))
    records.set('shape:first', shapeWith('shape:first', { n: 1 }))
    const u1 = Y.encodeStateAsUpdate(source)
    const afterU1 = Y.encodeStateVector(source)
    records.set('shape:second', shapeWith('shape:second', { n: 2 }))
    const u2 = Y.encodeStateAsUpdate(source, afterU1)
    const frame = Uint8Array.from([0, 2, ...encodeVarUint(u2.byteLength), ...u2])
    const early = connectRaw(b.wsUrl, board.id, board.tokens.participant)
    await early.opened
    early.socket.send(frame)
    expect((await early.closed).code).toBe(CLOSE_RESYNC)
    Y.applyUpdate(onA.doc, u1)
    await waitForAsync(async () => (await storedRecords(board.id)).has('shape:first'), 'U1 to be stored')
    // The client retries, as y-websocket does after the close, until B has U1 and takes U2. The
    // round trip's answer comes once what B took is stored; a close means "not yet".
    await waitForAsync(async () => {
      const retry = connectRaw(b.wsUrl, board.id, board.tokens.participant)
      await retry.opened
      retry.socket.send(frame)
      const outcome = await rawRoundTrip(retry)
      retry.socket.terminate()
      return outcome === 'answered' && (await storedRecords(board.id)).has('shape:second')
    }, 'the retried update to be stored')
    await waitFor(() => onA.records.get('shape:second') !== undefined, 'the update to come back to A')
  })

  it('loses nothing when one instance is killed mid-edit: its clients reconnect to the other', async () => {
    const balancer = await startBalancer([a, b].map((s) => Number(new URL(s.url).port)))
    balancers.push(balancer)
    const board = await createBoard(b.url)
    // Through the balancer, in turn: two clients land on A and two on B.
    const peers = Array.from({ length: 4 }, () => connectClient(balancer.wsUrl, board.id, board.tokens.participant))
    clients.push(...peers)
    await waitFor(() => peers.every((p) => p.provider.synced), 'clients to sync through the balancer')
    const written: string[][] = peers.map(() => [])
    let writing = true
    const writers = peers.map((peer, i) =>
      (async () => {
        for (let n = 0; writing; n++) {
          const key = `shape:${i}-${n}`
          peer.records.set(key, shapeWith(key, { writer: i, n }))
          written[i]!.push(key)
          await sleep(3)
        }
      })(),
    )
    // Kill A once edits are flowing between the instances.
    await waitFor(() => peers.every((p) => p.records.map.size >= 200), 'edits to flow between instances')
    a.process.kill('SIGKILL')
    expect(await a.exited).toBe('SIGKILL')
    await waitFor(() => peers.every((p) => p.provider.wsconnected), "A's clients to reconnect to B", 20_000)
    // Edits after the reconnect, from every client, before they stop.
    const sentBefore = written.map((keys) => keys.length)
    await waitFor(() => written.every((keys, i) => keys.length >= sentBefore[i]! + 20), 'edits after the reconnect')
    writing = false
    await Promise.all(writers)

    const all = written.flat()
    await waitFor(() => peers.every((p) => p.records.map.size === all.length + 2) && converged(peers), 'everyone to hold every edit', 20_000)
    const stored = await storedRecords(board.id)
    for (const key of all) expect(stored.has(key), key).toBe(true)
    expect(all.length).toBeGreaterThan(200)
  })
})
