/**
 * The five regieprestaties (performance fields of regie) from the Delft afwegingskader (seed 004,
 * dia 8 and 12): the "hard core" that must always be filled in for professional regie. A board
 * holds them as a checklist with purpose `regieprestaties`, one item per prestatie pointing to it
 * by `ref`, so the regiecheck can tell which are still empty.
 */
import type { LocalizedText } from './text.ts'

export const REGIEPRESTATIE_IDS = [
  'opgave-afbakenen',
  'overzicht-krijgen',
  'beleidslijnen-uitzetten',
  'samenwerking-organiseren',
  'verantwoording-afleggen',
] as const
export type RegieprestatieId = (typeof REGIEPRESTATIE_IDS)[number]

export interface Regieprestatie {
  readonly id: RegieprestatieId
  readonly label: LocalizedText
}

export const REGIEPRESTATIES: readonly Regieprestatie[] = [
  { id: 'opgave-afbakenen', label: { nl: 'De opgave afbakenen', en: 'Delimiting the task' } },
  { id: 'overzicht-krijgen', label: { nl: 'Overzicht krijgen over de opgave', en: 'Getting an overview of the task' } },
  { id: 'beleidslijnen-uitzetten', label: { nl: 'Beleidslijnen uitzetten voor de opgave', en: 'Setting out policy lines for the task' } },
  { id: 'samenwerking-organiseren', label: { nl: 'Organiseren van samenwerking voor de opgave', en: 'Organising collaboration for the task' } },
  { id: 'verantwoording-afleggen', label: { nl: 'Verantwoording afleggen over de opgave', en: 'Rendering account of the task' } },
]

export function isRegieprestatieId(value: unknown): value is RegieprestatieId {
  return typeof value === 'string' && (REGIEPRESTATIE_IDS as readonly string[]).includes(value)
}
