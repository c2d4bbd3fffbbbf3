/** The facilitator's session calls and everyone's vote calls (shared/session/session-api.ts). */
import type { Role } from '../../shared/roles.ts'
import type { ControlState } from '../../shared/session/control-doc.ts'
import { OWNER_SECRET_HEADER } from '../../shared/session/owner-key.ts'
import type { HiddenNotes, LinksAnswer, SummonRequest, VotesAnswer, VotingProgress, VotingRequest } from '../../shared/session/session-api.ts'
import type { TimerAction } from '../../shared/session/timer.ts'
import { ApiError } from '../app/api.ts'
import { snapshotApi, type SnapshotApi } from './snapshots/snapshot-api.ts'

export interface SessionClient {
  timer(action: TimerAction): Promise<ControlState>
  freeze(frozen: boolean): Promise<ControlState>
  privateMode(active: boolean): Promise<ControlState>
  voting(request: VotingRequest): Promise<ControlState>
  summon(request: SummonRequest): Promise<ControlState>
  viewOnly(ownerKey: string, viewOnly: boolean): Promise<ControlState>
  /** The waiting room on or off. */
  lobby(active: boolean): Promise<ControlState>
  /** Lets a person in (true) or turns them away (false). */
  admit(participantId: string, admit: boolean): Promise<ControlState>
  rotate(role: Exclude<Role, 'facilitator'>): Promise<{ role: Role; token: string }>
  /** The participant and viewer tokens (facilitator). */
  links(): Promise<LinksAnswer>
  votingProgress(): Promise<VotingProgress>
  hiddenNotes(): Promise<HiddenNotes>
  votes(): Promise<VotesAnswer>
  vote(shapeId: string): Promise<VotesAnswer>
  unvote(shapeId: string): Promise<VotesAnswer>
  /** Deletes the board and everything stored about it (facilitator). */
  deleteBoard(): Promise<unknown>
  /** A server export of the board (`/export.json`, `/export.csv`, …) as a file. */
  fetchExport(path: string): Promise<Blob>
  /** The board's snapshots (facilitator). */
  snapshots: SnapshotApi
}

export function createSessionClient(boardId: string, token: string, ownerSecret: string): SessionClient {
  const base = `/api/boards/${encodeURIComponent(boardId)}`
  const send = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    let response: Response
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          [OWNER_SECRET_HEADER]: ownerSecret,
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      })
    } catch {
      throw new ApiError(0, 'network', 'network error')
    }
    const answer = (await response.json().catch(() => null)) as (T & { error?: string; message?: string }) | null
    if (!response.ok) throw new ApiError(response.status, answer?.error ?? 'http_error', answer?.message ?? `HTTP ${response.status}`)
    return answer as T
  }
  return {
    timer: (action) => send('POST', '/session/timer', action),
    freeze: (frozen) => send('POST', '/session/freeze', { frozen }),
    privateMode: (active) => send('POST', '/session/private', { active }),
    voting: (request) => send('POST', '/session/voting', request),
    summon: (request) => send('POST', '/session/summon', request),
    viewOnly: (ownerKey, viewOnly) => send('POST', '/session/view-only', { ownerKey, viewOnly }),
    lobby: (active) => send('POST', '/session/lobby', { active }),
    admit: (participantId, admit) => send('POST', '/session/admit', { participantId, admit }),
    rotate: (role) => send('POST', `/tokens/${role}/rotate`),
    links: () => send('GET', '/links'),
    votingProgress: () => send('GET', '/session/voting/progress'),
    hiddenNotes: () => send('GET', '/session/private/count'),
    votes: () => send('GET', '/votes'),
    vote: (shapeId) => send('POST', '/votes', { shapeId }),
    unvote: (shapeId) => send('DELETE', `/votes/${encodeURIComponent(shapeId)}`),
    deleteBoard: () => send('DELETE', ''),
    snapshots: snapshotApi(send),
    fetchExport: async (path) => {
      const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } })
      if (!response.ok) throw new ApiError(response.status, 'export_failed', `HTTP ${response.status}`)
      return response.blob()
    },
  }
}
