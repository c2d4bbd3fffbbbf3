import { describe, expect, it } from 'vitest'
import { toRichText, type TLRecord } from 'tldraw'
import { buildOutline } from '../../../client/outline/outline-model.ts'
import { PAGE_ID } from '../../../shared/board/board-schema.ts'
import { templateRecords } from '../../../shared/board/template-records.ts'
import { templateModel } from '../../../shared/templates/index.ts'

describe('the board as an outline', () => {
  it('lists every frame with what is in it, notes with their author, and the relations', async () => {
    const { shapes, bindings } = await templateRecords('co-creatie-co-productie-uitbesteding', 'nl', { pageId: PAGE_ID })
    const lane = shapes.find((shape) => shape.type === 'frame' && (shape.props as { name: string }).name === 'Co-creatie')!
    const note = {
      ...lane,
      id: 'shape:idee',
      type: 'note',
      parentId: lane.id,
      x: 10,
      y: 400,
      meta: { createdBy: 'u1', createdByName: 'Anna' },
      props: { richText: toRichText('Wijkbudget samen verdelen') },
    } as unknown as TLRecord
    const outline = buildOutline([...shapes, ...bindings, note])
    const coCreatie = outline.frames.find((frame) => frame.name === 'Co-creatie')
    expect(coCreatie?.items.map((item) => [item.kind, item.text, item.createdByName])).toContainEqual(['note', 'Wijkbudget samen verdelen', 'Anna'])
    expect(outline.frames.map((frame) => frame.name)).toEqual(expect.arrayContaining(['Co-creatie', 'Co-productie', 'Uitbesteding']))
  })

  it('reads relations with the names of the actors they join', async () => {
    const { shapes, bindings } = await templateRecords('bel-combinatie', 'nl', { pageId: PAGE_ID })
    const outline = buildOutline([...shapes, ...bindings])
    expect(outline.relations).toHaveLength(templateModel('bel-combinatie', 'nl').relations.length)
    for (const relation of outline.relations) {
      expect(outline.names[relation.from]).toBeDefined()
      expect(outline.names[relation.to]).toBeDefined()
    }
  })

  it('survives shapes whose parents form a loop, as a broken or hostile client may write', () => {
    const frame = (id: string, parentId: string) =>
      ({ id, typeName: 'shape', type: 'frame', parentId, x: 0, y: 0, rotation: 0, index: 'a1', isLocked: false, opacity: 1, meta: {}, props: { w: 100, h: 100, name: id, color: 'black' } }) as unknown as TLRecord
    const note = { ...(frame('shape:n', 'shape:a') as object), type: 'note', props: { richText: toRichText('rond') } } as unknown as TLRecord
    const outline = buildOutline([frame('shape:a', 'shape:b'), frame('shape:b', 'shape:a'), note])
    expect(outline.frames.find((f) => f.id === 'shape:a')?.items.map((item) => item.text)).toEqual(['rond'])
  })
})
