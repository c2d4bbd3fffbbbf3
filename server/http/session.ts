/**
 * The facilitator's session API and the vote API (shared/session/session-api.ts). Thin: check the
 * token and the body, call the session service, answer with what it returns.
 */
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import type { IdentityAnswer } from '../../shared/session/identity.ts'
import { MAX_IDENTITY_NAME } from '../../shared/session/identity.ts'
import { OWNER_KEY_PATTERN, OWNER_SECRET_HEADER } from '../../shared/session/owner-key.ts'
import type { TimeAnswer } from '../../shared/session/session-api.ts'
import { MAX_SUMMON_NAME, MAX_TIMER_MINUTES, MAX_VOTABLE_SHAPES, MAX_VOTES_PER_PERSON, MAX_VOTES_PER_SHAPE, MAX_VOTING_QUESTION } from '../../shared/session/limits.ts'
import { gateIdentity, presentedIdentity } from '../session/identity-check.ts'
import { SessionError, type SessionService } from '../session/session-service.ts'
import { overLimit } from '../limits/request-limits.ts'
import { bearerToken } from './bearer.ts'
import { clientAddress } from './client-address.ts'
import type { AppDeps } from './deps.ts'
import { jsonError } from './errors.ts'
import { readJsonBody } from './json-body.ts'
import { requireBoard, type BoardEnv } from './require-board.ts'
import type { Storage } from '../storage/storage.ts'

export const TimerBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('set'), minutes: z.number().min(0).max(MAX_TIMER_MINUTES) }),
  z.strictObject({ action: z.enum(['start', 'pause', 'stop', 'addMinute']) }),
])
export const FreezeBody = z.strictObject({ frozen: z.boolean() })
export const PrivateBody = z.strictObject({ active: z.boolean() })
export const VotingBody = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('start'),
    shapeIds: z.array(z.string().min(1).max(200)).min(1).max(MAX_VOTABLE_SHAPES),
    votesPerPerson: z.number().int().min(1).max(MAX_VOTES_PER_PERSON),
    maxPerShape: z.number().int().min(1).max(MAX_VOTES_PER_SHAPE),
    minutes: z.number().positive().max(MAX_TIMER_MINUTES).nullable(),
    question: z.string().max(MAX_VOTING_QUESTION).optional(),
  }),
  z.strictObject({ action: z.enum(['close', 'reveal', 'clear']) }),
])
const Bounds = z.strictObject({ x: z.number().finite(), y: z.number().finite(), w: z.number().finite().min(0), h: z.number().finite().min(0) })
export const SummonBody = z.strictObject({ pageId: z.string().min(1).max(200), bounds: Bounds, by: z.string().max(200), byName: z.string().max(MAX_SUMMON_NAME).optional() })
export const ViewOnlyBody = z.strictObject({ ownerKey: z.string().regex(OWNER_KEY_PATTERN), viewOnly: z.boolean() })
export const VoteBody = z.strictObject({ shapeId: z.string().min(1).max(200) })
export const IdentityBody = z.strictObject({ name: z.string().max(MAX_IDENTITY_NAME).optional() })
export const LobbyBody = z.strictObject({ active: z.boolean() })
export const AdmitBody = z.strictObject({ participantId: z.string().regex(OWNER_KEY_PATTERN), admit: z.boolean() })

type BoardContext = Context<BoardEnv>

/** The session's routes (and the snapshots') are the facilitator's. */
export function facilitatorOnly(storage: Storage) {
  return requireBoard(storage, { role: 'facilitator', refusal: { code: 'not_facilitator', message: 'Only the facilitator can run the session' } })
}

/**
 * The caller's server-issued identity (x-regiebord-owner), checked against the board's roster:
 * a made-up or rotated-away one is refused (403 identity_invalid), as are one turned away and,
 * while the waiting room holds it, one not yet let in.
 */
async function identified(deps: AppDeps, session: SessionService, c: BoardContext): Promise<string | Response> {
  const who = { boardId: c.var.board.id, role: c.var.role }
  const secret = c.req.header(OWNER_SECRET_HEADER)
  if (!secret) return jsonError(c, 400, 'owner_missing', `This needs the identity the board issued, in the ${OWNER_SECRET_HEADER} header`)
  let control = await session.control(who.boardId)
  let presented = await presentedIdentity(secret, who.role, control)
  if (presented.kind === 'unknown' && !deps.soleWriter) {
    // Issued on another instance a moment ago, perhaps: ask storage once.
    control = await session.control(who.boardId, { fromStorage: true })
    presented = await presentedIdentity(secret, who.role, control)
  }
  const gate = gateIdentity(presented, who.role, control)
  if (!gate.ok) {
    deps.metrics.rejected(gate.reason)
    return jsonError(c, gate.status, gate.code, gate.message)
  }
  return gate.participantId!
}

async function answer(c: Context, work: () => Promise<unknown>): Promise<Response> {
  try {
    return c.json(await work())
  } catch (error) {
    if (error instanceof SessionError) return jsonError(c, error.status, error.code, error.message)
    throw error
  }
}

export function timeRoutes(): Hono {
  return new Hono().get('/', (c) => {
    c.header('Cache-Control', 'no-store')
    return c.json<TimeAnswer>({ now: Date.now() })
  })
}

export function sessionRoutes(deps: AppDeps, session: SessionService): Hono {
  const anyToken = requireBoard(deps.storage)
  const facilitator = facilitatorOnly(deps.storage)
  const voter = requireBoard(deps.storage, { role: 'participant', refusal: { code: 'viewer_cannot_vote', message: 'Viewers do not vote' } })
  const facilitatorRoute = <S extends z.ZodType>(schema: S, run: (boardId: string, body: z.infer<S>) => Promise<unknown>) => async (c: BoardContext) => {
    const body = await readJsonBody(c, schema)
    if (!body.ok) return body.response
    return answer(c, () => run(c.var.board.id, body.value))
  }
  const facilitatorQuery = (run: (boardId: string, c: BoardContext) => Promise<unknown>) => async (c: BoardContext) => {
    c.header('Cache-Control', 'no-store')
    return answer(c, () => run(c.var.board.id, c))
  }
  const voterRoute = (run: (boardId: string, voter: string, c: BoardContext, shapeId: string) => Promise<unknown>) => async (c: BoardContext) => {
    const participantId = await identified(deps, session, c)
    if (participantId instanceof Response) return participantId
    const body = c.req.method === 'POST' ? await readJsonBody(c, VoteBody) : null
    if (body && !body.ok) return body.response
    return answer(c, () => run(c.var.board.id, participantId, c, body?.value.shapeId ?? ''))
  }

  return new Hono()
    .post('/:id/session/timer', facilitator, facilitatorRoute(TimerBody, (boardId, body) => session.timer(boardId, body)))
    .post('/:id/session/freeze', facilitator, facilitatorRoute(FreezeBody, (boardId, body) => session.freeze(boardId, body.frozen)))
    .post('/:id/session/private', facilitator, facilitatorRoute(PrivateBody, (boardId, body) => session.privateMode(boardId, body.active)))
    .post('/:id/session/voting', facilitator, facilitatorRoute(VotingBody, (boardId, body) => session.voting(boardId, body)))
    .post('/:id/session/summon', facilitator, facilitatorRoute(SummonBody, (boardId, body) => session.summon(boardId, body)))
    .post('/:id/session/view-only', facilitator, facilitatorRoute(ViewOnlyBody, (boardId, body) => session.viewOnly(boardId, body.ownerKey, body.viewOnly)))
    .post('/:id/session/lobby', facilitator, facilitatorRoute(LobbyBody, (boardId, body) => session.lobby(boardId, body.active)))
    .post('/:id/session/admit', facilitator, facilitatorRoute(AdmitBody, (boardId, body) => session.admit(boardId, body.participantId, body.admit)))
    .post('/:id/identities', anyToken, async (c) => {
      const who = { boardId: c.var.board.id, role: c.var.role }
      const body = await readJsonBody(c, IdentityBody, { allowEmpty: true })
      if (!body.ok) return body.response
      const count = (reason: Parameters<typeof deps.metrics.rejected>[0]) => deps.metrics.rejected(reason)
      const refused =
        overLimit(c, deps.requestLimits.identitiesPerLink, `${who.boardId}/${who.role}`, count) ??
        overLimit(c, deps.requestLimits.identitiesPerIp, clientAddress(c, deps.config.trustProxy), count)
      if (refused) return refused
      try {
        return c.json(await session.issueIdentity(who.boardId, who.role, body.value.name ?? ''), 201)
      } catch (error) {
        if (error instanceof SessionError && error.code === 'identities_full') deps.metrics.rejected('identities_full')
        if (error instanceof SessionError) return jsonError(c, error.status, error.code, error.message)
        throw error
      }
    })
    .get('/:id/identity', async (c, next) => {
      // Set before the token is checked, so refusals are not cached either.
      c.header('Cache-Control', 'no-store')
      await next()
    }, anyToken, async (c) => {
      const who = { boardId: c.var.board.id, role: c.var.role }
      const secret = c.req.header(OWNER_SECRET_HEADER)
      if (!secret) return jsonError(c, 400, 'owner_missing', `Send the identity in the ${OWNER_SECRET_HEADER} header`)
      let presented = await presentedIdentity(secret, who.role, await session.control(who.boardId))
      if (presented.kind === 'unknown' && !deps.soleWriter) {
        presented = await presentedIdentity(secret, who.role, await session.control(who.boardId, { fromStorage: true }))
      }
      if (presented.kind !== 'known') return jsonError(c, 403, 'identity_invalid', 'This identity was not issued by this board link (or the link was replaced)')
      return c.json<IdentityAnswer>({ participantId: presented.participantId, role: who.role, status: presented.status })
    })
    .post('/:id/tokens/:role/rotate', facilitator, async (c) => {
      const who = { boardId: c.var.board.id }
      const role = c.req.param('role')
      if (role !== 'participant' && role !== 'viewer') return jsonError(c, 400, 'invalid_role', 'Only the participant and viewer links can be replaced')
      return answer(c, async () => ({ role, token: await session.rotate(who.boardId, role, bearerToken(c.req.header('authorization')) ?? '') }))
    })
    .get('/:id/links', facilitator, facilitatorQuery((boardId, c) => session.links(boardId, bearerToken(c.req.header('authorization')) ?? '')))
    .get('/:id/session/voting/progress', facilitator, facilitatorQuery((boardId) => session.votingProgress(boardId)))
    .get('/:id/session/private/count', facilitator, facilitatorQuery((boardId) => session.hiddenNotes(boardId)))
    .get('/:id/votes', voter, voterRoute((boardId, voter) => session.votes(boardId, voter)))
    .post('/:id/votes', voter, voterRoute((boardId, voter, _c, shapeId) => session.vote(boardId, voter, shapeId)))
    .delete('/:id/votes/:shapeId', voter, voterRoute((boardId, voter, c) => session.unvote(boardId, voter, c.req.param('shapeId') ?? '')))
}
