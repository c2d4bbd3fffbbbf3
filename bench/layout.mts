// Issue 13's layout figures without a browser: per template and per generated hand-drawn network,
// the targets measured on the records (cards, relations, relations through a card that is not
// their end, label overlaps, card/frame overlaps, clipped shapes, zoom to fit 1440×900 minus a
// 40 px inset) and the CPU time of layout and routing (CPU, not wall time: machines are shared).
// `npx tsx bench/layout.mts`; the browser figures come from test/e2e/layout.test.ts.
import { handDrawnNetwork } from '../shared/board/hand-drawn-network.ts'
import { layOutModel } from '../shared/board/lay-out-model.ts'
import { modelToRecords } from '../shared/board/model-to-records.ts'
import { withLegend } from '../shared/board/template-records.ts'
import type { RegieModel } from '../shared/regie/model.ts'
import { TEMPLATE_IDS, templateModel } from '../shared/templates/index.ts'
import { measureRecords } from '../test/helpers/board-geometry.ts'

await layOutModel(templateModel('bel-combinatie', 'nl')) // loads ELK once, outside the figures

async function report(name: string, model: RegieModel<string>): Promise<void> {
  const c0 = process.cpuUsage()
  const layout = await layOutModel(model)
  const c1 = process.cpuUsage(c0)
  const { shapes, bindings } = modelToRecords(model, layout, { pageId: 'page:page' as never })
  const c2 = process.cpuUsage(c0)
  const m = measureRecords(shapes, bindings)
  const zoom = Math.min((1440 - 80) / m.bounds.width, (900 - 80) / m.bounds.height)
  console.log(
    `${name.padEnd(38)} cards ${m.cards}  relations ${m.relations}  crossing ${m.crossing.length}  label overlaps ${m.labelOverlaps.length}  card overlaps ${m.cardOverlaps.length}  frame overlaps ${m.frameOverlaps.length}  clipped ${m.clipped.length}  fits at ${(zoom * 100).toFixed(0)} %  layout ${Math.round(c1.user / 1000)} ms + routing ${Math.round((c2.user - c1.user) / 1000)} ms CPU`,
  )
}

for (const id of TEMPLATE_IDS) await report(id, withLegend(templateModel(id, 'nl'), 'nl'))
for (const [actors, relations] of [[4, 5], [12, 20], [40, 80]] as const) await report(`network ${actors}/${relations}`, handDrawnNetwork(actors, relations).model)
