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
 * Not in the seed, decided here (marked as `assumption`):
 * - The seventh municipality, Hardinxveld-Giessendam, is not named; "zeven secretarissen"
 *   (dia 12) counts it, and DOMAIN.md names it.
 * - The seed names the GRD and the Drechtstedenbestuur but not who takes part; all seven
 *   municipalities are drawn as taking part.
 * - Raad, college and ondernemingsraad are drawn for Alblasserdam only, where the presentation
 *   was given; the decision path applies to every municipality (dia 14).
 * - Which body is opdrachtgever of the pooled services is not stated; ONS-D, the ambtelijk
 *   opdrachtgever of the development programme that proposes them, is drawn as such.
 * - The Dienstverlening and Bedrijfsvoering lanes stay empty: the seed names no body for them.
 * - No RAD is named for the Omgevingsdienst and the Sportstichting: the regiecheck will ask.
 */
import type { RegieActor, RegieBlock, RegieGroup, RegieModel, RegieRelation } from '../regie/model.ts'
import type { LocalizedText } from '../regie/text.ts'
import { seedRef, t, type RegieTemplate } from './template.ts'

type Actor = RegieActor<LocalizedText>
type Relation = RegieRelation<LocalizedText>

const ONLY_ALBLASSERDAM = 'Drawn for Alblasserdam only, where the presentation was given; applies to every municipality (dia 14).'

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
  return id === 'hardinxveld-giessendam'
    ? seedRef('001', [12], 'Not named in the seed; "zeven secretarissen" (dia 12) counts it and DOMAIN.md names it.')
    : seedRef('001', slides)
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
    attributes: { rollen: [t('Stelt kaders voor de samenwerking (oktober 2011)', 'Sets frameworks for the collaboration (October 2011)'), t('Besluit waar nodig over voorstellen', 'Decides on proposals where needed')] },
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
    attributes: { rollen: [t('Besluit waar nodig over voorstellen', 'Decides on proposals where needed')] },
    source: seedRef('001', [14], ONLY_ALBLASSERDAM),
  },
  ...OTHER_MUNICIPALITIES.map((m): Actor => ({
    id: m.id,
    kind: 'gemeente',
    name: t(`Gemeente ${m.name}`, `Municipality of ${m.name}`),
    group: 'gemeenten',
    ...(m.reaction && { attributes: { toelichting: m.reaction } }),
    source: sourceOf(m.id, [24]),
  })),
]

const network: Actor[] = [
  {
    id: 'ons-d',
    kind: 'regionaal-orgaan',
    name: t('ONS-D (zeven gemeentesecretarissen)', 'ONS-D (seven municipal secretaries)'),
    group: 'netwerk',
    attributes: {
      rollen: [
        t('Ambtelijk opdrachtgever van het Ontwikkelprogramma Drechtsteden', 'Official commissioner of the Drechtsteden development programme'),
        t('Stuurt op een samenhangende mix van maatwerk, eenvoud, effectiviteit en efficiency', 'Steers on a coherent mix of customisation, simplicity, effectiveness and efficiency'),
      ],
    },
    source: seedRef('001', [6, 12, 14]),
  },
  {
    id: 'regiegroep',
    kind: 'regionaal-orgaan',
    name: t('Regiegroep', 'Regie group'),
    group: 'netwerk',
    attributes: { rollen: [t('Lokale vertegenwoordiging, gericht op aansluiting met bestuur en lokale organisatie', 'Local representation, aimed at connecting with the local boards and organisations')] },
    source: seedRef('001', [14]),
  },
  { id: 'netwerk-mt-fysiek', kind: 'regionaal-orgaan', name: t('Netwerk-MT Fysiek', 'Network MT Physical'), group: 'lijn-fysiek', source: seedRef('001', [13, 14]) },
  { id: 'netwerk-mt-sociaal', kind: 'regionaal-orgaan', name: t('Netwerk-MT Sociaal', 'Network MT Social'), group: 'lijn-sociaal', source: seedRef('001', [13, 14]) },
  { id: 'netwerk-mt-economie', kind: 'regionaal-orgaan', name: t('Netwerk-MT Economie', 'Network MT Economy'), group: 'lijn-economie', source: seedRef('001', [13, 14]) },
  { id: 'ipm', kind: 'ambtelijke-organisatie', name: t('iPM', 'iPM'), group: 'poolen', source: seedRef('001', [13]) },
  { id: 'kcc', kind: 'ambtelijke-organisatie', name: t('KCC (Klant Contact Centrum)', 'KCC (customer contact centre)'), group: 'poolen', source: seedRef('001', [13, 26]) },
  { id: 'bureau-bestemmingsplannen', kind: 'ambtelijke-organisatie', name: t('Bureau bestemmingsplannen', 'Zoning plans office'), group: 'poolen', source: seedRef('001', [13]) },
]

const regional: Actor[] = [
  {
    id: 'grd',
    kind: 'regionaal-orgaan',
    name: t('GRD / Drechtstedenbestuur', 'GRD / Drechtsteden board'),
    attributes: { toelichting: t('Gemeenschappelijke Regeling Drechtsteden en het regionale bestuur', 'The Drechtsteden joint arrangement and its regional board') },
    source: seedRef('001', [17, 20]),
  },
  { id: 'omgevingsdienst', kind: 'uitvoeringsorganisatie', name: t('Omgevingsdienst', 'Environment agency'), attributes: { rollen: [t('Voert taken BWT en APV uit', 'Carries out building (BWT) and bye-law (APV) tasks')] }, source: seedRef('001', [22]) },
  { id: 'sportstichting', kind: 'maatschappelijke-organisatie', name: t('Sportstichting (zelfstandig)', 'Sports foundation (independent)'), source: seedRef('001', [8, 22]) },
]

const MEMBERS_NOT_STATED = 'The seed names the GRD but not its members; all seven municipalities are drawn as taking part.'

const relations: Relation[] = [
  ...ALL_MUNICIPALITIES.flatMap((id): Relation[] => [
    { id: `${id}-ons-d`, kind: 'deelname', from: id, to: 'ons-d', label: t('Via de gemeentesecretaris', 'Through the municipal secretary'), source: sourceOf(id, [12]) },
    { id: `${id}-regiegroep`, kind: 'deelname', from: id, to: 'regiegroep', label: t('Lokale vertegenwoordiging', 'Local representation'), source: sourceOf(id, [14]) },
    { id: `${id}-grd`, kind: 'deelname', from: id, to: 'grd', source: seedRef('001', [20], MEMBERS_NOT_STATED) },
  ]),
  ...(['fysiek', 'sociaal', 'economie'] as const).map((domain): Relation => ({
    id: `ons-d-netwerk-mt-${domain}`,
    kind: 'aansturing',
    from: 'ons-d',
    to: `netwerk-mt-${domain}`,
    label: t('Sturingslijn', 'Line of steering'),
    source: seedRef('001', [13, 14]),
  })),
  ...(['ipm', 'kcc', 'bureau-bestemmingsplannen'] as const).map((id): Relation => ({
    id: `ons-d-${id}`,
    kind: 'opdrachtgeverschap',
    from: 'ons-d',
    to: id,
    label: t('Hosten / poolen', 'Hosting / pooling'),
    source: seedRef('001', [13, 14], 'The seed does not say who commissions the pooled services; ONS-D is the official commissioner of the programme that proposes them.'),
  })),
  { id: 'ons-d-college', kind: 'advies', from: 'ons-d', to: 'alblasserdam-college', label: t('Voorstellen uit het Ontwikkelprogramma', 'Proposals from the development programme'), source: seedRef('001', [14, 17]) },
  { id: 'ons-d-grd', kind: 'advies', from: 'ons-d', to: 'grd', label: t('Uitgewerkte voorstellen (mei – juli)', 'Worked-out proposals (May – July)'), source: seedRef('001', [17]) },
  { id: 'regiegroep-college', kind: 'informatie', from: 'regiegroep', to: 'alblasserdam-college', label: t('Aansluiting met bestuur en lokale organisatie', 'Connection with the local board and organisation'), source: seedRef('001', [14], ONLY_ALBLASSERDAM) },
  { id: 'college-raad', kind: 'informatie', from: 'alblasserdam-college', to: 'alblasserdam-raad', label: t('Voorstel ter besluitvorming waar nodig; de raad op gezette tijden informeren', 'Proposal for decision where needed; inform the council regularly'), source: seedRef('001', [14, 20]) },
  { id: 'college-or', kind: 'informatie', from: 'alblasserdam-college', to: 'alblasserdam-or', label: t('Voorstel ter besluitvorming waar nodig', 'Proposal for decision where needed'), source: seedRef('001', [14]) },
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

const NO_MT_NAMED = t('De seed noemt voor deze sturingslijn geen netwerk-MT.', 'The seed names no network MT for this line of steering.')

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
      { id: 'besluit-1', text: t('ONS-D laat als ambtelijk opdrachtgever een voorstel uitwerken in het Ontwikkelprogramma', 'ONS-D, as official commissioner, has a proposal worked out in the development programme'), actorIds: ['ons-d'] },
      { id: 'besluit-2', text: t('Het voorstel gaat naar de lokale colleges en het Drechtstedenbestuur', 'The proposal goes to the local executives and the Drechtsteden board'), actorIds: ['alblasserdam-college', 'grd'] },
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
    type: 'note',
    id: 'aanbevelingen',
    title: t('Aanbevelingen voor vervolg', 'Recommendations for what comes next'),
    text: t(
      'Eenduidige aansturing van het ambtelijk netwerk; systemen en werkprocessen synchroniseren; één rechtspositie voor alle medewerkers; een uniforme verrekensystematiek; een helder perspectief op de toekomst van de ambtelijke samenwerking.',
      'Unambiguous steering of the official network; synchronise systems and work processes; one legal position for all staff; a uniform settlement system; a clear perspective on the future of the official collaboration.',
    ),
    source: seedRef('001', [7]),
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
    'Zeven gemeenten met zelfstandige besturen in een netwerk van ambtelijke organisaties: ONS-D als ambtelijk opdrachtgever, netwerk-MT\u2019s per domein, een Regiegroep, de GRD en gedeelde diensten, met het besluitvormingspad via college, raad en ondernemingsraad.',
    'Seven municipalities with independent boards in a network of civil service organisations: ONS-D as official commissioner, network MTs per domain, a Regie group, the GRD and pooled services, with the decision path through executive, council and works council.',
  ),
  seed: '001',
  covers: t(
    'Dia 12–14 (visie, netwerk-MT\u2019s, sturingslijnen, ONS-D, Regiegroep, besluitvorming), dia 17 en 20 (Drechtstedenbestuur, kaders van de raad), dia 22 (Omgevingsdienst, Sportstichting), dia 6–7, 15, 23–24 (besparingen, aanbevelingen, reacties colleges).',
    'Slides 12–14 (vision, network MTs, lines of steering, ONS-D, Regie group, decision-making), slides 17 and 20 (Drechtsteden board, council frameworks), slide 22 (environment agency, sports foundation), slides 6–7, 15, 23–24 (savings, recommendations, executives\u2019 reactions).',
  ),
  model,
}
