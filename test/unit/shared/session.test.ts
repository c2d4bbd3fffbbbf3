import { describe, expect, it } from 'vitest'
import { docKey, parseRoomName, roomName } from '../../../shared/session/channels.ts'
import { INITIAL_CONTROL, readControl, type TimerState, type VotingRound } from '../../../shared/session/control-doc.ts'
import { ownerKeyOf } from '../../../shared/session/owner-key.ts'
import { applyTimerAction, formatRemaining, remainingMs } from '../../../shared/session/timer.ts'
import { MAX_TIMER_MS } from '../../../shared/session/limits.ts'
import { ranking, refuseUnvote, refuseVote } from '../../../shared/session/voting.ts'

const KEY = 'a'.repeat(43)

describe('room names', () => {
  it('round-trip for every channel', () => {
    for (const ref of [
      { boardId: 'board123', channel: 'main' },
      { boardId: 'board123', channel: 'structure' },
      { boardId: 'board123', channel: 'control' },
      { boardId: 'board123', channel: 'private', ownerKey: KEY },
    ] as const) {
      expect(parseRoomName(roomName(ref))).toEqual(ref)
    }
    expect(roomName({ boardId: 'board123', channel: 'main' })).toBe('board123')
    expect(docKey({ boardId: 'board123', channel: 'main' })).toBe('')
    expect(docKey({ boardId: 'board123', channel: 'private', ownerKey: KEY })).toBe(`private/${KEY}`)
  })

  it('refuse anything else', () => {
    for (const name of ['', 'b', 'board123/other', 'board123/control/x', 'board123/private', 'board123/private/short', `board123/private/${KEY}/x`, '../etc/passwd', 'board123//']) {
      expect(parseRoomName(name), name).toBeNull()
    }
  })
})

describe('the owner key', () => {
  it('is the base64url sha-256 of the secret', async () => {
    expect(await ownerKeyOf('abc')).toBe('ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0')
  })
})

describe('the control state', () => {
  it('fills in defaults for what the map does not hold', () => {
    expect(readControl(() => undefined)).toEqual(INITIAL_CONTROL)
    const values: Record<string, unknown> = { frozen: true }
    expect(readControl((key) => values[key]).frozen).toBe(true)
  })
})

describe('the timer', () => {
  const stopped: TimerState = { status: 'stopped', durationMs: 300_000 }

  it('runs on the given clock, pauses, resumes and stops', () => {
    const running = applyTimerAction(stopped, { action: 'start' }, 1_000)
    expect(running).toEqual({ status: 'running', durationMs: 300_000, endsAt: 301_000 })
    expect(remainingMs(running, 61_000)).toBe(240_000)
    const paused = applyTimerAction(running, { action: 'pause' }, 61_000)
    expect(remainingMs(paused, 999_999)).toBe(240_000)
    const resumed = applyTimerAction(paused, { action: 'start' }, 100_000)
    expect(remainingMs(resumed, 100_000)).toBe(240_000)
    expect(remainingMs(resumed, 10_000_000)).toBe(0)
    expect(applyTimerAction(resumed, { action: 'stop' }, 0)).toEqual(stopped)
  })

  it('adds a minute in every state and keeps within bounds', () => {
    expect(applyTimerAction(stopped, { action: 'addMinute' }, 0)).toEqual({ status: 'stopped', durationMs: 360_000 })
    const running = applyTimerAction(stopped, { action: 'start' }, 0)
    expect(remainingMs(applyTimerAction(running, { action: 'addMinute' }, 0), 0)).toBe(360_000)
    expect(remainingMs(applyTimerAction(running, { action: 'addMinute' }, 30_000), 30_000)).toBe(330_000)
    expect(applyTimerAction(stopped, { action: 'set', minutes: 100_000 }, 0)).toEqual({ status: 'stopped', durationMs: MAX_TIMER_MS })
    expect(applyTimerAction(stopped, { action: 'set', minutes: -5 }, 0)).toEqual({ status: 'stopped', durationMs: 0 })
  })

  it('never shows more than the run length when the client clock is a little behind the server', () => {
    const running = applyTimerAction({ status: 'stopped', durationMs: 180_000 }, { action: 'start' }, 10_000)
    expect(remainingMs(running, 9_400)).toBe(180_000)
    expect(formatRemaining(remainingMs(running, 9_400))).toBe('3:00')
  })

  it('formats what is left', () => {
    expect(formatRemaining(245_000)).toBe('4:05')
    expect(formatRemaining(3_723_000)).toBe('1:02:03')
    expect(formatRemaining(0)).toBe('0:00')
  })
})

describe('dot-voting rules', () => {
  const round: VotingRound = { id: 'r1', shapeIds: ['a', 'b', 'c'], votesPerPerson: 3, maxPerShape: 2, endsAt: 1_000, status: 'open' }

  it('allow votes within the budget and the per-shape limit', () => {
    expect(refuseVote(round, {}, 'a', 0)).toBeNull()
    expect(refuseVote(round, { a: 1 }, 'a', 0)).toBeNull()
    expect(refuseVote(round, { a: 2 }, 'a', 0)).toBe('shape_full')
    expect(refuseVote(round, { a: 2, b: 1 }, 'c', 0)).toBe('budget_spent')
    expect(refuseVote(round, {}, 'z', 0)).toBe('not_votable')
    expect(refuseVote(round, {}, 'a', 1_000)).toBe('round_closed')
    expect(refuseVote({ ...round, status: 'revealed' }, {}, 'a', 0)).toBe('round_closed')
    expect(refuseVote(null, {}, 'a', 0)).toBe('no_round')
  })

  it('allow removing only a dot one placed, while the round is open', () => {
    expect(refuseUnvote(round, { a: 1 }, 'a', 0)).toBeNull()
    expect(refuseUnvote(round, {}, 'a', 0)).toBe('no_vote_to_remove')
    expect(refuseUnvote(round, { a: 1 }, 'a', 2_000)).toBe('round_closed')
  })

  it('rank by total, ties in the round’s order', () => {
    expect(ranking({ ...round, status: 'revealed', totals: { b: 2, c: 2, a: 1 } })).toEqual([
      { shapeId: 'b', votes: 2 },
      { shapeId: 'c', votes: 2 },
      { shapeId: 'a', votes: 1 },
    ])
  })
})
