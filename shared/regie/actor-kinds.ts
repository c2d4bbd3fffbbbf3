/**
 * The kinds of actor a regie board knows: who can stand on the board as a card. The list follows
 * the bodies the seed presentations name (see /work/shared/DOMAIN.md), plus what a Dutch
 * regisseur expects to draw beside them (issue 16): the Wgr forms, provincie and Rijk,
 * samenwerkingsverband, raadscommissie/griffie, extern projectleider/adviseur, ambtelijk overleg
 * and the opgave. `directie` and `ambtelijke-organisatie` cover the many parts of organisations
 * the seeds name that are neither a joint body nor a municipality.
 *
 * Colours group kinds into families, so a board reads at a glance: political bodies red/violet,
 * the municipality's own civil service blue, joint bodies orange/yellow, society green, control
 * black. Colour is never the only signal: each kind has its own icon, and each family its own
 * card edge (ACTOR_FAMILY_EDGE), for readers who cannot tell the colours apart.
 */
import type { LocalizedText } from './text.ts'
import type { TldrawColor } from './tldraw-styles.ts'

/**
 * The family a kind belongs to. Each family has its own card edge (see ACTOR_FAMILY_EDGE), so a
 * reader who cannot tell the colours apart still sees which cards are political, ambtelijk,
 * joint, from society or outside the municipality.
 */
export type ActorFamily = 'politiek' | 'ambtelijk' | 'gezamenlijk' | 'samenleving' | 'overheid' | 'controle' | 'opgave'

/** The card edge per family: the second signal besides colour (and the icon besides that). */
export const ACTOR_FAMILY_EDGE: Readonly<Record<ActorFamily, 'solid' | 'dashed' | 'double' | 'dotted'>> = {
  politiek: 'solid',
  ambtelijk: 'dashed',
  gezamenlijk: 'double',
  samenleving: 'dotted',
  overheid: 'double',
  controle: 'solid',
  opgave: 'dashed',
}

export interface ActorKind {
  readonly id: ActorKindId
  readonly label: LocalizedText
  readonly color: TldrawColor
  /** A one-character symbol shown before the kind's label on the card and in the legend. */
  readonly icon: string
  readonly family: ActorFamily
  readonly explanation: LocalizedText
  /**
   * A body that several municipalities hold together in public law (a gemeenschappelijke
   * regeling, one of its boards, a bestuurlijk regional overleg): a "gezamenlijk orgaan". The
   * regiecheck asks of each one how it answers to a gemeenteraad (seed 002, valkuilen c and e).
   * An ambtelijk overleg (secretarissen, regiegroep) is not one: it answers through the
   * gemeentesecretarissen to their own colleges.
   */
  readonly jointBody: boolean
}

type ActorKindDefinition = Omit<ActorKind, 'id'>

const DEFINITIONS = {
  gemeente: {
    label: { nl: 'Gemeente', en: 'Municipality' },
    color: 'blue',
    icon: '⌂',
    family: 'politiek',
    explanation: {
      nl: 'Een zelfstandige gemeente als geheel: bestuur, organisatie en grondgebied.',
      en: 'An independent Dutch municipality as a whole: its government, organisation and territory.',
    },
    jointBody: false,
  },
  gemeenteraad: {
    label: { nl: 'Gemeenteraad', en: 'Municipal council' },
    color: 'red',
    icon: '◉',
    family: 'politiek',
    explanation: {
      nl: 'Het gekozen hoofd van de gemeente: stelt kaders, controleert het college en legitimeert democratisch.',
      en: 'The elected head of the municipality: sets frameworks, scrutinises the executive and gives democratic legitimacy.',
    },
    jointBody: false,
  },
  college: {
    label: { nl: 'College van B&W', en: 'Municipal executive (B&W)' },
    color: 'violet',
    icon: '◆',
    family: 'politiek',
    explanation: {
      nl: 'Burgemeester en wethouders: het dagelijks bestuur van de gemeente, legt verantwoording af aan de raad.',
      en: 'The mayor and aldermen: the day-to-day government of the municipality, accountable to the council.',
    },
    jointBody: false,
  },
  bestuurder: {
    label: { nl: 'Burgemeester / wethouder', en: 'Mayor / alderman' },
    color: 'light-violet',
    icon: '●',
    family: 'politiek',
    explanation: {
      nl: 'Een individuele bestuurder, bijvoorbeeld een portefeuillehouder of de trekker van een project.',
      en: 'An individual member of the executive, for instance a portfolio holder or the lead of a project.',
    },
    jointBody: false,
  },
  regieteam: {
    label: { nl: 'Regieteam / beleidsregie', en: 'Regie team / policy direction' },
    color: 'light-blue',
    icon: '◎',
    family: 'ambtelijk',
    explanation: {
      nl: 'De regisseurs van de gemeente: strategisch adviseur van het bestuur, (gemandateerd) opdrachtgever en verbinder.',
      en: "The municipality's directors of collaboration: strategic adviser to the executive, (mandated) commissioner and connector.",
    },
    jointBody: false,
  },
  gemeentesecretaris: {
    label: { nl: 'Gemeentesecretaris', en: 'Municipal secretary' },
    color: 'light-blue',
    icon: '✎',
    family: 'ambtelijk',
    explanation: {
      nl: 'Hoofd van de ambtelijke staf van de gemeente en eerste adviseur van het college.',
      en: "Head of the municipality's civil service and first adviser to the executive.",
    },
    jointBody: false,
  },
  directie: {
    label: { nl: 'Directie / management', en: 'Director / management' },
    color: 'white',
    icon: '▲',
    family: 'ambtelijk',
    explanation: {
      nl: 'Een directeur of manager die een (deel van een) ambtelijke organisatie leidt.',
      en: 'A director or manager leading a civil service organisation or part of one.',
    },
    jointBody: false,
  },
  'ambtelijke-organisatie': {
    label: { nl: 'Ambtelijke organisatie / afdeling', en: 'Civil service / department' },
    color: 'white',
    icon: '■',
    family: 'ambtelijk',
    explanation: {
      nl: 'Ambtenaren die het werk doen: een ambtelijke organisatie, afdeling, domein, projectgroep of team.',
      en: 'Civil servants who do the work: a civil service organisation, department, domain, project group or team.',
    },
    jointBody: false,
  },
  uitvoeringsorganisatie: {
    label: { nl: 'Uitvoeringsorganisatie / GR', en: 'Shared service organisation / joint arrangement' },
    color: 'orange',
    icon: '⚙',
    family: 'gezamenlijk',
    explanation: {
      nl: 'Een organisatie die taken uitvoert voor meerdere gemeenten, vaak als gemeenschappelijke regeling (GR).',
      en: 'An organisation that carries out tasks for several municipalities, often as a joint arrangement (gemeenschappelijke regeling).',
    },
    jointBody: true,
  },
  'regionaal-orgaan': {
    label: { nl: 'Gezamenlijk bestuursorgaan', en: 'Joint governing body' },
    color: 'yellow',
    icon: '⬢',
    family: 'gezamenlijk',
    explanation: {
      nl: 'Een gezamenlijk bestuurlijk orgaan van meerdere gemeenten: algemeen bestuur (AB), dagelijks bestuur (DB), portefeuillehoudersoverleg of bestuurlijke stuurgroep.',
      en: 'A joint governing body of several municipalities: general board (AB), executive board (DB), portfolio holders\' meeting or governing steering group.',
    },
    jointBody: true,
  },
  'maatschappelijke-organisatie': {
    label: { nl: 'Maatschappelijke organisatie', en: 'Civil society organisation' },
    color: 'green',
    icon: '♣',
    family: 'samenleving',
    explanation: {
      nl: 'Een instelling of stichting in de samenleving, zoals een welzijnsinstelling, woningcorporatie of sportstichting.',
      en: 'An institution or foundation in society, such as a welfare organisation, housing association or sports foundation.',
    },
    jointBody: false,
  },
  bedrijf: {
    label: { nl: 'Bedrijf', en: 'Company' },
    color: 'grey',
    icon: '▣',
    family: 'samenleving',
    explanation: {
      nl: 'Een onderneming of adviesbureau dat met of voor de gemeente werkt.',
      en: 'A business or consultancy working with or for the municipality.',
    },
    jointBody: false,
  },
  inwoners: {
    label: { nl: 'Inwoners', en: 'Residents' },
    color: 'light-green',
    icon: '☺',
    family: 'samenleving',
    explanation: {
      nl: 'Inwoners of een groep inwoners, met wie de gemeente beleid voorbereidt en doelen realiseert.',
      en: 'Residents or a group of residents, with whom the municipality prepares policy and realises goals.',
    },
    jointBody: false,
  },
  ondernemingsraad: {
    label: { nl: 'Ondernemingsraad', en: 'Works council' },
    color: 'light-red',
    icon: '♦',
    family: 'ambtelijk',
    explanation: {
      nl: 'De vertegenwoordiging van de medewerkers. Geeft advies of instemming op voorstellen die het personeel raken (Wet op de ondernemingsraden, art. 25 en 27); de bestuurder besluit.',
      en: 'The representation of the staff. Gives advice or consent on proposals that affect the staff (Works Councils Act, art. 25 and 27); management decides.',
    },
    jointBody: false,
  },
  rekenkamer: {
    label: { nl: 'Rekenkamer', en: 'Audit office' },
    color: 'black',
    icon: '⚖',
    family: 'controle',
    explanation: {
      nl: 'Een onafhankelijke onderzoeker van de doelmatigheid en doeltreffendheid van het gemeentebestuur, voor de raad.',
      en: 'An independent investigator of the efficiency and effectiveness of municipal government, for the council.',
    },
    jointBody: false,
  },
  'ambtelijk-overleg': {
    label: { nl: 'Ambtelijk overleg', en: 'Official consultation' },
    color: 'light-blue',
    icon: '◇',
    family: 'ambtelijk',
    explanation: {
      nl: 'Een overleg van ambtenaren van meerdere gemeenten, zoals een secretarissenoverleg, regiegroep, netwerk-MT of ambtelijk overleg. Het besluit niet zelf: de deelnemers leggen verantwoording af in hun eigen organisatie.',
      en: 'A meeting of civil servants of several municipalities, such as a secretaries\' meeting, regie group, network management team or official consultation. It does not decide itself: its members answer within their own organisations.',
    },
    jointBody: false,
  },
  provincie: {
    label: { nl: 'Provincie', en: 'Province' },
    color: 'light-violet',
    icon: '▰',
    family: 'overheid',
    explanation: {
      nl: 'Gedeputeerde Staten en Provinciale Staten: houden toezicht op gemeenten en gemeenschappelijke regelingen en werken mee in regionale opgaven.',
      en: 'The provincial executive and council: supervise municipalities and joint arrangements and take part in regional tasks.',
    },
    jointBody: false,
  },
  rijk: {
    label: { nl: 'Rijk', en: 'Central government' },
    color: 'light-violet',
    icon: '♜',
    family: 'overheid',
    explanation: {
      nl: 'De rijksoverheid: ministeries en uitvoeringsorganisaties van het Rijk, bijvoorbeeld bij het overhevelen van taken naar gemeenten.',
      en: 'Central government: ministries and national agencies, for instance when tasks are transferred to municipalities.',
    },
    jointBody: false,
  },
  samenwerkingsverband: {
    label: { nl: 'Samenwerkingsverband / netwerkpartner', en: 'Partnership / network partner' },
    color: 'light-green',
    icon: '⬡',
    family: 'samenleving',
    explanation: {
      nl: 'Een samenwerking zonder eigen rechtsvorm in het publiek recht: een netwerk, pact of alliantie van gemeenten en partners.',
      en: 'A collaboration without a public-law form of its own: a network, pact or alliance of municipalities and partners.',
    },
    jointBody: false,
  },
  'openbaar-lichaam': {
    label: { nl: 'Openbaar lichaam (Wgr)', en: 'Public body (joint arrangement act)' },
    color: 'orange',
    icon: '⬣',
    family: 'gezamenlijk',
    explanation: {
      nl: 'Een gemeenschappelijke regeling met rechtspersoonlijkheid, een algemeen en dagelijks bestuur en een voorzitter (Wet gemeenschappelijke regelingen).',
      en: 'A joint arrangement with legal personality, a general and an executive board and a chair (Joint Arrangements Act).',
    },
    jointBody: true,
  },
  'gemeenschappelijk-orgaan': {
    label: { nl: 'Gemeenschappelijk orgaan (Wgr)', en: 'Common body (joint arrangement act)' },
    color: 'yellow',
    icon: '⬠',
    family: 'gezamenlijk',
    explanation: {
      nl: 'Een gemeenschappelijke regeling zonder rechtspersoonlijkheid: één orgaan dat bevoegdheden van de deelnemers uitoefent (Wgr).',
      en: 'A joint arrangement without legal personality: one body that exercises powers of the participants (Joint Arrangements Act).',
    },
    jointBody: true,
  },
  centrumgemeente: {
    label: { nl: 'Centrumgemeente', en: 'Lead municipality' },
    color: 'blue',
    icon: '✦',
    family: 'gezamenlijk',
    explanation: {
      nl: 'Een gemeente die op grond van een gemeenschappelijke regeling taken uitvoert voor de andere deelnemers (centrumgemeenteconstructie, Wgr).',
      en: 'A municipality that carries out tasks for the other participants under a joint arrangement (Joint Arrangements Act).',
    },
    jointBody: true,
  },
  bedrijfsvoeringsorganisatie: {
    label: { nl: 'Bedrijfsvoeringsorganisatie (Wgr)', en: 'Operations organisation (joint arrangement act)' },
    color: 'orange',
    icon: '⚒',
    family: 'gezamenlijk',
    explanation: {
      nl: 'Een gemeenschappelijke regeling met rechtspersoonlijkheid voor bedrijfsvoering of uitvoering, met één bestuur (Wgr).',
      en: 'A joint arrangement with legal personality for operations or execution, with a single board (Joint Arrangements Act).',
    },
    jointBody: true,
  },
  'regeling-zonder-meer': {
    label: { nl: 'Regeling zonder meer (Wgr)', en: 'Plain arrangement (joint arrangement act)' },
    color: 'yellow',
    icon: '▭',
    family: 'gezamenlijk',
    explanation: {
      nl: 'Een gemeenschappelijke regeling zonder eigen orgaan of rechtspersoon: afspraken tussen de deelnemers (Wgr).',
      en: 'A joint arrangement without a body or legal person of its own: agreements between the participants (Joint Arrangements Act).',
    },
    jointBody: true,
  },
  raadscommissie: {
    label: { nl: 'Raadscommissie / griffie', en: 'Council committee / clerk' },
    color: 'light-red',
    icon: '◐',
    family: 'politiek',
    explanation: {
      nl: 'Een commissie van de gemeenteraad die besluiten voorbereidt, of de griffie die de raad ondersteunt. Besluit niet in plaats van de raad.',
      en: 'A committee of the council that prepares decisions, or the clerk\'s office that supports the council. Does not decide instead of the council.',
    },
    jointBody: false,
  },
  'extern-adviseur': {
    label: { nl: 'Extern projectleider / adviseur', en: 'External project lead / adviser' },
    color: 'grey',
    icon: '➚',
    family: 'samenleving',
    explanation: {
      nl: 'Iemand van buiten die een proces leidt of adviseert, zoals de onafhankelijke projectleider bij de BEL Combinatie.',
      en: 'An outsider who leads or advises a process, such as the independent project lead of the BEL Combinatie.',
    },
    jointBody: false,
  },
  opgave: {
    label: { nl: 'Opgave', en: 'Task (opgave)' },
    color: 'light-green',
    icon: '★',
    family: 'opgave',
    explanation: {
      nl: 'De concrete maatschappelijke opgave waar de samenwerking om draait. Elke regieprestatie verwijst ernaar: afbakenen, overzicht krijgen, beleidslijnen, samenwerking, verantwoording.',
      en: 'The concrete societal task the collaboration is about. Every regie performance refers to it: delimiting, overview, policy lines, collaboration, accountability.',
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
