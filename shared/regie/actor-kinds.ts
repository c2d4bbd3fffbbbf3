/**
 * The kinds of actor a regie board knows: who can stand on the board as a card. The list follows
 * the bodies the seed presentations name (see /work/shared/DOMAIN.md); two kinds were added to
 * that list because the seeds name many parts of organisations that are neither a joint body nor
 * a municipality: `directie` (a director or manager) and `ambtelijke-organisatie` (a civil service
 * organisation or one of its departments, domains or teams).
 *
 * Colours group kinds into families, so a board reads at a glance: political bodies red/violet,
 * the municipality's own civil service blue, joint bodies orange/yellow, society green, control
 * black. Some kinds share a colour within a family; the card always shows the kind's label too.
 */
import type { LocalizedText } from './text.ts'
import type { TldrawColor } from './tldraw-styles.ts'

export interface ActorKind {
  readonly id: ActorKindId
  readonly label: LocalizedText
  readonly color: TldrawColor
  readonly explanation: LocalizedText
  /**
   * A body that several municipalities hold together (a gemeenschappelijke regeling or one of
   * its boards, a regional consultation). The regiecheck asks of each one how it answers to a
   * gemeenteraad (seed 002, valkuilen c and e).
   */
  readonly jointBody: boolean
}

type ActorKindDefinition = Omit<ActorKind, 'id'>

const DEFINITIONS = {
  gemeente: {
    label: { nl: 'Gemeente', en: 'Municipality' },
    color: 'blue',
    explanation: {
      nl: 'Een zelfstandige gemeente als geheel: bestuur, organisatie en grondgebied.',
      en: 'An independent Dutch municipality as a whole: its government, organisation and territory.',
    },
    jointBody: false,
  },
  gemeenteraad: {
    label: { nl: 'Gemeenteraad', en: 'Municipal council' },
    color: 'red',
    explanation: {
      nl: 'Het gekozen hoofd van de gemeente: stelt kaders, controleert het college en legitimeert democratisch.',
      en: 'The elected head of the municipality: sets frameworks, scrutinises the executive and gives democratic legitimacy.',
    },
    jointBody: false,
  },
  college: {
    label: { nl: 'College van B&W', en: 'Municipal executive (B&W)' },
    color: 'violet',
    explanation: {
      nl: 'Burgemeester en wethouders: het dagelijks bestuur van de gemeente, legt verantwoording af aan de raad.',
      en: 'The mayor and aldermen: the day-to-day government of the municipality, accountable to the council.',
    },
    jointBody: false,
  },
  bestuurder: {
    label: { nl: 'Burgemeester / wethouder', en: 'Mayor / alderman' },
    color: 'light-violet',
    explanation: {
      nl: 'Een individuele bestuurder, bijvoorbeeld een portefeuillehouder of de trekker van een project.',
      en: 'An individual member of the executive, for instance a portfolio holder or the lead of a project.',
    },
    jointBody: false,
  },
  regieteam: {
    label: { nl: 'Regieteam / beleidsregie', en: 'Regie team / policy direction' },
    color: 'light-blue',
    explanation: {
      nl: 'De regisseurs van de gemeente: strategisch adviseur van het bestuur, (gemandateerd) opdrachtgever en verbinder.',
      en: "The municipality's directors of collaboration: strategic adviser to the executive, (mandated) commissioner and connector.",
    },
    jointBody: false,
  },
  gemeentesecretaris: {
    label: { nl: 'Gemeentesecretaris', en: 'Municipal secretary' },
    color: 'light-blue',
    explanation: {
      nl: 'Hoofd van de ambtelijke staf van de gemeente en eerste adviseur van het college.',
      en: "Head of the municipality's civil service and first adviser to the executive.",
    },
    jointBody: false,
  },
  directie: {
    label: { nl: 'Directie / management', en: 'Director / management' },
    color: 'white',
    explanation: {
      nl: 'Een directeur of manager die een (deel van een) ambtelijke organisatie leidt.',
      en: 'A director or manager leading a civil service organisation or part of one.',
    },
    jointBody: false,
  },
  'ambtelijke-organisatie': {
    label: { nl: 'Ambtelijke organisatie / afdeling', en: 'Civil service / department' },
    color: 'white',
    explanation: {
      nl: 'Ambtenaren die het werk doen: een ambtelijke organisatie, afdeling, domein, projectgroep of team.',
      en: 'Civil servants who do the work: a civil service organisation, department, domain, project group or team.',
    },
    jointBody: false,
  },
  uitvoeringsorganisatie: {
    label: { nl: 'Uitvoeringsorganisatie / GR', en: 'Shared service organisation / joint arrangement' },
    color: 'orange',
    explanation: {
      nl: 'Een organisatie die taken uitvoert voor meerdere gemeenten, vaak als gemeenschappelijke regeling (GR).',
      en: 'An organisation that carries out tasks for several municipalities, often as a joint arrangement (gemeenschappelijke regeling).',
    },
    jointBody: true,
  },
  'regionaal-orgaan': {
    label: { nl: 'Regionaal orgaan', en: 'Regional body' },
    color: 'yellow',
    explanation: {
      nl: 'Een gezamenlijk bestuurlijk of ambtelijk orgaan: AB, DB, portefeuillehoudersoverleg, secretarissenoverleg, stuurgroep, regiegroep of netwerk-MT.',
      en: 'A joint governing or official body: general board, executive board, portfolio holders, secretaries, steering group, regie group or network management team.',
    },
    jointBody: true,
  },
  'maatschappelijke-organisatie': {
    label: { nl: 'Maatschappelijke organisatie', en: 'Civil society organisation' },
    color: 'green',
    explanation: {
      nl: 'Een instelling of stichting in de samenleving, zoals een welzijnsinstelling, woningcorporatie of sportstichting.',
      en: 'An institution or foundation in society, such as a welfare organisation, housing association or sports foundation.',
    },
    jointBody: false,
  },
  bedrijf: {
    label: { nl: 'Bedrijf', en: 'Company' },
    color: 'grey',
    explanation: {
      nl: 'Een onderneming of adviesbureau dat met of voor de gemeente werkt.',
      en: 'A business or consultancy working with or for the municipality.',
    },
    jointBody: false,
  },
  inwoners: {
    label: { nl: 'Inwoners', en: 'Residents' },
    color: 'light-green',
    explanation: {
      nl: 'Inwoners of een groep inwoners, met wie de gemeente beleid voorbereidt en doelen realiseert.',
      en: 'Residents or a group of residents, with whom the municipality prepares policy and realises goals.',
    },
    jointBody: false,
  },
  ondernemingsraad: {
    label: { nl: 'Ondernemingsraad', en: "Works council" },
    color: 'light-red',
    explanation: {
      nl: 'De vertegenwoordiging van de medewerkers, die waar nodig om besluitvorming wordt gevraagd.',
      en: 'The representation of the staff, asked for a decision where needed.',
    },
    jointBody: false,
  },
  rekenkamer: {
    label: { nl: 'Rekenkamer', en: 'Audit office' },
    color: 'black',
    explanation: {
      nl: 'Een onafhankelijke onderzoeker van de doelmatigheid en doeltreffendheid van het gemeentebestuur, voor de raad.',
      en: 'An independent investigator of the efficiency and effectiveness of municipal government, for the council.',
    },
    jointBody: false,
  },
} as const satisfies Record<string, ActorKindDefinition>

export type ActorKindId = keyof typeof DEFINITIONS

/** All actor kinds in the order a palette shows them. */
export const ACTOR_KINDS: readonly ActorKind[] = (
  Object.entries(DEFINITIONS) as [ActorKindId, ActorKindDefinition][]
).map(([id, definition]) => ({ id, ...definition }))

export const ACTOR_KIND_IDS: readonly ActorKindId[] = ACTOR_KINDS.map((kind) => kind.id)

export function isActorKindId(value: unknown): value is ActorKindId {
  return typeof value === 'string' && Object.hasOwn(DEFINITIONS, value)
}

export function actorKind(id: ActorKindId): ActorKind {
  return { id, ...DEFINITIONS[id] }
}
