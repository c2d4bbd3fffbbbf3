/**
 * What makes a record fit for a board, decided without an editor: the server checks every record
 * a client sends (server/rooms/record-guard.ts), import checks every record of a file
 * (shared/export/board-file.ts), and browsers check what they receive. One set of rules, so a
 * record that one of them accepts the others accept too.
 *
 * - a record of a document type of the board schema (not `user`), whose id is its key, that
 *   passes tldraw's validator for its type and nests no deeper than MAX_RECORD_DEPTH;
 * - rich text (TipTap JSON) made only of the nodes and marks the editor knows;
 * - a shape whose parent chain ends at a page, without loops;
 * - a binding whose two ends are shapes.
 */
import type { TLRecord, TLSchema } from '@tldraw/tlschema'

/**
 * TipTap nodes and marks of tldraw 5's default text editor (StarterKit without blockquote, code
 * block and horizontal rule, plus highlight). Anything else makes TipTap throw "Unknown node type"
 * wherever the text is rendered (the canvas, the report). test/unit/shared/record-rules.test.ts
 * compares these lists with the editor's own schema.
 */
export const RICH_TEXT_NODES: ReadonlySet<string> = new Set([
  'doc',
  'paragraph',
  'text',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'hardBreak',
])
export const RICH_TEXT_MARKS: ReadonlySet<string> = new Set(['bold', 'italic', 'strike', 'code', 'link', 'underline', 'highlight'])

/** Deepest nesting of objects and arrays in one record (rich text nests lists in lists). */
export const MAX_RECORD_DEPTH = 64
/** Longest parent chain followed; deeper nesting than this is no board anyone drew. */
export const MAX_PARENT_DEPTH = 256

/** Why `value` cannot be stored under `key`, or null when it is a valid record. */
export function recordProblem(schema: TLSchema, key: string, value: unknown): string | null {
  if (!isPlainObject(value)) return 'not an object'
  if (value.id !== key) return `its id ${String(value.id)} is not its key ${key}`
  const shape = recordTypeProblem(schema, value)
  if (shape) return shape
  if (nestingDepth(value) > MAX_RECORD_DEPTH) return `nested more than ${MAX_RECORD_DEPTH} deep`
  try {
    schema.types[value.typeName as TLRecord['typeName']].validate(value)
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
  return richTextInRecordProblem(value)
}

/** Why a plain object is not a record of one of the board's shared document types, or null. */
export function recordTypeProblem(schema: TLSchema, value: Record<string, unknown>): string | null {
  if (typeof value.id !== 'string' || value.id === '') return 'no "id"'
  if (typeof value.typeName !== 'string') return 'no "typeName"'
  const types: Readonly<Record<string, { readonly scope: string } | undefined>> = schema.types
  const type = Object.hasOwn(types, value.typeName) ? types[value.typeName] : undefined
  if (!type) return `unknown record type "${value.typeName}"`
  // Session records (camera, pointer) are one browser tab's; user records are never shared.
  if (type.scope !== 'document' || value.typeName === 'user') return `"${value.typeName}" records do not belong in a board`
  return null
}

/** Rich text anywhere in a record's props (notes, text, geo labels, arrow labels). */
export function richTextInRecordProblem(record: Record<string, unknown>): string | null {
  const props = record.props
  // Only an own, enumerable richText counts (what Object.entries would list); asked directly,
  // as the server does for every record a client writes, rather than listing all props.
  if (!isPlainObject(props) || !Object.prototype.propertyIsEnumerable.call(props, 'richText') || props.richText === undefined) return null
  const problem = richTextProblem(props.richText)
  return problem ? `rich text: ${problem}` : null
}

/** Why a TipTap document holds something the editor cannot show, or null. Iterative. */
export function richTextProblem(doc: unknown): string | null {
  const stack: unknown[] = [doc]
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!isPlainObject(node)) return 'a node is not an object'
    if (typeof node.type !== 'string' || !RICH_TEXT_NODES.has(node.type)) return `unknown node type "${String(node.type)}"`
    if (node.marks !== undefined) {
      if (!Array.isArray(node.marks)) return 'marks is not a list'
      for (const mark of node.marks) {
        if (!isPlainObject(mark) || typeof mark.type !== 'string' || !RICH_TEXT_MARKS.has(mark.type)) {
          return `unknown mark type "${isPlainObject(mark) ? String(mark.type) : typeof mark}"`
        }
      }
    }
    if (node.text !== undefined && typeof node.text !== 'string') return 'text is not a string'
    if (node.content !== undefined) {
      if (!Array.isArray(node.content)) return 'content is not a list'
      for (const child of node.content as unknown[]) stack.push(child)
    }
  }
  return null
}

/** A record by id as the board will hold it; undefined when the board has none. */
export type RecordLookup = (id: string) => unknown

/**
 * Why a shape's parent chain does not end at a page (a parent that is missing, itself, or a loop),
 * or null. `lookup` gives every record as it will be once the change is applied.
 */
export function parentChainProblem(shapeId: string, lookup: RecordLookup): string | null {
  // The shapes passed on the way, made only once the chain gets past the first parent: most
  // shapes sit right on a page, and the server asks this for every shape a client writes.
  let seen: Set<string> | null = null
  let current = lookup(shapeId)
  for (let depth = 0; depth <= MAX_PARENT_DEPTH; depth++) {
    const parentId = isPlainObject(current) ? current.parentId : undefined
    if (typeof parentId !== 'string') return `${shapeId} has no parent`
    if (parentId === shapeId || seen?.has(parentId)) return parentId === shapeId && depth === 0 ? `${shapeId} is its own parent` : `the parents of ${shapeId} form a loop`
    const parent = lookup(parentId)
    if (!isPlainObject(parent)) return `the parent ${parentId} of ${shapeId} does not exist`
    if (parent.typeName === 'page') return null
    if (parent.typeName !== 'shape') return `the parent ${parentId} of ${shapeId} is neither a page nor a shape`
    seen ??= new Set<string>()
    seen.add(parentId)
    current = parent
  }
  return `the parents of ${shapeId} nest more than ${MAX_PARENT_DEPTH} deep`
}

/** Why a binding does not join two shapes of the board, or null. */
export function bindingEndsProblem(binding: Record<string, unknown>, lookup: RecordLookup): string | null {
  for (const end of ['fromId', 'toId'] as const) {
    const id = binding[end]
    const target = typeof id === 'string' ? lookup(id) : undefined
    if (!isPlainObject(target) || target.typeName !== 'shape') return `${String(binding.id)} binds ${String(id)}, which is not a shape of the board`
  }
  return null
}

/** How deep arrays and objects nest; iterative, so any depth is safe. Stops counting past `limit`. */
export function nestingDepth(value: unknown, limit = MAX_RECORD_DEPTH): number {
  let deepest = 0
  // Two stacks side by side rather than one of [node, depth] pairs: the server counts every
  // record a client writes, and a pair per value was most of what counting cost.
  const nodes: unknown[] = [value]
  const depths: number[] = [0]
  while (nodes.length > 0) {
    const node = nodes.pop()
    const depth = depths.pop()! + 1
    if (typeof node !== 'object' || node === null) continue
    if (depth > deepest) deepest = depth
    if (deepest > limit) return deepest
    const children = Array.isArray(node) ? node : Object.values(node)
    for (let i = 0; i < children.length; i++) {
      const child: unknown = children[i]
      // Only objects and arrays nest; anything else would be popped and dropped.
      if (typeof child === 'object' && child !== null) {
        nodes.push(child)
        depths.push(depth)
      }
    }
  }
  return deepest
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The shapes of a parent loop `shapeId` is on or leads into, or none. Unlike parentChainProblem,
 * a missing parent is no problem here: a browser receives a board's documents one by one.
 */
export function parentLoopIn(shapeId: string, lookup: RecordLookup): string[] {
  const path: string[] = []
  const seen = new Set<string>()
  for (let id: string | undefined = shapeId; id !== undefined && path.length <= MAX_PARENT_DEPTH; ) {
    // Every shape on the way ends in the loop: walking their ancestors never ends either.
    if (seen.has(id)) return path
    const record = lookup(id)
    if (!isPlainObject(record) || record.typeName !== 'shape') return []
    seen.add(id)
    path.push(id)
    id = typeof record.parentId === 'string' ? record.parentId : undefined
  }
  return []
}
