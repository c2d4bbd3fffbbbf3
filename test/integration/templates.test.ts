/**
 * Templates through the API: listed, a board created from one, and what the server wrote is a
 * board the browser's tldraw store accepts as it is (same schema, every record valid).
 */
import { createTLStore, defaultBindingUtils, defaultShapeUtils } from 'tldraw'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bindStoreToDoc } from '../../client/board/yjs-store-binding.ts'
import { regieShapeUtils } from '../../client/shapes/index.ts'
import { createBoardSchema } from '../../shared/board/board-schema.ts'
import { recordsToModel } from '../../shared/board/records-to-model.ts'
import { META_MAP, MetaKey } from '../../shared/doc-layout.ts'
import { TEMPLATE_IDS, templateModel } from '../../shared/templates/index.ts'
import { connectSynced } from '../helpers/clients.ts'
import { createBoard, startTestServer, type TestServer } from '../helpers/server.ts'
import { memoryLogger } from '../unit/client/board-fixtures.ts'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.close()
})

const wsUrl = () => `${server.url.replace('http', 'ws')}/sync`

describe('templates over the API', () => {
  it('lists every template with both languages and its seed', async () => {
    const response = await fetch(`${server.url}/api/templates`)
    expect(response.status).toBe(200)
    const { templates } = (await response.json()) as { templates: { id: string; title: { nl: string; en: string }; seed: { id: string; file: string } }[] }
    expect(templates.map((template) => template.id)).toEqual([...TEMPLATE_IDS])
    for (const template of templates) {
      expect(template.title.nl).not.toBe('')
      expect(template.title.en).not.toBe('')
      expect(template.seed.file).toMatch(/^00[0-4]_[0-9a-f]+\.txt$/)
    }
  })

  it('refuses a template that does not exist, with a JSON error', async () => {
    const response = await fetch(`${server.url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"template":"../../etc"}' })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ error: 'unknown_template' })
  })

  it('refuses a locale it does not speak', async () => {
    const response = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ template: 'bel-combinatie', locale: 'de' }),
    })
    expect(response.status).toBe(400)
  })

  it.each(TEMPLATE_IDS)('creates a board from %s that a stock client and the browser store read whole', async (id) => {
    const board = await createBoard(server.url, { title: 'Sjabloon', template: id })
    const info = await fetch(`${server.url}/api/boards/${board.id}`, { headers: { authorization: `Bearer ${board.tokens.viewer}` } })
    expect(await info.json()).toMatchObject({ template: id, role: 'viewer' })

    const client = await connectSynced(wsUrl(), board.id, board.tokens.participant)
    try {
      expect(client.doc.getMap(META_MAP).get(MetaKey.schema)).toEqual(createBoardSchema().serialize())
      const model = templateModel(id, 'nl')
      const read = recordsToModel(client.records.yarray.toArray().map((entry) => (entry as { val: never }).val))
      expect(read.actors).toHaveLength(model.actors.length)
      expect(read.relations).toHaveLength(model.relations.length)

      // The browser's store, with our shape utils, takes every record without complaint.
      const store = createTLStore({ shapeUtils: [...defaultShapeUtils, ...regieShapeUtils], bindingUtils: defaultBindingUtils })
      expect(store.schema.serialize()).toEqual(createBoardSchema().serialize())
      const logger = memoryLogger()
      const binding = bindStoreToDoc(store, client.doc, { logger })
      expect(binding.schemaStatus.get()).toBe('compatible')
      expect([...logger.warnings, ...logger.errors]).toEqual([])
      expect(store.allRecords().filter((record) => record.typeName === 'shape')).toHaveLength(client.records.yarray.toArray().filter((entry) => (entry as { key: string }).key.startsWith('shape:')).length)
      binding.dispose()
    } finally {
      client.destroy()
    }
  })

  it('writes the template in English when asked', async () => {
    const board = await createBoard(server.url, { template: 'regiegemeente-bar', locale: 'en' })
    const client = await connectSynced(wsUrl(), board.id, board.tokens.viewer)
    try {
      const names = recordsToModel(client.records.yarray.toArray().map((entry) => (entry as { val: never }).val)).actors.map((actor) => actor.name)
      expect(names).toEqual(expect.arrayContaining(templateModel('regiegemeente-bar', 'en').actors.map((actor) => actor.name)))
    } finally {
      client.destroy()
    }
  })
})
