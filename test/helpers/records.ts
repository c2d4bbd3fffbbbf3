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
