// CPU time (not wall time: the machine is shared) of laying out and routing each template.
import { layOutModel } from '../shared/board/lay-out-model.ts'
import { modelToRecords } from '../shared/board/model-to-records.ts'
import { withLegend } from '../shared/board/template-records.ts'
import { TEMPLATE_IDS, templateModel } from '../shared/templates/index.ts'
await layOutModel(templateModel('bel-combinatie', 'nl'))
for (const id of TEMPLATE_IDS) {
  const model = withLegend(templateModel(id, 'nl'), 'nl')
  const c0 = process.cpuUsage()
  const layout = await layOutModel(model)
  const c1 = process.cpuUsage(c0)
  modelToRecords(model, layout, { pageId: 'page:page' as never })
  const c2 = process.cpuUsage(c0)
  console.log(id.padEnd(38), 'layout', Math.round(c1.user / 1000), 'ms  routing', Math.round((c2.user - c1.user) / 1000), 'ms (CPU)')
}
