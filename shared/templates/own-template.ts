/**
 * Own templates: a board (or part of one) that a facilitator saved for this installation, and the
 * file that carries one to another installation. Like the built-in templates they are a regie
 * model, never coordinates: a new board from one is laid out by the same engine.
 *
 * What a template keeps is what the model holds: actors, relations, groups (organisations,
 * lanes, areas) and blocks (flows, checklists such as question cards, notes, legends). Sticky
 * notes participants wrote and dot votes are not part of the model, so they never travel along.
 */
import type { RegieBlock, RegieModel } from '../regie/model.ts'
import type { Locale } from '../regie/text.ts'

export const TEMPLATE_FILE_FORMAT = 'regiebord-template'
export const TEMPLATE_FILE_VERSION = 1

export const OWN_TEMPLATE_LIMITS = {
  maxTitleLength: 120,
  maxDescriptionLength: 1000,
  maxActors: 400,
  maxRelations: 1000,
  maxGroups: 200,
  maxBlocks: 200,
  maxItems: 100,
  maxTextLength: 2000,
  /** The file as JSON. */
  maxFileBytes: 1024 * 1024,
} as const

export interface TemplateFile {
  readonly format: typeof TEMPLATE_FILE_FORMAT
  readonly version: typeof TEMPLATE_FILE_VERSION
  readonly title: string
  readonly description: string
  /** The language the template's text is written in. */
  readonly locale: Locale
  readonly model: RegieModel<string>
}

/** What the start page lists of an own template. */
export interface OwnTemplateSummary {
  readonly id: string
  readonly title: string
  readonly description: string
  readonly locale: Locale
  readonly createdAt: number
  /** Only in the admin's list. */
  readonly hidden?: boolean
}

/** Own template ids are told apart from built-in ones by this prefix. */
export const OWN_TEMPLATE_PREFIX = 'eigen-'

export function isOwnTemplateId(value: unknown): value is string {
  return typeof value === 'string' && /^eigen-[a-z0-9]{6,32}$/.test(value)
}

/**
 * The part of a board's model a template keeps: everything, or what is selected. A selected
 * group brings its contents along; a relation comes along when both its actors do. References
 * to what was left out (a group, an "after", a step's actor) are dropped, not left dangling.
 * Ids lose tldraw's "shape:" prefix; a new board gives them one again.
 */
export function templateModel(model: RegieModel<string>, selectedIds?: ReadonlySet<string>): RegieModel<string> {
  const parentOf = new Map<string, string | undefined>()
  for (const group of model.groups) parentOf.set(group.id, group.parent)
  const inSelection = (id: string, group: string | undefined): boolean => {
    if (!selectedIds) return true
    if (selectedIds.has(id)) return true
    for (let current = group; current !== undefined; current = parentOf.get(current)) if (selectedIds.has(current)) return true
    return false
  }
  const groups = model.groups.filter((group) => inSelection(group.id, group.parent))
  const actors = model.actors.filter((actor) => inSelection(actor.id, actor.group))
  const blocks = model.blocks.filter((block) => inSelection(block.id, block.group))
  const keptGroups = new Set(groups.map((group) => group.id))
  const keptActors = new Set(actors.map((actor) => actor.id))
  const keptPlaced = new Set([...keptGroups, ...blocks.map((block) => block.id)])
  const relations = model.relations.filter((relation) => keptActors.has(relation.from) && keptActors.has(relation.to))

  const id = (value: string) => value.replace(/^shape:/, '')
  const group = (value: string | undefined) => (value !== undefined && keptGroups.has(value) ? { group: id(value) } : {})
  const after = (value: string | undefined) => (value !== undefined && keptPlaced.has(value) ? { after: id(value) } : {})
  return {
    actors: actors.map(({ group: g, ...actor }) => ({ ...actor, id: id(actor.id), ...group(g) })),
    relations: relations.map((relation) => ({ ...relation, id: id(relation.id), from: id(relation.from), to: id(relation.to) })),
    groups: groups.map(({ parent, after: a, ...g }) => ({
      ...g,
      id: id(g.id),
      ...(parent !== undefined && keptGroups.has(parent) && { parent: id(parent) }),
      ...after(a),
    })),
    blocks: blocks.map(({ group: g, after: a, ...block }): RegieBlock<string> => {
      const base = { ...block, id: id(block.id), ...group(g), ...after(a) } as RegieBlock<string>
      if (base.type === 'flow') {
        return { ...base, steps: base.steps.map((step) => ({ ...step, id: id(step.id), actorIds: step.actorIds.filter((actorId) => keptActors.has(actorId)).map(id) })) }
      }
      // What a workshop filled in is its result, not part of the structure.
      if (base.type === 'checklist') return { ...base, items: base.items.map(({ response: _response, ...item }) => ({ ...item, id: id(item.id) })) }
      return base
    }),
  }
}

export function toTemplateFile(input: { title: string; description: string; locale: Locale; model: RegieModel<string> }): TemplateFile {
  return { format: TEMPLATE_FILE_FORMAT, version: TEMPLATE_FILE_VERSION, ...input }
}
