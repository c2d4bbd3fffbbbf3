import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { isRole, type Role } from '../../shared/roles.ts'
import { USER_FIELD } from '../board/presence.ts'
import { SESSION_FIELD } from '../board/board-session.ts'

export interface Participant {
  clientId: number
  /** The tldraw user id (for follow). */
  userId: string
  name: string
  color: string
  role: Role
  ownerKey: string
  isMe: boolean
}

/** Who is here now: one entry per open tab, from awareness (which the server clears on leave). */
export function useParticipants(awareness: Awareness | null): Participant[] {
  const [list, setList] = useState<Participant[]>([])
  useEffect(() => {
    if (!awareness) return
    const read = () => setList(readParticipants(awareness))
    read()
    awareness.on('change', read)
    return () => awareness.off('change', read)
  }, [awareness])
  return list
}

function readParticipants(awareness: Awareness): Participant[] {
  const result: Participant[] = []
  for (const [clientId, state] of awareness.getStates()) {
    const user = state[USER_FIELD] as { id?: unknown; name?: unknown; color?: unknown } | null | undefined
    const session = state[SESSION_FIELD] as { role?: unknown; ownerKey?: unknown } | undefined
    if (!user || typeof user.name !== 'string' || typeof user.id !== 'string') continue
    result.push({
      clientId,
      userId: user.id,
      name: user.name,
      color: typeof user.color === 'string' ? user.color : '#888',
      role: isRole(session?.role) ? session.role : 'participant',
      ownerKey: typeof session?.ownerKey === 'string' ? session.ownerKey : '',
      isMe: clientId === awareness.clientID,
    })
  }
  const order: Record<Role, number> = { facilitator: 0, participant: 1, viewer: 2 }
  return result.sort((a, b) => order[a.role] - order[b.role] || a.name.localeCompare(b.name))
}
