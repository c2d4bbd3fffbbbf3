/**
 * A template as tldraw records, ready to put on a page: the template's model in the board's
 * language, laid out, written as shapes and bindings.
 */
import type { Locale } from '../regie/text.ts'
import { templateModel, type TemplateId } from '../templates/index.ts'
import { layOutModel } from './lay-out-model.ts'
import { modelToRecords, type ModelRecords, type ModelRecordsOptions } from './model-to-records.ts'

export async function templateRecords(id: TemplateId, locale: Locale, options: ModelRecordsOptions): Promise<ModelRecords & { width: number; height: number }> {
  const model = templateModel(id, locale)
  const layout = await layOutModel(model)
  return { ...modelToRecords(model, layout, options), width: layout.bounds.width, height: layout.bounds.height }
}
