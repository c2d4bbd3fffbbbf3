import type { Editor, TLShape, TLShapeId } from 'tldraw'
import type { Size } from '../../shared/regie/layout.ts'
import type { RegieModel } from '../../shared/regie/model.ts'
import { recordsToModel } from '../../shared/board/records-to-model.ts'
import { currentPageRecords } from './board-model.ts'
import { rerouteArrows } from './route-relations.ts'

export type TidyResult = 'tidied' | 'nothing'

/** Whether "netjes schikken" would re-arrange the whole page (no selection of two or more regie shapes). */
export function tidiesWholePage(editor: Editor): boolean {
  const model = recordsToModel(currentPageRecords(editor))
  return restrictToSelection(model, editor) === model
}

/**
 * "Netjes schikken": lays out the actors, groups and blocks of the current page with the same
 * engine as the templates, keeping every card's size and parent, in one undo step. Shapes that
 * are not part of the regie model (stickies, drawings) stay where they are; arrows follow the
 * cards they are bound to.
 *
 * With a selection of two or more regie shapes (or a frame), only those (and what is inside
 * selected frames) move, so a team can tidy one part of a large chart.
 */
export async function tidyUp(editor: Editor): Promise<TidyResult> {
  const model = restrictToSelection(recordsToModel(currentPageRecords(editor)), editor)
  if (model.actors.length + model.groups.length + model.blocks.length === 0) return 'nothing'

  const known: Record<string, Size> = {}
  const ids = [...model.actors.map((a) => a.id), ...model.blocks.map((b) => b.id), ...model.blocks.flatMap((b) => (b.type === 'flow' ? b.steps.map((s) => s.id) : []))]
  for (const id of ids) {
    const shape = editor.getShape(id as TLShapeId)
    const props = shape?.props as { w?: number; h?: number } | undefined
    if (props?.w !== undefined && props.h !== undefined) known[id] = { width: props.w, height: props.h }
  }
  // Flows are sized by their steps, groups by their contents: the layout decides those.
  for (const block of model.blocks) if (block.type === 'flow') delete known[block.id]

  // The layout engine is large and only needed here: loaded on first use.
  const { layOutModel } = await import('../../shared/board/lay-out-model.ts')
  const layout = await layOutModel(model, known)
  const moved = [...model.actors.map((a) => a.id), ...model.groups.map((g) => g.id), ...model.blocks.map((b) => b.id)]
  const before = editor.getShapesPageBounds(moved as TLShapeId[])
  const origin = before ? { x: before.minX, y: before.minY } : { x: 0, y: 0 }

  const rectOf = (id: string) => layout.actors[id] ?? layout.groups[id] ?? layout.blocks[id] ?? layout.flowSteps[id]
  const modelParent = new Map<string, string | undefined>([
    ...model.actors.map((a) => [a.id, a.group] as const),
    ...model.groups.map((g) => [g.id, g.parent] as const),
    ...model.blocks.map((b) => [b.id, b.group] as const),
    ...model.blocks.flatMap((b) => (b.type === 'flow' ? b.steps.map((s) => [s.id, b.id] as const) : [])),
  ])

  editor.markHistoryStoppingPoint('tidy up')
  editor.run(() => {
    // Parents first: a child's position is relative to where its parent ends up.
    for (const id of sortParentsFirst([...modelParent.keys()], modelParent)) {
      const shape = editor.getShape(id as TLShapeId)
      const rect = rectOf(id)
      if (!shape || !rect) continue
      const parentId = modelParent.get(id)
      const parentRect = parentId === undefined ? undefined : rectOf(parentId)
      // Only shapes whose tldraw parent is their model parent: anything else (a card inside a
      // tldraw group, a frame left out of the selection) keeps its place.
      const expectedParent = parentId ?? editor.getCurrentPageId()
      if (shape.parentId !== expectedParent) continue
      const x = parentRect ? rect.x - parentRect.x : origin.x + rect.x
      const y = parentRect ? rect.y - parentRect.y : origin.y + rect.y
      editor.updateShape({ id: shape.id, type: shape.type, x, y, ...(resizes(shape) && { props: { w: rect.width, h: rect.height } }) } as Parameters<Editor['updateShape']>[0])
    }
    // Then every relation among what moved is routed around the cards where they now are.
    const movedIds = new Set(moved)
    const relationIds = model.relations.map((relation) => relation.id as TLShapeId)
    const flowArrows = editor
      .getCurrentPageShapes()
      .filter((shape) => shape.type === 'arrow' && editor.getBindingsFromShape(shape, 'arrow').some((binding) => movedIds.has(binding.toId) || movedIds.has(editor.getShape(binding.toId)?.parentId ?? '')))
      .map((shape) => shape.id)
    rerouteArrows(editor, [...relationIds, ...flowArrows])
  })
  return 'tidied'
}

/** Frames take the size the layout gives them; cards keep theirs. */
function resizes(shape: TLShape): boolean {
  return shape.type === 'frame'
}

function sortParentsFirst(ids: string[], parent: ReadonlyMap<string, string | undefined>): string[] {
  const depth = (id: string): number => {
    let level = 0
    const seen = new Set<string>()
    for (let p = parent.get(id); p !== undefined && !seen.has(p); p = parent.get(p)) {
      seen.add(p)
      level++
    }
    return level
  }
  return [...ids].sort((a, b) => depth(a) - depth(b))
}

/**
 * The part of the model the selection covers: selected shapes and everything inside selected
 * frames. Relations are kept between kept actors only; groups that lose their parent become
 * top-level, as the layout lays out what it is given.
 */
function restrictToSelection(model: RegieModel<string>, editor: Editor): RegieModel<string> {
  const keep = new Set<string>()
  for (const id of editor.getSelectedShapeIds()) {
    keep.add(id)
    for (const descendant of editor.getShapeAndDescendantIds([id])) keep.add(descendant)
  }
  // One card on its own has nothing to be arranged against (and a card just placed is selected):
  // then the whole page is meant.
  const covered = [...model.actors, ...model.groups, ...model.blocks].filter((element) => keep.has(element.id)).length
  if (covered < 2) return model
  const groups = model.groups.filter((g) => keep.has(g.id)).map(({ parent, ...g }) => (parent !== undefined && keep.has(parent) ? { ...g, parent } : g))
  const groupIds = new Set(groups.map((g) => g.id))
  const inKeptGroup = <T extends { readonly group?: string }>(element: T): T => {
    if (element.group === undefined || groupIds.has(element.group)) return element
    const { group: _dropped, ...rest } = element
    // Only the optional `group` is gone, so this is still a T.
    return rest as unknown as T
  }
  const actors = model.actors.filter((a) => keep.has(a.id)).map(inKeptGroup)
  const actorIds = new Set(actors.map((a) => a.id))
  return {
    actors,
    groups,
    blocks: model.blocks.filter((b) => keep.has(b.id)).map(inKeptGroup),
    relations: model.relations.filter((r) => actorIds.has(r.from) && actorIds.has(r.to)),
  }
}
