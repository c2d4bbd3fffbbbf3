/**
 * The API contract: GET /api/openapi.json describes every route the Hono app has (and nothing it
 * does not), and what the real server answers matches what the document says, checked with a
 * JSON Schema 2020-12 validator (Ajv) against the document as served: each answer's status must
 * be documented for its operation, its content type must be one the document lists, and a JSON
 * body must validate against the documented schema. Every operation is called until it has
 * answered with success at least once.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACTOR_KIND_IDS } from '../../shared/regie/actor-kinds.ts'
import { RELATION_KIND_IDS } from '../../shared/regie/relation-kinds.ts'
import { recordsToModel } from '../../shared/board/records-to-model.ts'
import { templateModel } from '../../shared/templates/own-template.ts'
import { TEMPLATE_IDS } from '../../shared/templates/index.ts'
import type { BoardFile } from '../../shared/export/board-file.ts'
import { upgradeStatus } from '../helpers/clients.ts'
import { startTestServer, type BoardLinks, type TestServer } from '../helpers/server.ts'

const ADMIN_TOKEN = 'contract-0123456789abcdef0123456789'

interface OpenApiDocument {
  openapi: string
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>
}

let server: TestServer
let document: OpenApiDocument
const ajv = new Ajv2020({ allErrors: true, strict: false })
ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i)
const validators = new Map<string, ValidateFunction>()
/** Operation ("get /api/boards/{id}") → the statuses it answered with, each validated. */
const answered = new Map<string, Set<number>>()

beforeAll(async () => {
  server = await startTestServer({ adminToken: ADMIN_TOKEN })
  const response = await fetch(`${server.url}/api/openapi.json`)
  expect(response.status).toBe(200)
  document = (await response.json()) as OpenApiDocument
  // The document as a schema resource, so `$ref: '#/components/schemas/…'` resolves inside it.
  ajv.addSchema(document as object, 'openapi.json')
  record('get', '/api/openapi.json', 200)
})

afterAll(async () => {
  await server?.close()
})

/** `/api/boards/{id}/votes/{shapeId}` as a pattern; the sync room may hold slashes. */
function patternOf(template: string): RegExp {
  const escaped = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
  return new RegExp(`^${escaped.replace(/\\?\{room\\?\}/, '.+').replace(/\{[^}]+\}/g, '[^/]+')}$`)
}

/** The documented operation for a concrete request path: the one with the fewest parameters. */
function operationFor(method: string, path: string): string {
  const matches = Object.keys(document.paths)
    .filter((template) => document.paths[template]![method] && patternOf(template).test(path))
    .sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0))
  expect(matches, `${method.toUpperCase()} ${path} is not in the document`).not.toHaveLength(0)
  return matches[0]!
}

function record(method: string, template: string, status: number): void {
  const key = `${method} ${template}`
  answered.set(key, (answered.get(key) ?? new Set()).add(status))
}

function validatorFor(template: string, method: string, status: number, mediaType: string): ValidateFunction {
  const pointer = ['paths', template, method, 'responses', String(status), 'content', mediaType, 'schema'].map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')
  const key = `openapi.json#/${pointer}`
  let validate = validators.get(key)
  if (!validate) {
    validate = ajv.getSchema(key)
    if (!validate) throw new Error(`no schema at ${key}`)
    validators.set(key, validate)
  }
  return validate
}

interface CallOptions {
  token?: string | null
  owner?: string
  json?: unknown
  body?: BodyInit
  contentType?: string
  headers?: Record<string, string>
}

interface Answer {
  status: number
  // Parsed JSON for JSON answers, text otherwise. `any` because the document's schema has already
  // checked the shape; each test reads only the fields it asserts on.
  body: any
  contentType: string
}

/** One request to the real server, checked against the document. */
async function call(method: 'get' | 'post' | 'patch' | 'delete', path: string, options: CallOptions = {}): Promise<Answer> {
  const url = new URL(path, server.url)
  const template = operationFor(method, url.pathname)
  const response = await fetch(url, {
    method: method.toUpperCase(),
    headers: {
      ...(options.token && { authorization: `Bearer ${options.token}` }),
      ...(options.owner && { 'x-regiebord-owner': options.owner }),
      ...(options.json !== undefined && { 'content-type': 'application/json' }),
      ...(options.contentType && { 'content-type': options.contentType }),
      ...options.headers,
    },
    body: options.json !== undefined ? JSON.stringify(options.json) : options.body,
  })
  const status = response.status
  const documented = document.paths[template]![method]!.responses[String(status)]
  const text = await response.text()
  expect(documented, `${method.toUpperCase()} ${path} answered ${status}, which ${template} does not document: ${text.slice(0, 200)}`).toBeDefined()
  const contentType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim()
  const media = documented!.content ?? {}
  let body: unknown = text
  if (Object.keys(media).length > 0) {
    const mediaType = contentType in media ? contentType : 'application/octet-stream' in media ? 'application/octet-stream' : null
    expect(mediaType, `${method.toUpperCase()} ${path} ${status} answered ${contentType}; documented: ${Object.keys(media).join(', ')}`).not.toBeNull()
    if (mediaType === 'application/json') {
      body = JSON.parse(text)
      const validate = validatorFor(template, method, status, mediaType)
      expect(validate(body), `${method.toUpperCase()} ${path} ${status}: ${ajv.errorsText(validate.errors)}`).toBe(true)
    }
  }
  record(method, template, status)
  return { status, body, contentType }
}

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document whose schemas all compile as JSON Schema 2020-12', () => {
    expect(document.openapi).toBe('3.1.0')
    for (const [template, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        for (const [status, answer] of Object.entries(operation.responses)) {
          for (const mediaType of Object.keys(answer.content ?? {})) expect(validatorFor(template, method, Number(status), mediaType)).toBeTypeOf('function')
        }
      }
    }
  })

  it('describes every route the app has, and only those', () => {
    // Hono keeps middleware (`use`, method ALL) and each handler of a chain as routes: the API's
    // routes are the ones with a method. `GET /*` serves the web app (index.html), not the API.
    const routes = new Set(
      server.app.routes
        .filter((route) => route.method !== 'ALL' && route.path !== '/*')
        .map((route) => `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')}`),
    )
    const documented = new Set(Object.entries(document.paths).flatMap(([template, methods]) => Object.keys(methods).map((method) => `${method} ${template}`)))
    expect([...routes].filter((route) => !documented.has(route)), 'routes missing from the document').toEqual([])
    expect([...documented].filter((operation) => !routes.has(operation)), 'documented operations the app does not have').toEqual([])
  })
})

describe('what the server answers matches the document', () => {
  let board: BoardLinks

  it('installation and boards', async () => {
    expect((await call('get', '/api/health')).status).toBe(200)
    expect((await call('get', '/api/config')).status).toBe(200)
    expect((await call('get', '/api/time')).status).toBe(200)
    expect((await call('get', '/metrics')).status).toBe(200)
    expect((await call('get', '/api/templates')).status).toBe(200)

    const created = await call('post', '/api/boards', { json: { title: 'Contract', template: TEMPLATE_IDS[0], locale: 'nl' } })
    expect(created.status).toBe(201)
    board = created.body as BoardLinks
    expect((await call('post', '/api/boards', { json: { template: 'bestaat-niet' } })).status).toBe(400)
    expect((await call('post', '/api/boards', { body: '{', contentType: 'application/json' })).status).toBe(400)

    expect((await call('get', `/api/boards/${board.id}`, { token: board.tokens.viewer })).body.role).toBe('viewer')
    expect((await call('get', `/api/boards/${board.id}`)).status).toBe(401)
    expect((await call('get', `/api/boards/${board.id}`, { token: 'wrong' })).status).toBe(403)
    expect((await call('get', '/api/boards/nosuchboard1', { token: board.tokens.viewer })).status).toBe(404)
    expect((await call('get', `/api/boards/${board.id}/regiecheck?locale=en`, { token: board.tokens.viewer })).status).toBe(200)
    expect((await call('get', `/api/boards/${board.id}/regiecheck?locale=xx`, { token: board.tokens.viewer })).status).toBe(400)

    expect((await call('get', `/sync/${board.id}?token=${board.tokens.viewer}`)).status).toBe(426)
    // fetch cannot upgrade; the WebSocket client can.
    expect(await upgradeStatus(`${server.wsUrl}/${board.id}?token=${board.tokens.viewer}`)).toBe(101)
    expect(document.paths['/sync/{room}']!.get!.responses['101']).toBeDefined()
    record('get', '/sync/{room}', 101)

    const state = await call('get', `/sync-state/${board.id}/structure?token=${board.tokens.viewer}`)
    expect(state).toMatchObject({ status: 200, contentType: 'application/octet-stream' })
    expect((await call('get', `/sync-state/${board.id}`)).status).toBe(401)
    expect((await call('get', `/sync-state/${board.id}?token=wrong`)).status).toBe(403)
    expect((await call('get', `/sync-state/${board.id}/nonsense?token=${board.tokens.viewer}`)).status).toBe(404)
  })

  it('identities, the session and votes', async () => {
    const facilitator = { token: board.tokens.facilitator }
    const anna = (await call('post', `/api/boards/${board.id}/identities`, { token: board.tokens.participant, json: { name: 'Anna' } })).body as { identity: string; participantId: string }
    expect((await call('get', `/api/boards/${board.id}/identity`, { token: board.tokens.participant, owner: anna.identity })).body.participantId).toBe(anna.participantId)
    expect((await call('get', `/api/boards/${board.id}/identity`, { token: board.tokens.participant })).status).toBe(400)
    expect((await call('get', `/api/boards/${board.id}/links`, facilitator)).status).toBe(200)
    expect((await call('get', `/api/boards/${board.id}/links`, { token: board.tokens.participant })).status).toBe(403)

    const session = (path: string, json: unknown) => call('post', `/api/boards/${board.id}/session/${path}`, { ...facilitator, json })
    expect((await session('timer', { action: 'set', minutes: 5 })).status).toBe(200)
    expect((await session('timer', { action: 'start' })).body.timer.status).toBe('running')
    expect((await session('timer', { action: 'explode' })).status).toBe(400)
    expect((await session('freeze', { frozen: true })).body.frozen).toBe(true)
    expect((await session('freeze', { frozen: false })).status).toBe(200)
    expect((await session('private', { active: true })).body.privateMode.active).toBe(true)
    expect((await call('get', `/api/boards/${board.id}/session/private/count`, facilitator)).body).toEqual({ notes: 0, writers: 0 })
    expect((await session('private', { active: false })).status).toBe(200)
    expect((await session('summon', { pageId: 'page:page', bounds: { x: 0, y: 0, w: 800, h: 600 }, by: 'fac', byName: 'Fenna' })).body.summon.byName).toBe('Fenna')

    expect((await session('voting', { action: 'start', shapeIds: ['shape:a', 'shape:b'], votesPerPerson: 2, maxPerShape: 1, minutes: 10, question: 'Waar beginnen we?' })).status).toBe(200)
    const votes = `/api/boards/${board.id}/votes`
    const asAnna = { token: board.tokens.participant, owner: anna.identity }
    expect((await call('post', votes, { ...asAnna, json: { shapeId: 'shape:a' } })).body.mine).toEqual({ 'shape:a': 1 })
    expect((await call('post', votes, { ...asAnna, json: { shapeId: 'shape:a' } })).status).toBe(409)
    expect((await call('get', votes, asAnna)).body.totals).toBeNull()
    expect((await call('get', votes, { token: board.tokens.viewer })).status).toBe(403)
    expect((await call('get', `/api/boards/${board.id}/session/voting/progress`, facilitator)).body.voters).toEqual([anna.participantId])
    expect((await call('delete', `${votes}/shape:a`, asAnna)).body.mine).toEqual({})
    expect((await call('post', votes, { ...asAnna, json: { shapeId: 'shape:b' } })).status).toBe(200)
    expect((await session('voting', { action: 'close' })).body.voting.status).toBe('closed')
    const revealed = await session('voting', { action: 'reveal' })
    expect(revealed.body.voting).toMatchObject({ status: 'revealed', totals: { 'shape:b': 1 } })
    expect(revealed.body.rounds).toHaveLength(1)

    expect((await session('view-only', { ownerKey: anna.participantId, viewOnly: true })).body.viewOnly).toEqual({ [anna.participantId]: true })
    expect((await session('lobby', { active: true })).body.lobby).toBe(true)
    const waiting = (await call('post', `/api/boards/${board.id}/identities`, { token: board.tokens.participant, json: {} })).body as { participantId: string; status: string }
    expect(waiting.status).toBe('waiting')
    expect((await session('admit', { participantId: waiting.participantId, admit: true })).body.identities[waiting.participantId].status).toBe('admitted')
    expect((await session('lobby', { active: false })).status).toBe(200)

    expect((await call('post', `/api/boards/${board.id}/tokens/participant/rotate`, facilitator)).body.role).toBe('participant')
    expect((await call('post', `/api/boards/${board.id}/tokens/facilitator/rotate`, facilitator)).status).toBe(400)
  })

  it('snapshots, exports, files and imports', async () => {
    const facilitator = { token: board.tokens.facilitator }
    const snapshots = `/api/boards/${board.id}/snapshots`
    const taken = await call('post', snapshots, { ...facilitator, json: { name: 'Voor de pauze', author: 'Fenna' } })
    expect(taken.status).toBe(201)
    // Besides the automatic ones the reveals above took.
    const names = (answer: Answer) => (answer.body.snapshots as Array<{ name: string }>).map((snapshot) => snapshot.name)
    expect(names(await call('get', snapshots, facilitator))).toContain('Voor de pauze')
    expect((await call('get', `${snapshots}/${taken.body.id}`, facilitator)).body.name).toBe('Voor de pauze')
    expect((await call('get', `${snapshots}/${taken.body.id}/export.json`, facilitator)).body.snapshot.name).toBe('Voor de pauze')
    expect((await call('get', `${snapshots}/00000000-0000-4000-8000-000000000000`, facilitator)).status).toBe(404)
    expect(names(await call('get', `/api/boards/${board.id}/export.json?snapshots=1`, facilitator))).toContain('Voor de pauze')
    expect((await call('delete', `${snapshots}/${taken.body.id}`, facilitator)).body.deleted).toBe(true)

    const file = (await call('get', `/api/boards/${board.id}/export.json`, { token: board.tokens.viewer })).body as BoardFile
    expect(file.format).toBe('regiebord-board')
    for (const name of ['export.csv', 'arrangements.csv', 'actors.csv', 'aannames.csv', 'report.html']) {
      expect((await call('get', `/api/boards/${board.id}/${name}?locale=en`, { token: board.tokens.viewer })).status).toBe(200)
    }
    expect((await call('get', `/api/boards/${board.id}/export.csv?locale=xx`, { token: board.tokens.viewer })).status).toBe(400)

    const png = new Uint8Array(64)
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    const asset = await call('post', `/api/boards/${board.id}/assets`, { token: board.tokens.facilitator, body: png, contentType: 'image/png' })
    expect(asset.status).toBe(201)
    expect((await call('get', asset.body.src)).contentType).toBe('image/png')
    expect((await call('post', `/api/boards/${board.id}/assets`, { token: board.tokens.facilitator, body: png, contentType: 'image/jpeg' })).status).toBe(415)
    expect((await call('get', `/api/boards/${board.id}/assets/nothing-here`)).status).toBe(404)

    expect((await call('post', '/api/boards/import', { json: file })).status).toBe(201)
    expect((await call('post', '/api/boards/import', { json: { format: 'iets anders' } })).status).toBe(400)

    const payload = {
      title: 'Regelingen',
      actors: [
        { name: 'Gemeente A', kind: ACTOR_KIND_IDS[0] },
        { name: 'Uitvoerder B', kind: ACTOR_KIND_IDS[1] },
      ],
      relations: [{ from: 'Gemeente A', kind: RELATION_KIND_IDS[0], to: 'Uitvoerder B' }],
    }
    expect((await call('post', '/api/boards/import-arrangements', { json: payload })).status).toBe(201)
    expect((await call('post', '/api/boards/import-arrangements', { body: 'Actor A;Relatie;Actor B\nX;onzin-soort;Y\n', contentType: 'text/csv' })).status).toBe(422)
    expect((await call('post', '/api/boards/import-arrangements', { body: 'x', contentType: 'text/plain' })).status).toBe(415)
  })

  it('own templates and their administration', async () => {
    const file = (await call('get', `/api/boards/${board.id}/export.json`, { token: board.tokens.viewer })).body as BoardFile
    const model = templateModel(recordsToModel([...file.records, ...file.structure]))
    const body = { boardId: board.id, title: 'Ons model', description: 'Van het contractbord', locale: 'nl', model }
    expect((await call('post', '/api/templates/own', { token: board.tokens.participant, json: body })).status).toBe(403)
    expect((await call('post', '/api/templates/own', { json: body })).status).toBe(401)
    const saved = await call('post', '/api/templates/own', { token: board.tokens.facilitator, json: body })
    expect(saved.status).toBe(201)
    const own = `/api/admin/templates/${saved.body.id}`
    expect((await call('get', '/api/admin/templates', { token: ADMIN_TOKEN })).body.templates).toHaveLength(1)
    expect((await call('get', '/api/admin/templates', { token: 'not-the-admin-token' })).status).toBe(403)
    expect((await call('patch', own, { token: ADMIN_TOKEN, json: { hidden: true } })).body.hidden).toBe(true)
    expect((await call('get', `/api/templates/own/${saved.body.id}`)).status).toBe(404)
    expect((await call('patch', own, { token: ADMIN_TOKEN, json: { hidden: false } })).status).toBe(200)
    expect((await call('get', `/api/templates/own/${saved.body.id}`)).body.title).toBe('Ons model')
    expect((await call('delete', own, { token: ADMIN_TOKEN })).body.deleted).toBe(true)
    expect((await call('delete', own, { token: ADMIN_TOKEN })).status).toBe(404)

    // Last: deleting the board.
    expect((await call('delete', `/api/boards/${board.id}`, { token: board.tokens.participant })).status).toBe(403)
    expect((await call('delete', `/api/boards/${board.id}`, { token: board.tokens.facilitator })).body).toEqual({ id: board.id, deleted: true })
  })

  it('every documented operation answered with success at least once', () => {
    const missing = Object.entries(document.paths).flatMap(([template, methods]) =>
      Object.keys(methods)
        .map((method) => `${method} ${template}`)
        .filter((key) => ![...(answered.get(key) ?? [])].some((status) => status < 300)),
    )
    expect(missing).toEqual([])
  })
})
