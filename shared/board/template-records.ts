/**
 * A template as tldraw records, ready to put on a page: the template's model in the board's
 * language, laid out, written as shapes and bindings.
 */
import type { RegieLegend, RegieModel } from '../regie/model.ts'
import type { Locale } from '../regie/text.ts'
import { templateModel, type TemplateId } from '../templates/index.ts'
import { layOutModel } from './lay-out-model.ts'
import { LEGEND_TITLE } from './legend-title.ts'
import { modelToRecords, type ModelRecords, type ModelRecordsOptions } from './model-to-records.ts'

export async function templateRecords(id: TemplateId, locale: Locale, options: ModelRecordsOptions): Promise<ModelRecords & { width: number; height: number }> {
  const model = withLegend(templateModel(id, locale), locale)
  const layout = await layOutModel(model)
  return { ...modelToRecords(model, layout, options), width: layout.bounds.width, height: layout.bounds.height }
}

/**
 * Every board from a template explains its colours and lines: a template without a legend gets
 * one of exactly the kinds it uses, first in reading order.
 */
export function withLegend(model: RegieModel<string>, locale: Locale): RegieModel<string> {
  if (model.blocks.some((block) => block.type === 'legend')) return model
  const actorKinds = [...new Set(model.actors.map((actor) => actor.kind))]
  const relationKinds = [...new Set(model.relations.map((relation) => relation.kind))]
  if (actorKinds.length + relationKinds.length === 0) return model
  const ids = new Set([...model.actors.map((a) => a.id), ...model.groups.map((g) => g.id), ...model.blocks.map((b) => b.id)])
  let id = 'legenda'
  while (ids.has(id)) id += '-'
  const legend: RegieLegend<string> = { type: 'legend', id, title: LEGEND_TITLE[locale], actorKinds, relationKinds }
  return { ...model, blocks: [legend, ...model.blocks] }
}
