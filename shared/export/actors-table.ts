/**
 * The actors table: every actor on the board with its kind and numbers, the companion of the
 * arrangements table. Together they import back into the same actors and relations
 * (shared/import/), so a board can travel through a spreadsheet and back.
 */
import { actorKind } from '../regie/actor-kinds.ts'
import type { RegieModel } from '../regie/model.ts'
import type { Locale } from '../regie/text.ts'
import { toCsv, type CsvCell } from './csv.ts'

const HEADER: Readonly<Record<Locale, readonly string[]>> = {
  nl: ['Naam', 'Soort', 'Inwoners', 'fte', 'Toelichting'],
  en: ['Name', 'Kind', 'Residents', 'fte', 'Notes'],
}

/** One row per actor name (cards with the same name are one actor to a spreadsheet), sorted by name. */
export function actorRows(model: RegieModel<string>, locale: Locale): CsvCell[][] {
  const rows = new Map<string, CsvCell[]>()
  for (const actor of model.actors) {
    const kind = actorKind(actor.kind).label[locale]
    const name = actor.name.trim() || kind
    if (rows.has(name)) continue
    const attributes = actor.attributes ?? {}
    rows.set(name, [name, kind, attributes.inwoners ?? '', attributes.fte ?? '', attributes.toelichting?.trim() ?? ''])
  }
  return [...rows.values()].sort((a, b) => String(a[0]).localeCompare(String(b[0]), locale))
}

export function actorsCsv(model: RegieModel<string>, locale: Locale): string {
  return toCsv(HEADER[locale], actorRows(model, locale))
}
