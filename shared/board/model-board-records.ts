/**
 * Any regie model as the records of a board, laid out by the same engine and written by the same
 * writer as the built-in templates: what an arrangements import and an own template put on a
 * board. (template-records.ts does the same for the built-in templates by id.)
 */
import type { RegieModel } from '../regie/model.ts'
import { layOutModel } from './lay-out-model.ts'
import { modelToRecords, type ModelRecords, type ModelRecordsOptions } from './model-to-records.ts'

export async function modelBoardRecords(model: RegieModel<string>, options: ModelRecordsOptions): Promise<ModelRecords & { width: number; height: number }> {
  const layout = await layOutModel(model)
  return { ...modelToRecords(model, layout, options), width: layout.bounds.width, height: layout.bounds.height }
}
