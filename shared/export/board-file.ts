/**
 * A whole board as one JSON file, and the strict check an imported file must pass.
 *
 *   { format: 'regiebord-board', version: 1, title, createdAt,
 *     meta: { …the board document's meta map: title, createdAt, schema… },
 *     records: [ …tldraw records of the board document, by id… ],
 *     structure: [ …records of the locked-structure document, by id… ] }
 *
 * Records are exported as stored, unmigrated, with the schema they were written in (`meta.schema`),
 * so export → import → export gives the same records and meta: the browser migrates them when it
 * opens the board, as it does any board. The import checks them against our schema without
 * changing them: every record (after migrating a copy, if the file is older) must pass tldraw's
 * validator for its type, ids must be unique across both documents, and every shape's parent and
 * every binding's ends must be in the file. The first few problems are reported, and nothing is
 * created unless the whole file passes. Votes, session state and private notes are not exported.
 */
import type { TLRecord, TLSchema } from '@tldraw/tlschema'
import { nestingDepth, parentChainProblem, richTextInRecordProblem } from '../board/record-rules.ts'
import { sequencesUsedBy, type SequenceInUse } from '../board/schema-sequences.ts'

// tldraw's store types, named through the schema (so we need not depend on @tldraw/store).
type Snapshot = Parameters<TLSchema['migrateStoreSnapshot']>[0]
type SerializedSchema = Snapshot['schema']
type SerializedSchemaV2 = ReturnType<TLSchema['serialize']>

export const BOARD_FILE_FORMAT = 'regiebord-board'
export const BOARD_FILE_VERSION = 1

export interface BoardFile {
  readonly format: typeof BOARD_FILE_FORMAT
  readonly version: typeof BOARD_FILE_VERSION
  readonly title: string
  readonly createdAt: number
  readonly meta: Readonly<Record<string, unknown>>
  readonly records: readonly TLRecord[]
  readonly structure: readonly TLRecord[]
}

export interface BoardFileInput {
  readonly title: string
  readonly createdAt: number
  readonly meta: Readonly<Record<string, unknown>>
  readonly records: readonly TLRecord[]
  readonly structure: readonly TLRecord[]
}

/** The file of a board; records sorted by id, so the same board always gives the same file. */
export function toBoardFile(input: BoardFileInput): BoardFile {
  return {
    format: BOARD_FILE_FORMAT,
    version: BOARD_FILE_VERSION,
    title: input.title,
    createdAt: input.createdAt,
    meta: input.meta,
    records: byId(input.records),
    structure: byId(input.structure),
  }
}

export const MAX_TITLE_LENGTH = 200
export const MAX_BOARD_FILE_RECORDS = 50_000
/**
 * Deepest nesting of arrays and objects a file may have. A record is a few levels deep (rich text
 * nests paragraphs in a document); the limit keeps a hostile file from exhausting the stack of
 * whatever reads it recursively later (the validators, Yjs, every browser).
 */
export const MAX_BOARD_FILE_DEPTH = 64
/** How many problems a refusal lists. */
const MAX_REPORTED = 5

export type BoardFileCheck = { readonly ok: true; readonly file: BoardFile } | { readonly ok: false; readonly message: string }

export function checkBoardFile(value: unknown, schema: TLSchema): BoardFileCheck {
  if (!isPlainObject(value)) return refuse('the file is not a JSON object')
  if (value.format !== BOARD_FILE_FORMAT) return refuse(`"format" must be "${BOARD_FILE_FORMAT}": this is not a Regiebord board file`)
  if (typeof value.version === 'number' && value.version > BOARD_FILE_VERSION) {
    return refuse(`the file is version ${value.version}, made by a newer Regiebord; this one reads version ${BOARD_FILE_VERSION}`)
  }
  if (value.version !== BOARD_FILE_VERSION) return refuse(`"version" must be ${BOARD_FILE_VERSION}`)
  if (nestingDepth(value, MAX_BOARD_FILE_DEPTH) > MAX_BOARD_FILE_DEPTH) return refuse(`objects and lists are nested more than ${MAX_BOARD_FILE_DEPTH} deep`)
  if (typeof value.title !== 'string' || value.title.length > MAX_TITLE_LENGTH) return refuse(`"title" must be a text of at most ${MAX_TITLE_LENGTH} characters`)
  if (typeof value.createdAt !== 'number' || !Number.isFinite(value.createdAt) || value.createdAt < 0) return refuse('"createdAt" must be a time in milliseconds')
  if (!isPlainObject(value.meta)) return refuse('"meta" must be an object')
  if (!Array.isArray(value.records)) return refuse('"records" must be a list')
  if (!Array.isArray(value.structure)) return refuse('"structure" must be a list')
  const meta = value.meta
  // Meta keys become object keys again wherever the board is read; this one would set a prototype.
  if (Object.hasOwn(meta, '__proto__')) return refuse('"meta" may not have a key "__proto__"')
  if (meta.title !== undefined && typeof meta.title !== 'string') return refuse('"meta.title" must be a text')
  if (meta.createdAt !== undefined && typeof meta.createdAt !== 'number') return refuse('"meta.createdAt" must be a number')
  if (value.records.length + value.structure.length > MAX_BOARD_FILE_RECORDS) return refuse(`a board holds at most ${MAX_BOARD_FILE_RECORDS} records`)

  const stored = meta.schema
  const relation = stored === undefined ? 'same' : schemaRelation(stored, schema.serialize(), sequencesUsedBy([...value.records, ...value.structure]))
  if (relation === 'invalid') return refuse('"meta.schema" is not a tldraw schema')
  if (relation === 'newer') return refuse('the board was written by a newer version of Regiebord (its tldraw schema is newer than ours)')

  const problems: string[] = []
  const lists = { records: value.records, structure: value.structure }
  const entries: { where: string; record: Record<string, unknown> }[] = []
  const seen = new Set<string>()
  for (const [list, items] of Object.entries(lists)) {
    items.forEach((item: unknown, index: number) => {
      const where = `${list}[${index}]`
      const problem = recordShapeProblem(item, schema)
      if (problem) return problems.push(`${where}: ${problem}`)
      const record = item as Record<string, unknown> & { id: string }
      if (seen.has(record.id)) return problems.push(`${where}: the id ${record.id} occurs twice`)
      seen.add(record.id)
      entries.push({ where: `${where} (${record.id})`, record })
    })
  }
  if (problems.length > 0) return refuse(summary(problems))

  const current = relation === 'older' ? migrated(entries.map((entry) => entry.record), stored as SerializedSchema, schema) : null
  if (current && !current.ok) return refuse(current.message)
  for (const { where, record } of entries) {
    const id = record.id as string
    // Migrations may drop records they retire; those are not checked.
    const candidate = current ? current.records[id] : record
    if (candidate === undefined) continue
    try {
      schema.types[record.typeName as TLRecord['typeName']].validate(candidate)
      // Rich text the editor cannot show breaks every page that renders it (canvas, report).
      const richText = richTextInRecordProblem(candidate as Record<string, unknown>)
      if (richText) problems.push(`${where}: ${richText}`)
    } catch (error) {
      problems.push(`${where}: ${error instanceof Error ? error.message : String(error)}`)
    }
    if (problems.length >= MAX_REPORTED) break
  }
  problems.push(...referenceProblems(entries))
  if (problems.length > 0) return refuse(summary(problems))

  return {
    ok: true,
    file: {
      format: BOARD_FILE_FORMAT,
      version: BOARD_FILE_VERSION,
      title: value.title,
      createdAt: value.createdAt,
      meta,
      records: value.records as TLRecord[],
      structure: value.structure as TLRecord[],
    },
  }
}

/** Why `value` cannot be a record of ours at all, or null. */
function recordShapeProblem(value: unknown, schema: TLSchema): string | null {
  if (!isPlainObject(value)) return 'not an object'
  if (typeof value.id !== 'string' || value.id === '') return 'no "id"'
  if (typeof value.typeName !== 'string') return 'no "typeName"'
  const types: Readonly<Record<string, { readonly scope: string } | undefined>> = schema.types
  const type = Object.hasOwn(types, value.typeName) ? types[value.typeName] : undefined
  if (!type) return `unknown record type "${value.typeName}"`
  // Session records (camera, pointer) are one browser tab's; user records are never shared.
  if (type.scope !== 'document' || value.typeName === 'user') return `"${value.typeName}" records do not belong in a board`
  return null
}

/**
 * Shapes must sit on a page, directly or through shapes of the file, without loops (a loop hangs
 * every browser that opens the board); bindings must join shapes of the file.
 */
function referenceProblems(entries: readonly { where: string; record: Record<string, unknown> }[]): string[] {
  const ofType = (typeName: string) => new Set(entries.filter((entry) => entry.record.typeName === typeName).map((entry) => entry.record.id as string))
  const shapes = ofType('shape')
  const pages = ofType('page')
  const byId = new Map(entries.map((entry) => [entry.record.id as string, entry.record]))
  const problems: string[] = []
  for (const { where, record } of entries) {
    if (record.typeName === 'shape' && !shapes.has(record.parentId as string) && !pages.has(record.parentId as string)) {
      problems.push(`${where}: its parent ${String(record.parentId)} is not in the file`)
    } else if (record.typeName === 'shape') {
      const loop = parentChainProblem(record.id as string, (id) => byId.get(id))
      if (loop) problems.push(`${where}: ${loop}`)
    }
    if (record.typeName === 'binding') {
      for (const end of ['fromId', 'toId'] as const) {
        if (!shapes.has(record[end] as string)) problems.push(`${where}: it binds ${String(record[end])}, which is not in the file`)
      }
    }
    if (problems.length >= MAX_REPORTED) break
  }
  return problems
}

type Migrated = { ok: true; records: Record<string, unknown> } | { ok: false; message: string }

/** Copies of the records migrated from the file's schema to ours; the file itself is untouched. */
function migrated(records: readonly Record<string, unknown>[], stored: SerializedSchema, schema: TLSchema): Migrated {
  // Checked to be objects with an id and a known document type: what tldraw's migrations take.
  const store = Object.fromEntries(records.map((record) => [record.id as string, structuredClone(record)])) as unknown as Snapshot['store']
  const result = schema.migrateStoreSnapshot({ schema: stored, store })
  if (result.type === 'error') return { ok: false, message: `the board's records could not be brought up to date (${result.reason})` }
  return { ok: true, records: result.value }
}

/**
 * How a stored schema label relates to ours. A sequence we know at a lower version than the label,
 * or one we do not know that a record uses (see schema-sequences.ts), makes it newer: we could not
 * read such records faithfully. The server uses it too, to relabel and migrate boards it loads.
 */
export function schemaRelation(stored: unknown, current: SerializedSchemaV2, inUse: SequenceInUse): 'same' | 'older' | 'newer' | 'invalid' {
  if (!isPlainObject(stored)) return 'invalid'
  // Version 1 schemas predate tldraw 2's sequences; always older than us.
  if (stored.schemaVersion === 1 && typeof stored.storeVersion === 'number' && isPlainObject(stored.recordVersions)) return 'older'
  if (stored.schemaVersion !== 2 || !isPlainObject(stored.sequences)) return 'invalid'
  let behind = false
  for (const [sequence, version] of Object.entries(stored.sequences)) {
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) return 'invalid'
    const ours = current.sequences[sequence]
    // A sequence we do not know is newer only when a record of the file uses it.
    if (ours === undefined) {
      if (inUse(sequence)) return 'newer'
      continue
    }
    if (version > ours) return 'newer'
    if (version < ours) behind = true
  }
  if (Object.keys(current.sequences).some((sequence) => !Object.hasOwn(stored.sequences as object, sequence))) behind = true
  return behind ? 'older' : 'same'
}

function summary(problems: readonly string[]): string {
  const shown = problems.slice(0, MAX_REPORTED).join('; ')
  return problems.length > MAX_REPORTED ? `${shown}; …` : shown
}

function refuse(message: string): BoardFileCheck {
  return { ok: false, message: `Not a valid board file: ${message}` }
}

function byId(records: readonly TLRecord[]): TLRecord[] {
  return [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
