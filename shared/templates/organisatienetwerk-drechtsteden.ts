/**
 * Template "Organisatienetwerk Drechtsteden".
 *
 * Seed 001 (`001_2d41d74e46ecb8ff.txt`, "Samenwerken in het organisatienetwerk Drechtsteden",
 * BIO Alblasserdam 26 maart 2013). Takes from it:
 * - dia 12: the visie of the seven municipal secretaries (ONS-D), based on independent boards;
 * - dia 13: a netwerk-MT per domein (Sociaal, Fysiek, Economie); hosten/poolen, e.g. iPM, KCC,
 *   bureau bestemmingsplannen;
 * - dia 14: five sturingslijnen (Fysiek, Sociaal, Economie, Dienstverlening, Bedrijfsvoering);
 *   ONS-D ambtelijk opdrachtgever; the Regiegroep with local representation; every proposal to
 *   the college, where needed to the gemeenteraad and/or ondernemingsraad — as a flow;
 * - dia 6: three kinds of savings; dia 7: recommendations;
 * - dia 17: proposals to the local colleges and the Drechtstedenbestuur;
 * - dia 20: the five kaders of the Alblasserdam council (October 2011) — as a checklist;
 * - dia 22: tasks (BWT, APV) moved to an Omgevingsdienst and an independent Sportstichting;
 * - dia 15, 23, 24: Alblasserdam's organisation vision and the colleges' reactions.
 *
 * Not in the seed, marked on the board as an "aanname" (see docs/seed-review.md):
 * - Hardinxveld-Giessendam is not named; "zeven secretarissen" (dia 12) counts it.
 * - What ONS-D is: the seed names it (dia 6, 14) but never says it is the overleg of the seven
 *   gemeentesecretarissen, nor that it steers the netwerk-MT's.
 * - Who takes part in the GRD and the Regiegroep, and who sends the proposals (dia 14, 17).
 * - Raad, college and ondernemingsraad are drawn for Alblasserdam only, where the presentation
 *   was given; the decision path applies to every municipality (dia 14).
 * - Who is lokaal opdrachtgever ("cruciaal", dia 5): drawn as the Alblasserdam college (dia 23).
 * - The seed says the ondernemingsraad is asked "om besluitvorming"; an OR gives advies or
 *   instemming (WOR art. 25, 27), so it is drawn as advising.
 * The Dienstverlening and Bedrijfsvoering lanes stay empty: the seed names no body for them. No
 * result agreement is named for the Omgevingsdienst, the Sportstichting or the lokaal
 * opdrachtgeverschap: the regiecheck asks about each.
 */
import type { RegieActor, RegieBlock, RegieGroup, RegieModel, RegieRelation } from '../regie/model.ts'
import type { LocalizedText } from '../regie/text.ts'
import { assumed, seedRef, t, type RegieTemplate } from './template.ts'

type Actor = RegieActor<LocalizedText>
type Relation = RegieRelation<LocalizedText>

const ONLY_ALBLASSERDAM = t(
  'Alleen voor Alblasserdam getekend, waar de presentatie werd gegeven; het geldt voor elke gemeente (dia 14).',
  'Drawn for Alblasserdam only, where the presentation was given; it applies to every municipality (slide 14).',
)
const HARDINXVELD = t(
  'De bronpresentatie noemt deze gemeente niet bij naam; "zeven secretarissen" (dia 12) telt haar wel mee.',
  'The source presentation does not name this municipality; "seven secretaries" (slide 12) does count it.',
)
const SENDER_NOT_STATED = t(
  'Wie de voorstellen aanbiedt, staat er niet; ONS-D is ambtelijk opdrachtgever van het ontwikkelprogramma dat ze maakt (dia 14).',
  'Who submits the proposals is not stated; ONS-D is the official commissioner of the development programme that makes them (slide 14).',
)

interface OtherMunicipality {
  readonly id: string
  readonly name: string
  /** The college's reaction to the visie (dia 24); absent where the seed gives none. */
  readonly reaction?: LocalizedText
}

const OTHER_MUNICIPALITIES: readonly OtherMunicipality[] = [
  { id: 'dordrecht', name: 'Dordrecht', reaction: t('Reactie college: eindpunt van één organisatie explicieter benoemen; nadrukkelijk aandacht voor sociale opgave.', "Executive's reaction: name the end point of one organisation more explicitly; explicit attention to the social task.") },
  { id: 'hendrik-ido-ambacht', name: 'Hendrik-Ido-Ambacht', reaction: t('Reactie college: mogelijkheden en flexibiliteit van het organisatienetwerk gebruiken; voldoende ruimte voor lokaal maatwerk.', "Executive's reaction: use the possibilities and flexibility of the network; keep enough room for local customisation.") },
  { id: 'papendrecht', name: 'Papendrecht', reaction: t('Reactie college: beslist aan de hand van de voorstellen over deelname.', "Executive's reaction: decides on participation proposal by proposal.") },
  { id: 'sliedrecht', name: 'Sliedrecht', reaction: t('Reactie college: duidelijke samenhang met toekomst netwerkbestuur nodig; neigt naar één ambtelijke organisatie.', "Executive's reaction: needs clear coherence with the future network governance; leans towards one civil service organisation.") },
  { id: 'zwijndrecht', name: 'Zwijndrecht', reaction: t('Reactie college: stip op de horizon kan één ambtelijke organisatie betekenen; werken aan een gezamenlijke cultuur van vertrouwen.', "Executive's reaction: the dot on the horizon may mean one civil service organisation; work on a shared culture of trust.") },
  { id: 'hardinxveld-giessendam', name: 'Hardinxveld-Giessendam' },
]

const ALL_MUNICIPALITIES = ['alblasserdam', ...OTHER_MUNICIPALITIES.map((m) => m.id)]

function sourceOf(id: string, slides: readonly number[]) {
  return { source: seedRef('001', id === 'hardinxveld-giessendam' ? [12] : slides), ...assumed(id === 'hardinxveld-giessendam' ? HARDINXVELD : undefined) }
}

const municipalities: Actor[] = [
  {
    id: 'alblasserdam',
    kind: 'gemeente',
    name: t('Gemeente Alblasserdam', 'Municipality of Alblasserdam'),
    group: 'alblasserdam-organisatie',
    attributes: {
      toelichting: t(
        'Lokale organisatievisie (juni 2012), drie pijlers: zelforganiserend vermogen samenleving versterken; Alblasserdamse identiteit borgen en versterken vanuit gemeenschappelijke waarden; de kracht van netwerken mobiliseren.',
        'Local organisation vision (June 2012), three pillars: strengthen the self-organising capacity of society; safeguard and strengthen the Alblasserdam identity from shared values; mobilise the power of networks.',
      ),
    },
    source: seedRef('001', [8, 15]),
  },
  {
    id: 'alblasserdam-raad',
    kind: 'gemeenteraad',
    name: t('Gemeenteraad Alblasserdam', 'Alblasserdam municipal council'),
    group: 'alblasserdam-organisatie',
    attributes: { rollen: [t('Stelt kaders voor de samenwerking (oktober 2011)', 'Sets frameworks for the collaboration (October 2011)'), t('Wordt waar nodig om besluitvorming gevraagd', 'Is asked to decide where needed')] },
    source: seedRef('001', [14, 20]),
  },
  {
    id: 'alblasserdam-college',
    kind: 'college',
    name: t('College van B&W Alblasserdam', 'Alblasserdam executive (B&W)'),
    group: 'alblasserdam-organisatie',
    attributes: {
      rollen: [t('Elk voorstel wordt aan het college aangeboden', 'Every proposal is put to the executive')],
      toelichting: t(
        'Reactie op de visie: sluit aan bij de lokale organisatieontwikkeling; samenbrengen van kennis, kunde en capaciteit met borging van nabijheid, identiteit en lokaal opdrachtgeverschap; eenduidige sturing van het netwerk; ruimte voor lokaal maatwerk.',
        'Reaction to the vision: fits the local organisation development; bring together knowledge, skills and capacity while safeguarding proximity, identity and local commissioning; unambiguous steering of the network; room for local customisation.',
      ),
    },
    source: seedRef('001', [14, 23]),
  },
  {
    id: 'alblasserdam-or',
    kind: 'ondernemingsraad',
    name: t('Ondernemingsraad Alblasserdam', 'Alblasserdam works council'),
    group: 'alblasserdam-organisatie',
    attributes: { rollen: [t('Geeft waar nodig advies of instemming op voorstellen', 'Gives advice or consent on proposals where needed')] },
    source: seedRef('001', [14]),
    aanname: t(
      'Dia 14 zegt dat de ondernemingsraad "om besluitvorming" wordt gevraagd. Een ondernemingsraad besluit niet zelf: hij geeft advies of instemming (WOR art. 25 en 27). Alleen voor Alblasserdam getekend.',
      'Slide 14 says the works council is asked "to decide". A works council does not decide itself: it gives advice or consent (Works Councils Act art. 25 and 27). Drawn for Alblasserdam only.',
    ),
  },
  ...OTHER_MUNICIPALITIES.map((m): Actor => ({
    id: m.id,
    kind: 'gemeente',
    name: t(`Gemeente ${m.name}`, `Municipality of ${m.name}`),
    group: 'gemeenten',
    ...(m.reaction && { attributes: { toelichting: m.reaction } }),
    ...sourceOf(m.id, [24]),
  })),
]

const network: Actor[] = [
  {
    id: 'ons-d',
    kind: 'ambtelijk-overleg',
    name: t('ONS-D', 'ONS-D'),
    group: 'netwerk',
    attributes: {
      rollen: [
        t('Ambtelijk opdrachtgever van het Ontwikkelprogramma Drechtsteden', 'Official commissioner of the Drechtsteden development programme'),
        t('Stuurt op een samenhangende mix van maatwerk, eenvoud, effectiviteit en efficiency', 'Steers on a coherent mix of customisation, simplicity, effectiveness and efficiency'),
      ],
    },
    source: seedRef('001', [6, 12, 14]),
    aanname: t(
      'Een ambtelijk overleg: de bronpresentatie noemt ONS-D (dia 6, 14) maar zegt niet wie erin zitten. De visie is geschreven door "zeven secretarissen" (dia 12).',
      'An official consultation: the source presentation names ONS-D (slides 6, 14) but does not say who is in it. The vision was written by "seven secretaries" (slide 12).',
    ),
  },
  {
    id: 'organisatienetwerk',
    kind: 'samenwerkingsverband',
    name: t('Organisatienetwerk Drechtsteden (ontwikkelprogramma)', 'Drechtsteden organisation network (development programme)'),
    group: 'netwerk',
    attributes: {
      rollen: [t('Ambtelijke samenwerking, uitgaande van zelfstandige besturen', 'Official collaboration, based on independent boards')],
      toelichting: t(
        'Geleerd in de proeftuinen: samen opdrachten realiseren, samen kennis inzetten, samen investeren; interne inzet uit het netwerk in plaats van externe inhuur.',
        'Learnt in the pilots: realising assignments together, deploying knowledge together, investing together; staff from the network instead of external hiring.',
      ),
    },
    source: seedRef('001', [1, 6, 9, 12, 14]),
  },
  {
    id: 'regiegroep',
    kind: 'ambtelijk-overleg',
    name: t('Regiegroep', 'Regie group'),
    group: 'netwerk',
    attributes: { rollen: [t('Lokale vertegenwoordiging, gericht op aansluiting met bestuur en lokale organisatie', 'Local representation, aimed at connecting with the local boards and organisations')] },
    source: seedRef('001', [14]),
  },
  { id: 'netwerk-mt-fysiek', kind: 'ambtelijk-overleg', name: t('Netwerk-MT Fysiek', 'Network MT Physical'), group: 'lijn-fysiek', source: seedRef('001', [13, 14]) },
  { id: 'netwerk-mt-sociaal', kind: 'ambtelijk-overleg', name: t('Netwerk-MT Sociaal', 'Network MT Social'), group: 'lijn-sociaal', source: seedRef('001', [13, 14]) },
  { id: 'netwerk-mt-economie', kind: 'ambtelijk-overleg', name: t('Netwerk-MT Economie', 'Network MT Economy'), group: 'lijn-economie', source: seedRef('001', [13, 14]) },
  { id: 'ipm', kind: 'ambtelijke-organisatie', name: t('iPM', 'iPM'), group: 'poolen', source: seedRef('001', [13]) },
  { id: 'kcc', kind: 'ambtelijke-organisatie', name: t('KCC (klantcontactcentrum)', 'KCC (customer contact centre)'), group: 'poolen', source: seedRef('001', [13, 26]) },
  { id: 'bureau-bestemmingsplannen', kind: 'ambtelijke-organisatie', name: t('Bureau bestemmingsplannen', 'Zoning plans office'), group: 'poolen', source: seedRef('001', [13]) },
]

const regional: Actor[] = [
  {
    id: 'grd',
    kind: 'regionaal-orgaan',
    name: t('GRD / Drechtstedenbestuur', 'GRD / Drechtsteden board'),
    attributes: { toelichting: t('Het regionale bestuur (dia 20); voorstellen gaan naar het Drechtstedenbestuur (dia 17).', 'The regional board (slide 20); proposals go to the Drechtsteden board (slide 17).') },
    source: seedRef('001', [17, 20]),
    aanname: t(
      'GRD en Drechtstedenbestuur op één kaart: dia 17 noemt het Drechtstedenbestuur, dia 20 de GRD en "het regionale bestuur". Wat GRD voluit is, staat er niet.',
      'GRD and Drechtsteden board on one card: slide 17 names the Drechtsteden board, slide 20 the GRD and "the regional board". What GRD stands for is not stated.',
    ),
  },
  { id: 'omgevingsdienst', kind: 'uitvoeringsorganisatie', name: t('Omgevingsdienst', 'Environment agency'), attributes: { rollen: [t('Voert taken BWT en APV uit', 'Carries out building (BWT) and bye-law (APV) tasks')] }, source: seedRef('001', [22]) },
  { id: 'sportstichting', kind: 'maatschappelijke-organisatie', name: t('Sportstichting (zelfstandig)', 'Sports foundation (independent)'), source: seedRef('001', [8, 22]) },
]

const MEMBERS_NOT_STATED = t(
  'De bronpresentatie noemt de GRD maar niet wie deelnemen; alle zeven gemeenten zijn getekend als deelnemer.',
  'The source presentation names the GRD but not who takes part; all seven municipalities are drawn as taking part.',
)
const REPRESENTATION_NOT_STATED = t(
  'Dia 14 noemt "lokale vertegenwoordiging" in de Regiegroep, maar niet welke gemeenten; alle zeven zijn getekend.',
  'Slide 14 mentions "local representation" in the Regie group, but not which municipalities; all seven are drawn.',
)

const relations: Relation[] = [
  ...ALL_MUNICIPALITIES.flatMap((id): Relation[] => [
    { id: `${id}-netwerk`, kind: 'deelname', from: id, to: 'organisatienetwerk', label: t('Zelfstandig bestuur, ambtelijke samenwerking', 'Independent board, official collaboration'), ...sourceOf(id, [12]) },
    { id: `${id}-regiegroep`, kind: 'deelname', from: id, to: 'regiegroep', label: t('Lokale vertegenwoordiging', 'Local representation'), source: seedRef('001', [14]), aanname: REPRESENTATION_NOT_STATED },
    { id: `${id}-grd`, kind: 'deelname', from: id, to: 'grd', source: seedRef('001', [20]), aanname: MEMBERS_NOT_STATED },
  ]),
  ...(['fysiek', 'sociaal', 'economie'] as const).map((domain): Relation => ({
    id: `ons-d-netwerk-mt-${domain}`,
    kind: 'aansturing',
    from: 'ons-d',
    to: `netwerk-mt-${domain}`,
    label: t('Sturingslijn', 'Line of steering'),
    source: seedRef('001', [13, 14]),
    aanname: t(
      'Dia 13–14 noemen per domein een netwerk-MT en vijf sturingslijnen, maar niet wie de netwerk-MT\u2019s aanstuurt; getekend vanaf ONS-D, de ambtelijk opdrachtgever.',
      'Slides 13–14 name a network MT per domain and five lines of steering, but not who steers the network MTs; drawn from ONS-D, the official commissioner.',
    ),
  })),
  ...(['ipm', 'kcc', 'bureau-bestemmingsplannen'] as const).map((id): Relation => ({
    id: `netwerk-${id}`,
    kind: 'hosten',
    from: 'organisatienetwerk',
    to: id,
    label: t('Hosten / poolen', 'Hosting / pooling'),
    source: seedRef('001', [13]),
  })),
  { id: 'ons-d-netwerk', kind: 'opdrachtgeverschap', from: 'ons-d', to: 'organisatienetwerk', label: t('Ambtelijk opdrachtgever', 'Official commissioner'), source: seedRef('001', [14]) },
  {
    id: 'lokaal-opdrachtgeverschap',
    kind: 'opdrachtgeverschap',
    from: 'alblasserdam-college',
    to: 'organisatienetwerk',
    label: t('Lokaal opdrachtgeverschap (cruciaal)', 'Local commissioning (crucial)'),
    source: seedRef('001', [5, 23]),
    aanname: t(
      'Dia 5 noemt de invulling van lokaal opdrachtgeverschap cruciaal, maar niet wie dat is; getekend vanaf het college, dat in dia 23 lokaal opdrachtgeverschap wil borgen.',
      'Slide 5 calls local commissioning crucial, but not who it is; drawn from the executive, which wants to safeguard local commissioning on slide 23.',
    ),
  },
  { id: 'ons-d-college', kind: 'informatie', from: 'ons-d', to: 'alblasserdam-college', label: t('Elk voorstel wordt aan het college aangeboden', 'Every proposal is put to the executive'), source: seedRef('001', [14, 17]), aanname: SENDER_NOT_STATED },
  { id: 'ons-d-grd', kind: 'informatie', from: 'ons-d', to: 'grd', label: t('Uitgewerkte voorstellen (mei – juli)', 'Worked-out proposals (May – July)'), source: seedRef('001', [17]), aanname: SENDER_NOT_STATED },
  { id: 'regiegroep-college', kind: 'informatie', from: 'regiegroep', to: 'alblasserdam-college', label: t('Aansluiting met bestuur en lokale organisatie', 'Connection with the local board and organisation'), source: seedRef('001', [14]), aanname: ONLY_ALBLASSERDAM },
  { id: 'college-raad', kind: 'informatie', from: 'alblasserdam-college', to: 'alblasserdam-raad', label: t('Voorstel ter besluitvorming waar nodig; de raad op gezette tijden informeren', 'Proposal for decision where needed; inform the council regularly'), source: seedRef('001', [14, 20]) },
  { id: 'college-or', kind: 'informatie', from: 'alblasserdam-college', to: 'alblasserdam-or', label: t('Voorstel waar nodig aan de ondernemingsraad', 'Proposal to the works council where needed'), source: seedRef('001', [14]) },
  {
    id: 'or-college',
    kind: 'advies',
    from: 'alblasserdam-or',
    to: 'alblasserdam-college',
    label: t('Advies of instemming (WOR)', 'Advice or consent (Works Councils Act)'),
    source: seedRef('001', [14]),
    aanname: t('Dia 14 zegt "om besluitvorming gevraagd"; een ondernemingsraad geeft advies of instemming (WOR art. 25 en 27).', 'Slide 14 says "asked to decide"; a works council gives advice or consent (Works Councils Act art. 25 and 27).'),
  },
  { id: 'raad-college-kaders', kind: 'kaderstelling', from: 'alblasserdam-raad', to: 'alblasserdam-college', label: t('Kaders van de raad (oktober 2011)', "The council's frameworks (October 2011)"), source: seedRef('001', [19, 20]) },
  { id: 'raad-grd-kaders', kind: 'kaderstelling', from: 'alblasserdam-raad', to: 'grd', label: t('Sturing op en vereenvoudiging van de structuur van de GRD', 'Steering on and simplifying the structure of the GRD'), source: seedRef('001', [20]) },
  { id: 'omgevingsdienst-taken', kind: 'uitbesteding', from: 'alblasserdam', to: 'omgevingsdienst', label: t('Overheveling taken BWT en APV', 'Transfer of BWT and APV tasks'), source: seedRef('001', [22]) },
  { id: 'sportstichting-taken', kind: 'uitbesteding', from: 'alblasserdam', to: 'sportstichting', label: t('Overheveling naar een zelfstandige Sportstichting', 'Transfer to an independent sports foundation'), source: seedRef('001', [8, 22]) },
]

const LANES = [
  { id: 'fysiek', nl: 'Fysiek', en: 'Physical' },
  { id: 'sociaal', nl: 'Sociaal', en: 'Social' },
  { id: 'economie', nl: 'Economie', en: 'Economy' },
  { id: 'dienstverlening', nl: 'Dienstverlening', en: 'Services' },
  { id: 'bedrijfsvoering', nl: 'Bedrijfsvoering', en: 'Operations' },
] as const

const groups: RegieGroup<LocalizedText>[] = [
  { id: 'gemeenten', kind: 'area', title: t('Zeven gemeenten met zelfstandige besturen', 'Seven municipalities with independent boards'), source: seedRef('001', [12]) },
  { id: 'alblasserdam-organisatie', kind: 'organisation', title: t('Gemeente Alblasserdam', 'Municipality of Alblasserdam'), parent: 'gemeenten', source: seedRef('001', [15, 20]) },
  { id: 'netwerk', kind: 'area', title: t('Organisatienetwerk Drechtsteden — Ontwikkelprogramma', 'Drechtsteden organisation network — development programme'), source: seedRef('001', [13, 14]) },
  { id: 'sturingslijnen', kind: 'area', title: t('Vijf sturingslijnen', 'Five lines of steering'), parent: 'netwerk', source: seedRef('001', [14]) },
  ...LANES.map((lane): RegieGroup<LocalizedText> => ({ id: `lijn-${lane.id}`, kind: 'lane', title: t(lane.nl, lane.en), parent: 'sturingslijnen', source: seedRef('001', [14]) })),
  { id: 'poolen', kind: 'area', title: t('Hosten / poolen', 'Hosting / pooling'), parent: 'netwerk', source: seedRef('001', [13]) },
]

const NO_MT_NAMED = t('De bronpresentatie noemt voor deze sturingslijn geen netwerk-MT.', 'The source presentation names no network MT for this line of steering.')

const blocks: RegieBlock<LocalizedText>[] = [
  ...(['dienstverlening', 'bedrijfsvoering'] as const).map((lane): RegieBlock<LocalizedText> => ({
    type: 'note',
    id: `lijn-${lane}-leeg`,
    group: `lijn-${lane}`,
    text: NO_MT_NAMED,
    source: seedRef('001', [13, 14]),
  })),
  {
    type: 'checklist',
    id: 'kaders-raad',
    purpose: 'kaders',
    group: 'alblasserdam-organisatie',
    title: t('Kaders van de Alblasserdamse raad (oktober 2011)', 'Frameworks of the Alblasserdam council (October 2011)'),
    items: [
      { id: 'kader-1', text: t('Alblasserdam blijft bestuurlijk zelfstandig', 'Alblasserdam stays administratively independent') },
      { id: 'kader-2', text: t('Alblasserdamse identiteit moet worden behouden en versterkt', 'The Alblasserdam identity must be kept and strengthened') },
      { id: 'kader-3', text: t('Ieder vraagstuk op de best passende schaal oplossen, met de juiste mix van efficiency, kwaliteit, nabijheid en lokale kennis', 'Solve each question at the best-fitting scale, with the right mix of efficiency, quality, proximity and local knowledge') },
      { id: 'kader-4', text: t('Nadenken over betere sturing op en vereenvoudiging van de structuur van de GRD; zichtbaarheid en herkenbaarheid van het regionale bestuur versterken', 'Consider better steering on and simplification of the GRD structure; make the regional board more visible and recognisable') },
      { id: 'kader-5', text: t('De raad op gezette tijden hierover informeren', 'Inform the council about this regularly') },
    ],
    source: seedRef('001', [20]),
  },
  {
    type: 'flow',
    id: 'besluitvorming',
    title: t('Besluitvorming over voorstellen', 'Decision-making on proposals'),
    steps: [
      { id: 'besluit-1', text: t('ONS-D is ambtelijk opdrachtgever van het Ontwikkelprogramma, dat de voorstellen uitwerkt', 'ONS-D is the official commissioner of the development programme, which works out the proposals'), actorIds: ['ons-d'] },
      { id: 'besluit-2', text: t('Elk voorstel wordt aan het college aangeboden; uitgewerkte voorstellen gaan naar de lokale colleges en het Drechtstedenbestuur', 'Every proposal is put to the executive; worked-out proposals go to the local executives and the Drechtsteden board'), actorIds: ['alblasserdam-college', 'grd'] },
      { id: 'besluit-3', text: t('Waar nodig wordt de gemeenteraad en/of de ondernemingsraad om besluitvorming gevraagd', 'Where needed the council and/or the works council is asked to decide'), actorIds: ['alblasserdam-raad', 'alblasserdam-or'] },
    ],
    source: seedRef('001', [14, 17]),
  },
  {
    type: 'note',
    id: 'besparingen',
    title: t('Drie soorten besparingsmogelijkheden', 'Three kinds of savings'),
    text: t('Samen opdrachten realiseren; samen kennis inzetten; samen investeren.', 'Realising assignments together; deploying knowledge together; investing together.'),
    source: seedRef('001', [6]),
  },
  {
    type: 'checklist',
    id: 'aanbevelingen',
    purpose: 'aanbevelingen',
    title: t('Aanbevelingen voor vervolg', 'Recommendations for what comes next'),
    items: [
      { id: 'aanbeveling-aansturing', text: t('Ontwikkel een eenduidige aansturing van het ambtelijk netwerk', 'Develop unambiguous steering of the official network') },
      { id: 'aanbeveling-systemen', text: t('Synchroniseer systemen en werkprocessen', 'Synchronise systems and work processes') },
      { id: 'aanbeveling-rechtspositie', text: t('Maak één rechtspositie voor alle medewerkers', 'Create one legal position for all staff') },
      { id: 'aanbeveling-verrekening', text: t('Maak nadere afspraken over een uniforme verrekensystematiek', 'Agree on a uniform settlement system') },
      { id: 'aanbeveling-perspectief', text: t('Geef een helder perspectief op de toekomst van de ambtelijke samenwerking', 'Give a clear perspective on the future of the official collaboration') },
    ],
    source: seedRef('001', [7]),
  },
  {
    type: 'checklist',
    id: 'geleerd',
    purpose: 'succesfactoren',
    title: t('Evaluatie proeftuinen: wat hebben we geleerd?', 'Evaluation of the pilots: what did we learn?'),
    items: [
      { id: 'geleerd-samenwerking', text: t('Meer samenwerking dan ooit', 'More collaboration than ever') },
      { id: 'geleerd-ondersteuning', text: t('Betere ondersteuning van de gemeentebesturen in (strategische) kwaliteit', 'Better support of the municipal boards in (strategic) quality') },
      { id: 'geleerd-grenzen', text: t('Werken over organisatie- of afdelingsgrenzen heen is belangrijker dan structuur', 'Working across organisational or departmental boundaries matters more than structure') },
      { id: 'geleerd-cultuur', text: t('De cultuur om samen te (willen) werken is gegroeid', 'The culture of (wanting to) work together has grown') },
      { id: 'geleerd-opdrachtgeverschap', text: t('Invulling van lokaal opdrachtgeverschap is cruciaal', 'Giving shape to local commissioning is crucial') },
      { id: 'geleerd-beperkingen', text: t('Beperking: de opstart vergde meer tijd en energie dan verwacht', 'Limitation: the start took more time and energy than expected') },
    ],
    source: seedRef('001', [5, 6]),
  },
]

const model: RegieModel<LocalizedText> = {
  actors: [...municipalities, ...network, ...regional],
  relations,
  groups,
  blocks,
}

export const organisatienetwerkDrechtsteden: RegieTemplate = {
  id: 'organisatienetwerk-drechtsteden',
  title: t('Organisatienetwerk Drechtsteden', 'Drechtsteden organisation network'),
  description: t(
    'Zeven gemeenten met zelfstandige besturen in een netwerk van ambtelijke organisaties: ONS-D als ambtelijk opdrachtgever, lokaal opdrachtgeverschap, netwerk-MT\u2019s per domein, een Regiegroep, de GRD en gedeelde diensten (hosten/poolen), met het besluitvormingspad via college, raad en ondernemingsraad.',
    'Seven municipalities with independent boards in a network of civil service organisations: ONS-D as official commissioner, network MTs per domain, a Regie group, the GRD and pooled services, with the decision path through executive, council and works council.',
  ),
  seed: '001',
  covers: t(
    'Dia 12–14 (visie, netwerk-MT\u2019s, sturingslijnen, ONS-D, Regiegroep, besluitvorming), dia 17 en 20 (Drechtstedenbestuur, kaders van de raad), dia 22 (Omgevingsdienst, Sportstichting), dia 6–7, 15, 23–24 (besparingen, aanbevelingen, reacties colleges).',
    'Slides 12–14 (vision, network MTs, lines of steering, ONS-D, Regie group, decision-making), slides 17 and 20 (Drechtsteden board, council frameworks), slide 22 (environment agency, sports foundation), slides 6–7, 15, 23–24 (savings, recommendations, executives\u2019 reactions).',
  ),
  model,
}
