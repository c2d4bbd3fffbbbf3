/**
 * Issue 16: every template element traceable to its seed. Per template, each body, relation and
 * step the seed names is listed here with the seed's own words and slide, and must be on the
 * board with the right kind; every actor or relation NOT listed here is something the seed does
 * not state, and must carry a visible "aanname" saying so.
 */
import { describe, expect, it } from 'vitest'
import type { RegieFlow, RegieModel } from '../../../shared/regie/model.ts'
import { getTemplate, templateModel, type TemplateId } from '../../../shared/templates/index.ts'
import { SEED, type SeedTable } from './seed-tables.ts'

describe.each(Object.entries(SEED) as [Exclude<TemplateId, 'co-creatie-co-productie-uitbesteding'>, SeedTable][])('template %s against its seed', (id, table) => {
  const m: RegieModel = templateModel(id, 'nl')
  const seed = getTemplate(id).seed

  it.each(table.bodies.map((body) => [`${body[1]}: "${body[2]}" (${seed} dia ${body[3]})`, body] as const))('has the body %s', (_, [kind, actorId, , slide]) => {
    const found = m.actors.find((actor) => actor.id === actorId)
    expect(found?.kind, actorId).toBe(kind)
    expect(getTemplate(id).model.actors.find((actor) => actor.id === actorId)?.source?.seed).toBe(seed)
    expect(slide).toBeGreaterThan(0)
  })

  it.each(table.relations.map((relation) => [`${relation[1]} → ${relation[2]} (${relation[0]}): "${relation[3]}" (${seed} dia ${relation[4]})`, relation] as const))(
    'has the relation %s',
    (_, [kind, from, to]) => {
      expect(m.relations.filter((relation) => relation.from === from && relation.to === to).map((relation) => relation.kind)).toContain(kind)
    },
  )

  if (table.steps.length > 0) {
    it.each(table.steps.map((step) => [`${step[0]}: "${step[1]}" (${seed} dia ${step[2]})`, step] as const))('has the step %s', (_, [stepId]) => {
      const steps = m.blocks.filter((block): block is RegieFlow => block.type === 'flow').flatMap((flow) => flow.steps.map((step) => step.id))
      expect(steps).toContain(stepId)
    })
  }

  it('marks every actor and relation the seed does not state with an aanname, in Dutch and English', () => {
    const bodies = new Set(table.bodies.map((body) => body[1]))
    const relations = new Set(table.relations.map(([kind, from, to]) => `${kind}:${from}>${to}`))
    const template = getTemplate(id).model
    const unmarked = [
      ...template.actors.filter((actor) => !bodies.has(actor.id) && actor.aanname === undefined).map((actor) => actor.id),
      ...template.relations.filter((relation) => !relations.has(`${relation.kind}:${relation.from}>${relation.to}`) && relation.aanname === undefined).map((relation) => relation.id),
    ]
    expect(unmarked).toEqual([])
    for (const element of [...template.actors, ...template.relations, ...template.groups, ...template.blocks]) {
      if (element.aanname === undefined) continue
      expect(element.aanname.nl.length, element.id).toBeGreaterThan(20)
      expect(element.aanname.en.length, element.id).toBeGreaterThan(20)
    }
  })
})

describe('facts and omissions the review found (issue 16)', () => {
  it('draws no kaderstelling from the BAR raden to the GR-BAR: seed 000 lists the koersdocumenten only under the bestuurlijk proces', () => {
    expect(templateModel('regiegemeente-bar', 'nl').relations.filter((r) => r.kind === 'kaderstelling')).toEqual([])
  })

  it('marks Barendrecht and Ridderkerk as names the seed does not give', () => {
    const m = templateModel('regiegemeente-bar', 'nl')
    for (const id of ['barendrecht', 'ridderkerk']) expect(m.actors.find((a) => a.id === id)?.aanname).toContain('BAR')
    expect(m.actors.find((a) => a.id === 'albrandswaard')?.aanname).toBeUndefined()
  })

  it('does not give the BEL college the role "Advisering (bestuursopdracht)"', () => {
    const rollen = templateModel('bel-combinatie', 'nl').actors.filter((a) => a.kind === 'college').flatMap((a) => a.attributes?.rollen ?? [])
    expect(rollen.join(' ')).not.toContain('Advisering')
  })

  it('names the Noord-Veluwe PO without inventing "per thema een PO"', () => {
    const po = templateModel('regio-noord-veluwe', 'nl').actors.find((a) => a.id === 'po')
    expect(JSON.stringify(po)).not.toContain('per thema')
  })

  it('has the three stellingen of seed 002 as cards a group can vote on, with their "mits"', () => {
    const stellingen = templateModel('regio-noord-veluwe', 'nl').blocks.find((b) => b.type === 'checklist' && b.purpose === 'stellingen')
    expect(stellingen?.type === 'checklist' && stellingen.items.map((i) => [i.text.slice(0, 10), i.hint?.startsWith('Mits') || i.hint?.startsWith('Onbeheersbaar')])).toEqual([
      ['Stelling 1', true],
      ['Stelling 2', true],
      ['Stelling 3', true],
    ])
  })

  it('has "Wat is goede samenwerking?" (002 dia 5), the BEL succesfactoren and uitgangspunten (003 dia 4, 6), and the aanbevelingen of 001 and 004', () => {
    const titles = (id: TemplateId) => templateModel(id, 'nl').blocks.filter((b) => b.type === 'checklist').map((b) => (b.type === 'checklist' ? b.purpose : ''))
    expect(titles('regio-noord-veluwe')).toContain('succesfactoren')
    expect(titles('bel-combinatie').filter((p) => p === 'succesfactoren')).toHaveLength(2)
    expect(titles('organisatienetwerk-drechtsteden')).toContain('aanbevelingen')
    expect(titles('afwegingskader-regievoering')).toContain('aanbevelingen')
  })

  it('has a local opdrachtgever in the Drechtsteden ("Invulling van lokaal opdrachtgeverschap cruciaal", 001 dia 5)', () => {
    const local = templateModel('organisatienetwerk-drechtsteden', 'nl').relations.find((r) => r.id === 'lokaal-opdrachtgeverschap')
    expect(local).toMatchObject({ kind: 'opdrachtgeverschap', from: 'alblasserdam-college' })
  })

  it('asks the questions of A and C of the afwegingskader by their ref, so the regiecheck can tell which are open', () => {
    const refs = templateModel('afwegingskader-regievoering', 'nl').blocks.flatMap((b) => (b.type === 'checklist' ? b.items.map((i) => i.ref) : []))
    expect(refs).toEqual(expect.arrayContaining(['a-taak', 'a-samenwerking', 'c-kenmerken', 'c-hoe-ver', 'c-regietype', 'c-proceskader']))
  })
})
