/**
 * Every limit, one at a time: what the client gets (close code or HTTP status, with a reason),
 * that it is counted in /metrics, and that everyone else carries on.
 */
import { Writable } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import type { Config } from '../../server/config.ts'
import { createLogger } from '../../server/log.ts'
import { connectRaw, connectSynced, upgradeStatus, type RawClient, type TestClient } from '../helpers/clients.ts'
import { createBoard, startTestServer, type TestServer } from '../helpers/server.ts'
import { waitFor, waitForAsync } from '../helpers/wait.ts'
import { updateFrame } from '../helpers/frames.ts'
import { shapeWith } from '../helpers/records.ts'

let server: TestServer
const clients: TestClient[] = []
const raws: RawClient[] = []

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  for (const raw of raws.splice(0)) raw.socket.terminate()
  await server.close()
})

async function start(overrides: Partial<Config>): Promise<TestServer> {
  server = await startTestServer(overrides)
  return server
}

async function openRaw(boardId: string, token: string): Promise<RawClient> {
  const raw = connectRaw(server.wsUrl, boardId, token)
  raws.push(raw)
  await raw.opened
  return raw
}


async function metricsText(): Promise<string> {
  return (await fetch(`${server.url}/metrics`)).text()
}

async function rejections(reason: string): Promise<number> {
  const line = (await metricsText()).split('\n').find((l) => l.startsWith(`regiebord_rejections_total{reason="${reason}"}`))
  return line ? Number(line.split(' ').pop()) : 0
}

async function httpStatus(path: string): Promise<{ status: number; error: string }> {
  const response = await fetch(`${server.url}${path}`)
  return { status: response.status, error: ((await response.json()) as { error: string }).error }
}

describe('limits', () => {
  it('paces a connection sending more updates per second than allowed instead of closing it', async () => {
    await start({ maxUpdatesPerSecond: 20 })
    const board = await createBoard(server.url)
    const honest = await connectSynced(server.wsUrl, board.id, board.tokens.participant)
    const watcher = await connectSynced(server.wsUrl, board.id, board.tokens.viewer)
    clients.push(honest, watcher)
    const flood = await openRaw(board.id, board.tokens.participant)
    let closed = false
    void flood.closed.then(() => (closed = true))
    const started = performance.now()
    for (let i = 0; i < 100; i++) flood.socket.send(updateFrame(`shape:flood-${i}`, shapeWith(`shape:flood-${i}`, { i })))
    honest.records.set('shape:honest', shapeWith('shape:honest', { ok: true }))
    await waitFor(() => watcher.records.get('shape:honest') !== undefined, 'honest edit to arrive')
    // 40 at once (the burst), the other 60 at 20 per second: about three seconds.
    await waitFor(() => watcher.records.get('shape:flood-99') !== undefined, 'every paced update to arrive', 30_000)
    console.log(`100 updates at a limit of 20/s arrived after ${((performance.now() - started) / 1000).toFixed(1)} s`)
    expect(closed).toBe(false)
    expect(await rejections('update_rate')).toBeGreaterThanOrEqual(1)
  })

  it('refuses more connections from one address than allowed with 429', async () => {
    await start({ maxConnectionsPerIp: 2 })
    const board = await createBoard(server.url)
    const first = await openRaw(board.id, board.tokens.participant)
    await openRaw(board.id, board.tokens.participant)
    expect(await upgradeStatus(`${server.wsUrl}/${board.id}?token=${board.tokens.participant}`)).toBe(429)
    expect(await rejections('connections_per_ip')).toBe(1)
    first.socket.close()
    await first.closed
    await waitFor(() => server.registry.loadedRoom(board.id)?.peerCount === 1, 'the first connection to be gone')
    expect(await upgradeStatus(`${server.wsUrl}/${board.id}?token=${board.tokens.participant}`)).toBe(101)
  })

  it('refuses more connections to one board than allowed with 503, other boards stay open', async () => {
    await start({ maxConnectionsPerBoard: 2 })
    const board = await createBoard(server.url)
    const other = await createBoard(server.url)
    await openRaw(board.id, board.tokens.participant)
    await openRaw(board.id, board.tokens.viewer)
    expect(await upgradeStatus(`${server.wsUrl}/${board.id}?token=${board.tokens.facilitator}`)).toBe(503)
    expect(await upgradeStatus(`${server.wsUrl}/${other.id}?token=${other.tokens.facilitator}`)).toBe(101)
    expect(await rejections('connections_per_board')).toBe(1)
  })

  it('refuses to load more boards than allowed with 503, and makes room by unloading an idle one', async () => {
    await start({ maxBoardsLoaded: 1, idleUnloadMs: 60_000 })
    const busy = await createBoard(server.url)
    const waiting = await createBoard(server.url)
    const holder = await openRaw(busy.id, busy.tokens.participant)
    await waitFor(() => server.registry.loadedCount === 1, 'the first board to load')
    expect(await upgradeStatus(`${server.wsUrl}/${waiting.id}?token=${waiting.tokens.participant}`)).toBe(503)
    expect(await rejections('boards_loaded')).toBe(1)
    holder.socket.close()
    await waitFor(() => server.registry.loadedRoom(busy.id)?.peerCount === 0, 'the first board to go idle')
    const late = await connectSynced(server.wsUrl, waiting.id, waiting.tokens.participant)
    clients.push(late)
    expect(server.registry.loadedRoom(busy.id)).toBeNull()
  })

  it('refuses updates past the board size limit with 4413, keeping what fit', async () => {
    await start({ maxBoardBytes: 64 * 1024 })
    const board = await createBoard(server.url)
    const watcher = await connectSynced(server.wsUrl, board.id, board.tokens.viewer)
    clients.push(watcher)
    const writer = await openRaw(board.id, board.tokens.participant)
    const blob = 'x'.repeat(20_000)
    for (let i = 0; i < 5; i++) writer.socket.send(updateFrame(`shape:big-${i}`, shapeWith(`shape:big-${i}`, { blob })))
    const closed = await writer.closed
    expect(closed.code).toBe(4413)
    expect(closed.reason).toMatch(/size limit/)
    expect(await rejections('board_too_large')).toBe(1)
    // Three notes fit, beside the page and document records every board starts with.
    await waitFor(() => watcher.records.map.size === 5, 'the updates that fit')
    const reader = await connectSynced(server.wsUrl, board.id, board.tokens.viewer)
    clients.push(reader)
    expect(reader.records.map.size).toBe(5)
  })

  it('closes an oversized message with 1009 and counts it', async () => {
    await start({ maxMessageBytes: 2048 })
    const board = await createBoard(server.url)
    const raw = await openRaw(board.id, board.tokens.participant)
    raw.socket.send(new Uint8Array(4096))
    expect((await raw.closed).code).toBe(1009)
    await waitForAsync(async () => (await rejections('message_too_large')) === 1, 'the rejection to be counted')
  })

  it('limits every API request body with 413', async () => {
    await start({ maxRequestBodyBytes: 1024 })
    const response = await fetch(`${server.url}/api/nothing-here`, { method: 'POST', body: 'x'.repeat(2000) })
    expect(response.status).toBe(413)
    expect(((await response.json()) as { error: string }).error).toBe('body_too_large')
    expect(await rejections('request_body_too_large')).toBe(1)
  })
})

describe('metrics, headers and logs', () => {
  it('exposes connections, boards, updates, bytes, storage latency, rejections and event-loop lag', async () => {
    await start({})
    const board = await createBoard(server.url)
    const a = await connectSynced(server.wsUrl, board.id, board.tokens.participant)
    const b = await connectSynced(server.wsUrl, board.id, board.tokens.viewer)
    clients.push(a, b)
    a.records.set('shape:1', shapeWith('shape:1'))
    await waitFor(() => b.records.get('shape:1') !== undefined, 'the edit')
    const response = await fetch(`${server.url}/metrics`)
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/)
    const text = await response.text()
    expect(text).toMatch(/^regiebord_connections\{role="participant"\} 1$/m)
    expect(text).toMatch(/^regiebord_connections\{role="viewer"\} 1$/m)
    expect(text).toMatch(/^regiebord_boards_loaded 1$/m)
    expect(text).toMatch(/^regiebord_updates_total\{source="client"\} [1-9]/m)
    expect(text).toMatch(/^regiebord_sync_bytes_total\{direction="in"\} [1-9]/m)
    expect(text).toMatch(/^regiebord_sync_bytes_total\{direction="out"\} [1-9]/m)
    expect(text).toMatch(/^regiebord_storage_seconds_bucket\{le="[^"]+",operation="append",outcome="ok"\} [1-9]/m)
    expect(text).toMatch(/^# TYPE regiebord_rejections_total counter$/m)
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m)
  })

  it('sends a content security policy that allows only our own origin, and other security headers', async () => {
    await start({})
    for (const path of ['/', '/api/health', '/b/someboard']) {
      const response = await fetch(`${server.url}${path}`)
      const csp = response.headers.get('content-security-policy') ?? ''
      expect(csp).toContain("default-src 'self'")
      // Our own files, and inline only the built page's own script, named by its hash.
      expect(csp).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/]+={0,2}')*;/)
      expect(csp.match(/script-src[^;]*/)?.[0]).not.toContain('unsafe')
      expect(csp).toContain("frame-ancestors 'none'")
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('x-frame-options')).toBe('DENY')
    }
  })

  it('logs board id and role as JSON, never a token', async () => {
    let output = ''
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        output += chunk.toString()
        done()
      },
    })
    const { startServer } = await import('../../server/server.ts')
    const { loadConfig } = await import('../../server/config.ts')
    const { tempDataDir } = await import('../helpers/server.ts')
    const config = { ...loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'debug' }), dataDir: tempDataDir(), maxUpdatesPerSecond: 5 }
    const running = await startServer(config, createLogger('debug', sink))
    server = { ...running, dataDir: config.dataDir, wsUrl: `ws://127.0.0.1:${running.port}/sync` }
    const board = await createBoard(server.url)
    for (const token of Object.values(board.tokens)) clients.push(await connectSynced(server.wsUrl, board.id, token))
    expect(await upgradeStatus(`${server.wsUrl}/${board.id}?token=wrong-token-value`)).toBe(403)
    const flood = await openRaw(board.id, board.tokens.participant)
    flood.socket.send(updateFrame('shape:self', { ...shapeWith('shape:self'), parentId: 'shape:self' }))
    await flood.closed
    // Closing twice is fine (afterEach closes again): close() is idempotent.
    await server.close()

    const lines = output.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
    for (const token of [...Object.values(board.tokens), 'wrong-token-value']) expect(output).not.toContain(token)
    const limited = lines.find((line) => line.msg === 'connection closed by a limit')
    expect(limited).toMatchObject({ boardId: board.id, role: 'participant', reason: 'invalid_record' })
  })
})
