/** Reading a client's board as plain data, and a replayable random source for edit scripts. */
import * as Y from 'yjs'
import type { TestClient } from './clients.ts'

export function recordsOf(client: TestClient): Record<string, unknown> {
  return Object.fromEntries([...client.records.map.entries()].map(([key, entry]) => [key, entry.val]))
}

/** Records as a string independent of insertion order. */
export function canonical(client: TestClient): string {
  return JSON.stringify(Object.entries(recordsOf(client)).sort(([x], [y]) => x.localeCompare(y)))
}

/**
 * Whether all clients hold the same document. YKeyValue settles concurrent writes to one key
 * with a follow-up delete, so both the documents and the key-value views must agree.
 */
export function converged(clients: readonly TestClient[]): boolean {
  const [first, ...rest] = clients
  if (!first) return true
  const vector = Buffer.from(Y.encodeStateVector(first.doc))
  const records = canonical(first)
  return rest.every((c) => vector.equals(Buffer.from(Y.encodeStateVector(c.doc))) && canonical(c) === records)
}

/** A deterministic pseudo-random generator so a failing run can be replayed. */
export function seeded(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff
    return state / 0x7fffffff
  }
}

/** The page every board has from its creation (shared/board/board-schema.ts). */
export const BOARD_PAGE_ID = 'page:page'

/** TipTap JSON for a line of text, as tldraw's toRichText makes it. */
export function richText(text: string): { type: 'doc'; content: unknown[] } {
  return { type: 'doc', content: [{ type: 'paragraph', content: text === '' ? [] : [{ type: 'text', text }] }] }
}

/**
 * A valid note shape for writing to a board over sync: the server refuses anything its schema
 * does not accept. What a test wants to carry along goes into `meta` (free JSON).
 */
export function noteRecord(
  id: string,
  options: { parentId?: string; text?: string; x?: number; y?: number; meta?: Record<string, unknown> } = {},
): Record<string, unknown> {
  return {
    id,
    typeName: 'shape',
    type: 'note',
    parentId: options.parentId ?? BOARD_PAGE_ID,
    index: 'a1',
    x: options.x ?? 0,
    y: options.y ?? 0,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    meta: options.meta ?? {},
    props: {
      color: 'yellow',
      richText: richText(options.text ?? ''),
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      labelColor: 'black',
      growY: 0,
      fontSizeAdjustment: 1,
      url: '',
      scale: 1,
      textLastEditedBy: null,
    },
  }
}

/** A valid frame shape (a container other shapes can sit in). */
export function frameRecord(id: string, options: { parentId?: string; name?: string } = {}): Record<string, unknown> {
  return {
    id,
    typeName: 'shape',
    type: 'frame',
    parentId: options.parentId ?? BOARD_PAGE_ID,
    index: 'a1',
    x: 0,
    y: 0,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    meta: {},
    props: { w: 400, h: 300, name: options.name ?? '', color: 'black' },
  }
}

/** A valid note carrying a test's own data in `meta`: what tests write where any record would do. */
export function shapeWith(id: string, data: Record<string, unknown> = {}): Record<string, unknown> {
  return noteRecord(id, { meta: data })
}
