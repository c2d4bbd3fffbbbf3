/**
 * The columns the import understands, with the headers people use for them in Dutch and English.
 * The first name of each list is the header our own exports write (shared/export/export-text.ts),
 * so an exported file always reads back.
 */
import { normalizeWord } from './normalize.ts'

export const ARRANGEMENT_COLUMNS = ['from', 'kind', 'to', 'label', 'commissioner', 'rad'] as const
export type ArrangementColumn = (typeof ARRANGEMENT_COLUMNS)[number]

export const ACTOR_COLUMNS = ['name', 'kind', 'inwoners', 'fte', 'notes'] as const
export type ActorColumn = (typeof ACTOR_COLUMNS)[number]

const ARRANGEMENT_HEADERS: Readonly<Record<ArrangementColumn, readonly string[]>> = {
  from: ['Actor A', 'Partij A', 'Van', 'From', 'Party A', 'Actor 1'],
  kind: ['Relatie', 'Relation', 'Soort relatie', 'Relatiesoort', 'Relation kind', 'Relation type', 'Soort', 'Kind', 'Type'],
  to: ['Actor B', 'Partij B', 'Naar', 'To', 'Party B', 'Actor 2'],
  label: ['Label', 'Omschrijving', 'Regeling', 'Naam regeling', 'Description', 'Arrangement'],
  commissioner: ['Opdrachtgever', 'Commissioner', 'Client'],
  rad: ['RAD-referentie', 'RAD reference', 'RAD', 'RAD / DVO', 'DVO', 'Resultaatafspraak', 'Result agreement'],
}

const ACTOR_HEADERS: Readonly<Record<ActorColumn, readonly string[]>> = {
  name: ['Naam', 'Name', 'Actor', 'Organisatie', 'Organisation', 'Organization'],
  kind: ['Soort', 'Kind', 'Type', 'Soort actor', 'Actor kind'],
  inwoners: ['Inwoners', 'Residents', 'Inhabitants', 'Population', 'Aantal inwoners'],
  fte: ['fte', 'FTE', 'Formatie', 'Staff'],
  notes: ['Toelichting', 'Notities', 'Notes', 'Opmerkingen', 'Remarks', 'Note', 'Notitie'],
}

/** The header a problem names for a column, in the language of the file's own headers. */
export function columnName(column: ArrangementColumn | ActorColumn, sheet: 'arrangements' | 'actors'): string {
  return sheet === 'arrangements' ? ARRANGEMENT_HEADERS[column as ArrangementColumn][0]! : ACTOR_HEADERS[column as ActorColumn][0]!
}

export type ColumnMap<C extends string> = Partial<Record<C, number>>

function mapHeaders<C extends string>(header: readonly string[], known: Readonly<Record<C, readonly string[]>>): ColumnMap<C> {
  const map: ColumnMap<C> = {}
  const taken = new Set<number>()
  // Columns in order, each taking the first header that names it; a header names one column.
  for (const [column, names] of Object.entries(known) as [C, readonly string[]][]) {
    const wanted = new Set(names.map(normalizeWord))
    const index = header.findIndex((cell, i) => !taken.has(i) && wanted.has(normalizeWord(cell)))
    if (index >= 0) {
      map[column] = index
      taken.add(index)
    }
  }
  return map
}

export function arrangementColumns(header: readonly string[]): ColumnMap<ArrangementColumn> {
  return mapHeaders(header, ARRANGEMENT_HEADERS)
}

export function actorColumns(header: readonly string[]): ColumnMap<ActorColumn> {
  return mapHeaders(header, ACTOR_HEADERS)
}

export const REQUIRED_ARRANGEMENT_COLUMNS = ['from', 'kind', 'to'] as const satisfies readonly ArrangementColumn[]
export const REQUIRED_ACTOR_COLUMNS = ['name'] as const satisfies readonly ActorColumn[]

/** What a sheet holds, judged by its header: arrangements need A, relation and B; actors a name. */
export function sheetKind(header: readonly string[]): 'arrangements' | 'actors' | null {
  const arrangements = arrangementColumns(header)
  if (REQUIRED_ARRANGEMENT_COLUMNS.every((column) => arrangements[column] !== undefined)) return 'arrangements'
  const actors = actorColumns(header)
  if (REQUIRED_ACTOR_COLUMNS.every((column) => actors[column] !== undefined)) return 'actors'
  return null
}
