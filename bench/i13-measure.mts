import { templateRecords } from '../shared/board/template-records.ts'
import { TEMPLATE_IDS } from '../shared/templates/index.ts'
import { measureRecords } from '../test/helpers/board-geometry.ts'
for (const id of TEMPLATE_IDS) {
  const t0 = performance.now()
  const { shapes, bindings } = await templateRecords(id, 'nl', { pageId: 'page:page' as never })
  const ms = performance.now() - t0
  const m = measureRecords(shapes, bindings)
  const zoom = Math.min((1440 - 2 * 40) / m.bounds.width, (900 - 2 * 40) / m.bounds.height)
  console.log(id.padEnd(38), 'cards', m.cards, 'rel', m.relations, 'cross', m.crossing.length, 'labels', m.labelOverlaps.length, 'cardOv', m.cardOverlaps.length, 'frameOv', m.frameOverlaps.length, 'clip', m.clipped.length, 'zoom', (zoom * 100).toFixed(0) + '%', Math.round(ms) + 'ms', `${Math.round(m.bounds.width)}x${Math.round(m.bounds.height)}`)
  if (process.env.V) console.log(m.labelOverlaps.slice(0,10), m.crossing.slice(0,10), m.clipped.slice(0,5))
}
import { handDrawnNetwork } from '../shared/board/hand-drawn-network.ts'
import { layOutModel } from '../shared/board/lay-out-model.ts'
import { modelToRecords } from '../shared/board/model-to-records.ts'
for (const [a, r] of [[4, 5], [12, 20], [40, 80]]) {
  const { model } = handDrawnNetwork(a!, r!)
  const t0 = performance.now()
  const layout = await layOutModel(model)
  const { shapes, bindings } = modelToRecords(model, layout, { pageId: 'page:page' as never })
  const ms = performance.now() - t0
  const m = measureRecords(shapes, bindings)
  const zoom = Math.min((1440 - 80) / m.bounds.width, (900 - 80) / m.bounds.height)
  console.log(`network ${a}/${r}`.padEnd(38), 'cards', m.cards, 'rel', m.relations, 'cross', m.crossing.length, 'labels', m.labelOverlaps.length, 'cardOv', m.cardOverlaps.length, 'zoom', (zoom * 100).toFixed(0) + '%', Math.round(ms) + 'ms', `${Math.round(m.bounds.width)}x${Math.round(m.bounds.height)}`)
  if (process.env.V) console.log(m.labelOverlaps.slice(0, 10), m.crossing.slice(0, 10))
}
