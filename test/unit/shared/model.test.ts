import { describe, expect, it } from 'vitest'
import { validateModel, type RegieModel } from '../../../shared/regie/model.ts'
import { actor, model, relation } from './model-fixtures.ts'

const codes = (m: RegieModel) => validateModel(m).map((problem) => problem.code)

const sound = model({
  actors: [actor('raad', 'gemeenteraad', { group: 'gemeente' }), actor('college', 'college', { group: 'gemeente' }), actor('gr', 'uitvoeringsorganisatie')],
  relations: [
    relation('kaders', 'kaderstelling', 'raad', 'college'),
    relation('opdracht', 'opdrachtgeverschap', 'college', 'gr', { radReference: 'RAD 2024' }),
  ],
  groups: [{ id: 'gemeente', kind: 'organisation', title: 'Gemeente' }],
  blocks: [
    { type: 'note', id: 'notitie', group: 'gemeente', text: 'Let op' },
    { type: 'flow', id: 'proces', after: 'gemeente', title: 'Proces', steps: [{ id: 'stap', text: 'Besluit', actorIds: ['raad'] }] },
    { type: 'checklist', id: 'kern', purpose: 'regieprestaties', title: 'Kern', items: [{ id: 'p1', text: 'Afbakenen', ref: 'opgave-afbakenen' }] },
  ],
})

describe('validateModel', () => {
  it('finds no problem in a sound model', () => {
    expect(validateModel(sound)).toEqual([])
  })

  it('reports an id used twice, even across actors and relations', () => {
    const m = model({ ...sound, relations: [...sound.relations, relation('raad', 'advies', 'college', 'raad')] })
    expect(validateModel(m)).toContainEqual(expect.objectContaining({ code: 'duplicate-id', ids: ['raad'] }))
  })

  it('reports a relation whose end is not an actor', () => {
    const m = model({ ...sound, relations: [relation('los', 'advies', 'college', 'nergens')] })
    expect(validateModel(m)).toContainEqual(expect.objectContaining({ code: 'missing-relation-end', ids: ['los', 'nergens'] }))
  })

  it('reports a relation that ends on a group instead of an actor', () => {
    const m = model({ ...sound, relations: [relation('naar-groep', 'advies', 'college', 'gemeente')] })
    expect(codes(m)).toContain('missing-relation-end')
  })

  it('reports a relation from an actor to itself', () => {
    const m = model({ ...sound, relations: [relation('rondje', 'advies', 'college', 'college')] })
    expect(codes(m)).toEqual(['self-relation'])
  })

  it('reports unknown kinds of actor and relation, as data from outside may carry', () => {
    const m = model({
      actors: [actor('a', 'waterschap' as never), actor('b', 'gemeente')],
      relations: [relation('r', 'vriendschap' as never, 'a', 'b')],
    })
    expect(codes(m)).toEqual(['unknown-actor-kind', 'unknown-relation-kind'])
  })

  it('reports a RAD reference on a kind that carries none', () => {
    const m = model({ ...sound, relations: [relation('advies', 'advies', 'college', 'raad', { radReference: 'RAD' })] })
    expect(codes(m)).toEqual(['attribute-not-carried'])
  })

  it('reports an actor in a group that does not exist', () => {
    const m = model({ actors: [actor('a', 'gemeente', { group: 'weg' })] })
    expect(validateModel(m)).toEqual([expect.objectContaining({ code: 'unknown-group', ids: ['a', 'weg'] })])
  })

  it('reports groups nested in each other in a circle', () => {
    const m = model({
      groups: [
        { id: 'a', kind: 'area', title: 'A', parent: 'b' },
        { id: 'b', kind: 'area', title: 'B', parent: 'a' },
      ],
    })
    expect(codes(m)).toEqual(['group-cycle', 'group-cycle'])
  })

  it('reports a reading order that points outside the container', () => {
    const m = model({ ...sound, blocks: [{ type: 'note', id: 'n', group: 'gemeente', after: 'proces', text: 'x' }, ...sound.blocks] })
    expect(validateModel(m)).toContainEqual(expect.objectContaining({ code: 'unknown-after', ids: ['n', 'proces'] }))
  })

  it('reports a flow step naming an actor that does not exist', () => {
    const m = model({ blocks: [{ type: 'flow', id: 'f', title: 'F', steps: [{ id: 's', text: 'S', actorIds: ['niemand'] }] }] })
    expect(codes(m)).toEqual(['unknown-step-actor'])
  })

  it('reports a regieprestaties item pointing to something that is not a regieprestatie', () => {
    const m = model({ blocks: [{ type: 'checklist', id: 'k', purpose: 'regieprestaties', title: 'K', items: [{ id: 'i', text: 'x', ref: 'a' }] }] })
    expect(codes(m)).toEqual(['unknown-checklist-ref'])
  })

  it('words every problem in Dutch and English', () => {
    const m = model({ actors: [actor('a', 'gemeente', { group: 'weg' })], relations: [relation('r', 'advies', 'a', 'a')] })
    const problems = validateModel(m)
    expect(problems.length).toBe(2)
    for (const problem of problems) {
      expect(problem.message.nl).not.toBe('')
      expect(problem.message.en).not.toBe('')
      expect(problem.message.nl).not.toBe(problem.message.en)
    }
  })
})
