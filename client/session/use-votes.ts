import { useCallback, useEffect, useState } from 'react'
import type { VotingRound } from '../../shared/session/control-doc.ts'
import type { VotesAnswer } from '../../shared/session/session-api.ts'
import { ApiError } from '../app/api.ts'
import type { BoardSession } from '../board/board-session.ts'

export interface Votes {
  answer: VotesAnswer | null
  /** The server's refusal code of the last vote (budget_spent, shape_full, …), or null. */
  refusal: string | null
  vote(shapeId: string): void
  unvote(shapeId: string): void
}

/** This person's dots in the current round, from the server, which alone decides what counts. */
export function useVotes(session: BoardSession | null, round: VotingRound | null): Votes {
  const [answer, setAnswer] = useState<VotesAnswer | null>(null)
  const [refusal, setRefusal] = useState<string | null>(null)
  const roundKey = round ? `${round.id}:${round.status}` : null

  useEffect(() => {
    if (!session || session.role === 'viewer' || roundKey === null) {
      setAnswer(null)
      return
    }
    let cancelled = false
    session.client.votes().then(
      (next) => !cancelled && setAnswer(next),
      () => !cancelled && setAnswer(null),
    )
    return () => {
      cancelled = true
    }
  }, [session, roundKey])

  const run = useCallback(
    (call: () => Promise<VotesAnswer>) => {
      setRefusal(null)
      call().then(setAnswer, (error: unknown) => setRefusal(error instanceof ApiError ? error.code : 'network'))
    },
    [],
  )
  return {
    answer,
    refusal,
    vote: (shapeId) => session && run(() => session.client.vote(shapeId)),
    unvote: (shapeId) => session && run(() => session.client.unvote(shapeId)),
  }
}
