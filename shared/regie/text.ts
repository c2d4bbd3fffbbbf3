/**
 * Text that the product shows in both of its languages. Dutch is the default locale: the domain's
 * own words (regisseur, kaderstelling, gemeenschappelijke regeling) are Dutch, and English is the
 * second locale for partners and readers who do not read Dutch.
 */
export const LOCALES = ['nl', 'en'] as const
export type Locale = (typeof LOCALES)[number]

export interface LocalizedText {
  readonly nl: string
  readonly en: string
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}
