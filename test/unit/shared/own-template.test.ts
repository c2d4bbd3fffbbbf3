/** What of a board an own template keeps: the whole model, or a selection without dangling references. */
import { describe, expect, it } from 'vitest'
import type { RegieModel } from '../../../shared/regie/model.ts'
import { validateModel } from '../../../shared/regie/model.ts'
import { isOwnTemplateId, templateModel } from '../../../shared/templates/own-template.ts'

const board: RegieModel<string> = {
  actors: [
    { id: 'shape:raad', kind: 'gemeenteraad', name: 'Raad', group: 'shape:gemeente' },
    { id: 'shape:college', kind: 'college', name: 'College', group: 'shape:gemeente' },
    { id: 'shape:gr', kind: 'uitvoeringsorganisatie', name: 'GR' },
  ],
  relations: [
    { id: 'shape:r1', kind: 'verantwoording', from: 'shape:college', to: 'shape:raad' },
    { id: 'shape:r2', kind: 'uitbesteding', from: 'shape:college', to: 'shape:gr', radReference: 'RAD 1' },
  ],
  groups: [
    { id: 'shape:gemeente', kind: 'organisation', title: 'Gemeente' },
    { id: 'shape:baan', kind: 'lane', title: 'Baan', after: 'shape:gemeente' },
  ],
  blocks: [
    { type: 'checklist', id: 'shape:vragen', purpose: 'vragen', title: 'Vragen', group: 'shape:baan', items: [{ id: 'shape:v1', text: 'Wie stuurt?', response: 'De raad' }] },
    { type: 'flow', id: 'shape:flow', title: 'Besluit', after: 'shape:baan', steps: [{ id: 'shape:s1', text: 'Voorstel', actorIds: ['shape:college', 'shape:gr'] }] },
  ],
}

describe('templateModel', () => {
  it('keeps the whole board without the shape: prefix and without filled-in answers', () => {
    const model = templateModel(board)
    expect(validateModel(model)).toEqual([])
    expect(model.actors.map((actor) => actor.id)).toEqual(['raad', 'college', 'gr'])
    expect(model.relations[1]).toEqual({ id: 'r2', kind: 'uitbesteding', from: 'college', to: 'gr', radReference: 'RAD 1' })
    const vragen = model.blocks.find((block) => block.type === 'checklist')!
    expect(vragen).toMatchObject({ group: 'baan', items: [{ id: 'v1', text: 'Wie stuurt?' }] })
    expect(JSON.stringify(model)).not.toContain('De raad')
  })

  it('keeps a selected group with its contents, and drops references to what was left out', () => {
    const model = templateModel(board, new Set(['shape:gemeente', 'shape:flow']))
    expect(validateModel(model)).toEqual([])
    expect(model.actors.map((actor) => actor.id)).toEqual(['raad', 'college'])
    expect(model.relations.map((relation) => relation.id)).toEqual(['r1'])
    expect(model.groups.map((group) => group.id)).toEqual(['gemeente'])
    const flow = model.blocks.find((block) => block.type === 'flow')!
    expect(flow).not.toHaveProperty('after')
    expect(flow.type === 'flow' && flow.steps[0]!.actorIds).toEqual(['college'])
  })

  it('tells own template ids from others', () => {
    expect(isOwnTemplateId('eigen-0123456789abcdef')).toBe(true)
    expect(isOwnTemplateId('bel-combinatie')).toBe(false)
    expect(isOwnTemplateId('eigen-../../etc')).toBe(false)
  })
})
