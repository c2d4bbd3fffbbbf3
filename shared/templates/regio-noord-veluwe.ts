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
 * - dia 5: "Wat is goede samenwerking?" and dia 12–14: the three stellingen — as a checklist of
 *   uitgangspunten and as stelling cards a group can vote on;
 * - dia 7: the joint policy agenda, which makes the RNV an arrangement for beleid (dia 16).
 *
 * Not in the seed, marked on the board as an "aanname" (see docs/seed-review.md):
 * - The transcript of the organisation chart (dia 11) lists boxes but not its lines. Lines
 *   between the transition bodies are drawn as the chart's layout suggests, each marked.
 * - The colleges and councils are drawn as one card each ("colleges/raden", dia 10).
 * - "PO" in the process is drawn as the one PO the chart names (Welzijn en Sociale
 *   Aangelegenheden).
 * - Hattem, Heerde and Zeewolde appear in brackets in the seed; they are drawn as taking part.
 * The seed names no verantwoording from DB, PO or the Stuurgroep to the councils: the regiecheck
 * asks about it (valkuilen c, e) and about the chain of bestuurlijke overleggen (valkuil b).
 */
import type { RegieActor, RegieBlock, RegieGroup, RegieModel, RegieRelation } from '../regie/model.ts'
import type { LocalizedText } from '../regie/text.ts'
import { VALKUILEN } from '../regie/valkuilen.ts'
import { assumed, seedRef, t, type RegieTemplate } from './template.ts'

type Actor = RegieActor<LocalizedText>
type Relation = RegieRelation<LocalizedText>

const CHART_LINE = t(
  'Het organogram (dia 11) staat in de bronpresentatie als lijst van vakken, zonder lijnen; deze lijn volgt de indeling van het organogram.',
  'The organisation chart (slide 11) is in the source presentation as a list of boxes, without lines; this line follows the chart\u2019s layout.',
)
const TOGETHER = t(
  'De bronpresentatie spreekt van de "colleges/raden" van de gemeenten samen (dia 10); daarom één kaart.',
  'The source presentation speaks of the municipalities\u2019 "colleges/raden" together (slide 10); hence one card.',
)

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

const BRACKETED = t('Staat in de bronpresentatie tussen haakjes: deelname niet zeker.', 'In brackets in the source presentation: participation not certain.')
const BRACKETED_DRAWN = t(
  'Staat in de bronpresentatie tussen haakjes (dia 11); toch als deelnemer getekend.',
  'In brackets in the source presentation (slide 11); drawn as taking part all the same.',
)

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
    source: seedRef('002', [11]),
    ...assumed('bracketed' in m ? BRACKETED_DRAWN : undefined),
  })),
  { id: 'colleges', kind: 'college', name: t('Colleges van B&W', 'Municipal executives (B&W)'), group: 'gemeenten', source: seedRef('002', [10, 16]), aanname: TOGETHER },
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
    source: seedRef('002', [10, 16]),
    aanname: TOGETHER,
  },
  {
    id: 'ab',
    kind: 'regionaal-orgaan',
    name: t('Algemeen Bestuur (AB) RNV', 'General board (AB) RNV'),
    group: 'bestuurlijk',
    attributes: {
      regeling: 'beleid',
      rollen: [t('Bespreekt eventueel adviezen gemeenten; kan besluiten', "May discuss the municipalities' advice; can decide")],
      toelichting: t('Strategie: visie, gebiedsagenda, regiocontract; gezamenlijke beleidsagenda (volkshuisvesting, economie, bedrijventerreinen).', 'Strategy: vision, area agenda, regional contract; joint policy agenda (housing, economy, business parks).'),
    },
    source: seedRef('002', [7, 9, 10]),
  },
  { id: 'db', kind: 'regionaal-orgaan', name: t('Dagelijks Bestuur (DB) RNV', 'Executive board (DB) RNV'), group: 'bestuurlijk', attributes: { rollen: [t('Bespreekt voorstellen, vraagt advies PO, doet voorstel aan gemeenten, besluit', 'Discusses proposals, asks the PO for advice, proposes to the municipalities, decides')] }, source: seedRef('002', [9, 10, 11]) },
  { id: 'po', kind: 'regionaal-orgaan', name: t('Portefeuillehoudersoverleg (PO) Welzijn en Sociale Aangelegenheden', 'Portfolio holders (PO) Welfare and Social Affairs'), group: 'bestuurlijk', attributes: { rollen: [t('Adviseert het DB', 'Advises the DB')] }, source: seedRef('002', [9, 10, 11]), aanname: t('Het processchema zegt "PO"; getekend als het ene PO dat het organogram noemt.', 'The process says "PO"; drawn as the one PO the chart names.') },
  { id: 'stuurgroep', kind: 'regionaal-orgaan', name: t('Stuurgroep Transities', 'Transitions steering group'), group: 'bestuurlijk', source: seedRef('002', [11]) },
  { id: 'secretarissenoverleg', kind: 'ambtelijk-overleg', name: t('Ambtelijk Secretarissenoverleg Noord-Veluwe', 'Noord-Veluwe secretaries\u2019 meeting'), group: 'ambtelijk', source: seedRef('002', [11]) },
  { id: 'ao', kind: 'ambtelijk-overleg', name: t('Ambtelijk overleg (AO)', 'Official consultation (AO)'), group: 'ambtelijk', attributes: { rollen: [t('Doet voorstellen', 'Makes proposals')] }, source: seedRef('002', [10]) },
  { id: 'management', kind: 'directie', name: t('Verantwoordelijk management', 'Responsible management'), group: 'ambtelijk', source: seedRef('002', [9, 10]) },
  { id: 'clusteroverleg', kind: 'ambtelijk-overleg', name: t('Clusteroverleg Welzijn en Sociale Aangelegenheden', 'Welfare and Social Affairs cluster meeting'), group: 'ambtelijk', source: seedRef('002', [11]) },
  { id: 'afstemming', kind: 'ambtelijk-overleg', name: t('Afstemming RNV', 'RNV coordination'), group: 'ambtelijk', source: seedRef('002', [11]) },
  { id: 'domeinmanager', kind: 'directie', name: t('Domeinmanager', 'Domain manager'), group: 'transities', source: seedRef('002', [11]) },
  ...TRANSITIONS.flatMap((tr): Actor[] => [
    { id: `trekker-${tr.id}`, kind: 'bestuurder', name: t(`Trekker wethouder ${tr.nl}`, `Lead alderman, ${tr.en}`), group: 'bestuurlijk', source: seedRef('002', [11]) },
    { id: `projectgroep-${tr.id}`, kind: 'ambtelijke-organisatie', name: t(`Projectgroep ${tr.nl}`, `Project group, ${tr.en}`), group: 'transities', source: seedRef('002', [11]) },
  ]),
  { id: 'ao-wmo', kind: 'ambtelijke-organisatie', name: t('Ambtelijk overleg Wmo', 'Official consultation Wmo'), group: 'transities', source: seedRef('002', [11]) },
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
  { id: 'secretarissen-db', kind: 'advies', from: 'secretarissenoverleg', to: 'db', source: seedRef('002', [11]), aanname: CHART_LINE },
  { id: 'stuurgroep-po', kind: 'verantwoording', from: 'stuurgroep', to: 'po', source: seedRef('002', [11]), aanname: CHART_LINE },
  { id: 'clusteroverleg-po', kind: 'advies', from: 'clusteroverleg', to: 'po', source: seedRef('002', [11]), aanname: CHART_LINE },
  { id: 'afstemming-clusteroverleg', kind: 'informatie', from: 'afstemming', to: 'clusteroverleg', source: seedRef('002', [11]), aanname: CHART_LINE },
  { id: 'domeinmanager-stuurgroep', kind: 'advies', from: 'domeinmanager', to: 'stuurgroep', source: seedRef('002', [11]), aanname: CHART_LINE },
  ...TRANSITIONS.flatMap((tr): Relation[] => [
    { id: `trekker-${tr.id}-stuurgroep`, kind: 'deelname', from: `trekker-${tr.id}`, to: 'stuurgroep', source: seedRef('002', [11]), aanname: CHART_LINE },
    { id: `projectgroep-${tr.id}-trekker`, kind: 'verantwoording', from: `projectgroep-${tr.id}`, to: `trekker-${tr.id}`, source: seedRef('002', [11]), aanname: CHART_LINE },
  ]),
  { id: 'ao-wmo-projectgroep', kind: 'advies', from: 'ao-wmo', to: 'projectgroep-awbz-wmo', source: seedRef('002', [11]), aanname: CHART_LINE },
  { id: 'beleidsoverleg-sw-projectgroep', kind: 'advies', from: 'beleidsoverleg-sw', to: 'projectgroep-wwnv', source: seedRef('002', [11]), aanname: CHART_LINE },
  { id: 'aanjaagteam-projectgroep', kind: 'advies', from: 'aanjaagteam', to: 'projectgroep-jeugdzorg', source: seedRef('002', [11]), aanname: CHART_LINE },
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
    type: 'checklist',
    id: 'stellingen',
    purpose: 'stellingen',
    title: t('Stellingen om over te stemmen', 'Propositions to vote on'),
    items: [
      {
        id: 'stelling-1',
        text: t('Stelling 1: Goede samenwerking verhoogt de lokale bestuurskracht.', 'Proposition 1: Good collaboration increases local governing capacity.'),
        hint: t('Mits: vertrouwen (bestuurlijk en ambtelijk), zelfbewustheid, geven en nemen. Samenwerken uit angst maakt angst tot werkelijkheid.', 'Provided: trust (governing and official), self-awareness, give and take. Collaborating out of fear makes the fear come true.'),
      },
      {
        id: 'stelling-2',
        text: t('Stelling 2: Samen beleid ontwikkelen levert bewustere en stevigere bestuurlijke keuzen in je gemeente, en dus meer profiel.', 'Proposition 2: Developing policy together leads to more conscious and firmer governing choices in your municipality, and so more profile.'),
        hint: t('Mits: zelfbewust (weten wat je wilt) en commitment. Wat is je eigen identiteit eigenlijk?', 'Provided: self-aware (knowing what you want) and commitment. What is your own identity, really?'),
      },
      {
        id: 'stelling-3',
        text: t('Stelling 3: De stuurbaarheid van regionale samenwerking is recht evenredig met de lokale bestuurderskracht.', 'Proposition 3: How well regional collaboration can be steered is directly proportional to local governing strength.'),
        hint: t('Onbeheersbaar, je moet meedoen, grote moloch, ver van de gemeente af, 4e bestuurslaag, versus: gebrek aan visie en koers, bestuurderskracht, betrokkenheid managers.', 'Unmanageable, you have to take part, a big moloch, far from the municipality, a fourth tier of government, versus: lack of vision and course, governing strength, managers\u2019 involvement.'),
      },
    ],
    source: seedRef('002', [12, 13, 14]),
  },
  {
    type: 'checklist',
    id: 'goede-samenwerking',
    purpose: 'succesfactoren',
    title: t('Wat is goede samenwerking?', 'What is good collaboration?'),
    items: [
      { id: 'goed-uitgangspunten', text: t('Uitgangspunten bij samenwerking vastleggen', 'Record the principles of the collaboration') },
      { id: 'goed-zelfbewust', text: t('Zelfbewust én omgevingsbewust', 'Self-aware and aware of the surroundings') },
      { id: 'goed-doel', text: t('Gezamenlijk én gemeenschappelijk doel', 'A joint and a common goal') },
      { id: 'goed-vertrouwen', text: t('Samen door een deur: vertrouwen', 'Getting along: trust') },
    ],
    source: seedRef('002', [5]),
  },
  {
    type: 'note',
    id: 'drie-k',
    title: t('Waarom samenwerken: de 3 K\u2019s', 'Why cooperate: the three Ks'),
    text: t(
      'Kwaliteitsversterking; kostenbeheersing/-reductie; (k)continuïteit (minder kwetsbaarheid). Verder: bovenlokale opgaven, bundelen van expertise en middelen, bestuurskracht, voorkomen van herindeling, opgelegde samenwerking. Versterking van gemeenten in de regio: krachtenbundeling, eigen identiteit sterker door samenwerken, van elkaar leren, samen decentralisaties oppakken, samen meer kans op subsidies.',
      'Stronger quality; cost control/reduction; continuity (less vulnerability). Also: supra-local tasks, pooling expertise and means, governing capacity, avoiding a merger, imposed collaboration. Stronger municipalities in the region: joining forces, a stronger own identity through collaboration, learning from each other, taking on decentralisations together, a better chance of subsidies together.',
    ),
    source: seedRef('002', [2, 3, 4]),
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
    'De gemeenten van de Noord-Veluwe met AB, DB, portefeuillehoudersoverleg, secretarissenoverleg en ambtelijk overleg; het besluitvormingsproces in acht stappen, de zes valkuilen met hun remedie en drie stellingen om over te stemmen.',
    'The Noord-Veluwe municipalities with general board, executive board, portfolio holders, secretaries and official consultation; the eight-step decision process and the six pitfalls with their remedies.',
  ),
  seed: '002',
  covers: t(
    'Dia 9–11 (structuur, processchema, gemeenten en organogram transities), dia 15 (valkuilen), dia 12–14 (stellingen), dia 5 (goede samenwerking), dia 2–4, 7 en 16 (3 K\u2019s, beleidsagenda, rol van de raad).',
    'Slides 9–11 (structure, decision process, municipalities and transitions chart), slide 15 (pitfalls), slides 2–3 and 16 (the three Ks, the role of the council).',
  ),
  model,
}
