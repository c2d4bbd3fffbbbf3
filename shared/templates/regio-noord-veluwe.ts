/**
 * Template "Regio Noord-Veluwe — greep op samenwerking".
 *
 * Seed 002 (`002_770a2a99d52a8098.txt`, Bustour Slim Samenwerken 18-01-2012, "Greep op
 * samenwerking?", VNG, Leo Bezemer, directeur Regio Noord-Veluwe). Takes from it:
 * - dia 9: the structure — ambtelijk and bestuurlijk traject, AB, DB, PO (advies), management,
 *   the municipalities;
 * - dia 10: the eight-step decision process — as a flow;
 * - dia 11: the municipalities (Elburg, Ermelo, Harderwijk, Nunspeet, Oldebroek, Putten, and in
 *   brackets Hattem, Heerde, Zeewolde) and the organisation chart of the social transitions:
 *   DB RNV, Ambtelijk Secretarissenoverleg, PO Welzijn en Sociale Aangelegenheden, Stuurgroep
 *   Transities, Clusteroverleg WSA, Afstemming RNV, Domeinmanager, three transitions (AWBZ/Wmo,
 *   Wwnv, Jeugdzorg) each with a Trekker Wethouder and a Projectgroep, Ambtelijk overleg WMO,
 *   Afdelingshoofden/Beleidsoverleg sw, Aanjaagteam;
 * - dia 15: the six valkuilen and their remedies — as a checklist;
 * - dia 2–3, 16: why cooperate, the 3 K's, the role of the council.
 *
 * Not in the seed, decided here (marked as `assumption`):
 * - The transcript of the organisation chart (dia 11) lists boxes but not its lines. Lines
 *   between the transition bodies are drawn as the chart's layout suggests, each marked.
 * - The colleges and councils of the municipalities are drawn as one card each ("colleges/raden",
 *   dia 10) so the board stays readable; the seed never addresses them one by one.
 * - "PO" in the process is drawn as the one PO the chart names (Welzijn en Sociale
 *   Aangelegenheden); the seed has one PO per theme.
 * - Hattem, Heerde and Zeewolde appear in brackets in the seed; they are drawn as taking part,
 *   with a note on their card.
 * - The seed names no verantwoording from AB or DB to the councils and no kaders of the councils:
 *   the regiecheck will ask about both (valkuilen a, c, e), which is the point of the seed.
 */
import type { RegieActor, RegieBlock, RegieGroup, RegieModel, RegieRelation } from '../regie/model.ts'
import type { LocalizedText } from '../regie/text.ts'
import { VALKUILEN } from '../regie/valkuilen.ts'
import { seedRef, t, type RegieTemplate } from './template.ts'

type Actor = RegieActor<LocalizedText>
type Relation = RegieRelation<LocalizedText>

const CHART_LINE = 'The transcript of the organisation chart (dia 11) lists its boxes but not its lines; this line follows the chart\u2019s layout.'
const TOGETHER = 'The seed speaks of the municipalities\u2019 "colleges/raden" together (dia 10); drawn as one card.'

const MUNICIPALITIES = [
  { id: 'elburg', name: 'Elburg' },
  { id: 'ermelo', name: 'Ermelo' },
  { id: 'harderwijk', name: 'Harderwijk' },
  { id: 'nunspeet', name: 'Nunspeet' },
  { id: 'oldebroek', name: 'Oldebroek' },
  { id: 'putten', name: 'Putten' },
  { id: 'hattem', name: 'Hattem', bracketed: true },
  { id: 'heerde', name: 'Heerde', bracketed: true },
  { id: 'zeewolde', name: 'Zeewolde', bracketed: true },
] as const

const BRACKETED = t('Staat in de seed tussen haakjes: deelname niet zeker.', 'In brackets in the seed: participation not certain.')

const TRANSITIONS = [
  { id: 'awbz-wmo', nl: 'Transitie AWBZ/Wmo', en: 'AWBZ/Wmo transition' },
  { id: 'wwnv', nl: 'Transitie Wwnv', en: 'Wwnv transition' },
  { id: 'jeugdzorg', nl: 'Transitie Jeugdzorg', en: 'Youth care transition' },
] as const

const actors: Actor[] = [
  ...MUNICIPALITIES.map((m): Actor => ({
    id: m.id,
    kind: 'gemeente',
    name: t(`Gemeente ${m.name}`, `Municipality of ${m.name}`),
    group: 'gemeenten',
    ...('bracketed' in m && { attributes: { toelichting: BRACKETED } }),
    source: seedRef('002', [11], 'bracketed' in m ? 'Drawn as taking part although bracketed in the seed.' : undefined),
  })),
  { id: 'colleges', kind: 'college', name: t('Colleges van B&W', 'Municipal executives (B&W)'), group: 'gemeenten', source: seedRef('002', [10, 16], TOGETHER) },
  {
    id: 'raden',
    kind: 'gemeenteraad',
    name: t('Gemeenteraden', 'Municipal councils'),
    group: 'gemeenten',
    attributes: {
      rollen: [
        t('Directe rol bij regelingen voor beleid (en soms uitvoering)', 'A direct role in arrangements for policy (and sometimes execution)'),
        t('Rol via het college bij regelingen voor bedrijfsvoering (en soms uitvoering)', 'A role through the executive in arrangements for operations (and sometimes execution)'),
      ],
    },
    source: seedRef('002', [10, 16], TOGETHER),
  },
  { id: 'ab', kind: 'regionaal-orgaan', name: t('Algemeen Bestuur (AB) RNV', 'General board (AB) RNV'), group: 'bestuurlijk', attributes: { rollen: [t('Bespreekt eventueel adviezen gemeenten; kan besluiten', "May discuss the municipalities' advice; can decide")] }, source: seedRef('002', [9, 10]) },
  { id: 'db', kind: 'regionaal-orgaan', name: t('Dagelijks Bestuur (DB) RNV', 'Executive board (DB) RNV'), group: 'bestuurlijk', attributes: { rollen: [t('Bespreekt voorstellen, vraagt advies PO, doet voorstel aan gemeenten, besluit', 'Discusses proposals, asks the PO for advice, proposes to the municipalities, decides')] }, source: seedRef('002', [9, 10, 11]) },
  { id: 'po', kind: 'regionaal-orgaan', name: t('Portefeuillehoudersoverleg (PO) Welzijn en Sociale Aangelegenheden', 'Portfolio holders (PO) Welfare and Social Affairs'), group: 'bestuurlijk', attributes: { rollen: [t('Adviseert het DB; per thema een PO', 'Advises the DB; one PO per theme')] }, source: seedRef('002', [9, 10, 11], 'The process says "PO"; drawn as the one PO the chart names.') },
  { id: 'stuurgroep', kind: 'regionaal-orgaan', name: t('Stuurgroep Transities', 'Transitions steering group'), group: 'bestuurlijk', source: seedRef('002', [11]) },
  { id: 'secretarissenoverleg', kind: 'regionaal-orgaan', name: t('Ambtelijk Secretarissenoverleg Noord-Veluwe', 'Noord-Veluwe secretaries\u2019 meeting'), group: 'ambtelijk', source: seedRef('002', [11]) },
  { id: 'ao', kind: 'regionaal-orgaan', name: t('Ambtelijk overleg (AO)', 'Official consultation (AO)'), group: 'ambtelijk', attributes: { rollen: [t('Doet voorstellen', 'Makes proposals')] }, source: seedRef('002', [10]) },
  { id: 'management', kind: 'directie', name: t('Verantwoordelijk management', 'Responsible management'), group: 'ambtelijk', source: seedRef('002', [9, 10]) },
  { id: 'clusteroverleg', kind: 'regionaal-orgaan', name: t('Clusteroverleg Welzijn en Sociale Aangelegenheden', 'Welfare and Social Affairs cluster meeting'), group: 'ambtelijk', source: seedRef('002', [11]) },
  { id: 'afstemming', kind: 'regionaal-orgaan', name: t('Afstemming RNV', 'RNV coordination'), group: 'ambtelijk', source: seedRef('002', [11]) },
  { id: 'domeinmanager', kind: 'directie', name: t('Domeinmanager', 'Domain manager'), group: 'transities', source: seedRef('002', [11]) },
  ...TRANSITIONS.flatMap((tr): Actor[] => [
    { id: `trekker-${tr.id}`, kind: 'bestuurder', name: t(`Trekker wethouder ${tr.nl}`, `Lead alderman, ${tr.en}`), group: 'bestuurlijk', source: seedRef('002', [11]) },
    { id: `projectgroep-${tr.id}`, kind: 'ambtelijke-organisatie', name: t(`Projectgroep ${tr.nl}`, `Project group, ${tr.en}`), group: 'transities', source: seedRef('002', [11]) },
  ]),
  { id: 'ao-wmo', kind: 'ambtelijke-organisatie', name: t('Ambtelijk overleg WMO', 'Official consultation Wmo'), group: 'transities', source: seedRef('002', [11]) },
  { id: 'beleidsoverleg-sw', kind: 'ambtelijke-organisatie', name: t('Afdelingshoofden / Beleidsoverleg sw', 'Heads of department / sheltered employment policy meeting'), group: 'transities', source: seedRef('002', [11]) },
  { id: 'aanjaagteam', kind: 'ambtelijke-organisatie', name: t('Aanjaagteam', 'Booster team'), group: 'transities', source: seedRef('002', [11]) },
]

const relations: Relation[] = [
  ...MUNICIPALITIES.map((m): Relation => ({ id: `${m.id}-ab`, kind: 'deelname', from: m.id, to: 'ab', source: seedRef('002', [9, 11]) })),
  { id: 'ao-management', kind: 'informatie', from: 'ao', to: 'management', label: t('Voorstel bespreken met verantwoordelijk management', 'Discuss the proposal with responsible management'), source: seedRef('002', [10]) },
  { id: 'ao-db', kind: 'advies', from: 'ao', to: 'db', label: t('Voorstel uit AO', 'Proposal from the AO'), source: seedRef('002', [10]) },
  { id: 'po-db', kind: 'advies', from: 'po', to: 'db', label: t('Advies PO', 'Advice of the PO'), source: seedRef('002', [9, 10]) },
  { id: 'po-colleges', kind: 'informatie', from: 'po', to: 'colleges', label: t('Bij voorstellen met impact raadplegen portefeuillehouders tevoren hun college', 'For proposals with impact, portfolio holders consult their executive beforehand'), source: seedRef('002', [10]) },
  { id: 'db-colleges', kind: 'informatie', from: 'db', to: 'colleges', label: t('Voorstel aan gemeenten', 'Proposal to the municipalities'), source: seedRef('002', [10]) },
  { id: 'db-raden', kind: 'informatie', from: 'db', to: 'raden', label: t('Voorstel aan gemeenten', 'Proposal to the municipalities'), source: seedRef('002', [10]) },
  { id: 'colleges-db', kind: 'advies', from: 'colleges', to: 'db', label: t('Adviezen gemeenten', "The municipalities' advice"), source: seedRef('002', [10]) },
  { id: 'raden-db', kind: 'advies', from: 'raden', to: 'db', label: t('Adviezen gemeenten', "The municipalities' advice"), source: seedRef('002', [10]) },
  { id: 'db-ab', kind: 'informatie', from: 'db', to: 'ab', label: t('Adviezen gemeenten eventueel bespreken in AB', "Possibly discuss the municipalities' advice in the AB"), source: seedRef('002', [10]) },
  { id: 'secretarissen-db', kind: 'advies', from: 'secretarissenoverleg', to: 'db', source: seedRef('002', [11], CHART_LINE) },
  { id: 'stuurgroep-po', kind: 'verantwoording', from: 'stuurgroep', to: 'po', source: seedRef('002', [11], CHART_LINE) },
  { id: 'clusteroverleg-po', kind: 'advies', from: 'clusteroverleg', to: 'po', source: seedRef('002', [11], CHART_LINE) },
  { id: 'afstemming-clusteroverleg', kind: 'informatie', from: 'afstemming', to: 'clusteroverleg', source: seedRef('002', [11], CHART_LINE) },
  { id: 'domeinmanager-stuurgroep', kind: 'advies', from: 'domeinmanager', to: 'stuurgroep', source: seedRef('002', [11], CHART_LINE) },
  ...TRANSITIONS.flatMap((tr): Relation[] => [
    { id: `trekker-${tr.id}-stuurgroep`, kind: 'deelname', from: `trekker-${tr.id}`, to: 'stuurgroep', source: seedRef('002', [11], CHART_LINE) },
    { id: `projectgroep-${tr.id}-trekker`, kind: 'verantwoording', from: `projectgroep-${tr.id}`, to: `trekker-${tr.id}`, source: seedRef('002', [11], CHART_LINE) },
  ]),
  { id: 'ao-wmo-projectgroep', kind: 'advies', from: 'ao-wmo', to: 'projectgroep-awbz-wmo', source: seedRef('002', [11], CHART_LINE) },
  { id: 'beleidsoverleg-sw-projectgroep', kind: 'advies', from: 'beleidsoverleg-sw', to: 'projectgroep-wwnv', source: seedRef('002', [11], CHART_LINE) },
  { id: 'aanjaagteam-projectgroep', kind: 'advies', from: 'aanjaagteam', to: 'projectgroep-jeugdzorg', source: seedRef('002', [11], CHART_LINE) },
]

const groups: RegieGroup<LocalizedText>[] = [
  { id: 'gemeenten', kind: 'area', title: t('Gemeenten Noord-Veluwe', 'Noord-Veluwe municipalities'), source: seedRef('002', [11]) },
  { id: 'bestuurlijk', kind: 'area', title: t('RNV bestuurlijk (bestuurlijk traject)', 'RNV governing (governing track)'), source: seedRef('002', [9, 11]) },
  { id: 'ambtelijk', kind: 'area', title: t('RNV ambtelijk (ambtelijk traject)', 'RNV official (official track)'), source: seedRef('002', [9, 11]) },
  { id: 'transities', kind: 'area', title: t('Transities sociaal domein', 'Social domain transitions'), source: seedRef('002', [7, 11]) },
]

const blocks: RegieBlock<LocalizedText>[] = [
  {
    type: 'flow',
    id: 'besluitvorming',
    title: t('Processchema besluitvorming', 'Decision process'),
    steps: [
      { id: 'stap-1', text: t('Voorstel uit AO', 'Proposal from the AO'), actorIds: ['ao'] },
      { id: 'stap-2', text: t('Voorstel bespreken met verantwoordelijk management', 'Discuss the proposal with responsible management'), actorIds: ['management'] },
      { id: 'stap-3', text: t('Voorstel bespreken in DB', 'Discuss the proposal in the DB'), actorIds: ['db'] },
      { id: 'stap-4', text: t('DB vraagt advies PO (bij voorstellen met impact raadplegen portefeuillehouders tevoren hun college)', 'DB asks the PO for advice (for proposals with impact, portfolio holders consult their executive beforehand)'), actorIds: ['db', 'po', 'colleges'] },
      { id: 'stap-5', text: t('Advies PO bespreken in DB', "Discuss the PO's advice in the DB"), actorIds: ['db'] },
      { id: 'stap-6', text: t('DB doet voorstel aan gemeenten (colleges/raden)', 'DB proposes to the municipalities (executives/councils)'), actorIds: ['db', 'colleges', 'raden'] },
      { id: 'stap-7', text: t('Adviezen gemeenten bespreken in DB, eventueel AB', "Discuss the municipalities' advice in the DB, possibly the AB"), actorIds: ['db', 'ab'] },
      { id: 'stap-8', text: t('DB of AB neemt besluit en start uitvoering', 'DB or AB decides and starts execution'), actorIds: ['db', 'ab'] },
    ],
    source: seedRef('002', [10]),
  },
  {
    type: 'checklist',
    id: 'valkuilen',
    purpose: 'valkuilen',
    title: t('Valkuilen bij samenwerking', 'Pitfalls of collaboration'),
    items: VALKUILEN.map((v) => ({
      id: `valkuil-${v.id}`,
      ref: v.id,
      text: t(`${v.id}. ${v.pitfall.nl}`, `${v.id}. ${v.pitfall.en}`),
      hint: v.remedy,
    })),
    source: seedRef('002', [15]),
  },
  {
    type: 'note',
    id: 'drie-k',
    title: t('Waarom samenwerken: de 3 K\u2019s', 'Why cooperate: the three Ks'),
    text: t(
      'Kwaliteitsversterking; kostenbeheersing/-reductie; (k)continuïteit (minder kwetsbaarheid). Verder: bovenlokale opgaven, bundelen van expertise en middelen, bestuurskracht, voorkomen van herindeling, opgelegde samenwerking.',
      'Stronger quality; cost control/reduction; continuity (less vulnerability). Also: supra-local tasks, pooling expertise and means, governing capacity, avoiding a merger, imposed collaboration.',
    ),
    source: seedRef('002', [2, 3]),
  },
  {
    type: 'note',
    id: 'rol-raad',
    title: t('Rol van de raad bij samenwerken', 'The role of the council in collaboration'),
    text: t(
      'Welke positie heeft de raad uit het oogpunt van democratische legitimatie, sturing en verantwoording? Regelingen waar de raad direct een rol heeft (beleid en soms uitvoering) en regelingen waar de raad via het college een rol heeft (bedrijfsvoering en soms uitvoering).',
      'What position does the council have in terms of democratic legitimacy, steering and accountability? Arrangements where the council has a direct role (policy and sometimes execution) and arrangements where it has a role through the executive (operations and sometimes execution).',
    ),
    source: seedRef('002', [16]),
  },
]

const model: RegieModel<LocalizedText> = { actors, relations, groups, blocks }

export const regioNoordVeluwe: RegieTemplate = {
  id: 'regio-noord-veluwe',
  title: t('Regio Noord-Veluwe — greep op samenwerking', 'Regio Noord-Veluwe — a grip on collaboration'),
  description: t(
    'De gemeenten van de Noord-Veluwe met AB, DB, portefeuillehoudersoverleg, secretarissenoverleg en ambtelijk overleg; het besluitvormingsproces in acht stappen en de zes valkuilen met hun remedie.',
    'The Noord-Veluwe municipalities with general board, executive board, portfolio holders, secretaries and official consultation; the eight-step decision process and the six pitfalls with their remedies.',
  ),
  seed: '002',
  covers: t(
    'Dia 9–11 (structuur, processchema, gemeenten en organogram transities), dia 15 (valkuilen), dia 2–3 en 16 (3 K\u2019s, rol van de raad).',
    'Slides 9–11 (structure, decision process, municipalities and transitions chart), slide 15 (pitfalls), slides 2–3 and 16 (the three Ks, the role of the council).',
  ),
  model,
}
