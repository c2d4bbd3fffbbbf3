/**
 * The regie content of a board, independent of tldraw: who the actors are, how they relate, how
 * they are grouped, and the blocks around them (a decision flow, a checklist, a note, a legend).
 * Templates, the layout, the regiecheck and the exports read this model; the canvas's shapes are
 * made from it (board/model-to-records.ts) and read back into it (board/records-to-model.ts).
 *
 * Text fields are generic: a template holds `RegieModel<LocalizedText>` (both languages), a board
 * holds `RegieModel<string>` in the language it was made in (see `localize.ts`).
 *
 * Ids are unique across the whole model, steps and checklist items included, so every element
 * can become exactly one canvas shape.
 */
import { isActorKindId, type ActorKindId } from './actor-kinds.ts'
import { carriesAttribute, isRelationKindId, type RelationKindId } from './relation-kinds.ts'
import { isRegieprestatieId, type RegieprestatieId } from './regieprestaties.ts'
import type { SourceRef } from './source.ts'
import type { LocalizedText } from './text.ts'
import { VALKUIL_IDS, type ValkuilId } from './valkuilen.ts'

/**
 * What a joint arrangement is for (seed 002, dia 16): it decides whether the raad has a direct
 * role (beleid, sometimes uitvoering) or a role via the college (bedrijfsvoering, sometimes
 * uitvoering).
 */
export const REGELING_SOORTEN = ['beleid', 'uitvoering', 'bedrijfsvoering'] as const
export type RegelingSoort = (typeof REGELING_SOORTEN)[number]

export function isRegelingSoort(value: unknown): value is RegelingSoort {
  return typeof value === 'string' && (REGELING_SOORTEN as readonly string[]).includes(value)
}

/**
 * Questions of the afwegingskader (seed 004, dia 11) that the regiecheck asks to be answered: the
 * two of A (verkenning) and the four of C (keuze van de raad).
 */
export const AFWEGING_VRAAG_IDS = ['a-taak', 'a-samenwerking', 'c-kenmerken', 'c-hoe-ver', 'c-regietype', 'c-proceskader'] as const
export type AfwegingVraagId = (typeof AFWEGING_VRAAG_IDS)[number]

export function isAfwegingVraagId(value: unknown): value is AfwegingVraagId {
  return typeof value === 'string' && (AFWEGING_VRAAG_IDS as readonly string[]).includes(value)
}

export interface ActorAttributes<T = string> {
  /** For a joint body: what the arrangement is for (seed 002, dia 16). */
  readonly regeling?: RegelingSoort
  readonly inwoners?: number
  readonly fte?: number
  readonly domeinen?: number
  readonly afdelingen?: number
  /** The roles the actor plays, in the words of the seed or of the workshop. */
  readonly rollen?: readonly T[]
  readonly competenties?: readonly T[]
  /** Anything else worth knowing: a standpoint, where it sits, what is still open. */
  readonly toelichting?: T
}

export interface RegieActor<T = string> {
  readonly id: string
  readonly kind: ActorKindId
  readonly name: T
  readonly attributes?: ActorAttributes<T>
  /** The group (organisation, lane or area) the card sits in; none means the board itself. */
  readonly group?: string
  /** The body exists but has no name yet (a seed counts it without naming it): an empty card. */
  readonly placeholder?: boolean
  readonly source?: SourceRef
  /** Set when the seed does not state this: what is assumed and why, shown as an "aanname". */
  readonly aanname?: T
}

/** A relation reads "from → to"; for undirected kinds the order carries no meaning. */
export interface RegieRelation<T = string> {
  readonly id: string
  readonly kind: RelationKindId
  readonly from: string
  readonly to: string
  readonly label?: T
  /** The result agreement (RAD) or service agreement; only for kinds that carry `radReference`. */
  readonly radReference?: T
  readonly source?: SourceRef
  readonly aanname?: T
}

/**
 * - `organisation`: the boundary of one organisation (a municipality, a joint arrangement).
 * - `lane`: one of a set of parallel swimlanes; lanes of one container are laid out side by side.
 * - `area`: a region of the board for one purpose (a step of a framework, "bestuurlijk").
 */
export const GROUP_KINDS = ['organisation', 'lane', 'area'] as const
export type GroupKind = (typeof GROUP_KINDS)[number]

/** What may be placed after another element in its container, to give a reading order. */
interface Placed<T = string> {
  readonly id: string
  /** The containing group; none means the board itself. */
  readonly group?: string
  /** A group or block in the same container that this one follows in reading order. */
  readonly after?: string
  readonly source?: SourceRef
  readonly aanname?: T
}

export interface RegieGroup<T = string> extends Omit<Placed<T>, 'group'> {
  readonly kind: GroupKind
  readonly title: T
  readonly parent?: string
}

export interface RegieFlowStep<T = string> {
  readonly id: string
  readonly text: T
  /** The actors that act in this step. */
  readonly actorIds: readonly string[]
  readonly aanname?: T
}

/** An ordered process, such as a decision path; drawn as step cards joined by arrows. */
export interface RegieFlow<T = string> extends Placed<T> {
  readonly type: 'flow'
  readonly title: T
  readonly steps: readonly RegieFlowStep<T>[]
}

/**
 * `stellingen` are propositions a group discusses and votes on (seed 002, dia 12–14);
 * `succesfactoren` and `aanbevelingen` are lists to go through (seed 003 dia 4 and 6; 001 dia 7,
 * 004 dia 7–8).
 */
export const CHECKLIST_PURPOSES = ['valkuilen', 'regieprestaties', 'vragen', 'kaders', 'lessen', 'stellingen', 'succesfactoren', 'aanbevelingen'] as const
export type ChecklistPurpose = (typeof CHECKLIST_PURPOSES)[number]

export interface RegieChecklistItem<T = string> {
  readonly id: string
  readonly text: T
  readonly hint?: T
  /** The known item this one stands for: a regieprestatie, a valkuil or a question of the afwegingskader. */
  readonly ref?: RegieprestatieId | ValkuilId | AfwegingVraagId
  /** What the workshop filled in; empty or absent means not yet answered. */
  readonly response?: T
  readonly aanname?: T
}

/** A list to go through or fill in: pitfalls, the five regieprestaties, questions, lessons. */
export interface RegieChecklist<T = string> extends Placed<T> {
  readonly type: 'checklist'
  readonly purpose: ChecklistPurpose
  readonly title: T
  readonly items: readonly RegieChecklistItem<T>[]
}

export interface RegieNote<T = string> extends Placed<T> {
  readonly type: 'note'
  readonly title?: T
  readonly text: T
}

/** Explains the colours and line styles of the kinds used on the board. */
export interface RegieLegend<T = string> extends Placed<T> {
  readonly type: 'legend'
  readonly title: T
  readonly actorKinds: readonly ActorKindId[]
  readonly relationKinds: readonly RelationKindId[]
}

export type RegieBlock<T = string> = RegieFlow<T> | RegieChecklist<T> | RegieNote<T> | RegieLegend<T>
export const BLOCK_TYPES = ['flow', 'checklist', 'note', 'legend'] as const satisfies readonly RegieBlock['type'][]

export interface RegieModel<T = string> {
  readonly actors: readonly RegieActor<T>[]
  readonly relations: readonly RegieRelation<T>[]
  readonly groups: readonly RegieGroup<T>[]
  readonly blocks: readonly RegieBlock<T>[]
}

// ---------------------------------------------------------------------------------------------
// Validation

export type ModelProblemCode =
  | 'empty-id'
  | 'duplicate-id'
  | 'unknown-actor-kind'
  | 'unknown-relation-kind'
  | 'unknown-group-kind'
  | 'unknown-block-type'
  | 'missing-relation-end'
  | 'self-relation'
  | 'attribute-not-carried'
  | 'unknown-group'
  | 'group-cycle'
  | 'unknown-after'
  | 'unknown-step-actor'
  | 'unknown-checklist-ref'

export interface ModelProblem {
  readonly code: ModelProblemCode
  readonly message: LocalizedText
  /** The ids of the elements the problem is about. */
  readonly ids: readonly string[]
}

/**
 * Everything that makes a model unusable for layout, checks or drawing. An empty list means the
 * model is sound; it says nothing about whether the arrangement is wise (that is the regiecheck).
 * Runs on data from outside (an API body, a Yjs document), so it rechecks what the types promise.
 */
export function validateModel<T>(model: RegieModel<T>): ModelProblem[] {
  return [
    ...checkIds(model),
    ...checkKinds(model),
    ...checkRelations(model),
    ...checkContainers(model),
    ...checkBlocks(model),
  ]
}

function problem(code: ModelProblemCode, ids: readonly string[], nl: string, en: string): ModelProblem {
  return { code, ids, message: { nl, en } }
}

function allIds<T>(model: RegieModel<T>): string[] {
  const ids: string[] = []
  for (const actor of model.actors) ids.push(actor.id)
  for (const relation of model.relations) ids.push(relation.id)
  for (const group of model.groups) ids.push(group.id)
  for (const block of model.blocks) {
    ids.push(block.id)
    if (block.type === 'flow') for (const step of block.steps) ids.push(step.id)
    if (block.type === 'checklist') for (const item of block.items) ids.push(item.id)
  }
  return ids
}

function checkIds<T>(model: RegieModel<T>): ModelProblem[] {
  const problems: ModelProblem[] = []
  const seen = new Set<string>()
  const reported = new Set<string>()
  for (const id of allIds(model)) {
    if (typeof id !== 'string' || id.trim() === '') {
      problems.push(problem('empty-id', [], 'Een element heeft geen id.', 'An element has no id.'))
    } else if (seen.has(id) && !reported.has(id)) {
      reported.add(id)
      problems.push(problem('duplicate-id', [id], `Het id "${id}" komt meer dan eens voor.`, `The id "${id}" occurs more than once.`))
    }
    seen.add(id)
  }
  return problems
}

function checkKinds<T>(model: RegieModel<T>): ModelProblem[] {
  const problems: ModelProblem[] = []
  for (const actor of model.actors) {
    if (!isActorKindId(actor.kind)) {
      problems.push(problem('unknown-actor-kind', [actor.id], `Actor "${actor.id}" heeft een onbekende soort "${String(actor.kind)}".`, `Actor "${actor.id}" has an unknown kind "${String(actor.kind)}".`))
    }
  }
  for (const relation of model.relations) {
    if (!isRelationKindId(relation.kind)) {
      problems.push(problem('unknown-relation-kind', [relation.id], `Relatie "${relation.id}" heeft een onbekende soort "${String(relation.kind)}".`, `Relation "${relation.id}" has an unknown kind "${String(relation.kind)}".`))
    }
  }
  for (const group of model.groups) {
    if (!(GROUP_KINDS as readonly string[]).includes(group.kind)) {
      problems.push(problem('unknown-group-kind', [group.id], `Groep "${group.id}" heeft een onbekende soort "${String(group.kind)}".`, `Group "${group.id}" has an unknown kind "${String(group.kind)}".`))
    }
  }
  for (const block of model.blocks) {
    if (!(BLOCK_TYPES as readonly string[]).includes(block.type)) {
      problems.push(problem('unknown-block-type', [block.id], `Blok "${block.id}" heeft een onbekend type.`, `Block "${block.id}" has an unknown type.`))
    }
  }
  return problems
}

function checkRelations<T>(model: RegieModel<T>): ModelProblem[] {
  const problems: ModelProblem[] = []
  const actorIds = new Set(model.actors.map((actor) => actor.id))
  for (const relation of model.relations) {
    for (const end of [relation.from, relation.to]) {
      if (!actorIds.has(end)) {
        problems.push(problem('missing-relation-end', [relation.id, end], `Relatie "${relation.id}" verwijst naar "${end}", maar dat is geen actor.`, `Relation "${relation.id}" points to "${end}", which is not an actor.`))
      }
    }
    if (relation.from === relation.to) {
      problems.push(problem('self-relation', [relation.id], `Relatie "${relation.id}" loopt van een actor naar zichzelf.`, `Relation "${relation.id}" runs from an actor to itself.`))
    }
    if (relation.radReference !== undefined && isRelationKindId(relation.kind) && !carriesAttribute(relation.kind, 'radReference')) {
      problems.push(problem('attribute-not-carried', [relation.id], `Relatie "${relation.id}" (${relation.kind}) kan geen RAD-verwijzing hebben.`, `Relation "${relation.id}" (${relation.kind}) cannot carry a RAD reference.`))
    }
  }
  return problems
}

function checkContainers<T>(model: RegieModel<T>): ModelProblem[] {
  const problems: ModelProblem[] = []
  const groups = new Map(model.groups.map((group) => [group.id, group]))
  const unknownGroup = (ownerId: string, groupId: string): ModelProblem =>
    problem('unknown-group', [ownerId, groupId], `"${ownerId}" staat in groep "${groupId}", die niet bestaat.`, `"${ownerId}" is in group "${groupId}", which does not exist.`)

  for (const actor of model.actors) {
    if (actor.group !== undefined && !groups.has(actor.group)) problems.push(unknownGroup(actor.id, actor.group))
  }
  for (const block of model.blocks) {
    if (block.group !== undefined && !groups.has(block.group)) problems.push(unknownGroup(block.id, block.group))
  }
  for (const group of model.groups) {
    if (group.parent !== undefined && !groups.has(group.parent)) problems.push(unknownGroup(group.id, group.parent))
  }
  for (const group of model.groups) {
    const path = new Set<string>([group.id])
    for (let parent = group.parent; parent !== undefined; parent = groups.get(parent)?.parent) {
      if (path.has(parent)) {
        problems.push(problem('group-cycle', [group.id], `Groep "${group.id}" zit (indirect) in zichzelf.`, `Group "${group.id}" is (indirectly) inside itself.`))
        break
      }
      path.add(parent)
    }
  }

  // `after` gives a reading order among siblings, so it must name a group or block beside it.
  const placeable = new Map<string, string | null>()
  for (const group of model.groups) placeable.set(group.id, group.parent ?? null)
  for (const block of model.blocks) placeable.set(block.id, block.group ?? null)
  const ordered: { id: string; after?: string; container: string | null }[] = [
    ...model.groups.map((group) => ({ id: group.id, after: group.after, container: group.parent ?? null })),
    ...model.blocks.map((block) => ({ id: block.id, after: block.after, container: block.group ?? null })),
  ]
  for (const element of ordered) {
    if (element.after === undefined) continue
    if (placeable.get(element.after) !== element.container || element.after === element.id) {
      problems.push(problem('unknown-after', [element.id, element.after], `"${element.id}" volgt op "${element.after}", maar dat is geen groep of blok ernaast.`, `"${element.id}" follows "${element.after}", which is not a group or block beside it.`))
    }
  }
  return problems
}

function checkBlocks<T>(model: RegieModel<T>): ModelProblem[] {
  const problems: ModelProblem[] = []
  const actorIds = new Set(model.actors.map((actor) => actor.id))
  for (const block of model.blocks) {
    if (block.type === 'flow') {
      for (const step of block.steps) {
        for (const actorId of step.actorIds) {
          if (!actorIds.has(actorId)) {
            problems.push(problem('unknown-step-actor', [step.id, actorId], `Stap "${step.id}" noemt actor "${actorId}", die niet bestaat.`, `Step "${step.id}" names actor "${actorId}", which does not exist.`))
          }
        }
      }
    }
    if (block.type === 'checklist') {
      for (const item of block.items) {
        if (item.ref === undefined) continue
        const known =
          block.purpose === 'regieprestaties'
            ? isRegieprestatieId(item.ref)
            : block.purpose === 'vragen'
              ? isAfwegingVraagId(item.ref)
              : block.purpose === 'valkuilen' && (VALKUIL_IDS as readonly string[]).includes(item.ref)
        if (!known) {
          problems.push(problem('unknown-checklist-ref', [item.id], `Punt "${item.id}" verwijst naar "${item.ref}", dat in een lijst "${block.purpose}" niet bestaat.`, `Item "${item.id}" refers to "${item.ref}", which does not exist in a "${block.purpose}" list.`))
        }
      }
    }
  }
  return problems
}
