/**
 * What a template is: a bilingual regie model plus what a picker shows about it. Templates are
 * data (actors, relations, groups, blocks), never coordinates: the layout places them, so the
 * same template fits any card size and the same layout tidies boards that users drew themselves.
 */
import type { RegieModel } from '../regie/model.ts'
import type { SourceRef, SeedId } from '../regie/source.ts'
import type { LocalizedText } from '../regie/text.ts'

export const TEMPLATE_IDS = [
  'regiegemeente-bar',
  'organisatienetwerk-drechtsteden',
  'regio-noord-veluwe',
  'bel-combinatie',
  'afwegingskader-regievoering',
  'co-creatie-co-productie-uitbesteding',
] as const
export type TemplateId = (typeof TEMPLATE_IDS)[number]

export interface RegieTemplate {
  readonly id: TemplateId
  readonly title: LocalizedText
  readonly description: LocalizedText
  readonly seed: SeedId
  /** What the template takes from its seed, for the picker and for reviewers. */
  readonly covers: LocalizedText
  readonly model: RegieModel<LocalizedText>
}

export function isTemplateId(value: unknown): value is TemplateId {
  return typeof value === 'string' && (TEMPLATE_IDS as readonly string[]).includes(value)
}

/** Shorthand for template authors: bilingual text. */
export function t(nl: string, en: string): LocalizedText {
  return { nl, en }
}

/** Shorthand for template authors: where a piece of content comes from. */
export function seedRef(seed: SeedId, slides: readonly number[]): SourceRef {
  return { seed, slides }
}

/**
 * Shorthand for template authors: marks an element the seed does not state. The Dutch text says
 * what is assumed and why, in words a facilitator can read out ("de bronpresentatie noemt …").
 * Spread it into the element: `{ ...assumed('…', '…') }`; `assumed(undefined)` marks nothing.
 */
export function assumed(text: LocalizedText | undefined): { aanname?: LocalizedText } {
  return text === undefined ? {} : { aanname: text }
}
