/**
 * Who was present at a board, recorded by the server for the report: the display name as shown in
 * presence, the role and when the person first appeared. The server does not otherwise keep a
 * list of people, and who is connected when the report is made says little about who took part.
 *
 * Each instance records the people connected to it: it watches its main room's awareness and, for
 * a state announced by one of its own connections, takes the role from the connection (checked by
 * token, not claimed) and the name and owner key from the state. One entry per owner key in the
 * control document's attendance map (shared/session/control-doc.ts), written only when someone is
 * new or renamed, never on cursor moves. Names are cut to 60 characters, a board records at most
 * MAX_ATTENDEES people, so a client inventing identities cannot grow the document without bound.
 */
import { isRole } from '../../shared/roles.ts'
import type { Attendee } from '../../shared/session/control-doc.ts'
import type { Logger } from '../log.ts'
import type { Peer } from '../rooms/peer.ts'
import type { Room } from '../rooms/room.ts'

export const MAX_ATTENDEES = 300
const OWNER_KEY = /^[A-Za-z0-9_-]{43}$/

interface AwarenessChange {
  added: number[]
  updated: number[]
  removed: number[]
}

function isPeer(origin: unknown): origin is Peer {
  return typeof origin === 'object' && origin !== null && 'awarenessIds' in origin && 'role' in origin && isRole((origin as Peer).role)
}

export interface AttendanceBook {
  /** What is recorded now (owner key → attendee), to skip what is already known. */
  read(boardId: string): Promise<ReadonlyMap<string, Attendee>>
  /** Writes entries into the board's attendance map, as the server. */
  write(boardId: string, entries: readonly (readonly [string, Attendee])[]): Promise<void>
}

/**
 * Records the people connected to this instance for a loaded main room, for as long as the room
 * lives (its awareness goes with it). Does not join the room: it is no peer of it.
 */
export function recordAttendance(main: Room, book: AttendanceBook, log: Logger, now: () => number = Date.now): () => void {
  const boardId = main.ref.boardId
  // Known entries, read once from the control document and kept current by our own writes.
  let known: Promise<Map<string, Attendee>> | null = null
  let writing = Promise.resolve()

  const onUpdate = ({ added, updated }: AwarenessChange, origin: unknown) => {
    if (!isPeer(origin)) return
    const states = main.awareness.getStates()
    const seen: [string, string, Attendee['role']][] = []
    for (const clientId of [...added, ...updated]) {
      if (!origin.awarenessIds.has(clientId)) continue
      const state = states.get(clientId) as { user?: { name?: unknown } | null; session?: { ownerKey?: unknown } } | undefined
      const name = typeof state?.user?.name === 'string' ? state.user.name.trim().slice(0, 60) : ''
      const key = state?.session?.ownerKey
      if (!name || typeof key !== 'string' || !OWNER_KEY.test(key)) continue
      seen.push([key, name, origin.role])
    }
    if (seen.length === 0) return
    writing = writing
      .then(async () => {
        known ??= book.read(boardId).then((entries) => new Map(entries))
        const recorded = await known
        const fresh: [string, Attendee][] = []
        for (const [key, name, role] of seen) {
          const before = recorded.get(key)
          if (before && before.name === name && before.role === role) continue
          if (!before && recorded.size >= MAX_ATTENDEES) continue
          const entry = { name, role, firstSeen: before?.firstSeen ?? now() }
          recorded.set(key, entry)
          fresh.push([key, entry])
        }
        if (fresh.length > 0) await book.write(boardId, fresh)
      })
      .catch((error: unknown) => {
        known = null
        log.warn({ boardId, error: error instanceof Error ? error.message : String(error) }, 'could not record attendance')
      })
  }
  main.awareness.on('update', onUpdate)
  return () => main.awareness.off('update', onUpdate)
}
