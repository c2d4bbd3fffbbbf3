import { useValue, type Editor, type TLRecord } from 'tldraw'
import { recordsToModel } from '../../shared/board/records-to-model.ts'
import type { RegieModel } from '../../shared/regie/model.ts'

/** The shapes of the current page and the bindings of its arrows: what its regie model is read from. */
export function currentPageRecords(editor: Editor): TLRecord[] {
  const shapes = editor.getCurrentPageShapes()
  const ids = new Set<string>(shapes.map((shape) => shape.id))
  const bindings = editor.store.query.records('binding').get().filter((binding) => ids.has(binding.fromId))
  return [...shapes, ...bindings]
}

/** The current page's regie model, recomputed as people draw. */
export function useBoardModel(editor: Editor): RegieModel<string> {
  return useValue('regie model', () => recordsToModel(currentPageRecords(editor)), [editor])
}
