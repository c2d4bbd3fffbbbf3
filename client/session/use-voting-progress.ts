import { useEffect, useState } from 'react'
import type { VotingRound } from '../../shared/session/control-doc.ts'
import type { BoardSession } from '../board/board-session.ts'
import type { Participant } from './participants.ts'

const POLL_MS = 2000

export interface VotingProgressCount {
  voted: number
  total: number
}

/**
 * "n van m deelnemers hebben gestemd", for the facilitator while a round is open: who voted comes
 * from the server (owner keys, never what they chose), who could vote from presence. People who
 * voted and then left still count, on both sides; facilitators' own dots do not.
 */
export function useVotingProgress(session: BoardSession, round: VotingRound | null, people: readonly Participant[]): VotingProgressCount | null {
  const [voters, setVoters] = useState<readonly string[] | null>(null)
  const active = session.role === 'facilitator' && round !== null && round.status === 'open'
  const roundId = round?.id ?? null
  useEffect(() => {
    setVoters(null)
    if (!active) return
    let stopped = false
    const poll = () =>
      session.client.votingProgress().then(
        (progress) => !stopped && progress.roundId === roundId && setVoters(progress.voters),
        () => undefined,
      )
    void poll()
    const timer = window.setInterval(() => void poll(), POLL_MS)
    return () => {
      stopped = true
      window.clearInterval(timer)
    }
  }, [session, active, roundId])
  if (!active || voters === null) return null
  const facilitators = new Set(people.filter((person) => person.role === 'facilitator').map((person) => person.ownerKey))
  const present = new Set(people.filter((person) => person.role === 'participant' && person.ownerKey).map((person) => person.ownerKey))
  const counted = voters.filter((key) => !facilitators.has(key))
  for (const key of counted) present.add(key)
  return { voted: counted.length, total: present.size }
}
