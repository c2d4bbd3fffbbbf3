/**
 * The regiecheck: the seeds' own lessons, applied to a board's model. Each rule is a pure
 * function from a model to findings; a finding names the elements involved so the canvas can
 * point at them, the valkuilen (seed 002, dia 15) it guards against, and the seed and slide the
 * rule comes from.
 *
 * Severities follow the seeds: `error` ("fout") where a seed says something must be there (a
 * joint body answers to a raad, an uitbesteding has an opdrachtgever, the five regieprestaties
 * are filled in); `warning` ("let op") where a seed gives a lesson that a board may deliberately
 * choose otherwise (the BEL raden have "géén zeggenschap" in the BEL Combinatie, and the check
 * accepts that because their role runs via the college, seed 002 dia 16); `info` for drawing that
 * looks unfinished. A facilitator can set a rule aside for a board, with a reason
 * (regiecheck-dismissals.ts); the report shows it with that reason.
 *
 * Direction conventions it relies on (see relation-kinds.ts): uitbesteding runs from the party
 * that outsources to the one that carries out; opdrachtgeverschap from commissioner to
 * contractor; verantwoording from the party that answers to the one it answers to; kaderstelling
 * from the one that sets the frame; onderdeel-van from the part to the whole.
 */
import { actorKind, isActorKindId, type ActorKindId } from './actor-kinds.ts'
import { isAfwegingVraagId, type RegieActor, type RegieChecklist, type RegieModel, type RegieRelation } from './model.ts'
import type { RelationKindId } from './relation-kinds.ts'
import { REGIEPRESTATIES } from './regieprestaties.ts'
import type { SourceRef } from './source.ts'
import type { LocalizedText } from './text.ts'
import type { ValkuilId } from './valkuilen.ts'

export type RegieRuleId =
  | 'uitbesteding-zonder-opdrachtgever'
  | 'uitbesteding-zonder-rad'
  | 'opdrachtgeverschap-zonder-rad'
  | 'gezamenlijk-orgaan-zonder-verantwoording'
  | 'raad-zonder-kaderstelling'
  | 'rol-raad-past-niet-bij-regeling'
  | 'bestuurlijke-drukte'
  | 'geen-evaluatie-of-uittreding'
  | 'uitbesteding-zonder-eigen-opdrachtgever'
  | 'rollen-niet-gescheiden'
  | 'opdrachtgever-zonder-mandaat'
  | 'samenwerking-zonder-proceskader'
  | 'afwegingskader-open'
  | 'regieprestaties-onvolledig'
  | 'actor-zonder-relaties'

/** `error`: "fout", a seed says this must be there. `warning`: "let op", a lesson to weigh. `info`: unfinished drawing. */
export type Severity = 'error' | 'warning' | 'info'

export interface RegieRule {
  readonly id: RegieRuleId
  readonly severity: Severity
  readonly title: LocalizedText
  /** Why the rule exists, with its seed and slide in words a facilitator can read out. */
  readonly explanation: LocalizedText
  readonly source: SourceRef
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
    severity: 'error',
    title: { nl: 'Uitbesteding zonder opdrachtgever', en: 'Outsourcing without a commissioner' },
    explanation: {
      nl: 'Bij uitbesteding stuurt de gemeente de opdrachtnemer als opdrachtgever aan (bron: 000 dia 6 en 9). Zonder opdrachtgever heeft niemand sturing (valkuil e).',
      en: 'When outsourcing, the municipality steers the contractor as commissioner (source: 000 slides 6 and 9). Without a commissioner nobody steers (pitfall e).',
    },
    source: { seed: '000', slides: [6, 9] },
    valkuilen: ['e'],
  },
  'uitbesteding-zonder-rad': {
    severity: 'warning',
    title: { nl: 'Uitbesteding zonder resultaatafsprakendocument (RAD)', en: 'Outsourcing without a result agreement (RAD)' },
    explanation: {
      nl: 'De regiegemeente werkt met resultaatafsprakendocumenten (RAD) richting haar opdrachtnemers (bron: 000 dia 6).',
      en: 'The regie municipality works with result agreement documents (RAD) towards its contractors (source: 000 slide 6).',
    },
    source: { seed: '000', slides: [6] },
    valkuilen: ['e'],
  },
  'opdrachtgeverschap-zonder-rad': {
    severity: 'warning',
    title: { nl: 'Opdrachtgeverschap zonder RAD of DVO', en: 'Commissioning without a RAD or service agreement' },
    explanation: {
      nl: 'Een opdracht staat in een resultaatafsprakendocument (RAD, bron: 000 dia 6) of een dienstverleningsovereenkomst (DVO, bron: 003 dia 12).',
      en: 'An assignment is laid down in a result agreement (RAD, source: 000 slide 6) or a service agreement (DVO, source: 003 slide 12).',
    },
    source: { seed: '000', slides: [6] },
    valkuilen: ['e'],
  },
  'gezamenlijk-orgaan-zonder-verantwoording': {
    severity: 'error',
    title: { nl: 'Gezamenlijk orgaan zonder verantwoording aan een raad', en: 'Joint body not accountable to any council' },
    explanation: {
      nl: 'Een gezamenlijk orgaan moet langs een lijn verantwoording afleggen aan een gemeenteraad, direct of via het college (bron: 002 dia 15, valkuilen c en e; dia 16). Een ambtelijk overleg hoort daar niet bij: dat legt verantwoording af in de eigen organisaties.',
      en: 'A joint body must answer to a municipal council along some line, directly or via the executive (source: 002 slide 15, pitfalls c and e; slide 16). An official consultation is not one: it answers within its own organisations.',
    },
    source: { seed: '002', slides: [15, 16] },
    valkuilen: ['c', 'e'],
  },
  'raad-zonder-kaderstelling': {
    severity: 'warning',
    title: { nl: 'Raad stelt geen kaders', en: 'Council sets no frameworks' },
    explanation: {
      nl: 'Pak je rol als raad, vanaf het allereerste begin (bron: 002 dia 15, valkuil a). Een raad met samenwerkingen stelt kaders: voor de regeling zelf, of voor het eigen college als zijn rol via het college loopt (bron: 002 dia 16; zo bij de BEL, 003 dia 8).',
      en: 'Take your role as council, from the very start (source: 002 slide 15, pitfall a). A council with joint arrangements sets frameworks: for the arrangement itself, or for its own executive when its role runs via the executive (source: 002 slide 16; as at the BEL, 003 slide 8).',
    },
    source: { seed: '002', slides: [15, 16] },
    valkuilen: ['a'],
  },
  'rol-raad-past-niet-bij-regeling': {
    severity: 'warning',
    title: { nl: 'Rol van de raad past niet bij de soort regeling', en: "The council's role does not fit the kind of arrangement" },
    explanation: {
      nl: 'Bij regelingen voor beleid heeft de raad direct een rol; bij regelingen voor bedrijfsvoering via het college (bron: 002 dia 16).',
      en: 'In arrangements for policy the council has a direct role; in arrangements for operations a role via the executive (source: 002 slide 16).',
    },
    source: { seed: '002', slides: [16] },
    valkuilen: ['a', 'c'],
  },
  'bestuurlijke-drukte': {
    severity: 'warning',
    title: { nl: 'Bestuurlijke drukte', en: 'Administrative crowding' },
    explanation: {
      nl: 'Het is een bestuurlijke spaghetti: vermijd bestuurlijke drukte (bron: 002 dia 15, valkuil b). Let op ketens van drie of meer gezamenlijke organen en op een gemeente in veel regelingen tegelijk.',
      en: 'It is an administrative spaghetti: avoid administrative crowding (source: 002 slide 15, pitfall b). Watch chains of three or more joint bodies and a municipality in many arrangements at once.',
    },
    source: { seed: '002', slides: [15] },
    valkuilen: ['b'],
  },
  'geen-evaluatie-of-uittreding': {
    severity: 'warning',
    title: { nl: 'Geen evaluatie of uittreding vastgelegd', en: 'No evaluation or exit recorded' },
    explanation: {
      nl: 'Je komt er niet van af: durf te stoppen (bron: 002 dia 15, valkuil d). Leg per regeling vast wanneer je evalueert en hoe je kunt uittreden.',
      en: "You can't get out: dare to stop (source: 002 slide 15, pitfall d). Record for each arrangement when it is evaluated and how to leave it.",
    },
    source: { seed: '002', slides: [15] },
    valkuilen: ['d'],
  },
  'uitbesteding-zonder-eigen-opdrachtgever': {
    severity: 'warning',
    title: { nl: 'Uitbesteding zonder eigen opdrachtgever van de gemeente', en: "Outsourcing without the municipality's own commissioner" },
    explanation: {
      nl: 'De gemeente wordt een lege BV: waarborg de autonome gemeentelijke rol (bron: 002 dia 15, valkuil f). Wie uitbesteedt, houdt een eigen opdrachtgever of regieteam (bron: 000 dia 5 en 9; lokaal opdrachtgeverschap is cruciaal, 001 dia 5).',
      en: 'The municipality becomes an empty shell: safeguard its autonomous role (source: 002 slide 15, pitfall f). Whoever outsources keeps a commissioner or regie team of its own (source: 000 slides 5 and 9; local commissioning is crucial, 001 slide 5).',
    },
    source: { seed: '002', slides: [15] },
    valkuilen: ['f'],
  },
  'rollen-niet-gescheiden': {
    severity: 'warning',
    title: { nl: 'Rollen niet gescheiden', en: 'Roles not separated' },
    explanation: {
      nl: 'Blijf investeren in het scheiden van rollen: eigenaar, opdrachtgever, voorzitter, dagelijks bestuur, algemeen bestuur (bron: 003 dia 16). Wie opdrachtgever is, is liefst niet ook eigenaar of bestuurder van de opdrachtnemer.',
      en: 'Keep investing in separating roles: owner, commissioner, chair, executive board, general board (source: 003 slide 16). A commissioner had best not also own or sit on the board of the contractor.',
    },
    source: { seed: '003', slides: [16] },
    valkuilen: [],
  },
  'opdrachtgever-zonder-mandaat': {
    severity: 'warning',
    title: { nl: 'Ambtelijk opdrachtgever zonder mandaat', en: 'Official commissioner without a mandate' },
    explanation: {
      nl: 'De regisseur is (gemandateerd) opdrachtgever (bron: 000 dia 9). Een ambtelijk opdrachtgever handelt namens het bestuur; leg vast wie het mandaat geeft. Bij mandaat blijft de mandaatgever verantwoordelijk (Awb 10:1).',
      en: 'The regisseur is a (mandated) commissioner (source: 000 slide 9). An official commissioner acts on behalf of the governing body; record who gives the mandate. Under a mandate the giver stays responsible.',
    },
    source: { seed: '000', slides: [9] },
    valkuilen: [],
  },
  'samenwerking-zonder-proceskader': {
    severity: 'warning',
    title: { nl: 'Strategische samenwerking zonder proceskader van de raad', en: 'Strategic collaboration without a process frame from the council' },
    explanation: {
      nl: 'De raad speelt rond regie nagenoeg geen rol (bron: 004 dia 6). Bij strategische samenwerking geeft de raad het college een proceskader mee (bron: 004 dia 11).',
      en: 'The council plays almost no role in regie (source: 004 slide 6). In strategic collaboration the council gives the executive a process frame (source: 004 slide 11).',
    },
    source: { seed: '004', slides: [6, 11] },
    valkuilen: ['a'],
  },
  'afwegingskader-open': {
    severity: 'warning',
    title: { nl: 'Vragen van het afwegingskader nog open', en: 'Questions of the framework still open' },
    explanation: {
      nl: 'Het afwegingskader vraagt eerst een verkenning (A) en dan een keuze van de raad (C): vastzetten of loslaten, hoe ver, welk regietype, welk proceskader (bron: 004 dia 10 en 11).',
      en: "The framework first asks for an exploration (A) and then for the council's choice (C): fix down or let go, how far, which regie type, which process frame (source: 004 slides 10 and 11).",
    },
    source: { seed: '004', slides: [10, 11] },
    valkuilen: [],
  },
  'regieprestaties-onvolledig': {
    severity: 'error',
    title: { nl: 'Niet alle vijf regieprestaties ingevuld', en: 'Not all five regie performances filled in' },
    explanation: {
      nl: 'Aan de vijf regieprestaties moet altijd invulling worden gegeven: de harde kern van professionele regievoering (bron: 004 dia 8 en 12).',
      en: 'The five regie performances must always be given substance: the hard core of professional regie (source: 004 slides 8 and 12).',
    },
    source: { seed: '004', slides: [8, 12] },
    valkuilen: [],
  },
  'actor-zonder-relaties': {
    severity: 'info',
    title: { nl: 'Kaart zonder relaties', en: 'Card without relations' },
    explanation: {
      nl: 'De regiegemeente werkt samen met of via anderen (bron: 000 dia 6). Een kaart zonder lijnen laat niet zien met wie; waarschijnlijk is de tekening nog niet af.',
      en: 'The regie municipality works with or through others (source: 000 slide 6). A card without lines does not show with whom; the drawing is probably not finished.',
    },
    source: { seed: '000', slides: [6] },
    valkuilen: [],
  },
} as const satisfies Record<RegieRuleId, Omit<RegieRule, 'id'>>

/** Every rule, in the order the check reports them. */
export const REGIE_RULES: readonly RegieRule[] = (Object.keys(RULES) as RegieRuleId[]).map((id) => ({ id, ...RULES[id] }))

export function isRegieRuleId(value: unknown): value is RegieRuleId {
  return typeof value === 'string' && Object.hasOwn(RULES, value)
}

export function regiecheck(model: RegieModel<string>): RegieFinding[] {
  const index = new ModelIndex(model)
  return [
    ...outsourcingWithoutCommissioner(index),
    ...outsourcingWithoutRad(index),
    ...commissioningWithoutRad(index),
    ...jointBodiesWithoutAccountability(index),
    ...councilsWithoutFrameworks(index),
    ...councilRoleAndArrangement(index),
    ...administrativeCrowding(index),
    ...noEvaluationOrExit(index),
    ...outsourcingWithoutOwnCommissioner(index),
    ...rolesNotSeparated(index),
    ...commissionerWithoutMandate(index),
    ...collaborationWithoutProcessFrame(index),
    ...openFrameworkQuestions(model),
    ...incompleteRegieprestaties(model),
    ...actorsWithoutRelations(index),
  ]
}

// ---------------------------------------------------------------------------------------------

class ModelIndex {
  readonly actors: ReadonlyMap<string, RegieActor>
  private readonly groupKinds: ReadonlyMap<string, string>

  constructor(readonly model: RegieModel<string>) {
    this.actors = new Map(model.actors.map((actor) => [actor.id, actor]))
    this.groupKinds = new Map(model.groups.map((group) => [group.id, group.kind]))
  }

  name(id: string): string {
    const name = this.actors.get(id)?.name.trim()
    return name ? name : id
  }

  kind(id: string): ActorKindId | undefined {
    const kind = this.actors.get(id)?.kind
    return kind !== undefined && isActorKindId(kind) ? kind : undefined
  }

  relationsOfKind(...kinds: RelationKindId[]): RegieRelation[] {
    return this.model.relations.filter((relation) => kinds.includes(relation.kind))
  }

  isJointBody(id: string): boolean {
    const kind = this.kind(id)
    return kind !== undefined && actorKind(kind).jointBody
  }

  isCouncil(id: string): boolean {
    return this.kind(id) === 'gemeenteraad'
  }

  /** The organisation frame an actor sits in; areas and lanes are not organisations. */
  organisationOf(id: string): string | undefined {
    const group = this.actors.get(id)?.group
    return group !== undefined && this.groupKinds.get(group) === 'organisation' ? group : undefined
  }

  sameOrganisation(a: string, b: string): boolean {
    const organisation = this.organisationOf(a)
    return organisation !== undefined && organisation === this.organisationOf(b)
  }

  related(a: string, b: string, kinds?: readonly RelationKindId[]): boolean {
    return this.model.relations.some(
      (relation) => (kinds === undefined || kinds.includes(relation.kind)) && ((relation.from === a && relation.to === b) || (relation.from === b && relation.to === a)),
    )
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

  /**
   * Joint bodies that form one arrangement: those in the same organisation frame (an AB and DB
   * inside their GR) or joined by "onderdeel van". Keyed by body id, valued by a representative.
   */
  arrangements(): Map<string, string> {
    const parent = new Map<string, string>()
    const find = (id: string): string => {
      let root = id
      while (parent.get(root) !== root) root = parent.get(root) ?? root
      return root
    }
    const union = (a: string, b: string) => parent.set(find(a), find(b))
    const bodies = this.model.actors.filter((actor) => this.isJointBody(actor.id)).map((actor) => actor.id)
    for (const id of bodies) parent.set(id, id)
    for (const a of bodies) for (const b of bodies) if (a < b && this.sameOrganisation(a, b)) union(a, b)
    for (const relation of this.relationsOfKind('onderdeel-van')) {
      if (parent.has(relation.from) && parent.has(relation.to)) union(relation.from, relation.to)
    }
    // Name each arrangement after its first body in reading order (the GR before its AB and DB).
    const representative = new Map<string, string>()
    for (const id of bodies) if (!representative.has(find(id))) representative.set(find(id), id)
    return new Map(bodies.map((id) => [id, representative.get(find(id)) ?? id]))
  }
}

function finding(ruleId: RegieRuleId, message: LocalizedText, involved: Partial<Pick<RegieFinding, 'actorIds' | 'relationIds' | 'blockIds'>>): RegieFinding {
  return { ruleId, severity: RULES[ruleId].severity, message, actorIds: [], relationIds: [], blockIds: [], ...involved }
}

const hasText = (text: string | undefined): boolean => text !== undefined && text.trim() !== ''

const list = (names: readonly string[], and: string): string =>
  names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} ${and} ${names.at(-1)}`

const unique = <T,>(values: readonly T[]): T[] => [...new Set(values)]

/**
 * Someone must steer the party that carries out: the outsourcing party itself or someone it
 * mandated (a regieteam, seed 000 dia 9; a beleidsregie, seed 003 dia 10), so any
 * opdrachtgeverschap towards the contractor counts.
 */
function outsourcingWithoutCommissioner(index: ModelIndex): RegieFinding[] {
  const commissioned = new Set(index.relationsOfKind('opdrachtgeverschap').map((relation) => relation.to))
  return index
    .relationsOfKind('uitbesteding')
    .filter((relation) => !commissioned.has(relation.to) && relation.from !== relation.to)
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

/** Contractors with a result agreement on an uitbesteding or an assignment to them. */
function agreedContractors(index: ModelIndex): Set<string> {
  return new Set(
    index
      .relationsOfKind('opdrachtgeverschap', 'uitbesteding')
      .filter((relation) => hasText(relation.radReference))
      .map((relation) => relation.to),
  )
}

/**
 * The result agreement may sit on the uitbesteding itself or on the assignment to the same
 * contractor (seed 000, dia 6: "Resultaat Afspraken Documenten richting onze opdrachtnemers").
 */
function outsourcingWithoutRad(index: ModelIndex): RegieFinding[] {
  const agreed = agreedContractors(index)
  return index
    .relationsOfKind('uitbesteding')
    .filter((relation) => !agreed.has(relation.to))
    .map((relation) => {
      const from = index.name(relation.from)
      const to = index.name(relation.to)
      return finding(
        'uitbesteding-zonder-rad',
        {
          nl: `De uitbesteding van ${from} aan ${to} heeft geen resultaatafsprakendocument (RAD).`,
          en: `The outsourcing from ${from} to ${to} has no result agreement (RAD).`,
        },
        { actorIds: [relation.from, relation.to], relationIds: [relation.id] },
      )
    })
}

/** Assignments not covered by an uitbesteding to the same contractor (that rule speaks for those). */
function commissioningWithoutRad(index: ModelIndex): RegieFinding[] {
  const agreed = agreedContractors(index)
  const outsourced = new Set(index.relationsOfKind('uitbesteding').map((relation) => relation.to))
  return index
    .relationsOfKind('opdrachtgeverschap')
    .filter((relation) => !agreed.has(relation.to) && !outsourced.has(relation.to))
    .map((relation) => {
      const from = index.name(relation.from)
      const to = index.name(relation.to)
      return finding(
        'opdrachtgeverschap-zonder-rad',
        {
          nl: `${from} is opdrachtgever van ${to}, maar er staat geen RAD of DVO bij: waarin liggen de afspraken vast?`,
          en: `${from} commissions ${to}, but no RAD or service agreement is named: where are the agreements recorded?`,
        },
        { actorIds: [relation.from, relation.to], relationIds: [relation.id] },
      )
    })
}

/**
 * A joint body must answer to at least one gemeenteraad along some line: valkuil c
 * (undemocratic) and e (no steering). A line is a path of steps that each mean "answers to":
 * verantwoording; working under someone (aansturing, opdrachtgeverschap, uitbesteding,
 * eigenaarschap, toezicht, mandaat); being part of something (onderdeel van); or a member
 * (gemeente, college, bestuurder) taking part in it, because the members of a joint body answer
 * to the raad or college that sent them (Wgr). A gemeente card leads to the raad in its own frame
 * or related to it. So a GR steered by colleges that answer to their raden has a line (the raad's
 * role "via het college", seed 002 dia 16). Kaderstelling alone is no line. An ambtelijk overleg
 * is no joint body (actor-kinds.ts), so it is not asked.
 *
 * Failing joint bodies that sit under, belong to or advise another failing joint body are
 * reported with it, not apart: the gap is at the top of their structure.
 */
function jointBodiesWithoutAccountability(index: ModelIndex): RegieFinding[] {
  const answersTo = new Map<string, string[]>()
  const sitsUnder = new Map<string, string[]>()
  const link = (map: Map<string, string[]>, lower: string, upper: string) => map.set(lower, [...(map.get(lower) ?? []), upper])
  for (const relation of index.model.relations) {
    const step = upwardStep(relation, index)
    if (step) link(answersTo, step.lower, step.upper)
    const structural = step ?? (relation.kind === 'deelname' || relation.kind === 'advies' ? { lower: relation.from, upper: relation.to } : undefined)
    // Only between joint bodies: a municipality in between would tie unrelated bodies together.
    if (structural && index.isJointBody(structural.lower) && index.isJointBody(structural.upper)) {
      link(sitsUnder, structural.lower, structural.upper)
    }
  }
  // A gemeente answers to its own raad: the one in its frame, or one it is related to.
  for (const actor of index.model.actors) {
    if (actor.kind !== 'gemeente') continue
    for (const council of index.model.actors.filter((other) => index.isCouncil(other.id))) {
      if ((actor.group !== undefined && actor.group === council.group) || index.related(actor.id, council.id)) link(answersTo, actor.id, council.id)
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
          `${name} legt langs geen enkele lijn verantwoording af aan een gemeenteraad, ook niet via een college. Regel de democratische legitimatie en gebruik de verantwoordingsmechanismen (valkuilen c en e).` +
          (below.length > 0 ? ` Hetzelfde geldt voor wat eronder valt: ${list(belowNames, 'en')}.` : ''),
        en:
          `${name} answers to no municipal council along any line, not even via an executive. Arrange democratic legitimation and use the accountability mechanisms (pitfalls c and e).` +
          (below.length > 0 ? ` The same holds for what sits under it: ${list(belowNames, 'and')}.` : ''),
      },
      { actorIds: [top, ...below] },
    )
  })
}

const MEMBER_KINDS: readonly ActorKindId[] = ['gemeente', 'college', 'bestuurder', 'gemeenteraad', 'centrumgemeente']

/** The step "lower answers to upper" that a relation makes, if it makes one. */
function upwardStep(relation: RegieRelation, index: ModelIndex): { lower: string; upper: string } | undefined {
  switch (relation.kind) {
    case 'verantwoording':
    case 'onderdeel-van':
      return { lower: relation.from, upper: relation.to }
    case 'aansturing':
    case 'opdrachtgeverschap':
    case 'uitbesteding':
    case 'eigenaarschap':
    case 'toezicht':
    case 'mandaat':
      return { lower: relation.to, upper: relation.from }
    case 'deelname': {
      const member = index.kind(relation.from)
      if (member === undefined || !MEMBER_KINDS.includes(member)) return undefined
      if (index.isJointBody(relation.to)) return { lower: relation.to, upper: relation.from }
      // A mayor or alderman in the college answers to the raad through the college.
      return member === 'bestuurder' && index.kind(relation.to) === 'college' ? { lower: relation.from, upper: relation.to } : undefined
    }
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
 * is not itself a joint body. A council with such arrangements takes its role (valkuil a) by
 * setting frameworks for one of them, giving a zienswijze, or, where its role runs via the
 * college (seed 002 dia 16), by setting frameworks for that college, as each BEL raad does for
 * its college while having "géén zeggenschap" in the BEL Combinatie (seed 003 dia 8).
 */
function councilsWithoutFrameworks(index: ModelIndex): RegieFinding[] {
  const findings: RegieFinding[] = []
  for (const council of index.model.actors.filter((actor) => index.isCouncil(actor.id))) {
    const arrangements = new Set<string>()
    const intermediaries = new Set<string>()
    for (const neighbour of index.neighbours(council.id)) {
      if (index.isJointBody(neighbour)) {
        arrangements.add(neighbour)
      } else if (!index.isCouncil(neighbour)) {
        for (const second of index.neighbours(neighbour)) {
          if (index.isJointBody(second)) {
            arrangements.add(second)
            intermediaries.add(neighbour)
          }
        }
      }
    }
    if (arrangements.size === 0) continue
    const framesOrViews = index
      .relationsOfKind('kaderstelling', 'zienswijze')
      .some((relation) => relation.from === council.id && (arrangements.has(relation.to) || (relation.kind === 'kaderstelling' && intermediaries.has(relation.to))))
    if (framesOrViews) continue
    const ids = [...arrangements]
    const names = ids.map((id) => index.name(id))
    findings.push(
      finding(
        'raad-zonder-kaderstelling',
        {
          nl: `Geen kaders van ${index.name(council.id)} voor ${list(names, 'en')}, en ook niet voor het eigen college. Pak je rol als raad, vanaf het allereerste begin (valkuil a).`,
          en: `No frameworks from ${index.name(council.id)} for ${list(names, 'and')}, nor for its own executive. Take your role as council from the very start (pitfall a).`,
        },
        { actorIds: [council.id, ...ids] },
      ),
    )
  }
  return findings
}

/**
 * Seed 002 dia 16: in an arrangement for beleid the raad has a direct role; in one for
 * bedrijfsvoering the raad's role runs via the college. Only joint bodies whose kind of
 * arrangement is recorded are checked; "uitvoering" can go either way.
 */
function councilRoleAndArrangement(index: ModelIndex): RegieFinding[] {
  const arrangementOf = index.arrangements()
  const findings: RegieFinding[] = []
  for (const body of index.model.actors) {
    const regeling = body.attributes?.regeling
    if (!index.isJointBody(body.id) || regeling === undefined || regeling === 'uitvoering') continue
    // The arrangement: the body, the joint bodies in the same arrangement, and joint bodies it is related to.
    const parts = new Set([body.id, ...[...arrangementOf].filter(([, root]) => root === arrangementOf.get(body.id)).map(([id]) => id)])
    for (const neighbour of index.neighbours(body.id)) if (index.isJointBody(neighbour)) parts.add(neighbour)
    const touches = (kinds: readonly ActorKindId[]) => [...parts].some((part) => [...index.neighbours(part)].some((other) => kinds.includes(index.kind(other) ?? 'gemeente') && index.kind(other) !== undefined))
    const name = index.name(body.id)
    if (regeling === 'beleid' && !touches(['gemeenteraad', 'raadscommissie'])) {
      findings.push(
        finding(
          'rol-raad-past-niet-bij-regeling',
          {
            nl: `${name} is een regeling voor beleid, maar geen raad heeft er direct een rol in. Geef de raad een directe rol: kaders, een zienswijze of informatie (bron: 002 dia 16).`,
            en: `${name} is an arrangement for policy, but no council has a direct role in it. Give the council a direct role: frameworks, a formal view or information (source: 002 slide 16).`,
          },
          { actorIds: [body.id] },
        ),
      )
    }
    if (regeling === 'bedrijfsvoering' && !touches(['college', 'bestuurder', 'gemeente', 'centrumgemeente'])) {
      findings.push(
        finding(
          'rol-raad-past-niet-bij-regeling',
          {
            nl: `${name} is een regeling voor bedrijfsvoering; dan loopt de rol van de raad via het college, maar er is geen lijn naar een college (bron: 002 dia 16).`,
            en: `${name} is an arrangement for operations; then the council's role runs via the executive, but there is no line to an executive (source: 002 slide 16).`,
          },
          { actorIds: [body.id] },
        ),
      )
    }
  }
  return findings
}

/**
 * Valkuil b (seed 002 dia 15), bestuurlijke spaghetti: three or more joint arrangements tied to
 * each other, or one municipality in four or more of them at once.
 */
function administrativeCrowding(index: ModelIndex): RegieFinding[] {
  const arrangementOf = index.arrangements()
  const findings: RegieFinding[] = []
  const edges = new Map<string, Set<string>>()
  for (const relation of index.model.relations) {
    const a = arrangementOf.get(relation.from)
    const b = arrangementOf.get(relation.to)
    if (a === undefined || b === undefined || a === b) continue
    edges.set(a, (edges.get(a) ?? new Set()).add(b))
    edges.set(b, (edges.get(b) ?? new Set()).add(a))
  }
  const seen = new Set<string>()
  for (const root of unique([...arrangementOf.values()])) {
    if (seen.has(root)) continue
    const component = [...reachable(new Map([...edges].map(([key, value]) => [key, [...value]])), root), root]
    for (const id of component) seen.add(id)
    const bodies = unique(component)
    if (bodies.length < 3) continue
    const names = bodies.map((id) => index.name(id))
    findings.push(
      finding(
        'bestuurlijke-drukte',
        {
          nl: `${list(names, 'en')} vormen samen een keten van ${bodies.length} gezamenlijke organen. Is elke schakel nodig? Vermijd bestuurlijke drukte (valkuil b).`,
          en: `${list(names, 'and')} form a chain of ${bodies.length} joint bodies. Is every link needed? Avoid administrative crowding (pitfall b).`,
        },
        { actorIds: bodies },
      ),
    )
  }
  for (const municipality of index.model.actors.filter((actor) => actor.kind === 'gemeente')) {
    const own = index.model.actors.filter((actor) => actor.id === municipality.id || index.sameOrganisation(actor.id, municipality.id)).map((actor) => actor.id)
    const arrangements = unique(own.flatMap((id) => [...index.neighbours(id)]).flatMap((id) => (arrangementOf.has(id) ? [arrangementOf.get(id) as string] : [])))
    if (arrangements.length < 4) continue
    findings.push(
      finding(
        'bestuurlijke-drukte',
        {
          nl: `${index.name(municipality.id)} zit in ${arrangements.length} gezamenlijke regelingen tegelijk: ${list(arrangements.map((id) => index.name(id)), 'en')}. Vermijd bestuurlijke drukte (valkuil b).`,
          en: `${index.name(municipality.id)} takes part in ${arrangements.length} joint arrangements at once: ${list(arrangements.map((id) => index.name(id)), 'and')}. Avoid administrative crowding (pitfall b).`,
        },
        { actorIds: [municipality.id, ...arrangements] },
      ),
    )
  }
  return findings
}

const EXIT_WORDS = /evalu|uittre|uitstap|opzeg|beëindig|stoppen|exit|looptijd|evaluat|termination|notice/i

/**
 * Valkuil d (seed 002 dia 15): "je komt er niet van af: durf te stoppen". For every joint
 * arrangement and every party that carries out outsourced work, the board should say when it is
 * evaluated or how to leave: in its card, on a line to it, or as the answer to valkuil d.
 */
function noEvaluationOrExit(index: ModelIndex): RegieFinding[] {
  const answered = index.model.blocks.some((block) => block.type === 'checklist' && block.items.some((item) => item.ref === 'd' && hasText(item.response)))
  if (answered) return []
  const arrangementOf = index.arrangements()
  const candidates = unique([
    ...unique([...arrangementOf.values()]),
    ...index.relationsOfKind('uitbesteding', 'inkoop').map((relation) => relation.to).filter((id) => !arrangementOf.has(id)),
  ])
  const mentions = (id: string): boolean => {
    const ids = arrangementOf.has(id) ? [...arrangementOf].filter(([, root]) => root === arrangementOf.get(id)).map(([body]) => body) : [id]
    return ids.some((bodyId) => {
      const actor = index.actors.get(bodyId)
      const texts = [actor?.name, actor?.attributes?.toelichting, ...(actor?.attributes?.rollen ?? [])]
      const lines = index.model.relations.filter((relation) => relation.from === bodyId || relation.to === bodyId).flatMap((relation) => [relation.label, relation.radReference])
      return [...texts, ...lines].some((text) => text !== undefined && EXIT_WORDS.test(text))
    })
  }
  const missing = candidates.filter((id) => !mentions(id))
  if (missing.length === 0) return []
  const names = missing.map((id) => index.name(id))
  return [
    finding(
      'geen-evaluatie-of-uittreding',
      {
        nl: `Voor ${list(names, 'en')} staat nergens wanneer er geëvalueerd wordt of hoe je eruit stapt. Durf te stoppen (valkuil d).`,
        en: `For ${list(names, 'and')} nothing says when it is evaluated or how to leave. Dare to stop (pitfall d).`,
      },
      { actorIds: missing },
    ),
  ]
}

/**
 * Valkuil f (seed 002 dia 15): whoever outsources keeps its own opdrachtgever. Reported when the
 * contractor is commissioned, but only by others (rule "uitbesteding-zonder-opdrachtgever"
 * covers a contractor nobody commissions).
 */
function outsourcingWithoutOwnCommissioner(index: ModelIndex): RegieFinding[] {
  const findings: RegieFinding[] = []
  for (const relation of index.relationsOfKind('uitbesteding')) {
    const commissioners = index.relationsOfKind('opdrachtgeverschap').filter((other) => other.to === relation.to).map((other) => other.from)
    if (commissioners.length === 0) continue
    const own = commissioners.some(
      (commissioner) =>
        commissioner === relation.from ||
        index.sameOrganisation(commissioner, relation.from) ||
        index.related(commissioner, relation.from, ['mandaat', 'aansturing', 'onderdeel-van', 'advies', 'verantwoording']),
    )
    if (own) continue
    const from = index.name(relation.from)
    const to = index.name(relation.to)
    findings.push(
      finding(
        'uitbesteding-zonder-eigen-opdrachtgever',
        {
          nl: `${from} besteedt uit aan ${to}, maar de opdrachtgever (${list(unique(commissioners).map((id) => index.name(id)), 'en')}) is niet van ${from} zelf. Waarborg de eigen rol van de gemeente (valkuil f).`,
          en: `${from} outsources to ${to}, but the commissioner (${list(unique(commissioners).map((id) => index.name(id)), 'and')}) is not ${from}'s own. Safeguard the municipality's own role (pitfall f).`,
        },
        { actorIds: [relation.from, relation.to, ...commissioners], relationIds: [relation.id] },
      ),
    )
  }
  return findings
}

/**
 * Seed 003 dia 16: separate the roles of eigenaar, opdrachtgever, voorzitter, DB and AB. Reported
 * per contractor when a commissioner also owns it, or sits (deelname) on a body that governs it:
 * a joint body in its frame, one it is part of, or one that steers it.
 */
function rolesNotSeparated(index: ModelIndex): RegieFinding[] {
  const findings: RegieFinding[] = []
  const byContractor = new Map<string, string[]>()
  for (const relation of index.relationsOfKind('opdrachtgeverschap')) byContractor.set(relation.to, [...(byContractor.get(relation.to) ?? []), relation.from])
  for (const [contractor, commissioners] of byContractor) {
    const governs = (body: string): boolean =>
      body === contractor ||
      (index.isJointBody(body) && index.sameOrganisation(body, contractor)) ||
      index.model.relations.some((relation) => relation.from === body && relation.to === contractor && (relation.kind === 'aansturing' || relation.kind === 'onderdeel-van'))
    const doubled = unique(commissioners).filter((commissioner) =>
      index.model.relations.some(
        (relation) =>
          relation.from === commissioner &&
          ((relation.kind === 'eigenaarschap' && relation.to === contractor) || (relation.kind === 'deelname' && governs(relation.to))),
      ),
    )
    if (doubled.length === 0) continue
    const names = doubled.map((id) => index.name(id))
    const to = index.name(contractor)
    findings.push(
      finding(
        'rollen-niet-gescheiden',
        {
          nl: `${list(names, 'en')} ${doubled.length === 1 ? 'is' : 'zijn'} opdrachtgever van ${to} en ${doubled.length === 1 ? 'zit' : 'zitten'} ook in het bestuur of ${doubled.length === 1 ? 'is' : 'zijn'} eigenaar. Scheid de rollen van eigenaar, opdrachtgever en bestuur waar dat kan (bron: 003 dia 16).`,
          en: `${list(names, 'and')} commission${doubled.length === 1 ? 's' : ''} ${to} and also sit${doubled.length === 1 ? 's' : ''} on its board or own${doubled.length === 1 ? 's' : ''} it. Separate the roles of owner, commissioner and board where possible (source: 003 slide 16).`,
        },
        { actorIds: [contractor, ...doubled] },
      ),
    )
  }
  return findings
}

const OFFICIAL_KINDS: readonly ActorKindId[] = ['regieteam', 'gemeentesecretaris', 'directie', 'ambtelijke-organisatie', 'ambtelijk-overleg']

/** Seed 000 dia 9: the regisseur is a (gemandateerd) opdrachtgever; an official commissions on behalf of a governing body. */
function commissionerWithoutMandate(index: ModelIndex): RegieFinding[] {
  const mandated = new Set(index.relationsOfKind('mandaat').map((relation) => relation.to))
  const officials = unique(
    index
      .relationsOfKind('opdrachtgeverschap')
      .map((relation) => relation.from)
      .filter((id) => OFFICIAL_KINDS.includes(index.kind(id) ?? 'gemeente') && index.kind(id) !== undefined && !mandated.has(id)),
  )
  if (officials.length === 0) return []
  const names = officials.map((id) => index.name(id))
  return [
    finding(
      'opdrachtgever-zonder-mandaat',
      {
        nl: `${list(names, 'en')} ${officials.length === 1 ? 'treedt' : 'treden'} op als ambtelijk opdrachtgever, maar er is geen mandaat getekend. Wie geeft het mandaat? De mandaatgever blijft verantwoordelijk (Awb 10:1).`,
        en: `${list(names, 'and')} act${officials.length === 1 ? 's' : ''} as official commissioner, but no mandate is drawn. Who gives the mandate? The giver stays responsible.`,
      },
      { actorIds: officials },
    ),
  ]
}

const STRATEGIC_KINDS: readonly RelationKindId[] = ['samenwerking', 'convenant', 'subsidierelatie', 'co-productie']
const MUNICIPAL_SIDE: readonly ActorKindId[] = ['gemeente', 'college', 'bestuurder', 'regieteam']
const PARTNER_KINDS: readonly ActorKindId[] = ['maatschappelijke-organisatie', 'bedrijf', 'samenwerkingsverband', 'provincie', 'rijk']

/**
 * Seed 004 dia 6 and 11: in strategic collaboration with partners the raad gives the college a
 * proceskader. Reported when the municipal side collaborates with a partner and no raad sets
 * frameworks for that side (or the partner).
 */
function collaborationWithoutProcessFrame(index: ModelIndex): RegieFinding[] {
  const framed = new Set(index.relationsOfKind('kaderstelling').filter((relation) => index.isCouncil(relation.from)).map((relation) => relation.to))
  const findings: RegieFinding[] = []
  for (const relation of index.relationsOfKind(...STRATEGIC_KINDS)) {
    const ends = [relation.from, relation.to]
    const municipal = ends.find((id) => MUNICIPAL_SIDE.includes(index.kind(id) ?? 'inwoners'))
    const partner = ends.find((id) => PARTNER_KINDS.includes(index.kind(id) ?? 'inwoners'))
    if (municipal === undefined || partner === undefined) continue
    const covered =
      framed.has(partner) || framed.has(municipal) || [...framed].some((id) => index.sameOrganisation(id, municipal) && !index.isCouncil(id))
    if (covered) continue
    findings.push(
      finding(
        'samenwerking-zonder-proceskader',
        {
          nl: `${index.name(municipal)} werkt strategisch samen met ${index.name(partner)}, maar geen raad geeft daarvoor een proceskader mee (bron: 004 dia 11).`,
          en: `${index.name(municipal)} collaborates strategically with ${index.name(partner)}, but no council gives a process frame for it (source: 004 slide 11).`,
        },
        { actorIds: [municipal, partner], relationIds: [relation.id] },
      ),
    )
  }
  return findings
}

/** Seed 004 dia 10–11: the questions of A (verkenning) and C (keuze van de raad) need an answer. */
function openFrameworkQuestions(model: RegieModel<string>): RegieFinding[] {
  const open: { block: string; text: string }[] = []
  for (const block of model.blocks) {
    if (block.type !== 'checklist') continue
    for (const item of block.items) {
      if (isAfwegingVraagId(item.ref) && !hasText(item.response)) open.push({ block: block.id, text: item.text })
    }
  }
  if (open.length === 0) return []
  return [
    finding(
      'afwegingskader-open',
      {
        nl: `Nog ${open.length === 1 ? 'één vraag' : `${open.length} vragen`} van het afwegingskader zonder antwoord: ${list(open.map((question) => `"${question.text}"`), 'en')}.`,
        en: `${open.length === 1 ? 'One question' : `${open.length} questions`} of the framework still without an answer: ${list(open.map((question) => `"${question.text}"`), 'and')}.`,
      },
      { blockIds: unique(open.map((question) => question.block)) },
    ),
  ]
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

/** An opgave is what the collaboration is about, not a party: it needs no lines. */
function actorsWithoutRelations(index: ModelIndex): RegieFinding[] {
  const related = new Set(index.model.relations.flatMap((relation) => [relation.from, relation.to]))
  return index.model.actors
    .filter((actor) => !related.has(actor.id) && actor.kind !== 'opgave')
    .map((actor) =>
      finding(
        'actor-zonder-relaties',
        {
          nl: `${index.name(actor.id)} heeft nog geen relaties: met wie werkt deze partij samen?`,
          en: `${index.name(actor.id)} has no relations yet: whom does this party work with?`,
        },
        { actorIds: [actor.id] },
      ),
    )
}
