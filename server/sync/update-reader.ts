/**
 * Reads a Yjs update (format V1, what y-websocket sends) without applying it, so the server can
 * decide what it means before anything changes. Mirrors Yjs's own struct reader
 * (yjs/src/utils/updates.js, lazyStructReaderGenerator, and readItemContent), but:
 *
 * - it counts as it goes and stops at the budget (structs, delete ranges, inserted length), so a
 *   hostile update costs at most the budget to look at, never what applying it would cost;
 * - it keeps only what the checks need: where each item goes (parent, parentSub, origins), its
 *   content kind, and the values of `ContentAny` items (the only content our documents hold);
 * - it creates no Item objects and touches no document.
 */
import * as decoding from 'lib0/decoding'
import { readAnyValue, skipAnyValue } from './any-value.ts'
import { DecodedValues } from './decoded-values.ts'
import { readString } from './short-string.ts'

export interface StructId {
  client: number
  clock: number
}

/** Content refs of Yjs items (see Yjs readItemContent). */
export const ContentRef = {
  deleted: 1,
  json: 2,
  binary: 3,
  string: 4,
  embed: 5,
  format: 6,
  type: 7,
  any: 8,
  doc: 9,
} as const

export interface ReadItem {
  client: number
  clock: number
  /** How many clock ticks the item spans (elements of an Any item, characters of a string). */
  length: number
  origin: StructId | null
  rightOrigin: StructId | null
  /** A root type's name, the id of the item holding a nested type, or null: inherited from an origin. */
  parent: string | StructId | null
  parentSub: string | null
  contentRef: number
  /** The elements of an Any item; null for other content. */
  values: unknown[] | null
}

export interface DeleteRange {
  client: number
  clock: number
  length: number
}

export interface ReadUpdate {
  items: ReadItem[]
  /** Garbage-collected ranges the update carries (content that is gone, by id only). */
  gcs: DeleteRange[]
  /** Ranges the update leaves out (its structs continue after them). */
  skips: DeleteRange[]
  /** Where each client's structs in the update begin. */
  starts: StructId[]
  deletes: DeleteRange[]
  /** Bytes after the delete set, which Yjs ignores: an update with any is never passed on as sent. */
  trailingBytes: number
  /** The values of `items`, by where they start in the update: applying it can take them as they are. */
  decoded: DecodedValues
}

export interface UpdateBudget {
  /** Structs (items, GCs, skips) in one update. */
  maxStructs: number
  /** Ranges in one update's delete set. */
  maxDeleteRanges: number
  /** Clock ticks all items of one update span together (characters, array elements). */
  maxInsertedLength: number
}

/** An update that does not decode as Yjs V1. */
export class MalformedUpdateError extends Error {}

/** An update beyond the budget; reading stopped where it was exceeded. */
export class UpdateOverBudgetError extends Error {}

/**
 * `known(client)`: the clock below which the document already has that client's structs. Their
 * values are skipped, not decoded (a reconnecting client's sync resends what the server has).
 */
export function readUpdate(update: Uint8Array, budget: UpdateBudget, known: (client: number) => number = () => 0): ReadUpdate {
  const decoder = decoding.createDecoder(update)
  try {
    const decoded = new DecodedValues(update)
    const { items, gcs, skips, starts } = readStructs(decoder, budget, known, decoded)
    const deletes = readDeleteSet(decoder, budget)
    // Spelled out: the object spread was one of the hottest lines in the record guard's profile.
    return { items, gcs, skips, starts, deletes, trailingBytes: update.byteLength - decoder.pos, decoded }
  } catch (error) {
    if (error instanceof UpdateOverBudgetError) throw error
    throw new MalformedUpdateError(error instanceof Error ? error.message : String(error))
  }
}

function readStructs(
  decoder: decoding.Decoder,
  budget: UpdateBudget,
  known: (client: number) => number,
  decoded: DecodedValues,
): Pick<ReadUpdate, 'items' | 'gcs' | 'skips' | 'starts'> {
  const items: ReadItem[] = []
  const gcs: DeleteRange[] = []
  const skips: DeleteRange[] = []
  const starts: StructId[] = []
  let structs = 0
  let inserted = 0
  const clients = decoding.readVarUint(decoder)
  for (let c = 0; c < clients; c++) {
    const count = decoding.readVarUint(decoder)
    const client = decoding.readVarUint(decoder)
    let clock = decoding.readVarUint(decoder)
    const knownBelow = known(client)
    starts.push({ client, clock })
    structs += count
    if (structs > budget.maxStructs) throw new UpdateOverBudgetError(`more than ${budget.maxStructs} changes in one update`)
    for (let i = 0; i < count; i++) {
      const info = decoding.readUint8(decoder)
      const ref = info & 0b11111
      if (info === 10 || ref === 0) {
        const length = decoding.readVarUint(decoder)
        ;(info === 10 ? skips : gcs).push({ client, clock, length })
        clock += length
        continue
      }
      const origin = (info & 0b1000_0000) !== 0 ? readId(decoder) : null
      const rightOrigin = (info & 0b0100_0000) !== 0 ? readId(decoder) : null
      const cantCopyParentInfo = origin === null && rightOrigin === null
      let parent: string | StructId | null = null
      let parentSub: string | null = null
      if (cantCopyParentInfo) {
        parent = decoding.readVarUint(decoder) === 1 ? readString(decoder) : readId(decoder)
        if ((info & 0b0010_0000) !== 0) parentSub = readString(decoder)
      }
      const { length, values } = readContent(decoder, ref, budget.maxInsertedLength - inserted, clock, knownBelow, decoded)
      if (length < 1) throw new Error('empty item')
      inserted += length
      if (inserted > budget.maxInsertedLength) throw new UpdateOverBudgetError(`more than ${budget.maxInsertedLength} inserted elements in one update`)
      items.push({ client, clock, length, origin, rightOrigin, parent, parentSub, contentRef: ref, values })
      clock += length
    }
  }
  return { items, gcs, skips, starts }
}

function readId(decoder: decoding.Decoder): StructId {
  const client = decoding.readVarUint(decoder)
  const clock = decoding.readVarUint(decoder)
  return { client, clock }
}

/** `room`: inserted elements the budget still allows; checked before any element is read. */
function readContent(
  decoder: decoding.Decoder,
  ref: number,
  room: number,
  clock: number,
  knownBelow: number,
  decoded: DecodedValues,
): { length: number; values: unknown[] | null } {
  const counted = (length: number): number => {
    if (length > room) throw new UpdateOverBudgetError(`more inserted elements in one update than the budget allows`)
    return length
  }
  switch (ref) {
    case ContentRef.deleted:
      return { length: decoding.readVarUint(decoder), values: null }
    case ContentRef.json: {
      const length = counted(decoding.readVarUint(decoder))
      for (let i = 0; i < length; i++) decoding.readVarString(decoder)
      return { length, values: null }
    }
    case ContentRef.binary:
      decoding.readVarUint8Array(decoder)
      return { length: 1, values: null }
    case ContentRef.string:
      // A string's length counts UTF-16 code units, as Yjs does.
      return { length: decoding.readVarString(decoder).length, values: null }
    case ContentRef.embed:
      decoding.readVarString(decoder)
      return { length: 1, values: null }
    case ContentRef.format:
      decoding.readVarString(decoder)
      decoding.readVarString(decoder)
      return { length: 1, values: null }
    case ContentRef.type: {
      const typeRef = decoding.readVarUint(decoder)
      if (typeRef === 3 || typeRef === 5) decoding.readVarString(decoder) // XmlElement / XmlHook name
      return { length: 1, values: null }
    }
    case ContentRef.any: {
      const length = counted(decoding.readVarUint(decoder))
      if (clock + length <= knownBelow) {
        // Already in the document: Yjs will skip it, and so do we, without building the values.
        for (let i = 0; i < length; i++) skipAnyValue(decoder)
        return { length, values: [] }
      }
      const values: unknown[] = []
      for (let i = 0; i < length; i++) {
        const start = decoder.pos
        const value = readAnyValue(decoder)
        values.push(value)
        decoded.add(start, decoder.pos, value)
      }
      return { length, values }
    }
    case ContentRef.doc:
      decoding.readVarString(decoder)
      decoding.readAny(decoder)
      return { length: 1, values: null }
    default:
      throw new Error(`unknown content type ${ref}`)
  }
}

function readDeleteSet(decoder: decoding.Decoder, budget: UpdateBudget): DeleteRange[] {
  const deletes: DeleteRange[] = []
  const clients = decoding.readVarUint(decoder)
  for (let c = 0; c < clients; c++) {
    const client = decoding.readVarUint(decoder)
    const ranges = decoding.readVarUint(decoder)
    if (deletes.length + ranges > budget.maxDeleteRanges) throw new UpdateOverBudgetError(`more than ${budget.maxDeleteRanges} deletions in one update`)
    for (let r = 0; r < ranges; r++) {
      const clock = decoding.readVarUint(decoder)
      const length = decoding.readVarUint(decoder)
      deletes.push({ client, clock, length })
    }
  }
  return deletes
}
