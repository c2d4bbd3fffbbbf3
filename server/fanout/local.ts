import type { BoardChannel, Fanout } from './fanout.ts'

const NOWHERE: BoardChannel = {
  publishUpdate() {},
  publishAwareness() {},
  leave() {},
}

/** One instance: every client of a board is in its one room, so there is no one to tell. */
export class LocalFanout implements Fanout {
  async join(): Promise<BoardChannel> {
    return NOWHERE
  }

  status() {
    return 'disabled' as const
  }

  async close(): Promise<void> {}
}
