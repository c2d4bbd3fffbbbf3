/** A board as Storage.createBoard takes it, for tests and benches that talk to storage directly. */
import { randomBytes } from 'node:crypto'
import { generateBoardId } from '../../server/boards/tokens.ts'
import type { NewBoard } from '../../server/storage/storage.ts'

/** A new id, random token hashes, an empty first state; `overrides` replace any of them. */
export function newBoardRecord(overrides: Partial<NewBoard> = {}): NewBoard {
  const hash = () => randomBytes(32).toString('hex')
  return {
    id: generateBoardId(),
    title: 'board',
    template: null,
    createdAt: 0,
    lastOpenedAt: 0,
    tokenHashes: { facilitator: hash(), participant: hash(), viewer: hash() },
    initialUpdate: new Uint8Array([0, 0]),
    ...overrides,
  }
}
