/**
 * The facilitator's session, on the server: every change to a board's control document goes
 * through here (checked, timed on the server's clock, written as the server), and so do votes
 * and the reveal of private notes. The HTTP routes only translate.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import type { Role } from '../../shared/roles.ts'
import { parseRoomName, type DocRef } from '../../shared/session/channels.ts'
import { ATTENDANCE_MAP, CONTROL_MAP, ControlKey, IDENTITIES_MAP, readAttendance, readControlDoc, ROTATED_MAP, VIEW_ONLY_MAP, type ControlState, type IdentityEntry, type VotingRound } from '../../shared/session/control-doc.ts'
import { ownerKeyOf } from '../../shared/session/owner-key.ts'
import { linkGeneration, MAX_IDENTITIES_PER_BOARD, MAX_IDENTITY_NAME, type IssuedIdentity } from '../../shared/session/identity.ts'
import type { AttendanceBook } from './attendance.ts'
import type { HiddenNotes, LinksAnswer, SummonRequest, VotesAnswer, VotingProgress, VotingRequest } from '../../shared/session/session-api.ts'
import { shapesOf, shapeText, visibleRecords } from '../../shared/export/board-content.ts'
import { isVotableType } from '../../shared/session/votable.ts'
import { readBoardContent } from '../boards/board-records.ts'
import { linkToken, type SharedRole } from '../boards/link-tokens.ts'
import { applyTimerAction, type TimerAction } from '../../shared/session/timer.ts'
import { MAX_SUMMON_NAME, MAX_TIMER_MINUTES, MAX_TIMER_MS, MAX_VOTABLE_SHAPES, MAX_VOTES_PER_PERSON, MAX_VOTES_PER_SHAPE, MAX_VOTING_QUESTION } from '../../shared/session/limits.ts'
import { ballotSize, refuseUnvote, refuseVote, type VoteRefusal } from '../../shared/session/voting.ts'
import { hashToken } from '../boards/tokens.ts'
import type { Logger } from '../log.ts'
import type { RoomRegistry } from '../rooms/registry.ts'
import type { Room } from '../rooms/room.ts'
import type { Storage } from '../storage/storage.ts'
import { placeArrivingNotes, type PlacedShape } from '../../shared/board/note-placement.ts'
import { docRecords } from './doc-records.ts'
import { serverPeer } from './server-peer.ts'
import { BoardSnapshots } from './snapshots.ts'

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

export class SessionService {
  /** Named phases of each board; taken here too when a round or private notes are revealed. */
  readonly snapshots: BoardSnapshots

  constructor(
    private readonly registry: RoomRegistry,
    private readonly storage: Storage,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.snapshots = new BoardSnapshots(storage, log, now)
  }

  /** `fromStorage`: catch up with what other instances stored first (see ControlHandle.refresh). */
  control(boardId: string, { fromStorage = false } = {}): Promise<ControlState> {
    return this.withRoom(controlDoc(boardId), async (room) => {
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
    const wasActive = (await this.control(boardId)).privateMode.active
    if (!active) await this.revealPrivateNotes(boardId)
    const state = await this.change(boardId, (_state, now) => ({ privateMode: { active, since: now } }))
    if (wasActive && !active) await this.snapshots.takeAutomatic(boardId, 'reveal')
    return state
  }

  summon(boardId: string, request: SummonRequest): Promise<ControlState> {
    const byName = request.byName?.trim().slice(0, MAX_SUMMON_NAME)
    return this.change(boardId, (_state, now) => ({ summon: { at: now, pageId: request.pageId, bounds: request.bounds, by: request.by, ...(byName && { byName }) } }))
  }

  viewOnly(boardId: string, ownerKey: string, viewOnly: boolean): Promise<ControlState> {
    return this.change(boardId, () => ({ viewOnly: { [ownerKey]: viewOnly } }))
  }

  /**
   * Issues a participant identity for the link `role` opened: a new secret, of which only the
   * participant id (its sha-256) is recorded, with the link's generation. While the waiting room
   * is on, one issued through the participant or viewer link waits to be let in.
   */
  async issueIdentity(boardId: string, role: Role, name: string): Promise<IssuedIdentity> {
    const identity = randomBytes(32).toString('base64url')
    const participantId = await ownerKeyOf(identity)
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

  /**
   * A new token for the role, derived from the facilitator's (link-tokens.ts) with the rotation
   * time as its generation; every instance then closes the connections holding the old one.
   */
  async rotate(boardId: string, role: SharedRole, facilitatorToken: string): Promise<string> {
    const at = Math.max(this.now(), ((await this.control(boardId)).rotated[role] ?? 0) + 1)
    const token = linkToken(facilitatorToken, boardId, role, at)
    await this.storage.replaceToken(boardId, role, hashToken(token))
    // The identities the old link issued end with it (they name its generation); drop them.
    await this.change(boardId, (state) => ({
      rotated: { [role]: at },
      identities: Object.fromEntries(Object.entries(state.identities).filter(([, entry]) => entry.role === role).map(([id]) => [id, null])),
    }))
    this.log.info({ boardId, role }, 'link rotated')
    return token
  }

  /**
   * The participant and viewer tokens, derived again from the facilitator's; each is checked
   * against the stored hash, so a board whose links were random (made before links were derived)
   * answers null rather than a link that does not open it.
   */
  async links(boardId: string, facilitatorToken: string): Promise<LinksAnswer> {
    const { rotated } = await this.control(boardId)
    const current = async (role: SharedRole): Promise<string | null> => {
      const token = linkToken(facilitatorToken, boardId, role, rotated[role] ?? 0)
      return (await this.storage.findRole(boardId, hashToken(token))) === role ? token : null
    }
    return { participant: await current('participant'), viewer: await current('viewer') }
  }

  /** The attendance map of the board's control document (attendance.ts). */
  attendance(): AttendanceBook {
    return {
      read: (boardId) =>
        this.withRoom(controlDoc(boardId), async (room) => {
          const entries = readAttendance(room.doc.getMap<unknown>(ATTENDANCE_MAP).entries())
          return new Map(entries.map(({ key, ...attendee }) => [key, attendee]))
        }),
      write: (boardId, entries) =>
        this.withRoom(controlDoc(boardId), (room) =>
          room.writeAsServer((doc) => {
            const map = doc.getMap<unknown>(ATTENDANCE_MAP)
            for (const [key, attendee] of entries) map.set(key, attendee)
          }),
        ),
    }
  }

  /** Who has voted in the current round so far (owner keys), for "n van m deelnemers hebben gestemd". */
  async votingProgress(boardId: string): Promise<VotingProgress> {
    const round = (await this.control(boardId)).voting
    if (!round) return { roundId: null, voters: [] }
    return { roundId: round.id, voters: await this.storage.roundVoters(boardId, round.id) }
  }

  /** How many private notes wait for the reveal, and by how many people; never what they say. */
  async hiddenNotes(boardId: string): Promise<HiddenNotes> {
    let notes = 0
    let writers = 0
    for (const doc of await this.privateDocs(boardId)) {
      const count = await this.withRoom(doc, async (room) => {
        let shapes = 0
        for (const key of docRecords(room.doc).map.keys()) if (key.startsWith('shape:')) shapes++
        return shapes
      })
      notes += count
      if (count > 0) writers++
    }
    return { notes, writers }
  }

  async voting(boardId: string, request: VotingRequest): Promise<ControlState> {
    if (request.action === 'reveal') {
      const round = (await this.control(boardId)).voting
      if (!round) throw new SessionError(409, 'no_round', 'There is no voting round to reveal')
      if (round.status === 'revealed') return this.control(boardId)
      const { totals, voters } = await this.storage.voteTotals(boardId, round.id)
      const labels = await this.shapeLabels(boardId, round.shapeIds)
      const state = await this.change(boardId, (state, now) => {
        if (state.voting?.id !== round.id || state.voting.status === 'revealed') return null
        const revealed: VotingRound = { ...state.voting, status: 'revealed', totals, voters, labels, revealedAt: now }
        // Every revealed round stays, for the panel, the report and the CSV.
        return { voting: revealed, rounds: [...state.rounds.filter((kept) => kept.id !== round.id), revealed] }
      })
      if (state.voting?.id === round.id) await this.snapshots.takeAutomatic(boardId, 'voting')
      return state
    }
    if (request.action === 'start') await this.checkVotable(boardId, request.shapeIds)
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
    for (const doc of await this.privateDocs(boardId)) {
      await this.withRoom(doc, async (privateRoom) => {
        const notes = [...docRecords(privateRoom.doc).map.entries()].map(([key, entry]) => [key, entry.val] as const)
        if (notes.length === 0) return
        await this.withRoom({ boardId, channel: 'main' }, (board) =>
          board.writeAsServer((doc) => {
            const records = docRecords(doc)
            const fresh = notes.filter(([key]) => !records.has(key))
            for (const [key, value] of fresh) records.set(key, value)
            // Notes written privately in a lane go to the lane's free cells, not onto each other.
            const board = [...records.map.values()].map((entry) => entry.val as PlacedShape)
            for (const record of placeArrivingNotes(board, fresh.map(([, value]) => value as PlacedShape))) records.set(record.id, record)
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

  /**
   * Refuses a round on shapes that are not something to vote on (a template's question cards,
   * frames, arrows): a modified client gets the same rule as the panel.
   */
  private async checkVotable(boardId: string, shapeIds: readonly string[]): Promise<void> {
    const shapes = new Map(shapesOf(visibleRecords(await readBoardContent(this.storage, boardId))).map((shape) => [shape.id as string, shape]))
    // A shape not (yet) in storage may be on its way from the facilitator's screen: allowed.
    const refused = shapeIds.filter((id) => {
      const shape = shapes.get(id)
      return shape !== undefined && !isVotableType(shape.type)
    })
    if (refused.length > 0) {
      throw new SessionError(400, 'not_votable', `${refused.length} of the shapes cannot be voted on (a frame, arrow, legend or template card): ${refused.slice(0, 5).join(', ')}`)
    }
  }

  private async shapeLabels(boardId: string, shapeIds: readonly string[]): Promise<Record<string, string>> {
    const wanted = new Set(shapeIds)
    const labels: Record<string, string> = {}
    for (const shape of shapesOf(visibleRecords(await readBoardContent(this.storage, boardId)))) {
      if (wanted.has(shape.id)) labels[shape.id] = shapeText(shape).slice(0, 500)
    }
    return labels
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
    return this.withRoom(controlDoc(boardId), async (room) => {
      const patch = next(readControlOf(room), this.now())
      if (patch) {
        await room.writeAsServer((doc) => {
          const map = doc.getMap<unknown>(CONTROL_MAP)
          const { identities, viewOnly, rotated, ...values } = patch
          for (const [key, value] of Object.entries(values) as [keyof typeof values, unknown][]) map.set(ControlKey[key], value)
          // Set entries are written one by one (see control-doc.ts): a facilitator on another
          // instance changing another entry at the same moment keeps theirs.
          const roster = doc.getMap<IdentityEntry>(IDENTITIES_MAP)
          for (const [id, entry] of Object.entries(identities ?? {})) {
            if (entry === null) roster.delete(id)
            else roster.set(id, entry)
          }
          const viewOnlyMap = doc.getMap<boolean>(VIEW_ONLY_MAP)
          const oldViewOnly = (map.get(ControlKey.viewOnly) ?? {}) as ControlState['viewOnly']
          for (const [id, on] of Object.entries(viewOnly ?? {})) {
            // false only where a board's old whole value still names the person; else no entry.
            if (on || Object.hasOwn(oldViewOnly, id)) viewOnlyMap.set(id, on)
            else viewOnlyMap.delete(id)
          }
          const rotatedMap = doc.getMap<number>(ROTATED_MAP)
          for (const [role, at] of Object.entries(rotated ?? {})) rotatedMap.set(role, at)
        })
      }
      return readControlOf(room)
    })
  }

  /** The board's private-notes documents that storage holds. */
  private async privateDocs(boardId: string): Promise<DocRef[]> {
    const names = await this.storage.listDocs(boardId, 'private/')
    return names.map(parseRoomName).filter((doc): doc is DocRef => doc !== null)
  }

  private async withRoom<T>(doc: DocRef, work: (room: Room) => Promise<T>): Promise<T> {
    const peer = serverPeer()
    const room = await this.registry.join(doc, peer)
    try {
      return await work(room)
    } finally {
      this.registry.leave(room, peer)
    }
  }
}

function controlDoc(boardId: string): DocRef {
  return { boardId, channel: 'control' }
}

function readControlOf(room: Room): ControlState {
  return readControlDoc(room.doc)
}

/**
 * A change of the control state: values of the control map replaced whole; roster entries set or
 * (null) removed, people set view-only (true) or not (false), and link rotations, each one by
 * one, so that concurrent changes on two instances keep both (see control-doc.ts).
 */
type ControlPatch = Partial<Omit<ControlState, 'identities' | 'viewOnly' | 'rotated'>> & {
  identities?: Readonly<Record<string, IdentityEntry | null>>
  viewOnly?: Readonly<Record<string, boolean>>
  rotated?: ControlState['rotated']
}

function newRound(request: Extract<VotingRequest, { action: 'start' }>, now: number): VotingRound {
  const shapeIds = [...new Set(request.shapeIds)]
  if (shapeIds.length === 0 || shapeIds.length > MAX_VOTABLE_SHAPES) {
    throw new SessionError(400, 'invalid_round', `A round needs 1 to ${MAX_VOTABLE_SHAPES} shapes`)
  }
  if (!Number.isInteger(request.votesPerPerson) || request.votesPerPerson < 1 || request.votesPerPerson > MAX_VOTES_PER_PERSON) {
    throw new SessionError(400, 'invalid_round', `Votes per person must be 1 to ${MAX_VOTES_PER_PERSON}`)
  }
  if (!Number.isInteger(request.maxPerShape) || request.maxPerShape < 1 || request.maxPerShape > MAX_VOTES_PER_SHAPE) {
    throw new SessionError(400, 'invalid_round', `Votes per shape must be 1 to ${MAX_VOTES_PER_SHAPE}`)
  }
  const minutes = request.minutes
  if (minutes !== null && (!(minutes > 0) || minutes * 60_000 > MAX_TIMER_MS)) {
    throw new SessionError(400, 'invalid_round', `A round lasts at most ${MAX_TIMER_MINUTES / 60} hours`)
  }
  return {
    id: randomUUID(),
    shapeIds,
    votesPerPerson: request.votesPerPerson,
    maxPerShape: Math.min(request.maxPerShape, request.votesPerPerson),
    endsAt: minutes === null ? null : now + Math.round(minutes * 60_000),
    status: 'open',
    question: request.question?.trim().slice(0, MAX_VOTING_QUESTION) ?? '',
    startedAt: now,
  }
}

function refuse(refusal: VoteRefusal | null): void {
  if (refusal) throw new SessionError(409, refusal, `vote refused: ${refusal.replace(/_/g, ' ')}`)
}
