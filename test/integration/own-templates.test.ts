/**
 * Own templates over the API: a facilitator saves a board as a template, it is listed next to
 * the built-in ones, a new board from it has the original's structure, it travels as a file,
 * and ADMIN_TOKEN hides or removes it. Roles and tokens are checked on every route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TLRecord } from '@tldraw/tlschema'
import { recordsToModel } from '../../shared/board/records-to-model.ts'
import type { BoardFile } from '../../shared/export/board-file.ts'
import type { RegieModel } from '../../shared/regie/model.ts'
import { templateModel, type OwnTemplateSummary, type TemplateFile } from '../../shared/templates/own-template.ts'
import { boardApi } from '../helpers/board-http.ts'
import { createBoard, startTestServer, type BoardLinks, type TestServer } from '../helpers/server.ts'

const ADMIN_TOKEN = 'beheer-0123456789abcdef0123456789'
let server: TestServer

beforeAll(async () => {
  server = await startTestServer({ adminToken: ADMIN_TOKEN })
})
afterAll(async () => {
  await server.close()
})

async function boardRecords(board: BoardLinks): Promise<TLRecord[]> {
  const file = await boardApi<BoardFile>(server.url, 'GET', `/api/boards/${board.id}/export.json`, board.tokens.viewer)
  expect(file.status).toBe(200)
  return [...file.body.records, ...file.body.structure]
}

/** A board's structure by names and kinds, ignoring ids and positions. */
export function structure(model: RegieModel<string>) {
  const names = new Map(model.actors.map((actor) => [actor.id, `${actor.kind}:${actor.name}`]))
  const titles = new Map(model.groups.map((group) => [group.id, `${group.kind}:${group.title}`]))
  return {
    actors: model.actors.map((actor) => `${names.get(actor.id)} in ${actor.group ? titles.get(actor.group) : '-'} ${JSON.stringify(actor.attributes ?? {})}`).sort(),
    relations: model.relations.map((r) => `${names.get(r.from)} ${r.kind} ${names.get(r.to)} ${r.label ?? ''} ${r.radReference ?? ''}`).sort(),
    groups: model.groups.map((group) => `${titles.get(group.id)} in ${group.parent ? titles.get(group.parent) : '-'}`).sort(),
    blocks: model.blocks
      .map((block) => {
        const items = block.type === 'checklist' ? block.items.map((item) => item.text) : block.type === 'flow' ? block.steps.map((step) => step.text) : []
        return `${block.type}:${'title' in block ? block.title : ''}:${items.join('|')}`
      })
      .sort(),
  }
}

const save = (body: unknown, token: string | null) => boardApi<OwnTemplateSummary & { message?: string; error?: string }>(server.url, 'POST', '/api/templates/own', token, body)

describe('saving a board as a template', () => {
  let original: BoardLinks
  let model: RegieModel<string>
  let saved: OwnTemplateSummary

  beforeAll(async () => {
    original = await createBoard(server.url, { title: 'BEL-combinatie 2026', template: 'bel-combinatie' })
    model = templateModel(recordsToModel(await boardRecords(original)))
  })

  it('lets the facilitator save it, and nobody else', async () => {
    const body = { boardId: original.id, title: 'BEL-model voor onze regio', description: 'Drie gemeenten, één ambtelijke organisatie.', locale: 'nl', model }
    const participant = await save(body, original.tokens.participant)
    expect(participant.status).toBe(403)
    expect(participant.body.message).toContain('procesbegeleider')
    expect((await save(body, original.tokens.viewer)).status).toBe(403)
    expect((await save(body, null)).status).toBe(401)
    expect((await save({ ...body, boardId: undefined }, original.tokens.facilitator)).status).toBe(401)
    const other = await createBoard(server.url, {})
    expect((await save(body, other.tokens.facilitator)).status).toBe(403)

    const answer = await save(body, original.tokens.facilitator)
    expect(answer.status).toBe(201)
    saved = answer.body
    expect(saved).toMatchObject({ title: 'BEL-model voor onze regio', description: 'Drie gemeenten, één ambtelijke organisatie.', locale: 'nl' })
    expect(saved.id).toMatch(/^eigen-/)
  })

  it('lists it on GET /api/templates next to the built-in templates', async () => {
    const list = await boardApi<{ templates: { id: string }[]; own: OwnTemplateSummary[] }>(server.url, 'GET', '/api/templates', null)
    expect(list.body.templates.map((template) => template.id)).toContain('bel-combinatie')
    expect(list.body.own.map((template) => template.id)).toContain(saved.id)
  })

  it('makes a new board with the same structure as the original', async () => {
    const board = await createBoard(server.url, { template: saved.id })
    expect(board.title).toBe('BEL-model voor onze regio')
    const copy = recordsToModel(await boardRecords(board))
    expect(structure(copy)).toEqual(structure(recordsToModel(await boardRecords(original))))
    expect(copy.actors.length).toBeGreaterThan(5)
    const named = await createBoard(server.url, { template: saved.id, title: 'Eigen titel' })
    expect(named.title).toBe('Eigen titel')
  })

  it('exports it as a file that imports as a template with the same structure', async () => {
    const response = await fetch(`${server.url}/api/templates/own/${saved.id}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toContain('attachment')
    const file = (await response.json()) as TemplateFile
    expect(file).toMatchObject({ format: 'regiebord-template', version: 1, title: 'BEL-model voor onze regio' })
    // Another installation's facilitator adds it from the file.
    const imported = await save({ ...file, boardId: original.id }, original.tokens.facilitator)
    expect(imported.status).toBe(201)
    expect(imported.body.id).not.toBe(saved.id)
    const board = await createBoard(server.url, { template: imported.body.id })
    expect(structure(recordsToModel(await boardRecords(board)))).toEqual(structure(model))
  })

  it('keeps only what was selected, and never sticky notes or filled-in answers', async () => {
    const records = await boardRecords(original)
    const full = recordsToModel(records)
    const group = full.groups[0]!
    const selection = templateModel(full, new Set([group.id]))
    expect(selection.groups.map((g) => g.title)).toContain(group.title)
    expect(selection.actors.every((actor) => actor.group !== undefined)).toBe(true)
    expect(selection.actors.length).toBeLessThan(full.actors.length)
    const withNote = [...records, { ...records.find((r) => r.typeName === 'shape')!, id: 'shape:sticky', type: 'note', props: { richText: { type: 'doc', content: [] } } } as unknown as TLRecord]
    expect(JSON.stringify(templateModel(recordsToModel(withNote)))).not.toContain('sticky')
  })
})

describe('refusing bad templates', () => {
  let board: BoardLinks
  beforeAll(async () => {
    board = await createBoard(server.url, {})
  })
  const base = () => ({ boardId: board.id, title: 'Test', description: '', locale: 'nl', model: { actors: [{ id: 'a', kind: 'gemeente', name: 'A' }], relations: [], groups: [], blocks: [] } })

  it('says what is wrong, in Dutch', async () => {
    const dangling = base()
    ;(dangling.model.relations as unknown[]).push({ id: 'r', kind: 'advies', from: 'a', to: 'nobody' })
    const answer = await save(dangling, board.tokens.facilitator)
    expect(answer.status).toBe(400)
    expect(answer.body.message).toContain('nobody')
    const unknownKind = base()
    unknownKind.model.actors[0]!.kind = 'waterschap'
    expect((await save(unknownKind, board.tokens.facilitator)).status).toBe(400)
    expect((await save({ ...base(), title: '' }, board.tokens.facilitator)).status).toBe(400)
    expect((await save({ ...base(), model: { actors: [], relations: [], groups: [], blocks: [] } }, board.tokens.facilitator)).body.message).toContain('leeg')
    expect((await save({ ...base(), format: 'iets-anders' }, board.tokens.facilitator)).body.message).toContain('geen sjabloonbestand')
    const many = base()
    many.model.actors = Array.from({ length: 401 }, (_, i) => ({ id: `a${i}`, kind: 'gemeente', name: `G${i}` }))
    expect((await save(many, board.tokens.facilitator)).status).toBe(400)
  })
})

describe('the admin token', () => {
  const admin = (method: string, path: string, token: string | null = ADMIN_TOKEN, body?: unknown) => boardApi<Record<string, unknown>>(server.url, method, path, token, body)
  let id: string

  beforeAll(async () => {
    const created = await admin('POST', '/api/templates/own', ADMIN_TOKEN, { title: 'Door de beheerder', model: { actors: [{ id: 'a', kind: 'gemeente', name: 'A' }], relations: [], groups: [], blocks: [] } })
    expect(created.status).toBe(201)
    id = created.body.id as string
  })

  it('is required, and must be right', async () => {
    expect((await admin('GET', '/api/admin/templates', null)).status).toBe(401)
    expect((await admin('GET', '/api/admin/templates', 'beheer-fout-0123456789abcdef012345')).status).toBe(403)
    const board = await createBoard(server.url, {})
    expect((await admin('DELETE', `/api/admin/templates/${id}`, board.tokens.facilitator)).status).toBe(403)
  })

  it('hides a template from the list and from new boards, shows it again, and removes it', async () => {
    const listed = async () => (await boardApi<{ own: OwnTemplateSummary[] }>(server.url, 'GET', '/api/templates', null)).body.own.some((t) => t.id === id)
    expect(await listed()).toBe(true)
    expect((await admin('PATCH', `/api/admin/templates/${id}`, ADMIN_TOKEN, { hidden: true })).status).toBe(200)
    expect(await listed()).toBe(false)
    const all = await admin('GET', '/api/admin/templates')
    expect((all.body.templates as OwnTemplateSummary[]).find((t) => t.id === id)).toMatchObject({ hidden: true })
    const fromHidden = await boardApi<{ error: string }>(server.url, 'POST', '/api/boards', null, { template: id })
    expect(fromHidden.status).toBe(400)
    expect((await fetch(`${server.url}/api/templates/own/${id}`)).status).toBe(404)
    expect((await admin('PATCH', `/api/admin/templates/${id}`, ADMIN_TOKEN, { hidden: 'ja' })).status).toBe(400)
    expect((await admin('PATCH', `/api/admin/templates/${id}`, ADMIN_TOKEN, { hidden: false })).status).toBe(200)
    expect(await listed()).toBe(true)
    expect((await admin('DELETE', `/api/admin/templates/${id}`)).status).toBe(200)
    expect(await listed()).toBe(false)
    expect((await admin('DELETE', `/api/admin/templates/${id}`)).status).toBe(404)
  })

  it('turns the admin API off when ADMIN_TOKEN is not set', async () => {
    const plain = await startTestServer()
    try {
      const response = await fetch(`${plain.url}/api/admin/templates`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
      expect(response.status).toBe(404)
      expect(((await response.json()) as { error: string }).error).toBe('admin_disabled')
    } finally {
      await plain.close()
    }
  })
})

// Last in the file: the server answers 413 without reading the rest of the body, which leaves
// the client's kept-alive connection unusable for a request after it.
describe('a template over 1 MB', () => {
  it('is refused with 413', async () => {
    const board = await createBoard(server.url, {})
    const actors = Array.from({ length: 5000 }, (_, i) => ({ id: `a${i}`, kind: 'gemeente', name: `Gemeente ${i} ${'x'.repeat(200)}` }))
    const answer = await save({ boardId: board.id, title: 'Te groot', model: { actors, relations: [], groups: [], blocks: [] } }, board.tokens.facilitator)
    expect(answer.status).toBe(413)
  })
})
