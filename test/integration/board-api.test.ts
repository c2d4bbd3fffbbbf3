import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoard, startTestServer, type TestServer } from '../helpers/server.ts'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer({ tldrawLicenseKey: 'test-key' })
})
afterAll(async () => {
  await server.close()
})

async function request(path: string, init: RequestInit = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.url}${path}`, init)
  expect(response.headers.get('content-type')).toMatch(/application\/json/)
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

const post = (body: string) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body })

describe('board API', () => {
  it('creates a board with three distinct high-entropy tokens', async () => {
    const { status, body } = await request('/api/boards', post(JSON.stringify({ title: '  Wijkavond  ' })))
    expect(status).toBe(201)
    expect(body.title).toBe('Wijkavond')
    expect(body.id).toMatch(/^[a-z0-9]{14}$/)
    const tokens = body.tokens as Record<string, string>
    expect(Object.keys(tokens).sort()).toEqual(['facilitator', 'participant', 'viewer'])
    expect(new Set(Object.values(tokens)).size).toBe(3)
    // 32 random bytes in base64url: 43 characters, 256 bits.
    for (const token of Object.values(tokens)) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it('creates a board without a body, with a default title', async () => {
    const { status, body } = await request('/api/boards', { method: 'POST' })
    expect(status).toBe(201)
    expect(body.title).toBe('Naamloos bord')
  })

  it('stores only hashes of the tokens', async () => {
    const board = await createBoard(server.url)
    const { default: Database } = await import('better-sqlite3')
    const db = new Database(`${server.dataDir}/regiebord.sqlite`, { readonly: true })
    const rows = db.prepare('SELECT token_hash FROM board_tokens WHERE board_id = ?').all(board.id) as { token_hash: string }[]
    db.close()
    expect(rows).toHaveLength(3)
    for (const token of Object.values(board.tokens)) {
      expect(rows.some((r) => r.token_hash === token)).toBe(false)
    }
  })

  it.each([
    ['invalid JSON', '{"title":', 'invalid_json'],
    ['a title that is not a string', '{"title": 5}', 'invalid_body'],
    ['an unknown field', '{"colour": "red"}', 'invalid_body'],
    ['a JSON array', '[1,2]', 'invalid_body'],
    ['an unknown template', '{"template": "nope"}', 'unknown_template'],
  ])('rejects %s with 400 and a clear message', async (_name, body, error) => {
    const result = await request('/api/boards', post(body))
    expect(result.status).toBe(400)
    expect(result.body.error).toBe(error)
    expect(typeof result.body.message).toBe('string')
  })

  it('rejects an oversized body with 413', async () => {
    const result = await request('/api/boards', post(JSON.stringify({ title: 'x'.repeat(20_000) })))
    expect(result.status).toBe(413)
    expect(result.body.error).toBe('body_too_large')
  })

  it('tells each token holder its role', async () => {
    const board = await createBoard(server.url, { title: 'Rollen' })
    for (const [role, token] of Object.entries(board.tokens)) {
      const { status, body } = await request(`/api/boards/${board.id}`, { headers: { authorization: `Bearer ${token}` } })
      expect(status).toBe(200)
      expect(body).toMatchObject({ id: board.id, title: 'Rollen', role })
    }
  })

  it('answers 401 without a token, 403 with a wrong one and 404 for an unknown board', async () => {
    const board = await createBoard(server.url)
    expect((await request(`/api/boards/${board.id}`)).status).toBe(401)
    const wrong = await request(`/api/boards/${board.id}`, { headers: { authorization: 'Bearer nope' } })
    expect(wrong.status).toBe(403)
    expect(wrong.body.error).toBe('token_invalid')
    const unknown = await request('/api/boards/unknownboard1', { headers: { authorization: `Bearer ${board.tokens.viewer}` } })
    expect(unknown.status).toBe(404)
  })

  it('reports health', async () => {
    expect(await request('/api/health')).toEqual({ status: 200, body: { status: 'ok', storage: 'ok', redis: 'disabled' } })
  })

  it('gives the client its run-time config, including the tldraw licence key', async () => {
    expect((await request('/api/config')).body).toEqual({ tldrawLicenseKey: 'test-key' })
  })

  it('answers unknown API routes with 404 JSON', async () => {
    const { status, body } = await request('/api/nothing-here')
    expect(status).toBe(404)
    expect(body.error).toBe('not_found')
  })

  it('answers a plain GET on the sync endpoint with 426', async () => {
    const board = await createBoard(server.url)
    expect((await request(`/sync/${board.id}`)).status).toBe(426)
  })
})
