/**
 * Templates through the API: listed, a board created from one, and what the server wrote is a
 * board the browser's tldraw store accepts as it is (same schema, every record valid).
 */
import { createTLStore, defaultBindingUtils, defaultShapeUtils, toRichText, type TLRecord } from 'tldraw'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bindStoreToDoc } from '../../client/board/yjs-store-binding.ts'
import { regieShapeUtils } from '../../client/shapes/index.ts'
import { createBoardSchema } from '../../shared/board/board-schema.ts'
import { recordsToModel } from '../../shared/board/records-to-model.ts'
import { META_MAP, MetaKey } from '../../shared/doc-layout.ts'
import { TEMPLATE_IDS, templateModel } from '../../shared/templates/index.ts'
import { connectSynced, type TestClient } from '../helpers/clients.ts'
import { waitForAsync } from '../helpers/wait.ts'
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

function recordsOf(client: TestClient): TLRecord[] {
  return client.records.yarray.toArray().map((entry) => entry.val as TLRecord)
}

async function regiecheckOf(boardId: string, token: string | null, query = ''): Promise<{ status: number; body: { findings?: { ruleId: string; message: { nl: string } }[]; counts?: Record<string, number>; error?: string } }> {
  const response = await fetch(`${server.url}/api/boards/${boardId}/regiecheck${query}`, token ? { headers: { authorization: `Bearer ${token}` } } : {})
  return { status: response.status, body: (await response.json()) as never }
}

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
      const read = recordsToModel(recordsOf(client))
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
      const names = recordsToModel(recordsOf(client)).actors.map((actor) => actor.name)
      expect(names).toEqual(expect.arrayContaining(templateModel('regiegemeente-bar', 'en').actors.map((actor) => actor.name)))
    } finally {
      client.destroy()
    }
  })
})

describe('the regiecheck on the server', () => {
  it('finds the empty regieprestaties of a new afwegingskader board, for any role, in either language', async () => {
    const board = await createBoard(server.url, { template: 'afwegingskader-regievoering' })
    const nl = await regiecheckOf(board.id, board.tokens.viewer)
    expect(nl.status).toBe(200)
    expect(nl.body.counts).toEqual({ actors: 6, relations: 5, groups: expect.any(Number), blocks: expect.any(Number) })
    expect(nl.body.findings?.map((finding) => finding.ruleId)).toContain('regieprestaties-onvolledig')
    const en = await regiecheckOf(board.id, board.tokens.participant, '?locale=en')
    expect(en.status).toBe(200)
  })

  it('refuses without a valid token or with an unknown locale, in JSON', async () => {
    const board = await createBoard(server.url, {})
    expect((await regiecheckOf(board.id, null)).status).toBe(401)
    expect((await regiecheckOf(board.id, 'wrong')).status).toBe(403)
    expect((await regiecheckOf('nosuchboard000', board.tokens.viewer)).status).toBe(404)
    const bad = await regiecheckOf(board.id, board.tokens.viewer, '?locale=fr')
    expect(bad.status).toBe(400)
    expect(bad.body.error).toBe('unknown_locale')
  })

  it('judges what a client drew: an uitbesteding without opdrachtgever, named by kind when unnamed', async () => {
    const board = await createBoard(server.url, {})
    const client = await connectSynced(wsUrl(), board.id, board.tokens.participant)
    try {
      const base = { typeName: 'shape', rotation: 0, isLocked: false, opacity: 1, meta: {}, parentId: 'page:page', index: 'a1' }
      const card = (id: string, kind: string, name: string) => ({
        ...base,
        id,
        type: 'regie-actor',
        x: 0,
        y: 0,
        props: { w: 240, h: 110, kind, name, inwoners: null, fte: null, domeinen: null, afdelingen: null, rollen: [], competenties: [], toelichting: '', placeholder: false, regeling: '' },
      })
      const ends = (['start', 'end'] as const).map((terminal, i) => ({
        id: `binding:p-${terminal}`,
        typeName: 'binding',
        type: 'arrow',
        fromId: 'shape:p',
        toId: i === 0 ? 'shape:g' : 'shape:u',
        props: { terminal, normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false, snap: 'none' },
        meta: {},
      }))
      client.doc.transact(() => {
        client.records.set('shape:g', card('shape:g', 'gemeente', 'Gemeente Oost'))
        client.records.set('shape:u', card('shape:u', 'uitvoeringsorganisatie', ''))
        client.records.set('shape:p', {
          ...base,
          id: 'shape:p',
          type: 'arrow',
          x: 0,
          y: 0,
          meta: { regieRelation: 'uitbesteding' },
          // A complete arrow: the server refuses records its schema does not accept.
          props: {
            kind: 'arc',
            labelColor: 'black',
            color: 'black',
            fill: 'none',
            dash: 'solid',
            size: 's',
            arrowheadStart: 'none',
            arrowheadEnd: 'arrow',
            font: 'sans',
            start: { x: 0, y: 0 },
            end: { x: 100, y: 0 },
            bend: 0,
            richText: toRichText(''),
            labelPosition: 0.5,
            scale: 1,
            elbowMidPoint: 0.5,
          },
        })
        for (const binding of ends) client.records.set(binding.id, binding)
      })
      await waitForAsync(async () => (await regiecheckOf(board.id, board.tokens.viewer)).body.counts?.relations === 1, 'the relation to be stored')
      const { body } = await regiecheckOf(board.id, board.tokens.viewer)
      const finding = body.findings?.find((f) => f.ruleId === 'uitbesteding-zonder-opdrachtgever')
      expect(finding?.message.nl).toContain('De uitbesteding van Gemeente Oost aan Uitvoeringsorganisatie / GR')
    } finally {
      client.destroy()
    }
  })
})

describe('the aannames of a template board (issue 16)', () => {
  it('are exported as a CSV, in Dutch or English, each with what it sits on and whether it is confirmed', async () => {
    const board = await createBoard(server.url, { template: 'regiegemeente-bar' })
    const response = await fetch(`${server.url}/api/boards/${board.id}/aannames.csv`, { headers: { authorization: `Bearer ${board.tokens.viewer}` } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer())
    const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n')
    expect(lines[0]).toBe('Waarop;Aanname;Status')
    expect(lines.some((line) => line.startsWith('Gemeente Barendrecht;') && line.endsWith(';open'))).toBe(true)
    const marked = templateModel('regiegemeente-bar', 'nl')
    const count = [...marked.actors, ...marked.relations, ...marked.groups].filter((element) => element.aanname !== undefined).length
    expect(lines.length - 1).toBeGreaterThanOrEqual(count)
    const english = await fetch(`${server.url}/api/boards/${board.id}/aannames.csv?locale=en`, { headers: { authorization: `Bearer ${board.tokens.viewer}` } })
    expect((await english.text()).replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('On;Assumption;Status')
  })

  it('leave the open regiecheck out of a rule the facilitator set aside, and list it apart with the reason', async () => {
    const board = await createBoard(server.url, { template: 'bel-combinatie' })
    const client = await connectSynced(wsUrl(), board.id, board.tokens.facilitator)
    try {
      const document = client.records.get('document:document') as { meta: Record<string, unknown> } & Record<string, unknown>
      client.records.set('document:document', { ...document, meta: { ...document.meta, regiecheckDismissals: { 'rollen-niet-gescheiden': { reason: 'Bewust: het college is opdrachtgever en zit in het AB', by: 'Fenna', at: 1 } } } })
      await waitForAsync(async () => {
        const result = await regiecheckOf(board.id, board.tokens.viewer)
        return result.body.findings?.every((finding) => finding.ruleId !== 'rollen-niet-gescheiden') === true
      }, 'the dismissal to reach the server')
      const result = (await regiecheckOf(board.id, board.tokens.viewer)).body as unknown as { dismissed: { ruleId: string; reason: string; findings: unknown[] }[] }
      expect(result.dismissed).toEqual([expect.objectContaining({ ruleId: 'rollen-niet-gescheiden', reason: 'Bewust: het college is opdrachtgever en zit in het AB', findings: [expect.anything()] })])
    } finally {
      client.destroy()
    }
  })
})
