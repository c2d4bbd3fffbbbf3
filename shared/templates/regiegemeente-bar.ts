/**
 * Template "Regiegemeente / BAR-samenwerking".
 *
 * Seed 000 (`000_04f56c332ddaeebb.txt`, "Albrandswaard op weg naar een regiegemeente", Bert
 * Kooiman). Takes from it:
 * - dia 2: Albrandswaard — dorpen Poortugaal en Rhoon, 25 000 inwoners, 140 fte;
 * - dia 3: why the BAR collaboration;
 * - dia 4: the process milestones (three councils: BAR-goed, BAR-beter, BAR-code; Albrandswaard:
 *   Albrandswaard 2.0, Geeldruk and Draaiboek regieorganisatie) — as a flow;
 * - dia 5: three independent municipalities, each with a regieteam; one uitvoeringsorganisatie
 *   (8 domeinen, 24 afdelingen, afdeling control, circa 800 fte) steered by the three colleges
 *   together, in the form of a gemeenschappelijke regeling;
 * - dia 6: the three vital processes (co-creatie and co-productie with inwoners, uitbesteding)
 *   and resultaatafsprakendocumenten towards the opdrachtnemers (GR-BAR, instellingen);
 * - dia 9: the regisseur's three roles and six competences; dia 10: the training track;
 * - dia 11: the Overheidsontwikkelmodel as kapstok and A3 format.
 *
 * Not in the seed, marked on the board as an "aanname" (see docs/seed-review.md):
 * - The names Barendrecht and Ridderkerk: the seed says "BAR" and "3 zelfstandige gemeenten".
 * - The 8 domeinen are counted, not named: empty cards to name on the board.
 * - Dia 6 is Albrandswaard's own vision ("wij"); the other two get the same vital processes.
 * - Who gives the regieteam its mandate (dia 9 says only "gemandateerd"): drawn as the college.
 * - College → raad verantwoording: the ordinary Dutch line, not in the seed.
 * The raden set no kaders for the GR-BAR on this board: the seed lists the koersdocumenten under
 * the bestuurlijk proces only (dia 4), so the regiecheck asks about valkuil a (let op).
 */
import type { RegieActor, RegieBlock, RegieGroup, RegieModel, RegieRelation } from '../regie/model.ts'
import type { LocalizedText } from '../regie/text.ts'
import { assumed, seedRef, t, type RegieTemplate } from './template.ts'

type Actor = RegieActor<LocalizedText>
type Relation = RegieRelation<LocalizedText>

const RAD = t('Resultaatafsprakendocument (RAD)', 'Result agreement document (RAD)')
const SAME_VISION_FOR_ALL = t(
  'Dia 6 is de visie van Albrandswaard ("wij"). Omdat elke gemeente een regieteam heeft (dia 5), staat hier voor alle drie hetzelfde.',
  'Slide 6 is Albrandswaard\u2019s own vision ("wij"). Because each municipality has a regie team (slide 5), the same is drawn for all three.',
)
const NAME_NOT_IN_SEED = t(
  'De bronpresentatie zegt alleen "BAR" en "3 zelfstandige gemeenten" (dia 5); Barendrecht en Ridderkerk zijn de B en de R van BAR.',
  'The source presentation only says "BAR" and "3 independent municipalities" (slide 5); Barendrecht and Ridderkerk are the B and R of BAR.',
)

const REGISSEUR_ROLES = [
  t('Strategisch adviseur / sparringpartner van de bestuurders', 'Strategic adviser / sparring partner of the administrators'),
  t('(Gemandateerd) opdrachtgever', '(Mandated) commissioner'),
  t('Verbinder', 'Connector'),
]
const REGISSEUR_COMPETENCES = [
  t('Netwerkkracht', 'Networking strength'),
  t('Opdrachtgeverschap', 'Commissioning'),
  t('Ondernemerschap', 'Entrepreneurship'),
  t('Strategisch denkkracht', 'Strategic thinking'),
  t('Omgevingsbewustzijn (incl. bestuurlijke sensitiviteit)', 'Awareness of the environment (incl. political sensitivity)'),
  t('Resultaatgericht handelen', 'Result-oriented action'),
]

interface Municipality {
  readonly key: 'barendrecht' | 'albrandswaard' | 'ridderkerk'
  readonly name: string
  readonly attributes?: Actor['attributes']
  readonly inwoners?: Actor['attributes']
}

const MUNICIPALITIES: readonly Municipality[] = [
  { key: 'barendrecht', name: 'Barendrecht' },
  {
    key: 'albrandswaard',
    name: 'Albrandswaard',
    attributes: {
      inwoners: 25_000,
      fte: 140,
      toelichting: t(
        'Dorpen Poortugaal en Rhoon, "dorpen tussen groen en stad"; kleine organisatie. Bestuurskrachtmeting 2009.',
        'Villages Poortugaal and Rhoon, "villages between green and city"; a small organisation. Governance capacity assessment 2009.',
      ),
    },
    inwoners: { inwoners: 25_000, toelichting: t('Poortugaal en Rhoon', 'Poortugaal and Rhoon') },
  },
  { key: 'ridderkerk', name: 'Ridderkerk' },
]

function municipalityActors(m: Municipality): Actor[] {
  const group = `${m.key}-organisatie`
  return [
    { id: `${m.key}`, kind: 'gemeente', name: t(`Gemeente ${m.name}`, `Municipality of ${m.name}`), group, source: seedRef('000', [2, 5]), ...(m.attributes && { attributes: m.attributes }), ...assumed(m.key === 'albrandswaard' ? undefined : NAME_NOT_IN_SEED) },
    { id: `${m.key}-raad`, kind: 'gemeenteraad', name: t(`Gemeenteraad ${m.name}`, `${m.name} municipal council`), group, source: seedRef('000', [4]) },
    { id: `${m.key}-college`, kind: 'college', name: t(`College van B&W ${m.name}`, `${m.name} executive (B&W)`), group, source: seedRef('000', [5]) },
    {
      id: `${m.key}-regieteam`,
      kind: 'regieteam',
      name: t(`Regieteam ${m.name}`, `${m.name} regie team`),
      group,
      attributes: { rollen: REGISSEUR_ROLES, competenties: REGISSEUR_COMPETENCES },
      source: seedRef('000', [5, 8, 9]),
    },
    {
      id: `${m.key}-inwoners`,
      kind: 'inwoners',
      name: t(`Inwoners ${m.name}`, `Residents of ${m.name}`),
      group,
      ...(m.inwoners && { attributes: m.inwoners }),
      source: seedRef('000', [2, 6]),
      ...assumed(m.key === 'albrandswaard' ? undefined : SAME_VISION_FOR_ALL),
    },
  ]
}

function municipalityRelations(m: Municipality): Relation[] {
  const k = m.key
  const vision = assumed(m.key === 'albrandswaard' ? undefined : SAME_VISION_FOR_ALL)
  return [
    { id: `${k}-co-creatie`, kind: 'co-creatie', from: k, to: `${k}-inwoners`, label: t('Beleid over samenlevingsvraagstukken voorbereiden', 'Preparing policy on societal questions'), source: seedRef('000', [6]), ...vision },
    { id: `${k}-co-productie`, kind: 'co-productie', from: k, to: `${k}-inwoners`, label: t('Beleidsdoelstellingen realiseren', 'Realising policy goals'), source: seedRef('000', [6]), ...vision },
    { id: `${k}-uitbesteding-gr`, kind: 'uitbesteding', from: k, to: 'gr-bar', label: t('Uitvoerende en bedrijfsvoeringstaken', 'Executive and operational tasks'), radReference: RAD, source: seedRef('000', [6]), ...vision },
    { id: `${k}-uitbesteding-instellingen`, kind: 'uitbesteding', from: k, to: 'instellingen', label: t('Uitvoerende taken', 'Executive tasks'), radReference: RAD, source: seedRef('000', [6]), ...vision },
    { id: `${k}-opdracht-gr`, kind: 'opdrachtgeverschap', from: `${k}-regieteam`, to: 'gr-bar', label: t('(Gemandateerd) opdrachtgever', '(Mandated) commissioner'), radReference: RAD, source: seedRef('000', [6, 9]), ...vision },
    { id: `${k}-opdracht-instellingen`, kind: 'opdrachtgeverschap', from: `${k}-regieteam`, to: 'instellingen', label: t('(Gemandateerd) opdrachtgever', '(Mandated) commissioner'), radReference: RAD, source: seedRef('000', [6, 9]), ...vision },
    { id: `${k}-advies`, kind: 'advies', from: `${k}-regieteam`, to: `${k}-college`, label: t('Strategisch adviseur / sparringpartner', 'Strategic adviser / sparring partner'), source: seedRef('000', [9]) },
    {
      id: `${k}-mandaat`,
      kind: 'mandaat',
      from: `${k}-college`,
      to: `${k}-regieteam`,
      label: t('Mandaat voor opdrachtgeverschap', 'Mandate for commissioning'),
      source: seedRef('000', [9]),
      ...assumed(
        t(
          'Dia 9 zegt "(gemandateerd) opdrachtgever" maar niet wie het mandaat geeft. Getekend vanaf het college: een mandaat komt van een bestuursorgaan, dat zelf verantwoordelijk blijft (Awb 10:1).',
          'Slide 9 says "(mandated) commissioner" but not who gives the mandate. Drawn from the executive: a mandate comes from a governing body, which stays responsible itself.',
        ),
      ),
    },
    { id: `${k}-aansturing`, kind: 'aansturing', from: `${k}-college`, to: 'gr-bar', label: t('Bestuurlijke aansturing, door de drie colleges gezamenlijk', 'Governing steering, by the three executives together'), source: seedRef('000', [5]) },
    {
      id: `${k}-verantwoording`,
      kind: 'verantwoording',
      from: `${k}-college`,
      to: `${k}-raad`,
      source: seedRef('000', []),
      ...assumed(t('De bronpresentatie beschrijft dit niet; het is de gewone lijn van een college naar de eigen raad.', 'The source presentation does not describe this; it is the ordinary line of an executive to its own council.')),
    },
  ]
}

const DOMAIN_COUNT = 8
const UNNAMED_DOMAINS = t(
  'Dia 5 telt 8 domeinen maar noemt er geen bij naam: een lege kaart om op het bord een naam te geven.',
  'Slide 5 counts 8 domains but names none of them: an empty card to name on the board.',
)

const grBarActors: Actor[] = [
  {
    id: 'gr-bar',
    kind: 'uitvoeringsorganisatie',
    name: t('GR-BAR uitvoeringsorganisatie', 'GR-BAR shared service organisation'),
    group: 'gr-bar-organisatie',
    attributes: {
      regeling: 'uitvoering',
      domeinen: DOMAIN_COUNT,
      afdelingen: 24,
      rollen: [t('Uitvoerende en bedrijfsvoeringstaken van de drie gemeenten', 'Executive and operational tasks of the three municipalities')],
      toelichting: t('Vorm: gemeenschappelijke regeling. 8 domeinen, 24 afdelingen, circa 800 fte.', 'Form: joint arrangement (GR). 8 domains, 24 departments, about 800 fte.'),
    },
    source: seedRef('000', [5, 6]),
  },
  { id: 'gr-bar-control', kind: 'ambtelijke-organisatie', name: t('Afdeling control', 'Control department'), group: 'gr-bar-organisatie', source: seedRef('000', [5]) },
  ...Array.from({ length: DOMAIN_COUNT }, (_, i): Actor => ({
    id: `gr-bar-domein-${i + 1}`,
    kind: 'ambtelijke-organisatie',
    name: t(`Domein ${i + 1} (nog invullen)`, `Domain ${i + 1} (to be named)`),
    group: 'gr-bar-organisatie',
    placeholder: true,
    source: seedRef('000', [5]),
    aanname: UNNAMED_DOMAINS,
  })),
]

const grBarRelations: Relation[] = [
  { id: 'gr-bar-control-onderdeel', kind: 'onderdeel-van', from: 'gr-bar-control', to: 'gr-bar', source: seedRef('000', [5]) },
  ...Array.from({ length: DOMAIN_COUNT }, (_, i): Relation => ({
    id: `gr-bar-domein-${i + 1}-onderdeel`,
    kind: 'onderdeel-van',
    from: `gr-bar-domein-${i + 1}`,
    to: 'gr-bar',
    source: seedRef('000', [5]),
  })),
]

const instellingen: Actor = {
  id: 'instellingen',
  kind: 'maatschappelijke-organisatie',
  name: t('Instellingen', 'Institutions'),
  attributes: { rollen: [t('Opdrachtnemer, gestuurd met RAD\u2019s', 'Contractor, steered by RADs')] },
  source: seedRef('000', [6]),
}

const groups: RegieGroup<LocalizedText>[] = [
  ...MUNICIPALITIES.map((m): RegieGroup<LocalizedText> => ({
    id: `${m.key}-organisatie`,
    kind: 'organisation',
    title: t(`Gemeente ${m.name}`, `Municipality of ${m.name}`),
    source: seedRef('000', [5]),
    ...assumed(m.key === 'albrandswaard' ? undefined : NAME_NOT_IN_SEED),
  })),
  { id: 'gr-bar-organisatie', kind: 'organisation', title: t('GR-BAR (gemeenschappelijke regeling)', 'GR-BAR (joint arrangement)'), source: seedRef('000', [5]) },
]

const raden = MUNICIPALITIES.map((m) => `${m.key}-raad`)

const blocks: RegieBlock<LocalizedText>[] = [
  {
    type: 'flow',
    id: 'proces',
    title: t('Proces van de BAR-samenwerking', 'Process of the BAR collaboration'),
    steps: [
      { id: 'proces-bar-goed', text: t('2008/2009 — Koersdocument BAR-goed (drie gemeenteraden)', '2008/2009 — course document BAR-goed (three councils)'), actorIds: raden },
      { id: 'proces-albrandswaard-2', text: t('Augustus 2011 — Albrandswaard 2.0', 'August 2011 — Albrandswaard 2.0'), actorIds: ['albrandswaard'] },
      { id: 'proces-geeldruk', text: t('November 2011 — Geeldruk regieorganisatie', 'November 2011 — draft ("geeldruk") of the regie organisation'), actorIds: ['albrandswaard'] },
      { id: 'proces-bar-beter', text: t('Maart 2012 — Koersdocument BAR-beter', 'March 2012 — course document BAR-beter'), actorIds: raden },
      { id: 'proces-bar-code', text: t('Oktober 2012 — BAR-code', 'October 2012 — BAR-code'), actorIds: raden },
      { id: 'proces-draaiboek', text: t('December 2012 — Draaiboek regieorganisatie', 'December 2012 — regie organisation playbook'), actorIds: ['albrandswaard'] },
      { id: 'proces-opleiding', text: t('4e kw 2013 – 1e kw 2015 — Opleidingstraject regisseurs: introductie, opdrachtgever/-nemer, strategisch adviseur, verbinder, certificaat', 'Q4 2013 – Q1 2015 — training track for regisseurs: introduction, commissioner/contractor, strategic adviser, connector, certificate'), actorIds: MUNICIPALITIES.map((m) => `${m.key}-regieteam`) },
    ],
    source: seedRef('000', [4, 10]),
  },
  {
    type: 'note',
    id: 'rollen-regisseur',
    title: t('Rollen en competenties van de regisseurs', 'Roles and competences of the regisseurs'),
    text: t(
      'Rollen: strategisch adviseur/sparringpartner van de bestuurders; (gemandateerd) opdrachtgever; verbinder. Competenties: netwerkkracht, opdrachtgeverschap, ondernemerschap, strategisch denkkracht, omgevingsbewustzijn (incl. bestuurlijke sensitiviteit), resultaatgericht handelen.',
      'Roles: strategic adviser/sparring partner of the administrators; (mandated) commissioner; connector. Competences: networking strength, commissioning, entrepreneurship, strategic thinking, awareness of the environment (incl. political sensitivity), result-oriented action.',
    ),
    source: seedRef('000', [9]),
  },
  {
    type: 'note',
    id: 'waarom',
    title: t('Waarom BAR-samenwerking?', 'Why the BAR collaboration?'),
    text: t(
      'Behoud zelfstandigheid door samenwerking; overheveling taken vanuit het Rijk; de rol van de gemeente in de samenleving verandert; vergroten slagkracht van de gemeenten; Albrandswaard: Bestuurskrachtmeting 2009.',
      'Keeping independence through collaboration; tasks transferred from central government; the role of the municipality in society is changing; increasing the municipalities\u2019 capacity to act; Albrandswaard: governance capacity assessment 2009.',
    ),
    source: seedRef('000', [3]),
  },
  {
    type: 'note',
    id: 'oo-model',
    title: t('Regie en het Overheidsontwikkelmodel', 'Regie and the Government Development Model'),
    text: t(
      'Het OO-model als ontwikkelmodel (positiebepalingen, audits, verbeterconferenties), als format (A3) voor het afdelings- en concernjaarplan en als kapstok voor lopende ontwikkelingen.',
      'The OO model as a development model (position assessments, audits, improvement conferences), as an (A3) format for department and corporate year plans, and as a peg for ongoing developments.',
    ),
    source: seedRef('000', [11]),
  },
  {
    type: 'legend',
    id: 'legenda',
    title: t('Legenda', 'Legend'),
    actorKinds: ['gemeente', 'gemeenteraad', 'college', 'regieteam', 'inwoners', 'uitvoeringsorganisatie', 'ambtelijke-organisatie', 'maatschappelijke-organisatie'],
    relationKinds: ['co-creatie', 'co-productie', 'uitbesteding', 'opdrachtgeverschap', 'advies', 'mandaat', 'aansturing', 'verantwoording', 'onderdeel-van'],
  },
]

const model: RegieModel<LocalizedText> = {
  actors: [...MUNICIPALITIES.flatMap(municipalityActors), ...grBarActors, instellingen],
  relations: [...MUNICIPALITIES.flatMap(municipalityRelations), ...grBarRelations],
  groups,
  blocks,
}

export const regiegemeenteBar: RegieTemplate = {
  id: 'regiegemeente-bar',
  title: t('Regiegemeente / BAR-samenwerking', 'Regie municipality / BAR collaboration'),
  description: t(
    'Drie zelfstandige gemeenten (Barendrecht, Albrandswaard, Ridderkerk), elk met raad, college en regieteam, en één uitvoeringsorganisatie (GR-BAR) die zij met resultaatafsprakendocumenten (RAD) aansturen. Met de drie vitale processen co-creatie, co-productie en uitbesteding.',
    'Three independent municipalities (Barendrecht, Albrandswaard, Ridderkerk), each with council, executive and regie team, and one shared service organisation (GR-BAR) they steer with result agreements (RADs). With the three vital processes co-creation, co-production and outsourcing.',
  ),
  seed: '000',
  covers: t(
    'Dia 2–6 (gemeenten, regieteams, GR-BAR, vitale processen, RAD), dia 9 (rollen en competenties regisseur), dia 4 en 10 (proces en opleiding), dia 11 (OO-model). De 8 domeinen hebben in de bronpresentatie geen naam en staan als lege kaarten.',
    'Slides 2–6 (municipalities, regie teams, GR-BAR, vital processes, RAD), slide 9 (roles and competences of the regisseur), slides 4 and 10 (process and training), slide 11 (OO model). The 8 domains have no names in the source presentation and appear as empty cards.',
  ),
  model,
}
