/**
 * The kinds of relation (arrow) between two actors. The first three are the "vital processes" of a
 * regiegemeente (seed 000, dia 6): co-creatie, co-productie and uitbesteding. The others are the
 * relations the seeds use to describe who steers, answers to, advises or employs whom.
 * `aansturing` is not in the product brief's list; it was added because seeds 000, 001 and 003
 * describe steering lines ("bestuurlijke aansturing", "sturingslijnen", an organisation chart) that
 * are neither an assignment nor accountability.
 *
 * Every kind has a unique pair of colour and dash, so two kinds never look the same; the dash
 * alone keeps the three vital processes apart for readers who cannot tell the colours apart.
 */
import type { LocalizedText } from './text.ts'
import type { TldrawColor, TldrawDash } from './tldraw-styles.ts'

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
    directed: true,
    explanation: {
      nl: 'Uitvoerende taken van de gemeente worden met of door een ander hoogwaardig en efficiënt gerealiseerd, gestuurd met een resultaatafspraak (RAD).',
      en: "The municipality's executive tasks are carried out well and efficiently with or by another party, steered by a result agreement (RAD).",
    },
    attributes: ['label', 'radReference'],
    layoutOrder: 'from-first',
  },
  opdrachtgeverschap: {
    label: { nl: 'Opdrachtgever → opdrachtnemer', en: 'Commissioner → contractor' },
    color: 'red',
    dash: 'solid',
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
    directed: true,
    explanation: {
      nl: 'Draagt een bevoegdheid over: de ander mag namens (mandaat) of in plaats van (delegatie) besluiten.',
      en: 'Hands over a power: the other may decide on behalf of (mandate) or instead of (delegation) the giver.',
    },
    attributes: ['label'],
    layoutOrder: 'from-first',
  },
  werkgeverschap: {
    label: { nl: 'Werkgeverschap', en: 'Employment' },
    color: 'grey',
    dash: 'solid',
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
    directed: true,
    explanation: {
      nl: 'Neemt deel aan of is lid van: een gemeente in een gemeenschappelijke regeling, een bestuurder in een bestuur.',
      en: 'Takes part in or is a member of: a municipality in a joint arrangement, an administrator on a board.',
    },
    attributes: ['label'],
    layoutOrder: 'from-first',
  },
  informatie: {
    label: { nl: 'Informatie', en: 'Information' },
    color: 'black',
    dash: 'dotted',
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
    directed: true,
    explanation: {
      nl: 'Stuurt aan: een bestuurlijke of hiërarchische lijn, zoals colleges die samen een uitvoeringsorganisatie aansturen.',
      en: 'Steers: a governing or hierarchical line, as when executives jointly steer a shared service organisation.',
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
