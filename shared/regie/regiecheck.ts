/**
 * The regiecheck: the seeds' own lessons, applied to a board's model. Each rule is a pure
 * function from a model to findings; a finding names the elements involved so the canvas can
 * point at them, and the valkuilen (seed 002, dia 15) it guards against.
 *
 * Findings are questions for the workshop, not errors: a template that is faithful to its seed
 * may well raise some (the BEL councils have "géén zeggenschap" in the BEL Combinatie, and the
 * check says so).
 *
 * Direction conventions it relies on (see relation-kinds.ts): uitbesteding runs from the party
 * that outsources to the one that carries out; opdrachtgeverschap from commissioner to
 * contractor; verantwoording from the party that answers to the one it answers to; kaderstelling
 * from the one that sets the frame.
 */
import { actorKind, isActorKindId } from './actor-kinds.ts'
import type { RegieActor, RegieChecklist, RegieModel, RegieRelation } from './model.ts'
import { REGIEPRESTATIES } from './regieprestaties.ts'
import type { LocalizedText } from './text.ts'
import type { ValkuilId } from './valkuilen.ts'

export type RegieRuleId =
  | 'uitbesteding-zonder-opdrachtgever'
  | 'uitbesteding-zonder-rad'
  | 'gezamenlijk-orgaan-zonder-verantwoording'
  | 'raad-zonder-kaderstelling'
  | 'regieprestaties-onvolledig'
  | 'actor-zonder-relaties'

/** `warning`: a lesson of the seeds is not met. `info`: probably unfinished drawing. */
export type Severity = 'warning' | 'info'

export interface RegieRule {
  readonly id: RegieRuleId
  readonly severity: Severity
  readonly title: LocalizedText
  readonly valkuilen: readonly ValkuilId[]
}

export interface RegieFinding {
  readonly ruleId: RegieRuleId
  readonly severity: Severity
  readonly message: LocalizedText
  readonly actorIds: readonly string[]
  readonly relationIds: readonly string[]
  /** Blocks involved, such as the regieprestaties checklist. */
  readonly blockIds: readonly string[]
}

const RULES = {
  'uitbesteding-zonder-opdrachtgever': {
    severity: 'warning',
    title: { nl: 'Uitbesteding zonder opdrachtgever', en: 'Outsourcing without a commissioner' },
    valkuilen: ['e'],
  },
  'uitbesteding-zonder-rad': {
    severity: 'warning',
    title: { nl: 'Uitbesteding zonder resultaatafspraak (RAD)', en: 'Outsourcing without a result agreement (RAD)' },
    valkuilen: ['e'],
  },
  'gezamenlijk-orgaan-zonder-verantwoording': {
    severity: 'warning',
    title: { nl: 'Gezamenlijk orgaan zonder verantwoording aan een raad', en: 'Joint body not accountable to any council' },
    valkuilen: ['c', 'e'],
  },
  'raad-zonder-kaderstelling': {
    severity: 'warning',
    title: { nl: 'Raad stelt geen kaders voor zijn samenwerkingen', en: 'Council sets no frameworks for its joint arrangements' },
    valkuilen: ['a'],
  },
  'regieprestaties-onvolledig': {
    severity: 'warning',
    title: { nl: 'Niet alle vijf regieprestaties ingevuld', en: 'Not all five regie performances filled in' },
    valkuilen: [],
  },
  'actor-zonder-relaties': {
    severity: 'info',
    title: { nl: 'Actor zonder relaties', en: 'Actor without relations' },
    valkuilen: [],
  },
} as const satisfies Record<RegieRuleId, Omit<RegieRule, 'id'>>

/** Every rule, in the order the check reports them. */
export const REGIE_RULES: readonly RegieRule[] = (Object.keys(RULES) as RegieRuleId[]).map((id) => ({ id, ...RULES[id] }))

export function regiecheck(model: RegieModel<string>): RegieFinding[] {
  const index = new ModelIndex(model)
  return [
    ...outsourcingWithoutCommissioner(index),
    ...outsourcingWithoutRad(index),
    ...jointBodiesWithoutAccountability(index),
    ...councilsWithoutFrameworks(index),
    ...incompleteRegieprestaties(model),
    ...actorsWithoutRelations(index),
  ]
}

// ---------------------------------------------------------------------------------------------

class ModelIndex {
  readonly actors: ReadonlyMap<string, RegieActor>

  constructor(readonly model: RegieModel<string>) {
    this.actors = new Map(model.actors.map((actor) => [actor.id, actor]))
  }

  name(id: string): string {
    const name = this.actors.get(id)?.name.trim()
    return name ? name : id
  }

  relationsOfKind(kind: RegieRelation['kind']): RegieRelation[] {
    return this.model.relations.filter((relation) => relation.kind === kind)
  }

  isJointBody(id: string): boolean {
    const kind = this.actors.get(id)?.kind
    return kind !== undefined && isActorKindId(kind) && actorKind(kind).jointBody
  }

  isCouncil(id: string): boolean {
    return this.actors.get(id)?.kind === 'gemeenteraad'
  }

  /** Actors related to `id` by any relation, in either direction. */
  neighbours(id: string): Set<string> {
    const result = new Set<string>()
    for (const relation of this.model.relations) {
      if (relation.from === id) result.add(relation.to)
      if (relation.to === id) result.add(relation.from)
    }
    result.delete(id)
    return result
  }
}

function finding(ruleId: RegieRuleId, message: LocalizedText, involved: Partial<Pick<RegieFinding, 'actorIds' | 'relationIds' | 'blockIds'>>): RegieFinding {
  return { ruleId, severity: RULES[ruleId].severity, message, actorIds: [], relationIds: [], blockIds: [], ...involved }
}

const hasText = (text: string | undefined): boolean => text !== undefined && text.trim() !== ''

const list = (names: readonly string[], and: string): string =>
  names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} ${and} ${names.at(-1)}`

/**
 * Someone must steer the party that carries out: the outsourcing party itself or someone it
 * mandated (a regieteam, seed 000 dia 9; a beleidsregie, seed 003 dia 10), so any
 * opdrachtgeverschap towards the contractor counts.
 */
function outsourcingWithoutCommissioner(index: ModelIndex): RegieFinding[] {
  const commissioned = new Set(index.relationsOfKind('opdrachtgeverschap').map((relation) => relation.to))
  return index
    .relationsOfKind('uitbesteding')
    .filter((relation) => !commissioned.has(relation.to))
    .map((relation) => {
      const from = index.name(relation.from)
      const to = index.name(relation.to)
      return finding(
        'uitbesteding-zonder-opdrachtgever',
        {
          nl: `De uitbesteding van ${from} aan ${to} heeft geen opdrachtgever: leg vast wie ${to} aanstuurt.`,
          en: `The outsourcing from ${from} to ${to} has no commissioner: record who steers ${to}.`,
        },
        { actorIds: [relation.from, relation.to], relationIds: [relation.id] },
      )
    })
}

/**
 * The result agreement may sit on the uitbesteding itself or on the assignment to the same
 * contractor (seed 000, dia 6: "Resultaat Afspraken Documenten richting onze opdrachtnemers").
 */
function outsourcingWithoutRad(index: ModelIndex): RegieFinding[] {
  const agreed = new Set(
    index
      .relationsOfKind('opdrachtgeverschap')
      .filter((relation) => hasText(relation.radReference))
      .map((relation) => relation.to),
  )
  return index
    .relationsOfKind('uitbesteding')
    .filter((relation) => !hasText(relation.radReference) && !agreed.has(relation.to))
    .map((relation) => {
      const from = index.name(relation.from)
      const to = index.name(relation.to)
      return finding(
        'uitbesteding-zonder-rad',
        {
          nl: `De uitbesteding van ${from} aan ${to} heeft geen resultaatafspraak (RAD).`,
          en: `The outsourcing from ${from} to ${to} has no result agreement (RAD).`,
        },
        { actorIds: [relation.from, relation.to], relationIds: [relation.id] },
      )
    })
}

/**
 * A joint body must answer to at least one gemeenteraad along some line: valkuil c
 * (undemocratic) and e (no steering). A line is a path of steps that each mean "answers to":
 * verantwoording, or working under someone — being steered by them (aansturing) or working for
 * them (opdrachtgeverschap, uitbesteding). So a GR steered by colleges that answer to their raden
 * has a line (the raad's role "via het college", seed 002 dia 16). Kaderstelling alone is no
 * line, and neither is deelname: a municipality taking part in a GR does not make either answer
 * to the other.
 *
 * Failing joint bodies that sit under, belong to or advise another failing joint body are
 * reported with it, not apart: the gap is at the top of their structure.
 */
function jointBodiesWithoutAccountability(index: ModelIndex): RegieFinding[] {
  const answersTo = new Map<string, string[]>()
  const sitsUnder = new Map<string, string[]>()
  const link = (map: Map<string, string[]>, lower: string, upper: string) => map.set(lower, [...(map.get(lower) ?? []), upper])
  for (const relation of index.model.relations) {
    const step = upwardStep(relation)
    if (step) link(answersTo, step.lower, step.upper)
    const structural = step ?? (relation.kind === 'deelname' || relation.kind === 'advies' ? { lower: relation.from, upper: relation.to } : undefined)
    // Only between joint bodies: a municipality in between would tie unrelated bodies together.
    if (structural && index.isJointBody(structural.lower) && index.isJointBody(structural.upper)) {
      link(sitsUnder, structural.lower, structural.upper)
    }
  }

  const jointBodies = index.model.actors.filter((actor) => index.isJointBody(actor.id)).map((actor) => actor.id)
  const failing = jointBodies.filter((id) => ![...reachable(answersTo, id)].some((other) => index.isCouncil(other)))
  const under = new Map(failing.map((id) => [id, reachable(sitsUnder, id)]))
  const sitsBelow = (id: string, other: string) => under.get(id)?.has(other) ?? false
  // Mutual reachability (a cycle) puts neither below the other, so both are reported.
  const isBelow = (id: string, top: string) => top !== id && sitsBelow(id, top) && !sitsBelow(top, id)
  const tops = failing.filter((id) => !failing.some((other) => isBelow(id, other)))

  return tops.map((top) => {
    const below = failing.filter((id) => isBelow(id, top))
    const name = index.name(top)
    const belowNames = below.map((id) => index.name(id))
    return finding(
      'gezamenlijk-orgaan-zonder-verantwoording',
      {
        nl:
          `${name} legt langs geen enkele lijn verantwoording af aan een gemeenteraad. Regel de democratische legitimatie en gebruik de verantwoordingsmechanismen (valkuilen c en e).` +
          (below.length > 0 ? ` Hetzelfde geldt voor wat eronder valt: ${list(belowNames, 'en')}.` : ''),
        en:
          `${name} answers to no municipal council along any line. Arrange democratic legitimation and use the accountability mechanisms (pitfalls c and e).` +
          (below.length > 0 ? ` The same holds for what sits under it: ${list(belowNames, 'and')}.` : ''),
      },
      { actorIds: [top, ...below] },
    )
  })
}

/** The step "lower answers to upper" that a relation makes, if it makes one. */
function upwardStep(relation: RegieRelation): { lower: string; upper: string } | undefined {
  switch (relation.kind) {
    case 'verantwoording':
      return { lower: relation.from, upper: relation.to }
    case 'aansturing':
    case 'opdrachtgeverschap':
    case 'uitbesteding':
      return { lower: relation.to, upper: relation.from }
    default:
      return undefined
  }
}

/** Every actor reachable from `start` along `edges`, `start` itself excluded unless on a cycle. */
function reachable(edges: ReadonlyMap<string, readonly string[]>, start: string): Set<string> {
  const seen = new Set<string>()
  const queue = [...(edges.get(start) ?? [])]
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (seen.has(next)) continue
    seen.add(next)
    queue.push(...(edges.get(next) ?? []))
  }
  return seen
}

/**
 * A council's joint arrangements are the joint bodies it deals with directly or through its own
 * side (its college, its municipality): those one step away, or two steps through an actor that
 * is not itself a joint body. A council with such arrangements should set frameworks for at
 * least one of them (valkuil a: take your role as council from the start).
 */
function councilsWithoutFrameworks(index: ModelIndex): RegieFinding[] {
  const findings: RegieFinding[] = []
  for (const council of index.model.actors.filter((actor) => index.isCouncil(actor.id))) {
    const arrangements = new Set<string>()
    for (const neighbour of index.neighbours(council.id)) {
      if (index.isJointBody(neighbour)) {
        arrangements.add(neighbour)
      } else if (!index.isCouncil(neighbour)) {
        for (const second of index.neighbours(neighbour)) if (index.isJointBody(second)) arrangements.add(second)
      }
    }
    if (arrangements.size === 0) continue
    const framed = index.relationsOfKind('kaderstelling').some((relation) => relation.from === council.id && arrangements.has(relation.to))
    if (framed) continue
    const ids = [...arrangements]
    const names = ids.map((id) => index.name(id))
    findings.push(
      finding(
        'raad-zonder-kaderstelling',
        {
          nl: `Er loopt geen kaderstelling van ${index.name(council.id)} naar ${list(names, 'en')}. Pak je rol als raad, vanaf het allereerste begin (valkuil a).`,
          en: `No framework setting runs from ${index.name(council.id)} to ${list(names, 'and')}. Take your role as council from the very start (pitfall a).`,
        },
        { actorIds: [council.id, ...ids] },
      ),
    )
  }
  return findings
}

/**
 * Seed 004, dia 12: the five regieprestaties must always be given substance. A board that holds
 * a regieprestaties list (the afwegingskader) is checked; a prestatie counts as filled in when
 * its item has a non-empty response.
 */
function incompleteRegieprestaties(model: RegieModel<string>): RegieFinding[] {
  const lists = model.blocks.filter((block): block is RegieChecklist => block.type === 'checklist' && block.purpose === 'regieprestaties')
  return lists.flatMap((checklist) => {
    const missing = REGIEPRESTATIES.filter(
      (prestatie) => !checklist.items.some((item) => item.ref === prestatie.id && hasText(item.response)),
    )
    if (missing.length === 0) return []
    return [
      finding(
        'regieprestaties-onvolledig',
        {
          nl: `Nog niet ingevuld: ${list(missing.map((p) => p.label.nl.toLowerCase()), 'en')}. Aan alle vijf regieprestaties moet invulling worden gegeven.`,
          en: `Not filled in yet: ${list(missing.map((p) => p.label.en.toLowerCase()), 'and')}. All five regie performances must be given substance.`,
        },
        { blockIds: [checklist.id] },
      ),
    ]
  })
}

function actorsWithoutRelations(index: ModelIndex): RegieFinding[] {
  const related = new Set(index.model.relations.flatMap((relation) => [relation.from, relation.to]))
  return index.model.actors
    .filter((actor) => !related.has(actor.id))
    .map((actor) =>
      finding(
        'actor-zonder-relaties',
        {
          nl: `${index.name(actor.id)} heeft nog geen relaties: met wie werkt deze actor samen?`,
          en: `${index.name(actor.id)} has no relations yet: whom does this actor work with?`,
        },
        { actorIds: [actor.id] },
      ),
    )
}
