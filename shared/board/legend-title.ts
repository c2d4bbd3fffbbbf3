/**
 * A legend's title as a reader sees it. A board keeps the title it was made with, in the board's
 * language; the default one ("Legenda", "Legend") is shown in the reader's language instead, like
 * the legend's rows, while a title someone wrote stays as written.
 */
import { LOCALES, type Locale } from '../regie/text.ts'

export const LEGEND_TITLE: Readonly<Record<Locale, string>> = { nl: 'Legenda', en: 'Legend' }

export function legendTitleFor(title: string, locale: Locale): string {
  const written = title.trim()
  return written === '' || LOCALES.some((each) => LEGEND_TITLE[each] === written) ? LEGEND_TITLE[locale] : title
}
