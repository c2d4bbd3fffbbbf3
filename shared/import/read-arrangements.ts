/**
 * Reads arrangement sheets (and an optional actors sheet) into what the preview shows: the actors
 * and relations understood, the rows that could not be read and why, and the kind words nobody
 * recognised, so the user can say what they mean before anything is imported.
 *
 * Pure and synchronous: the browser runs it for the preview, the server never trusts it (the
 * server checks the payload built from it, see payload.ts).
 */
import { isActorKindId, type ActorKindId } from '../regie/actor-kinds.ts'
import { carriesAttribute, type RelationKindId } from '../regie/relation-kinds.ts'
import type { LocalizedText } from '../regie/text.ts'
import {
  actorColumns,
  arrangementColumns,
  columnName,
  REQUIRED_ARRANGEMENT_COLUMNS,
  sheetKind,
  type ActorColumn,
  type ArrangementColumn,
  type ColumnMap,
} from './headers.ts'
import { guessActorKind, matchActorKind, matchRelationKind } from './kind-match.ts'
import { normalizeWord } from './normalize.ts'
import { cellText, isEmptyRow, type ImportCell, type ImportSheet } from './table.ts'
import { IMPORT_LIMITS } from './limits.ts'

export type ProblemSeverity = 'error' | 'warning'

/** One thing in the file the import could not take as it stands. */
export interface ImportProblem {
  readonly severity: ProblemSeverity
  readonly sheet: string
  /** Row number as the spreadsheet shows it (the header is row 1 when it is the first line); 0 for the file as a whole. */
  readonly row: number
  readonly column: string | null
  readonly value: string
  readonly message: LocalizedText
}

/**
 * Where an actor's kind came from: its own cell in the actors sheet, a word in its name, the
 * fallback (a plain place name is most often a municipality), or the user's choice. `null` kind:
 * the actors sheet names a kind nobody recognises, which the user has to choose.
 */
export type KindSource = 'sheet' | 'guessed' | 'default' | 'chosen'

export interface ImportedActor {
  /** Names compare without case, accents or spacing: the key. */
  readonly key: string
  readonly name: string
  readonly kind: ActorKindId | null
  readonly kindSource: KindSource
  /** What the actors sheet said the kind was ('' when it said nothing). */
  readonly kindText: string
  readonly inwoners?: number
  readonly fte?: number
  readonly notes?: string
}

export interface ImportedRelation {
  readonly sheet: string
  readonly row: number
  readonly from: string
  readonly to: string
  readonly kind: RelationKindId | null
  /** The kind as written in the file. */
  readonly kindText: string
  readonly label: string
  /** Names of opdrachtgevers (the export joins several with ", "). */
  readonly commissioners: readonly string[]
  readonly rad: string
}

export interface UnknownKind {
  readonly text: string
  /** Rows (relations) or actor names (actors) that use it. */
  readonly rows: readonly number[]
}

export interface ArrangementsPreview {
  readonly actors: readonly ImportedActor[]
  readonly relations: readonly ImportedRelation[]
  readonly problems: readonly ImportProblem[]
  /** Data rows read, empty rows not counted. */
  readonly rowsRead: number
  readonly sheets: { readonly arrangements: string | null; readonly actors: string | null }
}

const t = (nl: string, en: string): LocalizedText => ({ nl, en })

/** A formula that arrives as text (from a CSV) has no value the import could use. */
const FORMULA = /^=/
/** Our CSV export puts a `'` before text that looks like a formula; reading it back takes it off. */
const ESCAPED_FORMULA = /^'(?=[=+\-@\t\r])/

function text(cell: ImportCell): string {
  return cellText(cell).replace(ESCAPED_FORMULA, '')
}

interface Sheets {
  arrangements: ImportSheet | null
  actors: ImportSheet | null
  problems: ImportProblem[]
}

/** Finds which sheet holds what by its header row; sheets that are neither are reported. */
function classify(sheets: readonly ImportSheet[]): Sheets {
  const result: Sheets = { arrangements: null, actors: null, problems: [] }
  for (const sheet of sheets) {
    const headerIndex = sheet.rows.findIndex((row) => !isEmptyRow(row))
    if (headerIndex < 0) continue
    const header = sheet.rows[headerIndex]!.map(text)
    const kind = sheetKind(header)
    if (kind && !result[kind]) {
      result[kind] = sheet
    } else if (!kind) {
      result.problems.push({
        severity: 'warning',
        sheet: sheet.name,
        row: headerIndex + 1,
        column: null,
        value: header.filter(Boolean).join(' · '),
        message: t(
          'Dit blad heeft niet de kolommen van regelingen (Actor A, Relatie, Actor B) of van actoren (Naam, Soort); het is overgeslagen.',
          'This sheet has neither the columns of arrangements (Actor A, Relation, Actor B) nor of actors (Name, Kind); it was skipped.',
        ),
      })
    }
  }
  return result
}

export function readArrangements(sheets: readonly ImportSheet[]): ArrangementsPreview {
  const classified = classify(sheets)
  const problems = [...classified.problems]
  if (!classified.arrangements) {
    problems.push({
      severity: 'error',
      sheet: sheets[0]?.name ?? '',
      row: 0,
      column: null,
      value: '',
      message: t(
        `Geen blad met regelingen gevonden. De eerste rij moet de kolommen ${REQUIRED_ARRANGEMENT_COLUMNS.map((c) => columnName(c, 'arrangements')).join(', ')} hebben (of From, Relation, To).`,
        'No sheet of arrangements found. Its first row must have the columns Actor A, Relation, Actor B (or From, Relation, To).',
      ),
    })
    return { actors: [], relations: [], problems, rowsRead: 0, sheets: { arrangements: null, actors: classified.actors?.name ?? null } }
  }
  const actors = new ActorList()
  let rowsRead = 0
  if (classified.actors) rowsRead += readActorSheet(classified.actors, actors, problems)
  const relations: ImportedRelation[] = []
  rowsRead += readArrangementSheet(classified.arrangements, actors, relations, problems)
  return {
    actors: actors.all(),
    relations,
    problems,
    rowsRead,
    sheets: { arrangements: classified.arrangements.name, actors: classified.actors?.name ?? null },
  }
}

class ActorList {
  private readonly byKey = new Map<string, ImportedActor>()

  get(name: string): ImportedActor | undefined {
    return this.byKey.get(normalizeWord(name))
  }

  add(actor: Omit<ImportedActor, 'key'>): ImportedActor {
    const key = normalizeWord(actor.name)
    const added = { key, ...actor }
    this.byKey.set(key, added)
    return added
  }

  /** An actor only the arrangements name: its kind guessed from its name. */
  ensure(name: string): ImportedActor {
    const existing = this.get(name)
    if (existing) return existing
    const guess = guessActorKind(name)
    return this.add({ name, kind: guess ?? 'gemeente', kindSource: guess ? 'guessed' : 'default', kindText: '' })
  }

  all(): ImportedActor[] {
    return [...this.byKey.values()]
  }
}

function cell<C extends string>(row: readonly ImportCell[], columns: ColumnMap<C>, column: C): string {
  const index = columns[column]
  return index === undefined ? '' : text(row[index])
}

function readActorSheet(sheet: ImportSheet, actors: ActorList, problems: ImportProblem[]): number {
  const headerIndex = sheet.rows.findIndex((row) => !isEmptyRow(row))
  const columns = actorColumns(sheet.rows[headerIndex]!.map(text))
  const at = (row: number, column: ActorColumn, value: string, severity: ProblemSeverity, message: LocalizedText) =>
    problems.push({ severity, sheet: sheet.name, row, column: columnName(column, 'actors'), value, message })
  let read = 0
  for (let i = headerIndex + 1; i < sheet.rows.length; i++) {
    const raw = sheet.rows[i]!
    if (isEmptyRow(raw)) continue
    read++
    const rowNumber = i + 1
    const name = cell(raw, columns, 'name')
    if (!validName(name, (message) => at(rowNumber, 'name', name, 'error', message))) continue
    if (actors.get(name)) {
      at(rowNumber, 'name', name, 'warning', t('Deze naam staat al eerder in de lijst van actoren; alleen de eerste is overgenomen.', 'This name is listed earlier among the actors; only the first was taken.'))
      continue
    }
    const kindText = cell(raw, columns, 'kind')
    const matched = kindText ? matchActorKind(kindText) : null
    const guess = kindText ? null : guessActorKind(name)
    const inwoners = numberCell(raw, columns, 'inwoners', true, (value, message) => at(rowNumber, 'inwoners', value, 'warning', message))
    const fte = numberCell(raw, columns, 'fte', false, (value, message) => at(rowNumber, 'fte', value, 'warning', message))
    const notes = cell(raw, columns, 'notes').slice(0, IMPORT_LIMITS.maxTextLength)
    actors.add({
      name,
      kind: kindText ? matched : (guess ?? 'gemeente'),
      kindSource: kindText ? 'sheet' : guess ? 'guessed' : 'default',
      kindText,
      ...(inwoners !== undefined && { inwoners }),
      ...(fte !== undefined && { fte }),
      ...(notes && { notes }),
    })
  }
  return read
}

/** Checks a name cell; false (after reporting why) when it cannot be a name. */
function validName(name: string, report: (message: LocalizedText) => void): boolean {
  if (name === '') {
    report(t('De naam is leeg.', 'The name is empty.'))
    return false
  }
  if (FORMULA.test(name)) {
    report(t('Hier staat een formule in plaats van een naam. Sla het bestand op met de uitkomsten (of kopieer en plak als waarden).', 'This is a formula, not a name. Save the file with the results (or copy and paste as values).'))
    return false
  }
  if (name.length > IMPORT_LIMITS.maxNameLength) {
    report(t(`De naam is langer dan ${IMPORT_LIMITS.maxNameLength} tekens.`, `The name is longer than ${IMPORT_LIMITS.maxNameLength} characters.`))
    return false
  }
  return true
}

/** Dutch and English ways of writing numbers: 25.000, 25 000, 25,000 (thousands) and 12,5 (decimal). */
export function parseNumber(value: string, integer: boolean): number | null {
  const compact = value.replace(/[\s\u00a0\u202f]/g, '')
  if (compact === '') return null
  let normalized: string
  if (/^\d{1,3}([.,]\d{3})+$/.test(compact) && (integer || /^\d{1,3}(\.\d{3})+$/.test(compact))) normalized = compact.replace(/[.,]/g, '')
  else normalized = compact.replace(',', '.')
  if (!/^\d+(\.\d+)?$/.test(normalized)) return null
  const number = Number(normalized)
  if (!Number.isFinite(number) || number > 1e9) return null
  return integer ? Math.round(number) : number
}

function numberCell(
  row: readonly ImportCell[],
  columns: ColumnMap<ActorColumn>,
  column: 'inwoners' | 'fte',
  integer: boolean,
  report: (value: string, message: LocalizedText) => void,
): number | undefined {
  const index = columns[column]
  if (index === undefined) return undefined
  const raw = row[index]
  if (typeof raw === 'number' && Number.isFinite(raw) && raw >= 0) return integer ? Math.round(raw) : raw
  const value = text(raw)
  if (value === '') return undefined
  const parsed = parseNumber(value, integer)
  if (parsed === null) {
    report(value, t('Dit is geen getal; het is weggelaten.', 'This is not a number; it was left out.'))
    return undefined
  }
  return parsed
}

function readArrangementSheet(sheet: ImportSheet, actors: ActorList, relations: ImportedRelation[], problems: ImportProblem[]): number {
  const headerIndex = sheet.rows.findIndex((row) => !isEmptyRow(row))
  const columns = arrangementColumns(sheet.rows[headerIndex]!.map(text))
  let read = 0
  for (let i = headerIndex + 1; i < sheet.rows.length; i++) {
    const raw = sheet.rows[i]!
    if (isEmptyRow(raw)) continue
    read++
    const rowNumber = i + 1
    if (relations.length >= IMPORT_LIMITS.maxRelations) {
      problems.push({
        severity: 'error',
        sheet: sheet.name,
        row: rowNumber,
        column: null,
        value: '',
        message: t(`Er zijn meer dan ${IMPORT_LIMITS.maxRelations} regelingen; de rest is niet gelezen.`, `There are more than ${IMPORT_LIMITS.maxRelations} arrangements; the rest was not read.`),
      })
      break
    }
    const rowProblems: ImportProblem[] = []
    const at = (column: ArrangementColumn, value: string, severity: ProblemSeverity, message: LocalizedText) =>
      rowProblems.push({ severity, sheet: sheet.name, row: rowNumber, column: columnName(column, 'arrangements'), value, message })

    const from = cell(raw, columns, 'from')
    const to = cell(raw, columns, 'to')
    const kindText = cell(raw, columns, 'kind')
    const fromOk = validName(from, (message) => at('from', from, 'error', message))
    const toOk = validName(to, (message) => at('to', to, 'error', message))
    if (fromOk && toOk && normalizeWord(from) === normalizeWord(to)) {
      at('to', to, 'error', t('Actor A en actor B zijn dezelfde; een relatie loopt tussen twee actoren.', 'Actor A and actor B are the same; a relation runs between two actors.'))
    }
    if (kindText === '') at('kind', '', 'error', t('De soort relatie is leeg.', 'The kind of relation is empty.'))
    else if (FORMULA.test(kindText)) at('kind', kindText, 'error', t('Hier staat een formule in plaats van een soort relatie.', 'This is a formula, not a kind of relation.'))
    const kind = kindText ? matchRelationKind(kindText) : null

    let label = cell(raw, columns, 'label')
    if (label.length > IMPORT_LIMITS.maxTextLength) {
      at('label', label, 'warning', t(`Het label is langer dan ${IMPORT_LIMITS.maxTextLength} tekens en is ingekort.`, `The label is longer than ${IMPORT_LIMITS.maxTextLength} characters and was shortened.`))
      label = label.slice(0, IMPORT_LIMITS.maxTextLength)
    }
    let rad = cell(raw, columns, 'rad').slice(0, IMPORT_LIMITS.maxNameLength)
    if (rad && kind && !carriesAttribute(kind, 'radReference')) {
      at('rad', rad, 'warning', t('Alleen een uitbesteding heeft een RAD; deze verwijzing is weggelaten.', 'Only outsourcing has a RAD; this reference was left out.'))
      rad = ''
    }
    const commissionerText = cell(raw, columns, 'commissioner')
    let commissioners = commissionerText ? splitNames(commissionerText, actors, [from, to]) : []
    if (commissioners.length > 0 && kind && kind !== 'uitbesteding' && kind !== 'opdrachtgeverschap') {
      at('commissioner', commissionerText, 'warning', t('Een opdrachtgever hoort bij een uitbesteding of opdrachtgeverschap; deze is weggelaten.', 'A commissioner belongs to outsourcing or commissioning; it was left out.'))
      commissioners = []
    }
    if (kind === 'opdrachtgeverschap' && commissioners.some((name) => normalizeWord(name) !== normalizeWord(from))) {
      at('commissioner', commissionerText, 'warning', t('Bij opdrachtgeverschap is actor A de opdrachtgever; deze kolom is genegeerd.', 'With commissioning, actor A is the commissioner; this column was ignored.'))
    }
    if (kind !== 'uitbesteding') commissioners = []
    commissioners = commissioners.filter((name) => validName(name, (message) => at('commissioner', name, 'error', message)))

    problems.push(...rowProblems)
    if (rowProblems.some((problem) => problem.severity === 'error')) continue
    const fromActor = actors.ensure(from)
    const toActor = actors.ensure(to)
    for (const name of commissioners) actors.ensure(name)
    relations.push({
      sheet: sheet.name,
      row: rowNumber,
      from: fromActor.name,
      to: toActor.name,
      kind,
      kindText,
      label,
      commissioners: commissioners.map((name) => actors.get(name)!.name),
      rad,
    })
  }
  return read
}

/**
 * The export joins several opdrachtgevers with ", ". A name can hold a comma too ("Gemeente
 * Bergen, Noord-Holland"), so the cell is split only when every part is an actor already known.
 */
function splitNames(value: string, actors: ActorList, alsoKnown: readonly string[]): string[] {
  const parts = value.split(/\s*[,;]\s*/).filter(Boolean)
  const known = new Set(alsoKnown.map(normalizeWord))
  if (parts.length > 1 && parts.every((part) => actors.get(part) || known.has(normalizeWord(part)))) return parts
  return [value]
}

/** Kind words no kind matched, each with the rows (relations) or actors that use it. */
export function unknownRelationKinds(preview: ArrangementsPreview): UnknownKind[] {
  const byText = new Map<string, { text: string; rows: number[] }>()
  for (const relation of preview.relations) {
    if (relation.kind) continue
    const key = normalizeWord(relation.kindText)
    const entry = byText.get(key) ?? { text: relation.kindText, rows: [] }
    entry.rows.push(relation.row)
    byText.set(key, entry)
  }
  return [...byText.values()]
}

/** What the user chose in the preview: a kind per unknown relation word (or skip those rows), a kind per actor. */
export interface KindChoices {
  /** By normalised kind word. */
  readonly relationKinds?: Readonly<Record<string, RelationKindId | 'skip'>>
  /** By actor key. */
  readonly actorKinds?: Readonly<Record<string, ActorKindId>>
}

export function relationKindKey(text: string): string {
  return normalizeWord(text)
}

/** The preview with the user's choices applied; rows whose kind word was set to "skip" are left out. */
export function applyKindChoices(preview: ArrangementsPreview, choices: KindChoices): ArrangementsPreview {
  const relationKinds = choices.relationKinds ?? {}
  const actorKinds = choices.actorKinds ?? {}
  const relations: ImportedRelation[] = []
  for (const relation of preview.relations) {
    if (relation.kind) {
      relations.push(relation)
      continue
    }
    const choice = relationKinds[relationKindKey(relation.kindText)]
    if (choice === 'skip') continue
    relations.push(choice ? { ...relation, kind: choice } : relation)
  }
  const actors = preview.actors.map((actor) => {
    const choice = actorKinds[actor.key]
    return choice && isActorKindId(choice) ? { ...actor, kind: choice, kindSource: 'chosen' as const } : actor
  })
  return { ...preview, actors, relations }
}
