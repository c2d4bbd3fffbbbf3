/**
 * The facilitator's session, on the server: every change to a board's control document goes
 * through here (checked, timed on the server's clock, written as the server), and so do votes
 * and the reveal of private notes. The HTTP routes only translate.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import type { Role } from '../../shared/roles.ts'
import { roomName } from '../../shared/session/channels.ts'
import { CONTROL_MAP, ControlKey, IDENTITIES_MAP, readControlDoc, type ControlState, type IdentityEntry, type VotingRound } from '../../shared/session/control-doc.ts'
import { linkGeneration, MAX_IDENTITIES_PER_BOARD, MAX_IDENTITY_NAME, type IssuedIdentity } from '../../shared/session/identity.ts'
import type { SummonRequest, VotesAnswer, VotingRequest } from '../../shared/session/session-api.ts'
import { applyTimerAction, MAX_TIMER_MS, type TimerAction } from '../../shared/session/timer.ts'
import { ballotSize, refuseUnvote, refuseVote, type VoteRefusal } from '../../shared/session/voting.ts'
import { generateToken, hashToken } from '../boards/tokens.ts'
import type { Logger } from '../log.ts'
import type { RoomRegistry } from '../rooms/registry.ts'
import type { Room } from '../rooms/room.ts'
import type { Storage } from '../storage/storage.ts'
import { docRecords } from './doc-records.ts'
import { participantIdOf } from './identity-check.ts'
import { serverPeer } from './server-peer.ts'

/** A request the session cannot carry out; the route answers with this status and code. */
export class SessionError extends Error {
  constructor(
    readonly status: 400 | 404 | 409 | 429,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

const MAX_VOTABLE_SHAPES = 500
const MAX_VOTES_PER_PERSON = 100

export class SessionService {
  constructor(
    private readonly registry: RoomRegistry,
    private readonly storage: Storage,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** `fromStorage`: catch up with what other instances stored first (see ControlHandle.refresh). */
  control(boardId: string, { fromStorage = false } = {}): Promise<ControlState> {
    return this.withRoom(roomName({ boardId, channel: 'control' }), async (room) => {
      if (fromStorage) await room.catchUp()
      return readControlOf(room)
    })
  }

  timer(boardId: string, action: TimerAction): Promise<ControlState> {
    return this.change(boardId, (state, now) => ({ timer: applyTimerAction(state.timer, action, now) }))
  }

  freeze(boardId: string, frozen: boolean): Promise<ControlState> {
    return this.change(boardId, () => ({ frozen }))
  }

  /** Switching private mode off reveals: every private note moves into the board first. */
  async privateMode(boardId: string, active: boolean): Promise<ControlState> {
    if (!active) await this.revealPrivateNotes(boardId)
    return this.change(boardId, (_state, now) => ({ privateMode: { active, since: now } }))
  }

  summon(boardId: string, request: SummonRequest): Promise<ControlState> {
    return this.change(boardId, (_state, now) => ({ summon: { at: now, pageId: request.pageId, bounds: request.bounds, by: request.by } }))
  }

  viewOnly(boardId: string, ownerKey: string, viewOnly: boolean): Promise<ControlState> {
    return this.change(boardId, (state) => {
      const next: Record<string, true> = { ...state.viewOnly }
      if (viewOnly) next[ownerKey] = true
      else delete next[ownerKey]
      return { viewOnly: next }
    })
  }

  /**
   * Issues a participant identity for the link `role` opened: a new secret, of which only the
   * participant id (its sha-256) is recorded, with the link's generation. While the waiting room
   * is on, one issued through the participant or viewer link waits to be let in.
   */
  async issueIdentity(boardId: string, role: Role, name: string): Promise<IssuedIdentity> {
    const identity = randomBytes(32).toString('base64url')
    const participantId = participantIdOf(identity)
    let status: IdentityEntry['status'] = 'admitted'
    await this.change(boardId, (state, now) => {
      if (Object.keys(state.identities).length >= MAX_IDENTITIES_PER_BOARD) {
        throw new SessionError(429, 'identities_full', `This board has issued ${MAX_IDENTITIES_PER_BOARD} identities; the facilitator can replace the link to start afresh`)
      }
      status = state.lobby && role !== 'facilitator' ? 'waiting' : 'admitted'
      const entry: IdentityEntry = { name: name.trim().slice(0, MAX_IDENTITY_NAME), role, issuedAt: now, generation: linkGeneration(state, role), status }
      return { identities: { [participantId]: entry } }
    })
    this.log.info({ boardId, role, status }, 'identity issued')
    return { identity, participantId, status }
  }

  /** Switching the waiting room off lets in whoever was waiting. */
  lobby(boardId: string, active: boolean): Promise<ControlState> {
    return this.change(boardId, (state) => {
      if (active) return { lobby: true }
      const identities = Object.fromEntries(
        Object.entries(state.identities)
          .filter(([, entry]) => entry.status === 'waiting')
          .map(([id, entry]) => [id, { ...entry, status: 'admitted' as const }]),
      )
      return { lobby: false, identities }
    })
  }

  /** Lets a waiting (or earlier turned away) person in, or turns them away; their connections close. */
  admit(boardId: string, participantId: string, admit: boolean): Promise<ControlState> {
    return this.change(boardId, (state) => {
      const entry = Object.hasOwn(state.identities, participantId) ? state.identities[participantId] : undefined
      if (!entry) throw new SessionError(404, 'unknown_participant', 'No identity with this participant id on this board')
      if (entry.role === 'facilitator') throw new SessionError(409, 'facilitator', 'A facilitator cannot be turned away')
      const status = admit ? 'admitted' : 'refused'
      return entry.status === status ? null : { identities: { [participantId]: { ...entry, status } } }
    })
  }

  /**
   * Marks the board deleted (server clock) just before its data goes: every instance watching the
   * control document drops the board and closes its connections (see ControlWatch).
   */
  markDeleted(boardId: string): Promise<ControlState> {
    return this.change(boardId, (state, now) => (state.deleted === null ? { deleted: now } : null))
  }

  /** A new token for the role; every instance then closes the connections holding the old one. */
  async rotate(boardId: string, role: Exclude<Role, 'facilitator'>): Promise<string> {
    const token = generateToken()
    await this.storage.replaceToken(boardId, role, hashToken(token))
    // The identities the old link issued end with it (they name its generation); drop them.
    await this.change(boardId, (state, now) => ({
      rotated: { ...state.rotated, [role]: now },
      identities: Object.fromEntries(Object.entries(state.identities).filter(([, entry]) => entry.role === role).map(([id]) => [id, null])),
    }))
    this.log.info({ boardId, role }, 'link rotated')
    return token
  }

  async voting(boardId: string, request: VotingRequest): Promise<ControlState> {
    if (request.action === 'reveal') {
      const round = (await this.control(boardId)).voting
      if (!round) throw new SessionError(409, 'no_round', 'There is no voting round to reveal')
      const { totals, voters } = await this.storage.voteTotals(boardId, round.id)
      return this.change(boardId, (state) => (state.voting?.id === round.id ? { voting: { ...state.voting, status: 'revealed', totals, voters } } : null))
    }
    return this.change(boardId, (state, now) => {
      switch (request.action) {
        case 'start':
          return { voting: newRound(request, now) }
        case 'close':
          if (!state.voting) throw new SessionError(409, 'no_round', 'There is no voting round to close')
          return state.voting.status === 'open' ? { voting: { ...state.voting, status: 'closed', endsAt: Math.min(state.voting.endsAt ?? now, now) } } : null
        case 'clear':
          return { voting: null }
      }
    })
  }

  async votes(boardId: string, voter: string): Promise<VotesAnswer> {
    const round = (await this.control(boardId)).voting
    return this.answer(boardId, voter, round)
  }

  async vote(boardId: string, voter: string, shapeId: string): Promise<VotesAnswer> {
    const round = (await this.control(boardId)).voting
    const ballot = round ? await this.storage.ballot(boardId, round.id, voter) : {}
    refuse(refuseVote(round, ballot, shapeId, this.now()))
    // round is open here; storage checks the budget again, atomically, against concurrent votes.
    const limits = { perPerson: round!.votesPerPerson, perShape: round!.maxPerShape }
    if (!(await this.storage.addVote({ boardId, roundId: round!.id, voter, shapeId }, limits))) {
      const now = await this.storage.ballot(boardId, round!.id, voter)
      refuse(ballotSize(now) >= limits.perPerson ? 'budget_spent' : 'shape_full')
    }
    return this.answer(boardId, voter, round)
  }

  async unvote(boardId: string, voter: string, shapeId: string): Promise<VotesAnswer> {
    const round = (await this.control(boardId)).voting
    const ballot = round ? await this.storage.ballot(boardId, round.id, voter) : {}
    refuse(refuseUnvote(round, ballot, shapeId, this.now()))
    if (!(await this.storage.removeVote({ boardId, roundId: round!.id, voter, shapeId }))) refuse('no_vote_to_remove')
    return this.answer(boardId, voter, round)
  }

  /**
   * Moves every private note of the board into the board, then empties the private documents:
   * the board gets them first, so nobody's screen loses a note on the way (clients keep a record
   * another document still holds).
   */
  async revealPrivateNotes(boardId: string): Promise<number> {
    let moved = 0
    for (const name of await this.storage.listDocs(boardId, 'private/')) {
      await this.withRoom(name, async (privateRoom) => {
        const notes = [...docRecords(privateRoom.doc).map.entries()].map(([key, entry]) => [key, entry.val] as const)
        if (notes.length === 0) return
        await this.withRoom(boardId, (board) =>
          board.writeAsServer((doc) => {
            const records = docRecords(doc)
            for (const [key, value] of notes) if (!records.has(key)) records.set(key, value)
          }),
        )
        await privateRoom.writeAsServer((doc) => {
          const records = docRecords(doc)
          for (const [key] of notes) records.delete(key)
        })
        moved += notes.length
      })
    }
    this.log.info({ boardId, records: moved }, 'private notes revealed')
    return moved
  }

  private async answer(boardId: string, voter: string, round: VotingRound | null): Promise<VotesAnswer> {
    if (!round) return { roundId: null, mine: {}, remaining: 0, totals: null }
    const mine = await this.storage.ballot(boardId, round.id, voter)
    return {
      roundId: round.id,
      mine,
      remaining: Math.max(0, round.votesPerPerson - ballotSize(mine)),
      totals: round.status === 'revealed' ? (round.totals ?? {}) : null,
    }
  }

  /** Reads the control state, applies `next` (null: no change) and writes what changed. */
  private change(boardId: string, next: (state: ControlState, now: number) => ControlPatch | null): Promise<ControlState> {
    return this.withRoom(roomName({ boardId, channel: 'control' }), async (room) => {
      const patch = next(readControlOf(room), this.now())
      if (patch) {
        await room.writeAsServer((doc) => {
          const map = doc.getMap<unknown>(CONTROL_MAP)
          const { identities, ...values } = patch
          for (const [key, value] of Object.entries(values) as [Exclude<keyof ControlState, 'identities'>, unknown][]) map.set(ControlKey[key], value)
          const roster = doc.getMap<IdentityEntry>(IDENTITIES_MAP)
          for (const [id, entry] of Object.entries(identities ?? {})) {
            if (entry === null) roster.delete(id)
            else roster.set(id, entry)
          }
        })
      }
      return readControlOf(room)
    })
  }

  private async withRoom<T>(name: string, work: (room: Room) => Promise<T>): Promise<T> {
    const peer = serverPeer()
    const room = await this.registry.join(name, peer)
    try {
      return await work(room)
    } finally {
      this.registry.leave(room, peer)
    }
  }
}

function readControlOf(room: Room): ControlState {
  return readControlDoc(room.doc)
}

/**
 * A change of the control state: values of the control map replaced whole, and roster entries
 * set or (null) removed one by one, so concurrent issuing on two instances keeps both.
 */
type ControlPatch = Partial<Omit<ControlState, 'identities'>> & { identities?: Readonly<Record<string, IdentityEntry | null>> }

function newRound(request: Extract<VotingRequest, { action: 'start' }>, now: number): VotingRound {
  const shapeIds = [...new Set(request.shapeIds)]
  if (shapeIds.length === 0 || shapeIds.length > MAX_VOTABLE_SHAPES) {
    throw new SessionError(400, 'invalid_round', `A round needs 1 to ${MAX_VOTABLE_SHAPES} shapes`)
  }
  if (!Number.isInteger(request.votesPerPerson) || request.votesPerPerson < 1 || request.votesPerPerson > MAX_VOTES_PER_PERSON) {
    throw new SessionError(400, 'invalid_round', `Votes per person must be 1 to ${MAX_VOTES_PER_PERSON}`)
  }
  if (!Number.isInteger(request.maxPerShape) || request.maxPerShape < 1) {
    throw new SessionError(400, 'invalid_round', 'Votes per shape must be at least 1')
  }
  const minutes = request.minutes
  if (minutes !== null && (!(minutes > 0) || minutes * 60_000 > MAX_TIMER_MS)) {
    throw new SessionError(400, 'invalid_round', 'A round lasts at most 4 hours')
  }
  return {
    id: randomUUID(),
    shapeIds,
    votesPerPerson: request.votesPerPerson,
    maxPerShape: Math.min(request.maxPerShape, request.votesPerPerson),
    endsAt: minutes === null ? null : now + Math.round(minutes * 60_000),
    status: 'open',
  }
}

function refuse(refusal: VoteRefusal | null): void {
  if (refusal) throw new SessionError(409, refusal, `vote refused: ${refusal.replace(/_/g, ' ')}`)
}
