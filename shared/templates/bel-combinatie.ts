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
 * - dia 4: the uitgangspunten and dia 6: the kritische succesfactoren — as checklists.
 *
 * Not in the seed, marked on the board as an "aanname" (see docs/seed-review.md):
 * - That each burgemeester is a member of its college: the seed only says the mayors form the DB.
 * - The dienstverleningsovereenkomst (dia 12, a practical example) is drawn as the agreement
 *   behind both the political and the ambtelijk opdrachtgeverschap.
 * - Dia 11 puts "Advisering (bestuursopdracht)" between B&W and beleidsregie: read as the college
 *   giving the bestuursopdracht and the beleidsregie advising.
 * The raden have "géén zeggenschap" in the BEL Combinatie (dia 8): their role runs via the college
 * (002 dia 16), which the regiecheck accepts because each raad sets kaders for its college. It
 * does raise rollenscheiding (dia 16: the college is opdrachtgever and its members form the AB)
 * and asks who mandated the beleidsregie as opdrachtgever (let op).
 */
import type { RegieActor, RegieBlock, RegieGroup, RegieModel, RegieRelation } from '../regie/model.ts'
import type { LocalizedText } from '../regie/text.ts'
import { assumed, seedRef, t, type RegieTemplate } from './template.ts'

type Actor = RegieActor<LocalizedText>
type Relation = RegieRelation<LocalizedText>

const DVO = t('Dienstverleningsovereenkomst (DVO)', 'Service agreement (DVO)')
const DVO_BEHIND_ASSIGNMENT = t(
  'De bronpresentatie noemt de dienstverleningsovereenkomst als praktijkvoorbeeld (dia 12); hier getekend als de afspraak achter de opdracht.',
  'The source presentation names the service agreement as a practical example (slide 12); drawn here as the agreement behind the assignment.',
)

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
    { id: `${key}-politiek-opdrachtgever`, kind: 'opdrachtgeverschap', from: `${key}-college`, to: 'bel', label: t('Politiek opdrachtgever', 'Political commissioner'), radReference: DVO, source: seedRef('003', [8, 12]), aanname: DVO_BEHIND_ASSIGNMENT },
    { id: `${key}-burgemeester-college`, kind: 'deelname', from: `${key}-burgemeester`, to: `${key}-college`, source: seedRef('003', [8]), aanname: t('De bronpresentatie zegt alleen dat de burgemeesters het DB vormen; een burgemeester zit volgens de Gemeentewet in het college.', 'The source presentation only says the mayors form the DB; by law a mayor is a member of the executive.') },
    { id: `${key}-burgemeester-db`, kind: 'deelname', from: `${key}-burgemeester`, to: 'db', label: t('Burgemeesters vormen het DB', 'The mayors form the DB'), source: seedRef('003', [8]) },
    { id: `${key}-secretaris-college`, kind: 'advies', from: `${key}-secretaris`, to: `${key}-college`, label: t('Eerste adviseur', 'First adviser'), source: seedRef('003', [10]) },
    { id: `${key}-secretaris-ab`, kind: 'advies', from: `${key}-secretaris`, to: 'ab', source: seedRef('003', [10]) },
    { id: `${key}-secretaris-db`, kind: 'advies', from: `${key}-secretaris`, to: 'db', source: seedRef('003', [10]) },
    { id: `${key}-secretaris-beleidsregie`, kind: 'aansturing', from: `${key}-secretaris`, to: `${key}-beleidsregie`, label: t('Hoofd van de ambtelijke staf', 'Head of staff'), source: seedRef('003', [10]) },
    {
      id: `${key}-bestuursopdracht`,
      kind: 'aansturing',
      from: `${key}-college`,
      to: `${key}-beleidsregie`,
      label: t('Bestuursopdracht', 'Governing assignment'),
      source: seedRef('003', [11]),
      aanname: t(
        'Dia 11 zet "Advisering (bestuursopdracht)" tussen B&W en de beleidsregie. Gelezen als: het college geeft de bestuursopdracht, de beleidsregie adviseert.',
        'Slide 11 puts "Advice (governing assignment)" between B&W and policy direction. Read as: the executive gives the governing assignment, policy direction advises.',
      ),
    },
    { id: `${key}-beleidsregie-college`, kind: 'advies', from: `${key}-beleidsregie`, to: `${key}-college`, label: t('Collegevoorstellen, raadsvoorstellen', 'Proposals to executive and council'), source: seedRef('003', [11]) },
    { id: `${key}-ambtelijk-opdrachtgever`, kind: 'opdrachtgeverschap', from: `${key}-beleidsregie`, to: 'directeur', label: t('Ambtelijk opdrachtgever → ambtelijk opdrachtnemer', 'Official commissioner → official contractor'), radReference: DVO, source: seedRef('003', [10, 12]), aanname: DVO_BEHIND_ASSIGNMENT },
  ]
}

const belActors: Actor[] = [
  {
    id: 'bel',
    kind: 'uitvoeringsorganisatie',
    name: t('BEL Combinatie', 'BEL Combinatie'),
    group: 'bel-organisatie',
    attributes: {
      regeling: 'bedrijfsvoering',
      rollen: [t('Eén ambtelijke organisatie voor drie gemeenten, zonder fusie', 'One civil service organisation for three municipalities, without a merger')],
      toelichting: t('Gerealiseerd binnen anderhalf jaar (juni 2006 – januari 2008).', 'Realised within eighteen months (June 2006 – January 2008).'),
    },
    source: seedRef('003', [2, 5, 11, 15]),
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
  { id: 'directeur-ab', kind: 'advies', from: 'directeur', to: 'ab', label: t('Secretaris van het AB (geen lid)', 'Secretary of the AB (not a member)'), source: seedRef('003', [10]) },
  { id: 'directeur-db', kind: 'advies', from: 'directeur', to: 'db', label: t('Secretaris van het DB (geen lid)', 'Secretary of the DB (not a member)'), source: seedRef('003', [8, 10]) },
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
    type: 'checklist',
    id: 'uitgangspunten',
    purpose: 'succesfactoren',
    title: t('Uitgangspunten voor samenwerking', 'Principles for collaboration'),
    items: [
      { id: 'uitgangspunt-identiteit', text: t('Behoud van lokale identiteit en democratisch gelegitimeerd bestuur', 'Keep local identity and democratically legitimate government') },
      { id: 'uitgangspunt-bestuurskracht', text: t('Versterken bestuurskracht van de eigen organisatie', "Strengthen the governing capacity of one's own organisation") },
      { id: 'uitgangspunt-klantgericht', text: t('Waarborgen klantgerichte organisatie', 'Safeguard a customer-oriented organisation') },
      { id: 'uitgangspunt-kwaliteit', text: t('Waarborgen kwaliteit van de organisatie', 'Safeguard the quality of the organisation') },
      { id: 'uitgangspunt-efficient', text: t('Realisatie van efficiënte bedrijfsvoering', 'Realise efficient operations') },
      { id: 'uitgangspunt-personeel', text: t('Zorg voor het personeel', 'Care for the staff') },
    ],
    source: seedRef('003', [4]),
  },
  {
    type: 'checklist',
    id: 'succesfactoren',
    purpose: 'succesfactoren',
    title: t('Kritische succesfactoren in het proces', 'Critical success factors in the process'),
    items: [
      { id: 'succes-vertrouwen', text: t('Vertrouwen in elkaar; elkaar kennen als bestuurders en ambtelijke top', 'Trust in each other; knowing each other as administrators and senior officials') },
      { id: 'succes-regie', text: t('Strakke regie (in het geval van de BEL: door een onafhankelijke externe projectleider)', 'Tight direction (for the BEL: by an independent external project lead)') },
      { id: 'succes-snelheid', text: t('Snelheid van het proces', 'Speed of the process') },
      { id: 'succes-betrekken', text: t('Veel aandacht voor het betrekken van raden en personeel', 'Much attention to involving councils and staff') },
    ],
    source: seedRef('003', [6]),
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
    'Dia 7–12 (bestuursketen, rollen van raden, colleges, AB, DB, gemeentesecretarissen, beleidsregie en directeur; bedrijfsvoering; dienstverleningsovereenkomst), dia 4 en 6 (uitgangspunten, kritische succesfactoren), dia 15–18 (realisatie en lessen).',
    'Slides 7–12 (governance chain, roles of councils, executives, AB, DB, secretaries, policy direction and director; operations; service agreement), slides 4 and 6 (principles, critical success factors), slides 15–18 (realisation and lessons).',
  ),
  model,
}
