/**
 * The templates a board can start from, in the order a picker shows them. `templateSummaries`
 * is what a future `GET /api/templates` returns; `templateModel` what creating a board from a
 * template puts on it, in the board's language.
 */
import { localizeModel } from '../regie/localize.ts'
import type { RegieModel } from '../regie/model.ts'
import type { SeedId } from '../regie/source.ts'
import type { Locale, LocalizedText } from '../regie/text.ts'
import { afwegingskaderRegievoering } from './afwegingskader-regievoering.ts'
import { belCombinatie } from './bel-combinatie.ts'
import { coCreatieCoProductieUitbesteding } from './co-creatie-co-productie-uitbesteding.ts'
import { organisatienetwerkDrechtsteden } from './organisatienetwerk-drechtsteden.ts'
import { regiegemeenteBar } from './regiegemeente-bar.ts'
import { regioNoordVeluwe } from './regio-noord-veluwe.ts'
import { SEEDS } from './seeds.ts'
import type { RegieTemplate, TemplateId } from './template.ts'

export { TEMPLATE_IDS, type RegieTemplate, type TemplateId } from './template.ts'

export const TEMPLATES: readonly RegieTemplate[] = [
  regiegemeenteBar,
  organisatienetwerkDrechtsteden,
  regioNoordVeluwe,
  belCombinatie,
  afwegingskaderRegievoering,
  coCreatieCoProductieUitbesteding,
]

export interface TemplateSummary {
  readonly id: TemplateId
  readonly title: LocalizedText
  readonly description: LocalizedText
  readonly seed: { readonly id: SeedId; readonly file: string; readonly title: string }
  readonly covers: LocalizedText
}

export function templateSummaries(): TemplateSummary[] {
  return TEMPLATES.map(({ id, title, description, seed, covers }) => ({
    id,
    title,
    description,
    seed: { id: seed, file: SEEDS[seed].file, title: SEEDS[seed].title },
    covers,
  }))
}

export function getTemplate(id: TemplateId): RegieTemplate {
  const template = TEMPLATES.find((candidate) => candidate.id === id)
  // TEMPLATES holds every TemplateId (a test checks it), so this only fires if that test fails.
  if (!template) throw new Error(`template ${id} is not registered`)
  return template
}

/** The model a new board from this template starts with, in the board's language. */
export function templateModel(id: TemplateId, locale: Locale): RegieModel<string> {
  return localizeModel(getTemplate(id).model, locale)
}
