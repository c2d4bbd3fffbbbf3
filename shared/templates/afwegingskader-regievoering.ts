/**
 * Template "Afwegingskader regievoering".
 *
 * Seed 004 (`004_420b065a5071702a.txt`, "Regievoering door gemeente Delft", Commissie M&E,
 * 13 september 2012; afwegingskader by Igno Pröpper, Partners + Pröpper). Takes from it:
 * - dia 10–11: the three parts of the framework — A. verkenning van de situatie (two questions),
 *   B. analyse van de voorwaarden (voorwaarden voor vastzetten, aanwijzingen voor vastzetten,
 *   aanwijzingen voor loslaten), C. waar kiest de raad voor (vastzetten or loslaten, how far,
 *   which regietype, which proceskader for the college) — as areas with questions to answer;
 * - dia 8 and 12: the five regieprestaties, the hard core that must always be filled in — as the
 *   central checklist, which the regiecheck reads;
 * - dia 2–7: the actors (Rekenkamer, raad, college, partners in strategic collaboration), the
 *   four cases and the conclusions — as notes.
 *
 * - dia 7–8: the four aanbevelingen — as a checklist; dia 8: the opgave every regieprestatie
 *   refers to — as an opgave card to fill in.
 *
 * Not in the seed, marked on the board as an "aanname" (see docs/seed-review.md):
 * - The poster with the content of part B is not in the transcript, so each list of B starts
 *   with one open question instead of the poster's indications.
 * - Partners + Pröpper is drawn as adviser to the Rekenkamer, whose study it carried out.
 * The seed names no regietypes ("een repertoire aan verschillende regietypen"), so C asks for one
 * without offering a list. On a fresh board the regiecheck asks for the five regieprestaties
 * (fout: they must always be filled in) and for the open questions of A and C (let op).
 */
import type { RegieActor, RegieBlock, RegieGroup, RegieModel, RegieRelation } from '../regie/model.ts'
import { REGIEPRESTATIES } from '../regie/regieprestaties.ts'
import type { LocalizedText } from '../regie/text.ts'
import { seedRef, t, type RegieTemplate } from './template.ts'

const POSTER_NOT_IN_SEED = t(
  'De poster met de inhoud van deel B staat niet in de bronpresentatie; daarom per lijst één open vraag.',
  'The poster with the content of part B is not in the source presentation; hence one open question per list.',
)

const actors: RegieActor<LocalizedText>[] = [
  {
    id: 'raad',
    kind: 'gemeenteraad',
    name: t('Gemeenteraad Delft', 'Delft municipal council'),
    group: 'betrokkenen',
    attributes: {
      rollen: [
        t('Kiest per strategische samenwerking: vastzetten of loslaten (C)', 'Chooses for each strategic collaboration: fix down or let go (C)'),
        t('Politieke sturing en controle op strategische samenwerking', 'Political steering and scrutiny of strategic collaboration'),
      ],
    },
    source: seedRef('004', [3, 10, 11]),
  },
  {
    id: 'college',
    kind: 'college',
    name: t('College van B&W Delft', 'Delft executive (B&W)'),
    group: 'betrokkenen',
    attributes: { rollen: [t('Voert regie op strategische samenwerking, binnen het proceskader van de raad', "Directs strategic collaboration, within the council's process frame")] },
    source: seedRef('004', [4, 8, 11]),
  },
  {
    id: 'rekenkamer',
    kind: 'rekenkamer',
    name: t('Rekenkamer Delft', 'Delft audit office'),
    group: 'betrokkenen',
    attributes: { rollen: [t('Onderzoek naar regievoering, in nauw samenspel met de raad', 'Study of regie, in close interplay with the council')] },
    source: seedRef('004', [2, 5]),
  },
  {
    id: 'onderzoeksbureau',
    kind: 'extern-adviseur',
    name: t('Partners + Pröpper (onderzoeksbureau)', 'Partners + Pröpper (research firm)'),
    group: 'betrokkenen',
    attributes: { rollen: [t('Auteur van het afwegingskader regievoering (Igno Pröpper)', 'Author of the regie framework (Igno Pröpper)')] },
    source: seedRef('004', [9]),
  },
  {
    id: 'partners',
    kind: 'maatschappelijke-organisatie',
    name: t('Partijen in de samenleving', 'Parties in society'),
    group: 'betrokkenen',
    attributes: { rollen: [t('Partner in strategische samenwerking', 'Partner in strategic collaboration')] },
    source: seedRef('004', [4, 7]),
  },
  {
    id: 'opgave',
    kind: 'opgave',
    name: t('De opgave (nog invullen)', 'The task (to be filled in)'),
    group: 'betrokkenen',
    placeholder: true,
    attributes: {
      toelichting: t(
        'Een concrete opgave waaraan de gemeente werkt, zoals een van de vier leerzame voorbeelden. Elke regieprestatie gaat over deze opgave.',
        'A concrete task the municipality works on, such as one of the four instructive examples. Every regie performance is about this task.',
      ),
    },
    source: seedRef('004', [5, 8]),
  },
]

const relations: RegieRelation<LocalizedText>[] = [
  { id: 'raad-college', kind: 'kaderstelling', from: 'raad', to: 'college', label: t('Proceskader dat het college wordt meegegeven', 'Process frame given to the executive'), source: seedRef('004', [11]) },
  { id: 'college-raad', kind: 'verantwoording', from: 'college', to: 'raad', label: t('Verantwoording afleggen over de opgave', 'Rendering account of the task'), source: seedRef('004', [3, 8]) },
  { id: 'rekenkamer-raad', kind: 'advies', from: 'rekenkamer', to: 'raad', label: t('Onderzoek en aanbevelingen', 'Study and recommendations'), source: seedRef('004', [2, 7]) },
  { id: 'onderzoeksbureau-rekenkamer', kind: 'advies', from: 'onderzoeksbureau', to: 'rekenkamer', label: t('Afwegingskader regievoering', 'Regie framework'), source: seedRef('004', [9]), aanname: t('De bronpresentatie toont het afwegingskader van Partners + Pröpper binnen het onderzoek van de Rekenkamer; getekend als advies aan de Rekenkamer.', 'The source presentation shows the framework by Partners + Pröpper within the audit office study; drawn as advice to the audit office.') },
  { id: 'college-partners', kind: 'samenwerking', from: 'college', to: 'partners', label: t('Strategische samenwerking — regietype volgt uit de keuze van de raad (C)', "Strategic collaboration — regie type follows from the council's choice (C)"), source: seedRef('004', [2, 11]) },
]

const groups: RegieGroup<LocalizedText>[] = [
  { id: 'deel-a', kind: 'area', title: t('A. Verkenning van de situatie', 'A. Exploring the situation'), source: seedRef('004', [10, 11]) },
  { id: 'deel-b', kind: 'area', title: t('B. Analyse van de voorwaarden: wanneer bereikt het bestuur meer?', 'B. Analysing the conditions: when does the government achieve more?'), after: 'deel-a', source: seedRef('004', [10, 11]) },
  { id: 'deel-c', kind: 'area', title: t('C. Waar kiest de raad voor?', 'C. What does the council choose?'), after: 'deel-b', source: seedRef('004', [10, 11]) },
  { id: 'betrokkenen', kind: 'area', title: t('Betrokkenen', 'Parties involved'), source: seedRef('004', [2, 3, 9]) },
]

const bList = (id: string, title: LocalizedText, question: LocalizedText): RegieBlock<LocalizedText> => ({
  type: 'checklist',
  id,
  purpose: 'vragen',
  group: 'deel-b',
  title,
  items: [{ id: `${id}-1`, text: question, hint: t('Vul in tijdens de sessie.', 'Fill in during the session.') }],
  source: seedRef('004', [11]),
  aanname: POSTER_NOT_IN_SEED,
})

const blocks: RegieBlock<LocalizedText>[] = [
  {
    type: 'checklist',
    id: 'vragen-a',
    purpose: 'vragen',
    group: 'deel-a',
    title: t('Wat is de situatie?', 'What is the situation?'),
    items: [
      { id: 'vraag-a-taak', ref: 'a-taak', text: t('Is het een taak voor het gemeentebestuur?', 'Is it a task for the municipal government?') },
      { id: 'vraag-a-samenwerking', ref: 'a-samenwerking', text: t('Is het gemeentebestuur aangewezen op strategische samenwerking?', 'Does the municipal government depend on strategic collaboration?') },
    ],
    source: seedRef('004', [10, 11]),
  },
  bList('voorwaarden-vastzetten', t('Voorwaarden voor vastzetten', 'Conditions for fixing down'), t('Welke voorwaarden voor vastzetten zijn er?', 'Which conditions for fixing down are there?')),
  bList('aanwijzingen-vastzetten', t('Aanwijzingen voor vastzetten', 'Indications for fixing down'), t('Wat wijst erop dat het bestuur meer bereikt door vast te zetten?', 'What indicates that the government achieves more by fixing down?')),
  bList('aanwijzingen-loslaten', t('Aanwijzingen voor loslaten', 'Indications for letting go'), t('Wat wijst erop dat het bestuur meer bereikt door los te laten?', 'What indicates that the government achieves more by letting go?')),
  {
    type: 'checklist',
    id: 'vragen-c',
    purpose: 'vragen',
    group: 'deel-c',
    title: t('Keuze van de raad: vastzetten of loslaten?', "The council's choice: fix down or let go?"),
    items: [
      { id: 'vraag-c-kenmerken', ref: 'c-kenmerken', text: t('Wat zijn de cruciale kenmerken van de situatie die maken dat de raad wil loslaten of vastzetten (zie A en B)?', 'What are the crucial features of the situation that make the council want to let go or fix down (see A and B)?') },
      { id: 'vraag-c-hoe-ver', ref: 'c-hoe-ver', text: t('Hoe ver gaat de raad bij het vastzetten van bepaalde zaken?', 'How far does the council go in fixing certain things down?') },
      { id: 'vraag-c-regietype', ref: 'c-regietype', text: t('Welk regietype past daarbij?', 'Which regie type fits?'), hint: t('De bronpresentatie noemt een repertoire van regietypen, maar somt ze niet op.', 'The source presentation mentions a repertoire of regie types but does not list them.') },
      { id: 'vraag-c-proceskader', ref: 'c-proceskader', text: t('Welk proceskader wordt het college meegegeven?', 'Which process frame is given to the executive?') },
    ],
    source: seedRef('004', [10, 11]),
  },
  {
    // Placed after A, beside B, so the layout puts the hard core in the middle column as the poster does.
    type: 'checklist',
    id: 'regieprestaties',
    purpose: 'regieprestaties',
    after: 'deel-a',
    title: t('De harde kern: vijf regieprestaties (altijd invullen)', 'The hard core: five regie performances (always fill in)'),
    items: REGIEPRESTATIES.map((prestatie) => ({ id: `prestatie-${prestatie.id}`, ref: prestatie.id, text: prestatie.label })),
    source: seedRef('004', [8, 12]),
  },
  {
    type: 'checklist',
    id: 'aanbevelingen',
    purpose: 'aanbevelingen',
    title: t('Aanbevelingen van de Rekenkamer', 'Recommendations of the audit office'),
    items: [
      { id: 'aanbeveling-1', text: t('Raad en college: investeer in gemeenschappelijke beeldvorming over het regieconcept', 'Council and executive: invest in a shared picture of the regie concept') },
      { id: 'aanbeveling-2', text: t('Raad en college: organiseer die beeldvorming met maatregelen, vooral door het afwegingskader toe te passen', 'Council and executive: organise that picture with measures, above all by applying the framework') },
      { id: 'aanbeveling-3', text: t('College en ambtelijke organisatie: werk toe naar een opgavengestuurde organisatie', 'Executive and civil service: work towards an organisation steered by tasks') },
      { id: 'aanbeveling-4', text: t('College en ambtelijke organisatie: investeer in de kwaliteit van regie aan de hand van de vijf prestatievelden', 'Executive and civil service: invest in the quality of regie along the five performance fields') },
    ],
    source: seedRef('004', [7, 8]),
  },
  {
    type: 'note',
    id: 'voorbeelden',
    title: t('Vier leerzame voorbeelden', 'Four instructive examples'),
    text: t('Pact tegen Armoede; Poptahof; integrale zorg, afgebakend op preventieve jeugdzorg; Duurzaam Delft Dreamteam.', 'Pact against Poverty; Poptahof; integrated care, narrowed to preventive youth care; Sustainable Delft Dream Team.'),
    source: seedRef('004', [5]),
  },
  {
    type: 'note',
    id: 'conclusies',
    title: t('Conclusies van het onderzoek', 'Conclusions of the study'),
    text: t(
      'Er is nog geen gedeelde opvatting over regie; de gemeente voert regie met een repertoire aan regietypen; er is geen maatstaf voor de kwaliteit van regievoering; regievoering loont; de raad speelt nagenoeg geen rol en stuurt niet op regievoering; raadsleden hebben behoefte aan een afwegingskader.',
      'There is no shared view of regie yet; the municipality directs with a repertoire of regie types; there is no yardstick for the quality of regie; regie pays off; the council plays almost no role and does not steer on regie; council members need a framework to weigh it.',
    ),
    source: seedRef('004', [6]),
  },
]

const model: RegieModel<LocalizedText> = { actors, relations, groups, blocks }

export const afwegingskaderRegievoering: RegieTemplate = {
  id: 'afwegingskader-regievoering',
  title: t('Afwegingskader regievoering', 'Framework for weighing regie'),
  description: t(
    'Het afwegingskader voor de raad bij strategische samenwerking: A. verkenning, B. analyse (vastzetten of loslaten), C. keuze van de raad, met de vijf regieprestaties als harde kern die altijd moet worden ingevuld.',
    "The council's framework for weighing strategic collaboration: A. exploration, B. analysis (fix down or let go), C. the council's choice, with the five regie performances as the hard core that must always be filled in.",
  ),
  seed: '004',
  covers: t(
    'Dia 10–12 (afwegingskader A, B, C en de harde kern), dia 8 (vijf prestatievelden en de opgave), dia 2–7 (betrokkenen, voorbeelden, conclusies, aanbevelingen). De inhoud van de poster bij B staat niet in de bronpresentatie.',
    'Slides 10–12 (framework A, B, C and the hard core), slide 8 (five performance fields and the task), slides 2–7 (parties, examples, conclusions, recommendations). The poster content for B is not in the source presentation.',
  ),
  model,
}
