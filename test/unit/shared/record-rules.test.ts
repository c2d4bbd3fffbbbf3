import { describe, expect, it } from 'vitest'
import { getSchema } from '@tiptap/core'
import { tipTapDefaultExtensions } from 'tldraw'
import { createBoardSchema } from '../../../shared/board/board-schema.ts'
import {
  bindingEndsProblem,
  MAX_PARENT_DEPTH,
  MAX_RECORD_DEPTH,
  nestingDepth,
  parentChainProblem,
  parentLoopIn,
  recordProblem,
  RICH_TEXT_MARKS,
  RICH_TEXT_NODES,
  richTextInRecordProblem,
  richTextProblem,
} from '../../../shared/board/record-rules.ts'
import { sequencesUsedBy } from '../../../shared/board/schema-sequences.ts'
import { frameRecord, noteRecord } from '../../helpers/records.ts'

const schema = createBoardSchema()

/** `depth` arrays or objects inside each other, alternating, with a leaf at the bottom. */
function nested(depth: number): unknown {
  let value: unknown = 'leaf'
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [1, value] : { a: value, b: null }
  return value
}

describe('record rules', () => {
  it('counts how deep objects and arrays nest, and stops past the limit', () => {
    expect(nestingDepth('text')).toBe(0)
    expect(nestingDepth(null)).toBe(0)
    expect(nestingDepth({})).toBe(1)
    expect(nestingDepth([1, 'a', null])).toBe(1)
    expect(nestingDepth({ a: [], b: { c: { d: 1 } }, e: [[[]]] })).toBe(4)
    expect(nestingDepth(noteRecord('shape:a'))).toBe(6) // record → props → richText → content → paragraph → content
    for (const depth of [MAX_RECORD_DEPTH - 1, MAX_RECORD_DEPTH, MAX_RECORD_DEPTH + 1]) expect(nestingDepth(nested(depth))).toBe(depth)
    // Far past the limit it stops counting just past it, without walking the rest.
    expect(nestingDepth(nested(100_000))).toBe(MAX_RECORD_DEPTH + 1)
    expect(nestingDepth(nested(10), 3)).toBe(4)
    expect(recordProblem(schema, 'shape:a', { ...noteRecord('shape:a'), meta: { deep: nested(MAX_RECORD_DEPTH) } })).toMatch(/nested more than 64 deep/)
  })

  it('knows exactly the nodes and marks of the editor’s rich text', () => {
    const editor = getSchema(tipTapDefaultExtensions)
    expect([...RICH_TEXT_NODES].sort()).toEqual(Object.keys(editor.nodes).sort())
    expect([...RICH_TEXT_MARKS].sort()).toEqual(Object.keys(editor.marks).sort())
  })

  it('accepts a valid note and refuses what the schema or the editor would not take', () => {
    expect(recordProblem(schema, 'shape:a', noteRecord('shape:a'))).toBeNull()
    expect(recordProblem(schema, 'shape:b', noteRecord('shape:a'))).toMatch(/not its key/)
    expect(recordProblem(schema, 'x:1', { id: 'x:1', typeName: 'x' })).toMatch(/unknown record type/)
    expect(recordProblem(schema, 'user:1', { id: 'user:1', typeName: 'user' })).toMatch(/do not belong/)
    expect(recordProblem(schema, 'shape:c', { ...noteRecord('shape:c'), props: {} })).not.toBeNull()
    const iframe = noteRecord('shape:d')
    ;(iframe.props as { richText: unknown }).richText = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'iframe' }] }] }
    expect(recordProblem(schema, 'shape:d', iframe)).toMatch(/unknown node type "iframe"/)
    // Rich text is looked for in the record's own props only; none, or undefined, is no problem.
    const bad = { type: 'doc', content: [{ type: 'iframe' }] }
    expect(richTextInRecordProblem({ props: { richText: bad } })).toMatch(/^rich text: unknown node type "iframe"/)
    expect(richTextInRecordProblem({ props: { text: bad } })).toBeNull()
    expect(richTextInRecordProblem({ props: { richText: undefined } })).toBeNull()
    expect(richTextInRecordProblem({ props: Object.create({ richText: bad }) as Record<string, unknown> })).toBeNull()
    expect(richTextInRecordProblem({ props: [bad] })).toBeNull()
  })

  it('walks rich text without recursion and names unknown marks', () => {
    let deep: unknown = { type: 'text', text: 'x' }
    for (let i = 0; i < 10_000; i++) deep = { type: 'paragraph', content: [deep] }
    expect(richTextProblem({ type: 'doc', content: [deep] })).toBeNull()
    expect(richTextProblem({ type: 'doc', content: [{ type: 'text', text: 'x', marks: [{ type: 'script' }] }] })).toMatch(/mark type "script"/)
  })

  it('finds parent chains that do not end at a page', () => {
    const records = new Map<string, unknown>([
      ['page:page', { id: 'page:page', typeName: 'page' }],
      ['shape:f', frameRecord('shape:f')],
      ['shape:in', noteRecord('shape:in', { parentId: 'shape:f' })],
      ['shape:self', noteRecord('shape:self', { parentId: 'shape:self' })],
      ['shape:a', noteRecord('shape:a', { parentId: 'shape:b' })],
      ['shape:b', noteRecord('shape:b', { parentId: 'shape:c' })],
      ['shape:c', noteRecord('shape:c', { parentId: 'shape:a' })],
      ['shape:into', noteRecord('shape:into', { parentId: 'shape:a' })],
      ['shape:orphan', noteRecord('shape:orphan', { parentId: 'shape:gone' })],
    ])
    const lookup = (id: string) => records.get(id)
    expect(parentChainProblem('shape:in', lookup)).toBeNull()
    expect(parentChainProblem('shape:self', lookup)).toMatch(/own parent/)
    expect(parentChainProblem('shape:a', lookup)).toMatch(/loop/)
    expect(parentChainProblem('shape:into', lookup)).toMatch(/loop/)
    expect(parentChainProblem('shape:orphan', lookup)).toMatch(/does not exist/)
    // A loop back to the shape itself, further up; a chain too deep; one just deep enough.
    records.set('shape:x', noteRecord('shape:x', { parentId: 'shape:y' }))
    records.set('shape:y', noteRecord('shape:y', { parentId: 'shape:x' }))
    expect(parentChainProblem('shape:x', lookup)).toMatch(/the parents of shape:x form a loop/)
    for (let i = 0; i <= MAX_PARENT_DEPTH + 1; i++) records.set(`shape:d${i}`, noteRecord(`shape:d${i}`, { parentId: i === 0 ? 'page:page' : `shape:d${i - 1}` }))
    expect(parentChainProblem(`shape:d${MAX_PARENT_DEPTH}`, lookup)).toBeNull()
    expect(parentChainProblem(`shape:d${MAX_PARENT_DEPTH + 1}`, lookup)).toMatch(/nest more than 256 deep/)
    // The browser's variant: a missing parent is fine there, a loop is not.
    expect(parentLoopIn('shape:orphan', lookup)).toEqual([])
    expect(parentLoopIn('shape:into', lookup).sort()).toEqual(['shape:a', 'shape:b', 'shape:c', 'shape:into'])
    expect(bindingEndsProblem({ id: 'binding:1', fromId: 'shape:in', toId: 'shape:gone' }, lookup)).toMatch(/shape:gone/)
    expect(bindingEndsProblem({ id: 'binding:1', fromId: 'shape:in', toId: 'shape:f' }, lookup)).toBeNull()
  })

  it('tells which schema sequences the records use', () => {
    const used = sequencesUsedBy([noteRecord('shape:a'), { id: 'binding:b', typeName: 'binding', type: 'arrow' }])
    expect(used('com.tldraw.shape.note')).toBe(true)
    expect(used('com.tldraw.binding.arrow')).toBe(true)
    expect(used('com.tldraw.shape')).toBe(true)
    expect(used('com.evil.future')).toBe(false)
  })
})
