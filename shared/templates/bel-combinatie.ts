/**
 * Template "BEL Combinatie".
 *
 * Seed 003 (`003_64546158e1edc0ee.txt`, "De BEL werkt! Ontstaan, werking en het succes van de BEL
 * Combinatie"). Takes from it:
 * - dia 7: the governance chain — three gemeenteraden, three colleges B&W, Algemeen Bestuur,
 *   Dagelijks Bestuur, directeur, afdelingsmanagers;
 * - dia 8: the role of the councils (kaderstellend for local tasks and democratic supervision;
 *   no say in the BEL Combinatie) and of the colleges (accountable to their own raad; members
 *   form the AB; the mayors with the director as secretary form the DB; political opdrachtgever);
 * - dia 9: the roles of AB (planning & control, legal-position rules, organisation plan) and DB
 *   (prepares and executes decisions, manages finances, appoints/suspends/dismisses staff);
 * - dia 10: the gemeentesecretaris and beleidsregie (head of staff, first adviser of B&W, adviser
 *   of AB/DB, ambtelijk opdrachtgever) and the directeur (employer, secretary of AB/DB, ambtelijk
 *   opdrachtnemer of the three municipalities);
 * - dia 11: the operating chain with each level's task; dia 12: the dienstverleningsovereenkomst;
 * - dia 15–18: realisation in 18 months and the lessons (wel doen, niet doen) — as checklists.
 *
 * Not in the seed, decided here (marked as `assumption`):
 * - That each burgemeester is a member of its college: the seed only says the mayors form the DB.
 * - The dienstverleningsovereenkomst (dia 12, a practical example) is drawn as the agreement
 *   behind both the political and the ambtelijk opdrachtgeverschap.
 * - The seed names no line by which AB, DB or the BEL Combinatie answer to a council ("géén
 *   zeggenschap"); none is drawn, so the regiecheck shows the councils' distance (valkuil c, e).
 */
import type { RegieActor, RegieBlock, RegieGroup, RegieModel, RegieRelation } from '../regie/model.ts'
import type { LocalizedText } from '../regie/text.ts'
import { seedRef, t, type RegieTemplate } from './template.ts'

type Actor = RegieActor<LocalizedText>
type Relation = RegieRelation<LocalizedText>

const DVO = t('Dienstverleningsovereenkomst', 'Service agreement')
const DVO_BEHIND_ASSIGNMENT = 'The seed names the dienstverleningsovereenkomst as a practical example (dia 12); drawn as the agreement behind the assignment.'

const MUNICIPALITIES = [
  { key: 'blaricum', name: 'Blaricum' },
  { key: 'eemnes', name: 'Eemnes' },
  { key: 'laren', name: 'Laren' },
] as const

function municipalityActors(name: string, key: string): Actor[] {
  const group = key
  return [
    {
      id: `${key}-raad`,
      kind: 'gemeenteraad',
      name: t(`Gemeenteraad ${name}`, `${name} municipal council`),
      group,
      attributes: {
        rollen: [
          t('Kaderstellend bij het uitoefenen van lokale taken en democratisch toezicht daarop', 'Sets frameworks for the exercise of local tasks and supervises them democratically'),
          t('Géén zeggenschap in de BEL Combinatie', 'No say in the BEL Combinatie'),
          t('Initiatief, bewaking (besluiten, moties, begroting, rekening)', 'Initiative, monitoring (decisions, motions, budget, accounts)'),
        ],
      },
      source: seedRef('003', [7, 8, 11]),
    },
    {
      id: `${key}-college`,
      kind: 'college',
      name: t(`College van B&W ${name}`, `${name} executive (B&W)`),
      group,
      attributes: {
        rollen: [
          t('Legt verantwoording af aan de eigen raad', 'Accountable to its own council'),
          t('Collegeleden vormen het Algemeen Bestuur van de BEL Combinatie', 'Its members form the general board of the BEL Combinatie'),
          t('Politiek opdrachtgever aan de BEL Combinatie', 'Political commissioner of the BEL Combinatie'),
          t('Advisering (bestuursopdracht)', 'Advice (governing assignment)'),
        ],
      },
      source: seedRef('003', [7, 8, 11]),
    },
    {
      id: `${key}-burgemeester`,
      kind: 'bestuurder',
      name: t(`Burgemeester ${name}`, `Mayor of ${name}`),
      group,
      attributes: { rollen: [t('Lid van het Dagelijks Bestuur van de BEL Combinatie', 'Member of the executive board of the BEL Combinatie')] },
      source: seedRef('003', [8]),
    },
    {
      id: `${key}-secretaris`,
      kind: 'gemeentesecretaris',
      name: t(`Gemeentesecretaris ${name}`, `Municipal secretary of ${name}`),
      group,
      attributes: {
        rollen: [
          t('Hoofd van de ambtelijke staf van de gemeente (beleidsregie en secretariaat)', "Head of the municipality's staff (policy direction and secretariat)"),
          t('Eerste adviseur van het college van B&W', 'First adviser to the executive'),
          t('Adviseur van het AB/DB van de BEL Combinatie', 'Adviser to the general and executive boards of the BEL Combinatie'),
        ],
      },
      source: seedRef('003', [10]),
    },
    {
      id: `${key}-beleidsregie`,
      kind: 'regieteam',
      name: t(`Beleidsregie ${name}`, `${name} policy direction`),
      group,
      attributes: {
        rollen: [
          t('Ambtelijk opdrachtgever aan de BEL Combinatie', 'Official commissioner of the BEL Combinatie'),
          t('Regievoering, advisering (collegevoorstellen, raadsvoorstellen)', 'Directing, advice (proposals to executive and council)'),
        ],
      },
      source: seedRef('003', [10, 11]),
    },
  ]
}

function municipalityRelations(key: string): Relation[] {
  return [
    { id: `${key}-kaders`, kind: 'kaderstelling', from: `${key}-raad`, to: `${key}-college`, label: t('Kaders voor lokale taken; democratisch toezicht', 'Frameworks for local tasks; democratic supervision'), source: seedRef('003', [8]) },
    { id: `${key}-verantwoording`, kind: 'verantwoording', from: `${key}-college`, to: `${key}-raad`, source: seedRef('003', [8]) },
    { id: `${key}-college-ab`, kind: 'deelname', from: `${key}-college`, to: 'ab', label: t('Collegeleden vormen het AB', 'Executive members form the AB'), source: seedRef('003', [8]) },
    { id: `${key}-politiek-opdrachtgever`, kind: 'opdrachtgeverschap', from: `${key}-college`, to: 'bel', label: t('Politiek opdrachtgever', 'Political commissioner'), radReference: DVO, source: seedRef('003', [8, 12], DVO_BEHIND_ASSIGNMENT) },
    { id: `${key}-burgemeester-college`, kind: 'deelname', from: `${key}-burgemeester`, to: `${key}-college`, source: seedRef('003', [8], 'The seed only says the mayors form the DB; a mayor is a member of the college by law.') },
    { id: `${key}-burgemeester-db`, kind: 'deelname', from: `${key}-burgemeester`, to: 'db', label: t('Burgemeesters vormen het DB', 'The mayors form the DB'), source: seedRef('003', [8]) },
    { id: `${key}-secretaris-college`, kind: 'advies', from: `${key}-secretaris`, to: `${key}-college`, label: t('Eerste adviseur', 'First adviser'), source: seedRef('003', [10]) },
    { id: `${key}-secretaris-ab`, kind: 'advies', from: `${key}-secretaris`, to: 'ab', source: seedRef('003', [10]) },
    { id: `${key}-secretaris-db`, kind: 'advies', from: `${key}-secretaris`, to: 'db', source: seedRef('003', [10]) },
    { id: `${key}-secretaris-beleidsregie`, kind: 'aansturing', from: `${key}-secretaris`, to: `${key}-beleidsregie`, label: t('Hoofd van de ambtelijke staf', 'Head of staff'), source: seedRef('003', [10]) },
    { id: `${key}-beleidsregie-college`, kind: 'advies', from: `${key}-beleidsregie`, to: `${key}-college`, label: t('Collegevoorstellen, raadsvoorstellen', 'Proposals to executive and council'), source: seedRef('003', [11]) },
    { id: `${key}-ambtelijk-opdrachtgever`, kind: 'opdrachtgeverschap', from: `${key}-beleidsregie`, to: 'directeur', label: t('Ambtelijk opdrachtgever → ambtelijk opdrachtnemer', 'Official commissioner → official contractor'), radReference: DVO, source: seedRef('003', [10, 12], DVO_BEHIND_ASSIGNMENT) },
  ]
}

const belActors: Actor[] = [
  {
    id: 'bel',
    kind: 'uitvoeringsorganisatie',
    name: t('BEL Combinatie', 'BEL Combinatie'),
    group: 'bel-organisatie',
    attributes: {
      rollen: [t('Eén ambtelijke organisatie voor drie gemeenten, zonder fusie', 'One civil service organisation for three municipalities, without a merger')],
      toelichting: t('Gerealiseerd binnen anderhalf jaar (juni 2006 – januari 2008).', 'Realised within eighteen months (June 2006 – January 2008).'),
    },
    source: seedRef('003', [2, 5, 15]),
  },
  {
    id: 'ab',
    kind: 'regionaal-orgaan',
    name: t('Algemeen Bestuur BEL Combinatie', 'General board (AB) BEL Combinatie'),
    group: 'bel-organisatie',
    attributes: {
      rollen: [
        t('Verantwoordelijk voor de financiële planning- en controlcyclus', 'Responsible for the financial planning and control cycle'),
        t('Stelt rechtspositionele regelingen en het organisatieplan vast', 'Adopts the legal-position rules and the organisation plan'),
      ],
    },
    source: seedRef('003', [7, 9]),
  },
  {
    id: 'db',
    kind: 'regionaal-orgaan',
    name: t('Dagelijks Bestuur BEL Combinatie', 'Executive board (DB) BEL Combinatie'),
    group: 'bel-organisatie',
    attributes: {
      rollen: [
        t('Bereidt stukken voor, voert besluiten uit en beheert de financiën', 'Prepares documents, executes decisions and manages the finances'),
        t('Belast met benoemen, schorsen en ontslaan van medewerkers', 'Appoints, suspends and dismisses staff'),
      ],
    },
    source: seedRef('003', [7, 9]),
  },
  {
    id: 'directeur',
    kind: 'directie',
    name: t('Directeur BEL Combinatie', 'Director BEL Combinatie'),
    group: 'bel-organisatie',
    attributes: {
      rollen: [
        t('Werkgever van de ambtenaren van de BEL Combinatie', 'Employer of the BEL Combinatie staff'),
        t('Secretaris van het AB/DB', 'Secretary of the general and executive boards'),
        t('Ambtelijk opdrachtnemer van de drie gemeenten', 'Official contractor of the three municipalities'),
      ],
    },
    source: seedRef('003', [7, 10]),
  },
  { id: 'managers', kind: 'directie', name: t('Afdelingsmanagers BEL Combinatie', 'Department managers BEL Combinatie'), group: 'bel-organisatie', attributes: { rollen: [t('Uitvoering, advisering', 'Execution, advice')] }, source: seedRef('003', [7, 11]) },
  { id: 'medewerkers', kind: 'ambtelijke-organisatie', name: t('Medewerkers BEL Combinatie', 'Staff BEL Combinatie'), group: 'bel-organisatie', source: seedRef('003', [11]) },
]

const belRelations: Relation[] = [
  { id: 'ab-bel', kind: 'aansturing', from: 'ab', to: 'bel', label: t('Planning & control, rechtspositie, organisatieplan', 'Planning & control, legal position, organisation plan'), source: seedRef('003', [9]) },
  { id: 'db-bel', kind: 'aansturing', from: 'db', to: 'bel', label: t('Voorbereiden, uitvoeren, financiën beheren', 'Prepare, execute, manage finances'), source: seedRef('003', [9]) },
  { id: 'directeur-ab', kind: 'deelname', from: 'directeur', to: 'ab', label: t('Secretaris', 'Secretary'), source: seedRef('003', [10]) },
  { id: 'directeur-db', kind: 'deelname', from: 'directeur', to: 'db', label: t('Secretaris', 'Secretary'), source: seedRef('003', [8, 10]) },
  { id: 'directeur-managers', kind: 'werkgeverschap', from: 'directeur', to: 'managers', source: seedRef('003', [7, 10]) },
  { id: 'directeur-medewerkers', kind: 'werkgeverschap', from: 'directeur', to: 'medewerkers', label: t('Werkgever ambtenaren', 'Employer of the staff'), source: seedRef('003', [10]) },
  { id: 'db-medewerkers', kind: 'werkgeverschap', from: 'db', to: 'medewerkers', label: t('Benoemen, schorsen, ontslaan', 'Appoint, suspend, dismiss'), source: seedRef('003', [9]) },
  { id: 'managers-medewerkers', kind: 'aansturing', from: 'managers', to: 'medewerkers', source: seedRef('003', [7, 11]) },
]

const groups: RegieGroup<LocalizedText>[] = [
  ...MUNICIPALITIES.map((m): RegieGroup<LocalizedText> => ({ id: m.key, kind: 'organisation', title: t(`Gemeente ${m.name}`, `Municipality of ${m.name}`), source: seedRef('003', [7, 11]) })),
  { id: 'bel-organisatie', kind: 'organisation', title: t('BEL Combinatie', 'BEL Combinatie'), source: seedRef('003', [7]) },
]

const blocks: RegieBlock<LocalizedText>[] = [
  {
    type: 'checklist',
    id: 'wel-doen',
    purpose: 'lessen',
    title: t('Wel doen', 'Do'),
    items: [
      { id: 'wel-0-meting', text: t('0-meting vastleggen om resultaten te verantwoorden', 'Record a baseline to account for results') },
      { id: 'wel-draagvlak', text: t('Veel investeren in het creëren van draagvlak', 'Invest a lot in creating support') },
      { id: 'wel-samen-ontwerpen', text: t('Samen ontwerpen', 'Design together') },
      { id: 'wel-quick-wins', text: t('Quick wins doorvoeren', 'Implement quick wins') },
      { id: 'wel-toetsing', text: t('Toetsing door experts', 'Review by experts') },
    ],
    source: seedRef('003', [17]),
  },
  {
    type: 'checklist',
    id: 'niet-doen',
    purpose: 'lessen',
    title: t('Niet doen', "Don't"),
    items: [
      { id: 'niet-besparingen', text: t('Besparingen te vroeg inboeken', 'Book savings too early') },
      { id: 'niet-doel-op-zich', text: t('Het bestaan van het samenwerkingsmodel als doel op zich beschouwen', 'Treat the existence of the collaboration model as a goal in itself') },
      { id: 'niet-groter', text: t('Waak ervoor: groter is niet altijd beter', 'Beware: bigger is not always better') },
      { id: 'niet-formaliteiten', text: t('Formaliteiten het belangrijkst laten zijn', 'Let formalities matter most') },
      { id: 'niet-breuk', text: t('Breken met het verleden; ga uit van historisch perspectief', 'Break with the past; start from a historical perspective') },
    ],
    source: seedRef('003', [18]),
  },
  {
    type: 'note',
    id: 'blijven-investeren',
    title: t('Blijven investeren in', 'Keep investing in'),
    text: t(
      'Integraal management; realisatie van doelstellingen (niet alleen nadruk op kosten); scheiden van verschillende rollen (eigenaar, opdrachtgever, voorzitter, dagelijks bestuur, algemeen bestuur); verkleinen van de afstand gemeenten – BEL Combinatie.',
      'Integral management; realising objectives (not only a focus on costs); separating the different roles (owner, commissioner, chair, executive board, general board); reducing the distance between the municipalities and the BEL Combinatie.',
    ),
    source: seedRef('003', [16]),
  },
  {
    type: 'legend',
    id: 'legenda',
    title: t('Legenda', 'Legend'),
    actorKinds: ['gemeenteraad', 'college', 'bestuurder', 'gemeentesecretaris', 'regieteam', 'uitvoeringsorganisatie', 'regionaal-orgaan', 'directie', 'ambtelijke-organisatie'],
    relationKinds: ['kaderstelling', 'verantwoording', 'opdrachtgeverschap', 'advies', 'deelname', 'aansturing', 'werkgeverschap'],
  },
]

const model: RegieModel<LocalizedText> = {
  actors: [...MUNICIPALITIES.flatMap((m) => municipalityActors(m.name, m.key)), ...belActors],
  relations: [...MUNICIPALITIES.flatMap((m) => municipalityRelations(m.key)), ...belRelations],
  groups,
  blocks,
}

export const belCombinatie: RegieTemplate = {
  id: 'bel-combinatie',
  title: t('BEL Combinatie', 'BEL Combinatie'),
  description: t(
    'Blaricum, Eemnes en Laren: drie gemeenten, één ambtelijke organisatie, geen fusie. Van de drie raden via de colleges, het AB en het DB naar de directeur en de afdelingsmanagers, met per gemeente een beleidsregie onder de gemeentesecretaris.',
    'Blaricum, Eemnes and Laren: three municipalities, one civil service organisation, no merger. From the three councils through the executives, the general and executive boards to the director and the department managers, with policy direction under the municipal secretary in each municipality.',
  ),
  seed: '003',
  covers: t(
    'Dia 7–12 (bestuursketen, rollen van raden, colleges, AB, DB, gemeentesecretarissen, beleidsregie en directeur; bedrijfsvoering; dienstverleningsovereenkomst), dia 15–18 (realisatie en lessen).',
    'Slides 7–12 (governance chain, roles of councils, executives, AB, DB, secretaries, policy direction and director; operations; service agreement), slides 15–18 (realisation and lessons).',
  ),
  model,
}
