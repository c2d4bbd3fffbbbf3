/**
 * Template "Co-creatie · co-productie · uitbesteding": an empty map to start from.
 *
 * Seed 000 (`000_04f56c332ddaeebb.txt`, dia 6): the three vital processes of a regiegemeente.
 * The template takes only their definitions: one lane per process, each explaining itself, and a
 * legend of the relation kinds one draws there. It has no actors; the workshop adds them.
 */
import type { RegieBlock, RegieGroup, RegieModel } from '../regie/model.ts'
import { relationKind, VITAL_PROCESS_KINDS } from '../regie/relation-kinds.ts'
import type { LocalizedText } from '../regie/text.ts'
import { seedRef, t, type RegieTemplate } from './template.ts'

const groups: RegieGroup<LocalizedText>[] = VITAL_PROCESS_KINDS.map((kind) => ({
  id: `baan-${kind}`,
  kind: 'lane',
  title: relationKind(kind).label,
  source: seedRef('000', [6]),
}))

const PROMPTS: Readonly<Record<(typeof VITAL_PROCESS_KINDS)[number], LocalizedText>> = {
  'co-creatie': t('Met wie bereidt de gemeente hier beleid voor?', 'With whom does the municipality prepare policy here?'),
  'co-productie': t('Met wie realiseert de gemeente hier haar doelen?', 'With whom does the municipality realise its goals here?'),
  uitbesteding: t('Wie voert uit, wie is opdrachtgever, en in welke RAD staat het resultaat?', 'Who carries it out, who commissions it, and which RAD records the result?'),
}

const blocks: RegieBlock<LocalizedText>[] = [
  ...VITAL_PROCESS_KINDS.map((kind): RegieBlock<LocalizedText> => ({
    type: 'note',
    id: `uitleg-${kind}`,
    group: `baan-${kind}`,
    title: PROMPTS[kind],
    text: relationKind(kind).explanation,
    source: seedRef('000', [6]),
  })),
  {
    type: 'legend',
    id: 'legenda',
    title: t('Legenda', 'Legend'),
    actorKinds: ['gemeente', 'regieteam', 'inwoners', 'maatschappelijke-organisatie', 'bedrijf', 'uitvoeringsorganisatie'],
    relationKinds: [...VITAL_PROCESS_KINDS, 'opdrachtgeverschap'],
  },
]

const model: RegieModel<LocalizedText> = { actors: [], relations: [], groups, blocks }

export const coCreatieCoProductieUitbesteding: RegieTemplate = {
  id: 'co-creatie-co-productie-uitbesteding',
  title: t('Co-creatie · co-productie · uitbesteding', 'Co-creation · co-production · outsourcing'),
  description: t(
    'Een lege kaart met drie banen, één per vitaal proces van de regiegemeente, en een legenda. Zet erop wie met wie beleid voorbereidt, doelen realiseert en taken uitvoert.',
    'An empty map with three lanes, one per vital process of the regie municipality, and a legend. Put on it who prepares policy, realises goals and carries out tasks with whom.',
  ),
  seed: '000',
  covers: t('Dia 6: de definities van de drie vitale processen.', 'Slide 6: the definitions of the three vital processes.'),
  model,
}
