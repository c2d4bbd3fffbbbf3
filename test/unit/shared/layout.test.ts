import { describe, expect, it } from 'vitest'
import { DEFAULT_ACTOR_SIZE, LayoutError, layoutModel, type Rect, type RegieLayout } from '../../../shared/regie/layout.ts'
import type { RegieModel } from '../../../shared/regie/model.ts'
import { TEMPLATES, templateModel } from '../../../shared/templates/index.ts'
import { actor, model, relation } from './model-fixtures.ts'

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height

function overlappingPairs(rects: Record<string, Rect>): string[] {
  const entries = Object.entries(rects)
  const pairs: string[] = []
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      if (overlaps(entries[i]![1], entries[j]![1])) pairs.push(`${entries[i]![0]} × ${entries[j]![0]}`)
    }
  }
  return pairs
}

/** Cards are what a reader reads: actors, steps of a flow, and notes, checklists and legends. */
function cards(m: RegieModel, layout: RegieLayout): Record<string, Rect> {
  const flows = new Set(m.blocks.filter((b) => b.type === 'flow').map((b) => b.id))
  const blocks = Object.fromEntries(Object.entries(layout.blocks).filter(([id]) => !flows.has(id)))
  return { ...layout.actors, ...layout.flowSteps, ...blocks }
}

describe.each(TEMPLATES.map((t) => [t.id] as const))('layout of template %s', (id) => {
  const m = templateModel(id, 'nl')
  const layoutPromise = layoutModel(m)

  it('places every actor, group and block', async () => {
    const layout = await layoutPromise
    expect(Object.keys(layout.actors).sort()).toEqual(m.actors.map((a) => a.id).sort())
    expect(Object.keys(layout.groups).sort()).toEqual(m.groups.map((g) => g.id).sort())
    expect(Object.keys(layout.blocks).sort()).toEqual(m.blocks.map((b) => b.id).sort())
  })

  it('lets no two actor cards overlap', async () => {
    expect(overlappingPairs((await layoutPromise).actors)).toEqual([])
  })

  it('lets no card overlap any other card', async () => {
    expect(overlappingPairs(cards(m, await layoutPromise))).toEqual([])
  })

  it('keeps every card inside its group and every group inside its parent', async () => {
    const layout = await layoutPromise
    for (const a of m.actors) if (a.group) expect(inside(layout.actors[a.id]!, layout.groups[a.group]!), a.id).toBe(true)
    for (const b of m.blocks) if (b.group) expect(inside(layout.blocks[b.id]!, layout.groups[b.group]!), b.id).toBe(true)
    for (const g of m.groups) if (g.parent) expect(inside(layout.groups[g.id]!, layout.groups[g.parent]!), g.id).toBe(true)
  })

  it('lets nothing overlap what sits beside it in the same container: cards, blocks and groups', async () => {
    const layout = await layoutPromise
    const containers = new Set<string | undefined>([undefined, ...m.groups.map((g) => g.id)])
    for (const container of containers) {
      const beside: Record<string, Rect> = {}
      for (const a of m.actors) if (a.group === container) beside[`actor ${a.id}`] = layout.actors[a.id]!
      for (const b of m.blocks) if (b.group === container) beside[`block ${b.id}`] = layout.blocks[b.id]!
      for (const g of m.groups) if (g.parent === container) beside[`group ${g.id}`] = layout.groups[g.id]!
      expect(overlappingPairs(beside), container ?? 'board').toEqual([])
    }
  })

  it('keeps the steps of a flow inside it, in reading order from left to right', async () => {
    const layout = await layoutPromise
    for (const flow of m.blocks) {
      if (flow.type !== 'flow') continue
      const xs = flow.steps.map((s) => layout.flowSteps[s.id]!.x)
      expect(xs).toEqual([...xs].sort((a, b) => a - b))
      for (const step of flow.steps) expect(inside(layout.flowSteps[step.id]!, layout.blocks[flow.id]!)).toBe(true)
    }
  })

  it('fits everything inside the reported bounds', async () => {
    const layout = await layoutPromise
    for (const rect of [...Object.values(layout.actors), ...Object.values(layout.groups), ...Object.values(layout.blocks)]) {
      expect(inside(rect, layout.bounds)).toBe(true)
    }
  })
})

describe('layoutModel', () => {
  const hierarchy = model({
    actors: [actor('college', 'college'), actor('raad', 'gemeenteraad'), actor('gr', 'uitvoeringsorganisatie')],
    relations: [relation('verantwoording', 'verantwoording', 'college', 'raad'), relation('opdracht', 'opdrachtgeverschap', 'college', 'gr')],
  })

  it('puts a raad above the college that answers to it, and the college above what it commissions', async () => {
    const { actors } = await layoutModel(hierarchy)
    expect(actors.raad!.y).toBeLessThan(actors.college!.y)
    expect(actors.college!.y).toBeLessThan(actors.gr!.y)
  })

  it('sets gemeenten that each take part in a joint body in one row facing it, not in a grid (Noord-Veluwe)', async () => {
    const { actors } = await layoutModel(templateModel('regio-noord-veluwe', 'nl'))
    const gemeenten = ['elburg', 'ermelo', 'harderwijk', 'nunspeet', 'oldebroek', 'putten', 'hattem', 'heerde', 'zeewolde'].map((id) => actors[id]!)
    expect(new Set(gemeenten.map((rect) => rect.y)).size).toBe(1)
    // The algemeen bestuur lies below them: nothing of the gemeenten stands between it and any of them.
    expect(actors.ab!.y).toBeGreaterThan(Math.max(...gemeenten.map((rect) => rect.y + rect.height)))
  })

  it("puts a group's cards facing where their relations go: Drechtsteden's gemeenten below Alblasserdam's organisation, towards the network", async () => {
    const { actors, groups } = await layoutModel(templateModel('organisatienetwerk-drechtsteden', 'nl'))
    const alblasserdam = groups['alblasserdam-organisatie']!
    for (const id of ['dordrecht', 'hendrik-ido-ambacht', 'papendrecht', 'sliedrecht', 'zwijndrecht', 'hardinxveld-giessendam']) {
      const gemeente = actors[id]!
      // In a row that no card of Alblasserdam's organisation covers from below.
      expect(gemeente.x >= alblasserdam.x + alblasserdam.width || gemeente.y >= alblasserdam.y + alblasserdam.height).toBe(true)
    }
  })

  it('centres a joint body over the units it consists of (BAR)', async () => {
    const { actors, groups } = await layoutModel(templateModel('regiegemeente-bar', 'nl'))
    const frame = groups['gr-bar-organisatie']!
    const gr = actors['gr-bar']!
    expect(Math.abs(gr.x + gr.width / 2 - (frame.x + frame.width / 2))).toBeLessThan(frame.width / 6)
  })

  it('reads left to right when asked to', async () => {
    const { actors } = await layoutModel(hierarchy, { direction: 'RIGHT' })
    expect(actors.raad!.x).toBeLessThan(actors.college!.x)
    expect(actors.college!.x).toBeLessThan(actors.gr!.x)
  })

  it('tidies a board drawn by hand, without groups, leaving no cards on top of each other', async () => {
    const drawn = model({
      actors: Array.from({ length: 12 }, (_, i) => actor(`a${i}`, i % 2 ? 'inwoners' : 'gemeente')),
      relations: Array.from({ length: 8 }, (_, i) => relation(`r${i}`, 'co-creatie', `a${i}`, `a${i + 2}`)),
    })
    const layout = await layoutModel(drawn)
    expect(Object.keys(layout.actors)).toHaveLength(12)
    expect(overlappingPairs(layout.actors)).toEqual([])
  })

  it('uses the card sizes the canvas gives', async () => {
    const layout = await layoutModel(hierarchy, { actorSize: (a) => (a.kind === 'gemeenteraad' ? { width: 400, height: 50 } : DEFAULT_ACTOR_SIZE) })
    expect(layout.actors.raad).toMatchObject({ width: 400, height: 50 })
    expect(layout.actors.college).toMatchObject(DEFAULT_ACTOR_SIZE)
  })

  it('sets the lanes of a container side by side, equally long, in model order', async () => {
    const lanes = model({
      actors: [actor('x', 'gemeente', { group: 'l1' }), actor('y', 'inwoners', { group: 'l1' }), actor('z', 'bedrijf', { group: 'l3' })],
      relations: [relation('r', 'co-creatie', 'x', 'y')],
      groups: ['l1', 'l2', 'l3'].map((id) => ({ id, kind: 'lane' as const, title: id })),
    })
    const { groups } = await layoutModel(lanes)
    expect(groups.l1!.x).toBeLessThan(groups.l2!.x)
    expect(groups.l2!.x).toBeLessThan(groups.l3!.x)
    expect(new Set([groups.l1!.height, groups.l2!.height, groups.l3!.height]).size).toBe(1)
    expect(overlappingPairs(groups as Record<string, Rect>)).toEqual([])
  })

  it('gives the same positions for the same model', async () => {
    const m = templateModel('bel-combinatie', 'nl')
    expect(await layoutModel(m)).toEqual(await layoutModel(m))
  })

  it('refuses a model with problems instead of guessing', async () => {
    const broken = model({ actors: [actor('a', 'gemeente')], relations: [relation('r', 'advies', 'a', 'weg')] })
    await expect(layoutModel(broken)).rejects.toBeInstanceOf(LayoutError)
  })

  it('lays out an empty board as nothing', async () => {
    expect(await layoutModel(model({}))).toEqual({ actors: {}, groups: {}, blocks: {}, flowSteps: {}, bounds: { x: 0, y: 0, width: 0, height: 0 } })
  })
})
