/**
 * The kinds of relation (arrow) between two actors. The first three are the "vital processes" of a
 * regiegemeente (seed 000, dia 6): co-creatie, co-productie and uitbesteding. The others are the
 * relations the seeds use to describe who steers, answers to, advises or employs whom.
 * `aansturing` is not in the product brief's list; it was added because seeds 000, 001 and 003
 * describe steering lines ("bestuurlijke aansturing", "sturingslijnen", an organisation chart) that
 * are neither an assignment nor accountability.
 *
 * Kinds are told apart without colour: every kind has its own combination of dash and arrowheads
 * (with tldraw's hand-drawn "draw" counted as solid, since the two are hard to tell apart at a
 * glance), so a reader who cannot tell the colours apart still reads every line. Colour is the
 * second signal, not the only one.
 */
import type { LocalizedText } from './text.ts'
import type { TldrawArrowhead, TldrawColor, TldrawDash } from './tldraw-styles.ts'

/** Optional attributes a relation of a kind may carry besides its two ends. */
export type RelationAttribute = 'label' | 'radReference'

/**
 * Which end a layout puts first (above, or left). Arrows do not always point down a hierarchy:
 * verantwoording points from a college up to its raad, advice from an adviser up to the board.
 */
export type LayoutOrder = 'from-first' | 'to-first'

export interface RelationKind {
  readonly id: RelationKindId
  readonly label: LocalizedText
  readonly color: TldrawColor
  readonly dash: TldrawDash
  /** The heads at the "from" and "to" ends; an undirected kind has the same head at both ends. */
  readonly arrowheadStart: TldrawArrowhead
  readonly arrowheadEnd: TldrawArrowhead
  /** A directed relation reads "from → to"; an undirected one is done together. */
  readonly directed: boolean
  readonly explanation: LocalizedText
  readonly attributes: readonly RelationAttribute[]
  readonly layoutOrder: LayoutOrder
}

type RelationKindDefinition = Omit<RelationKind, 'id'>

const DEFINITIONS = {
  'co-creatie': {
    label: { nl: 'Co-creatie', en: 'Co-creation' },
    color: 'green',
    dash: 'draw',
    arrowheadStart: 'none',
    arrowheadEnd: 'none',
    directed: false,
    explanation: {
      nl: 'Samen met inwoners beleid over samenlevingsvraagstukken voorbereiden.',
      en: 'Preparing policy on societal questions together with residents.',
    },
    attributes: ['label'],
    layoutOrder: 'from-first',
  },
  'co-productie': {
    label: { nl: 'Co-productie', en: 'Co-production' },
    color: 'blue',
    dash: 'solid',
    arrowheadStart: 'dot',
    arrowheadEnd: 'dot',
    directed: false,
    explanation: {
      nl: 'Samen met inwoners beleidsdoelstellingen realiseren.',
      en: 'Realising policy goals together with residents.',
    },
    attributes: ['label'],
    layoutOrder: 'from-first',
  },
  uitbesteding: {
    label: { nl: 'Uitbesteding', en: 'Outsourcing' },
    color: 'orange',
    dash: 'dashed',
    arrowheadStart: 'none',
    arrowheadEnd: 'arrow',
    directed: true,
    explanation: {
      nl: 'Uitvoerende taken van de gemeente worden met of door een ander hoogwaardig en efficiënt gerealiseerd, gestuurd met een resultaatafsprakendocument (RAD).',
      en: "The municipality's executive tasks are carried out well and efficiently with or by another party, steered by a result agreement (RAD).",
    },
    attributes: ['label', 'radReference'],
    layoutOrder: 'from-first',
  },
  opdrachtgeverschap: {
    label: { nl: 'Opdrachtgever → opdrachtnemer', en: 'Commissioner → contractor' },
    color: 'red',
    dash: 'solid',
    arrowheadStart: 'none',
    arrowheadEnd: 'arrow',
    directed: true,
    explanation: {
      nl: 'De opdrachtgever geeft een opdracht aan de opdrachtnemer, vastgelegd in een RAD of dienstverleningsovereenkomst.',
      en: 'The commissioner gives an assignment to the contractor, laid down in a result agreement (RAD) or service agreement.',
    },
    attributes: ['label', 'radReference'],
    layoutOrder: 'from-first',
  },
  verantwoording: {
    label: { nl: 'Verantwoording', en: 'Accountability' },
    color: 'violet',
    dash: 'dashed',
    arrowheadStart: 'none',
    arrowheadEnd: 'triangle',
    directed: true,
    explanation: {
      nl: 'Legt verantwoording af aan: wie aan wie rekenschap geeft over wat er gebeurt.',
      en: 'Answers to: who gives account to whom of what happens.',
    },
    attributes: ['label'],
    layoutOrder: 'to-first',
  },
  kaderstelling: {
    label: { nl: 'Kaderstelling', en: 'Framework setting' },
    color: 'black',
    dash: 'solid',
    arrowheadStart: 'none',
    arrowheadEnd: 'bar',
    directed: true,
    explanation: {
      nl: 'Stelt de kaders vast waarbinnen de ander werkt, zoals een gemeenteraad voor college en samenwerkingen.',
      en: 'Sets the frameworks within which the other works, as a council does for its executive and its collaborations.',
    },
    attributes: ['label'],
    layoutOrder: 'from-first',
  },
  advies: {
    label: { nl: 'Advies', en: 'Advice' },
    color: 'light-blue',
    dash: 'dotted',
    arrowheadStart: 'none',
    arrowheadEnd: 'arrow',
    directed: true,
    explanation: {
      nl: 'Geeft advies aan: voorstellen, zienswijzen of strategisch advies aan wie besluit.',
      en: 'Advises: proposals, views or strategic advice to whoever decides.',
    },
    attributes: ['label'],
    layoutOrder: 'to-first',
  },
  mandaat: {
    label: { nl: 'Mandaat / delegatie', en: 'Mandate / delegation' },
    color: 'light-violet',
    dash: 'dashed',
    arrowheadStart: 'dot',
    arrowheadEnd: 'arrow',
    directed: true,
    explanation: {
      nl: 'Mandaat: de ander mag namens de mandaatgever besluiten; er gaat geen bevoegdheid over en de mandaatgever blijft verantwoordelijk (Awb 10:1). Delegatie: de bevoegdheid gaat over en de ander besluit onder eigen verantwoordelijkheid (Awb 10:13); alleen als een wet dat toestaat.',
      en: 'Mandate: the other may decide on behalf of the giver; no power is transferred and the giver stays responsible (General Administrative Law Act 10:1). Delegation: the power is transferred and the other decides on its own responsibility (10:13); only where a statute allows it.',
    },
    attributes: ['label'],
    layoutOrder: 'from-first',
  },
  werkgeverschap: {
    label: { nl: 'Werkgeverschap', en: 'Employment' },
    color: 'grey',
    dash: 'solid',
    arrowheadStart: 'none',
    arrowheadEnd: 'square',
    directed: true,
    explanation: {
      nl: 'Is werkgever van: benoemt, schorst en ontslaat de medewerkers.',
      en: 'Employs: appoints, suspends and dismisses the staff.',
    },
    attributes: ['label'],
    layoutOrder: 'from-first',
  },
  deelname: {
    label: { nl: 'Deelname', en: 'Membership' },
    color: 'grey',
    dash: 'dotted',
    arrowheadStart: 'none',
    arrowheadEnd: 'dot',
    directed: true,
    explanation: {
      nl: 'Neemt deel aan of is lid van: een gemeente in een gemeenschappelijke regeling, een bestuurder in een bestuur. Voor een afdeling of domein binnen een organisatie: kies "Onderdeel van".',
      en: 'Takes part in or is a member of: a municipality in a joint arrangement, an administrator on a board. For a department or domain inside an organisation, choose "Part of".',
    },
    attributes: ['label'],
    layoutOrder: 'from-first',
  },
  informatie: {
    label: { nl: 'Informatie', en: 'Information' },
    color: 'black',
    dash: 'dotted',
    arrowheadStart: 'none',
    arrowheadEnd: 'triangle',
    directed: true,
    explanation: {
      nl: 'Informeert: voorstellen, stukken en voortgang gaan van de een naar de ander.',
      en: 'Informs: proposals, documents and progress flow from one to the other.',
    },
    attributes: ['label'],
    layoutOrder: 'from-first',
  },
  aansturing: {
    label: { nl: 'Aansturing', en: 'Steering' },
    color: 'red',
    dash: 'dashed',
    arrowheadStart: 'dot',
    arrowheadEnd: 'triangle',
    directed: true,
    explanation: {
      nl: 'Stuurt aan: een bestuurlijke of hiërarchische lijn, zoals colleges die samen een uitvoeringsorganisatie aansturen.',
      en: 'Steers: a governing or hierarchical line, as when executives jointly steer a shared service organisation.',
    },
    attributes: ['label'],
    layoutOrder: 'from-first',
  },
  samenwerking: {
    label: { nl: 'Samenwerking', en: 'Collaboration' },
    color: 'light-green',
    dash: 'dashed',
    arrowheadStart: 'none',
    arrowheadEnd: 'none',
    directed: false,
    explanation: {
      nl: 'Organisaties werken samen als gelijken, zonder dat de een de ander opdracht geeft. (Co-creatie en co-productie zijn samenwerking met inwoners.)',
      en: 'Organisations work together as equals, without one commissioning the other. (Co-creation and co-production are collaboration with residents.)',
    },
    attributes: ['label'],
    layoutOrder: 'from-first',
  },
  subsidierelatie: {
    label: { nl: 'Subsidierelatie', en: 'Subsidy' },
    color: 'green',
    dash: 'dashed',
    arrowheadStart: 'none',
    arrowheadEnd: 'bar',
    directed: true,
    explanation: {
      nl: 'Verstrekt subsidie aan: de gemeente betaalt een activiteit van de ander, met voorwaarden in de subsidiebeschikking.',
      en: 'Subsidises: the municipality funds an activity of the other, with conditions in the subsidy decision.',
    },
    attributes: ['label', 'radReference'],
    layoutOrder: 'from-first',
  },
  inkoop: {
    label: { nl: 'Inkoop / aanbesteding', en: 'Procurement / tender' },
    color: 'yellow',
    dash: 'dashed',
    arrowheadStart: 'none',
    arrowheadEnd: 'square',
    directed: true,
    explanation: {
      nl: 'Koopt in bij een marktpartij, met een contract na (Europese) aanbesteding. Anders dan inbesteding: werk dat een gemeenschappelijke regeling voor haar deelnemers doet.',
      en: 'Buys from a market party, under a contract after a (European) tender. Unlike in-house provision: work a joint arrangement does for its participants.',
    },
    attributes: ['label', 'radReference'],
    layoutOrder: 'from-first',
  },
  convenant: {
    label: { nl: 'Convenant / pact', en: 'Covenant / pact' },
    color: 'light-green',
    dash: 'dotted',
    arrowheadStart: 'dot',
    arrowheadEnd: 'dot',
    directed: false,
    explanation: {
      nl: 'Partijen leggen samen afspraken vast in een convenant of pact, zoals het Pact tegen Armoede in Delft.',
      en: 'Parties record joint agreements in a covenant or pact, such as the Pact against Poverty in Delft.',
    },
    attributes: ['label'],
    layoutOrder: 'from-first',
  },
  eigenaarschap: {
    label: { nl: 'Eigenaarschap', en: 'Ownership' },
    color: 'violet',
    dash: 'solid',
    arrowheadStart: 'none',
    arrowheadEnd: 'diamond',
    directed: true,
    explanation: {
      nl: 'Is eigenaar van: draagt de financiële en bestuurlijke verantwoordelijkheid voor het voortbestaan van de organisatie. Een andere rol dan opdrachtgever (zie BEL, dia 16: rollen scheiden).',
      en: 'Owns: bears the financial and governing responsibility for the organisation\'s continuity. A different role from commissioner (see BEL, slide 16: separate the roles).',
    },
    attributes: ['label'],
    layoutOrder: 'from-first',
  },
  'onderdeel-van': {
    label: { nl: 'Onderdeel van', en: 'Part of' },
    color: 'grey',
    dash: 'dashed',
    arrowheadStart: 'none',
    arrowheadEnd: 'diamond',
    directed: true,
    explanation: {
      nl: 'Is onderdeel van: een afdeling, domein of team binnen een organisatie.',
      en: 'Is part of: a department, domain or team within an organisation.',
    },
    attributes: ['label'],
    layoutOrder: 'to-first',
  },
  toezicht: {
    label: { nl: 'Toezicht', en: 'Supervision' },
    color: 'light-violet',
    dash: 'dotted',
    arrowheadStart: 'none',
    arrowheadEnd: 'square',
    directed: true,
    explanation: {
      nl: 'Houdt toezicht op: een raad op het college, een provincie op een gemeente of een gemeenschappelijke regeling.',
      en: 'Supervises: a council its executive, a province a municipality or a joint arrangement.',
    },
    attributes: ['label'],
    layoutOrder: 'from-first',
  },
  zienswijze: {
    label: { nl: 'Zienswijze', en: 'Formal view' },
    color: 'red',
    dash: 'dotted',
    arrowheadStart: 'none',
    arrowheadEnd: 'inverted',
    directed: true,
    explanation: {
      nl: 'Geeft een zienswijze: een raad laat het bestuur van een gemeenschappelijke regeling weten wat hij vindt van begroting of plannen (Wgr).',
      en: 'Gives a formal view: a council tells the board of a joint arrangement what it thinks of its budget or plans (Joint Arrangements Act).',
    },
    attributes: ['label'],
    layoutOrder: 'to-first',
  },
  detachering: {
    label: { nl: 'Detachering / inhuur', en: 'Secondment / hiring' },
    color: 'light-red',
    dash: 'dashed',
    arrowheadStart: 'none',
    arrowheadEnd: 'dot',
    directed: true,
    explanation: {
      nl: 'Stelt medewerkers beschikbaar aan: de werkgever blijft dezelfde, het werk gebeurt bij de ander.',
      en: 'Makes staff available to: the employer stays the same, the work happens at the other.',
    },
    attributes: ['label'],
    layoutOrder: 'from-first',
  },
  hosten: {
    label: { nl: 'Hosten / poolen', en: 'Hosting / pooling' },
    color: 'light-blue',
    dash: 'draw',
    arrowheadStart: 'none',
    arrowheadEnd: 'inverted',
    directed: true,
    explanation: {
      nl: 'Eén organisatie huisvest een taak of team voor meerdere gemeenten (hosten), of gemeenten brengen capaciteit bij elkaar (poolen).',
      en: 'One organisation houses a task or team for several municipalities (hosting), or municipalities bring capacity together (pooling).',
    },
    attributes: ['label'],
    layoutOrder: 'from-first',
  },
} as const satisfies Record<string, RelationKindDefinition>

export type RelationKindId = keyof typeof DEFINITIONS

/** The three vital processes of a regiegemeente (seed 000, dia 6), the board's core relations. */
export const VITAL_PROCESS_KINDS = ['co-creatie', 'co-productie', 'uitbesteding'] as const satisfies readonly RelationKindId[]

/** All relation kinds in the order a palette and a legend show them. */
export const RELATION_KINDS: readonly RelationKind[] = (
  Object.entries(DEFINITIONS) as [RelationKindId, RelationKindDefinition][]
).map(([id, definition]) => ({ id, ...definition }))

export const RELATION_KIND_IDS: readonly RelationKindId[] = RELATION_KINDS.map((kind) => kind.id)

export function isRelationKindId(value: unknown): value is RelationKindId {
  return typeof value === 'string' && Object.hasOwn(DEFINITIONS, value)
}

export function relationKind(id: RelationKindId): RelationKind {
  return { id, ...DEFINITIONS[id] }
}

export function carriesAttribute(id: RelationKindId, attribute: RelationAttribute): boolean {
  return (DEFINITIONS[id].attributes as readonly RelationAttribute[]).includes(attribute)
}
