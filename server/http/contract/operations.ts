/**
 * Every HTTP operation of the server, described once for the OpenAPI document (openapi.ts): its
 * path, who may call it, the body it takes (the zod schema the route validates with, exported by
 * the route file) and what it answers with each status. The contract test checks that every
 * route registered in the Hono app is here (and nothing else is), and validates real answers
 * against what is written here.
 */
import type { z } from 'zod'
import { CreateBoardBody } from '../boards.ts'
import {
  AdmitBody,
  FreezeBody,
  IdentityBody,
  LobbyBody,
  PrivateBody,
  SummonBody,
  TimerBody,
  ViewOnlyBody,
  VoteBody,
  VotingBody,
} from '../session.ts'
import { SnapshotBody } from '../snapshots.ts'
import { TemplateFileSchema } from '../../templates/template-file.ts'
import {
  AdminHiddenBody,
  AdminTemplateListSchema,
  ApiErrorSchema,
  ArrangementsImportedSchema,
  ArrangementsPayloadBody,
  AssetCreatedSchema,
  BilingualErrorSchema,
  BoardFileSchema,
  BoardFileWithSnapshotsSchema,
  BoardInfoSchema,
  ClientConfigSchema,
  ControlStateSchema,
  CreatedBoardSchema,
  DeletedSchema,
  HealthSchema,
  HiddenChangedSchema,
  HiddenNotesSchema,
  IdentityAnswerSchema,
  ImportErrorSchema,
  IssuedIdentitySchema,
  LinksSchema,
  OwnTemplateSummarySchema,
  RegiecheckSchema,
  RotatedTokenSchema,
  SnapshotBoardFileSchema,
  SnapshotContentSchema,
  SnapshotListSchema,
  SnapshotSummarySchema,
  TemplateListSchema,
  TimeSchema,
  VotesSchema,
  VotingProgressSchema,
} from './response-schemas.ts'

export type HttpMethod = 'get' | 'post' | 'patch' | 'delete'

/** What one status answers: a JSON body described by a schema, or another media type. */
export type ResponseSpec =
  | { readonly description: string; readonly json: z.ZodType }
  | { readonly description: string; readonly media: Readonly<Record<string, MediaSpec>> }
  | { readonly description: string }

/** A non-JSON body: text (CSV, HTML, Prometheus) or bytes. */
export interface MediaSpec {
  readonly kind: 'text' | 'binary'
}

export interface ParameterSpec {
  readonly name: string
  readonly in: 'query' | 'header' | 'path'
  readonly description: string
  readonly required?: boolean
  readonly values?: readonly string[]
}

export interface RequestSpec {
  readonly required: boolean
  readonly json?: z.ZodType
  /** Other media types the route reads (files). */
  readonly media?: Readonly<Record<string, MediaSpec>>
}

export interface Operation {
  readonly method: HttpMethod
  /** OpenAPI form: /api/boards/{id}. */
  readonly path: string
  readonly summary: string
  readonly tag: 'boards' | 'session' | 'votes' | 'snapshots' | 'exports' | 'templates' | 'admin' | 'installation' | 'sync'
  /** Bearer tokens it takes: a board link (facilitator/participant/viewer), or ADMIN_TOKEN. */
  readonly auth: 'none' | 'board' | 'admin' | 'board-or-admin'
  readonly parameters?: readonly ParameterSpec[]
  readonly body?: RequestSpec
  readonly responses: Readonly<Record<number, ResponseSpec>>
}

const error = (description: string): ResponseSpec => ({ description, json: ApiErrorSchema })
/** Routes that answer bilingually themselves, and with the plain error of a shared check. */
const maybeBilingual = ApiErrorSchema.extend({ messages: BilingualErrorSchema.shape.messages.optional() })
const bilingual = (description: string): ResponseSpec => ({ description, json: BilingualErrorSchema })

/** The answers of every route that checks a board token (authorize in boards.ts). */
const boardAccess = {
  401: error('token_missing: no bearer token'),
  403: error('token_invalid: the token does not open this board (or not_facilitator, identity_invalid, … where the route says so)'),
  404: error('board_not_found'),
} as const
const voterAccess = { ...boardAccess, 403: error('viewer_cannot_vote, identity_invalid, waiting_for_admission, turned_away, token_invalid') } as const
const badBody = error('invalid_json or invalid_body: the message says which field and why')
const tooLarge = error('body_too_large')
const rateLimited = error('rate_limited (with Retry-After)')
const owner: ParameterSpec = {
  name: 'x-regiebord-owner',
  in: 'header',
  required: true,
  description: 'the identity secret the board issued (POST /api/boards/{id}/identities)',
}
/** Which board document, and who asks: the same for its socket and its state. */
const documentParameters: readonly ParameterSpec[] = [
  { name: 'room', in: 'path', required: true, description: 'the board document (may contain /)' },
  { name: 'token', in: 'query', required: true, description: "a board link's token" },
  { name: 'owner', in: 'query', description: 'the identity secret the board issued (needed for private notes, and while the waiting room is on)' },
]
const locale: ParameterSpec = { name: 'locale', in: 'query', description: 'language of labels and messages (default nl)', values: ['nl', 'en'] }
const csv: ResponseSpec = {
  description: 'UTF-8 with a byte order mark, ;-separated, CRLF (opens in Excel with Dutch settings); an attachment',
  media: { 'text/csv': { kind: 'text' } },
}

/** The facilitator's session calls: a body, the new control state back. */
function sessionCall(path: string, summary: string, body: z.ZodType): Operation {
  return {
    method: 'post',
    path: `/api/boards/{id}/session/${path}`,
    summary,
    tag: 'session',
    auth: 'board',
    body: { required: true, json: body },
    responses: {
      200: { description: 'the new control state (also in the control document)', json: ControlStateSchema },
      400: badBody,
      ...boardAccess,
      403: error('not_facilitator, or token_invalid'),
      409: error('not possible in the current state (the message says why)'),
      413: tooLarge,
    },
  }
}

export const OPERATIONS: readonly Operation[] = [
  // ---- installation
  {
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This document',
    tag: 'installation',
    auth: 'none',
    responses: { 200: { description: 'OpenAPI 3.1', media: { 'application/json': { kind: 'text' } } } },
  },
  {
    method: 'get',
    path: '/api/health',
    summary: 'Whether this instance can serve boards (Redis down: 200 degraded; storage down: 503)',
    tag: 'installation',
    auth: 'none',
    responses: { 200: { description: 'ok or degraded', json: HealthSchema }, 503: { description: 'storage is down', json: HealthSchema } },
  },
  {
    method: 'get',
    path: '/api/config',
    summary: 'Run-time settings the browser needs',
    tag: 'installation',
    auth: 'none',
    responses: { 200: { description: 'the settings', json: ClientConfigSchema } },
  },
  {
    method: 'get',
    path: '/api/time',
    summary: "The server's clock, for the session timer",
    tag: 'installation',
    auth: 'none',
    responses: { 200: { description: 'now', json: TimeSchema } },
  },
  {
    method: 'get',
    path: '/metrics',
    summary: 'Prometheus metrics',
    tag: 'installation',
    auth: 'none',
    responses: { 200: { description: 'Prometheus text format', media: { 'text/plain': { kind: 'text' } } } },
  },
  {
    method: 'get',
    path: '/sync/{room}',
    summary:
      'The y-websocket endpoint (WebSocket upgrade). room is <boardId>, <boardId>/structure, <boardId>/control or <boardId>/private/<ownerKey>; the protocol and close codes are in the README',
    tag: 'sync',
    auth: 'none',
    parameters: documentParameters,
    responses: {
      101: { description: 'switched to WebSocket' },
      401: error('token_missing'),
      403: error('token_invalid, identity_invalid, waiting_for_admission, turned_away, not_owner'),
      404: error('board_not_found or unknown_document'),
      426: error('upgrade_required: not a WebSocket upgrade'),
      429: error('too many connections (Retry-After)'),
      503: error('server_busy (Retry-After)'),
    },
  },
  {
    method: 'get',
    path: '/sync-state/{room}',
    summary:
      "A board document's stored state as one Yjs update, for whoever /sync/{room} would let in (same token, identity, waiting-room and owner checks); lets a browser show the board before its sockets are open",
    tag: 'sync',
    auth: 'none',
    parameters: documentParameters,
    responses: {
      200: { description: 'the state, as Y.encodeStateAsUpdate writes it', media: { 'application/octet-stream': { kind: 'binary' } } },
      401: error('token_missing'),
      403: error('token_invalid, identity_invalid, waiting_for_admission, turned_away, not_owner'),
      404: error('board_not_found or unknown_document'),
      429: error('rate_limited past MAX_DOCUMENT_STATES_PER_MINUTE_PER_IP, or too many connections (Retry-After)'),
      503: error('server_busy (Retry-After)'),
    },
  },

  // ---- boards
  {
    method: 'post',
    path: '/api/boards',
    summary: 'Create a board, empty or from a template (built-in or own)',
    tag: 'boards',
    auth: 'none',
    body: { required: false, json: CreateBoardBody },
    responses: { 201: { description: 'the board and its three links', json: CreatedBoardSchema }, 400: error('invalid_body, invalid_json or unknown_template'), 413: tooLarge, 429: rateLimited },
  },
  {
    method: 'get',
    path: '/api/boards/{id}',
    summary: 'The board, and the role the token gives',
    tag: 'boards',
    auth: 'board',
    responses: { 200: { description: 'the board', json: BoardInfoSchema }, ...boardAccess },
  },
  {
    method: 'delete',
    path: '/api/boards/{id}',
    summary: 'Delete the board and everything stored about it; connections close with 4410',
    tag: 'boards',
    auth: 'board',
    responses: { 200: { description: 'deleted', json: DeletedSchema }, ...boardAccess, 403: error('not_facilitator, or token_invalid') },
  },
  {
    method: 'get',
    path: '/api/boards/{id}/regiecheck',
    summary: "The regiecheck's findings on the board as everyone sees it",
    tag: 'boards',
    auth: 'board',
    parameters: [locale],
    responses: { 200: { description: 'counts, open findings and the ones set aside', json: RegiecheckSchema }, 400: error('unknown_locale'), ...boardAccess },
  },
  {
    method: 'post',
    path: '/api/boards/{id}/assets',
    summary: 'Upload a file (image or video) for the board; the body is the file',
    tag: 'boards',
    auth: 'board',
    body: { required: true, media: Object.fromEntries(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'video/mp4', 'video/webm'].map((type) => [type, { kind: 'binary' }])) },
    responses: {
      201: { description: 'stored', json: AssetCreatedSchema },
      400: error('empty_file'),
      ...boardAccess,
      403: error('read_only (viewers), or token_invalid'),
      413: error("asset_too_large, board_asset_count or board_asset_bytes (the board's quota)"),
      415: error('unsupported_type, or type_mismatch when the first bytes are not the claimed type'),
      429: rateLimited,
    },
  },
  {
    method: 'get',
    path: '/api/boards/{id}/assets/{asset}',
    summary: 'A file of the board (its random name is the capability)',
    tag: 'boards',
    auth: 'none',
    responses: { 200: { description: 'the file, as uploaded', media: { 'application/octet-stream': { kind: 'binary' } } }, 404: error('asset_not_found') },
  },
  {
    method: 'post',
    path: '/api/boards/import',
    summary: 'A board file (from export.json) becomes a new board; at most 8 MiB',
    tag: 'boards',
    auth: 'none',
    body: { required: true, json: BoardFileSchema },
    responses: {
      201: { description: 'the new board and its links', json: CreatedBoardSchema },
      400: error('invalid_board_file (the message names the first problems), invalid_json'),
      413: tooLarge,
      429: rateLimited,
    },
  },
  {
    method: 'post',
    path: '/api/boards/import-arrangements',
    summary: 'A spreadsheet of arrangements becomes a new board: the JSON the preview sends, or CSV/XLSX files',
    tag: 'boards',
    auth: 'none',
    parameters: [
      { name: 'title', in: 'query', description: 'with files: the board title' },
      { name: 'locale', in: 'query', description: 'with files: the language', values: ['nl', 'en'] },
    ],
    body: { required: true, json: ArrangementsPayloadBody, media: { 'text/csv': { kind: 'text' }, 'multipart/form-data': { kind: 'binary' } } },
    responses: {
      201: { description: 'the new board, its links, counts and the regiecheck findings', json: ArrangementsImportedSchema },
      400: { description: 'invalid_json, invalid_import, no_file, unknown_locale, invalid_title', json: BilingualErrorSchema },
      413: { description: 'body_too_large', json: BilingualErrorSchema },
      415: { description: 'unsupported_type', json: BilingualErrorSchema },
      422: { description: 'unreadable_file, or unreadable_rows with every problem; nothing is stored', json: ImportErrorSchema },
      429: rateLimited,
    },
  },

  // ---- identities, links, session
  {
    method: 'post',
    path: '/api/boards/{id}/identities',
    summary: 'A new identity for whoever holds this link (waiting while the waiting room is on)',
    tag: 'session',
    auth: 'board',
    body: { required: false, json: IdentityBody },
    responses: {
      201: { description: 'the identity secret and participant id', json: IssuedIdentitySchema },
      400: badBody,
      ...boardAccess,
      409: error('identities_full (2,000 per board)'),
      413: tooLarge,
      429: error('rate_limited per link or per address (Retry-After), or identities_full'),
    },
  },
  {
    method: 'get',
    path: '/api/boards/{id}/identity',
    summary: 'Whether the board knows this identity, and its status',
    tag: 'session',
    auth: 'board',
    parameters: [owner],
    responses: { 200: { description: 'the identity', json: IdentityAnswerSchema }, 400: error('owner_missing'), ...boardAccess, 403: error('identity_invalid, or token_invalid') },
  },
  {
    method: 'post',
    path: '/api/boards/{id}/tokens/{role}/rotate',
    summary: "Replace the participant or viewer link; connections holding the old one close with 4403",
    tag: 'session',
    auth: 'board',
    parameters: [{ name: 'role', in: 'path', required: true, description: 'participant or viewer', values: ['participant', 'viewer', 'facilitator'] }],
    responses: { 200: { description: 'the new token', json: RotatedTokenSchema }, 400: error('invalid_role'), ...boardAccess, 403: error('not_facilitator, or token_invalid') },
  },
  {
    method: 'get',
    path: '/api/boards/{id}/links',
    summary: 'The current participant and viewer tokens',
    tag: 'session',
    auth: 'board',
    responses: { 200: { description: 'null for a board whose links predate derivation', json: LinksSchema }, ...boardAccess, 403: error('not_facilitator, or token_invalid') },
  },
  sessionCall('timer', 'Set, start, pause, stop the session timer, or add a minute', TimerBody),
  sessionCall('freeze', 'Freeze the board (only the facilitator writes)', FreezeBody),
  sessionCall('private', 'Silent writing on or off (off reveals the notes)', PrivateBody),
  sessionCall('voting', 'Start, close, reveal or clear a dot-voting round', VotingBody),
  sessionCall('summon', 'Bring everyone to the facilitator’s view', SummonBody),
  sessionCall('view-only', 'Let one participant only look, or write again', ViewOnlyBody),
  sessionCall('lobby', 'The waiting room on or off (off lets everyone waiting in)', LobbyBody),
  sessionCall('admit', 'Let someone in from the waiting room, or turn them away (4401)', AdmitBody),
  {
    method: 'get',
    path: '/api/boards/{id}/session/voting/progress',
    summary: 'Who has placed a dot in the current round (never where)',
    tag: 'session',
    auth: 'board',
    responses: { 200: { description: 'the voters', json: VotingProgressSchema }, ...boardAccess, 403: error('not_facilitator, or token_invalid') },
  },
  {
    method: 'get',
    path: '/api/boards/{id}/session/private/count',
    summary: 'How many unrevealed private notes, by how many people',
    tag: 'session',
    auth: 'board',
    responses: { 200: { description: 'the counts', json: HiddenNotesSchema }, ...boardAccess, 403: error('not_facilitator, or token_invalid') },
  },

  // ---- votes
  {
    method: 'get',
    path: '/api/boards/{id}/votes',
    summary: 'My dots in the current round (totals once revealed)',
    tag: 'votes',
    auth: 'board',
    parameters: [owner],
    responses: { 200: { description: 'my dots, what is left, totals once revealed', json: VotesSchema }, 400: error('owner_missing'), ...voterAccess },
  },
  {
    method: 'post',
    path: '/api/boards/{id}/votes',
    summary: 'Place a dot on a shape',
    tag: 'votes',
    auth: 'board',
    parameters: [owner],
    body: { required: true, json: VoteBody },
    responses: {
      200: { description: 'my dots now', json: VotesSchema },
      400: error('owner_missing, invalid_body, invalid_json'),
      ...voterAccess,
      409: error('budget_spent, shape_full, not_votable, round_closed, no_round'),
      413: tooLarge,
    },
  },
  {
    method: 'delete',
    path: '/api/boards/{id}/votes/{shapeId}',
    summary: 'Take a dot back',
    tag: 'votes',
    auth: 'board',
    parameters: [owner],
    responses: {
      200: { description: 'my dots now', json: VotesSchema },
      400: error('owner_missing'),
      ...voterAccess,
      409: error('no_vote_to_remove, round_closed, no_round'),
    },
  },

  // ---- snapshots
  {
    method: 'get',
    path: '/api/boards/{id}/snapshots',
    summary: "The board's snapshots",
    tag: 'snapshots',
    auth: 'board',
    responses: { 200: { description: 'newest first', json: SnapshotListSchema }, ...boardAccess, 403: error('not_facilitator, or token_invalid') },
  },
  {
    method: 'post',
    path: '/api/boards/{id}/snapshots',
    summary: 'Take a snapshot of the board now',
    tag: 'snapshots',
    auth: 'board',
    body: { required: true, json: SnapshotBody },
    responses: {
      201: { description: "the snapshot's summary", json: SnapshotSummarySchema },
      400: badBody,
      ...boardAccess,
      403: error('not_facilitator, or token_invalid'),
      409: error('too_many_snapshots'),
      413: tooLarge,
    },
  },
  {
    method: 'get',
    path: '/api/boards/{id}/snapshots/{snapshotId}',
    summary: 'A snapshot with its content',
    tag: 'snapshots',
    auth: 'board',
    responses: { 200: { description: 'summary and content, as stored', json: SnapshotContentSchema }, ...boardAccess, 403: error('not_facilitator, or token_invalid'), 404: error('snapshot_not_found or board_not_found') },
  },
  {
    method: 'get',
    path: '/api/boards/{id}/snapshots/{snapshotId}/export.json',
    summary: 'A snapshot as a board file (importable)',
    tag: 'snapshots',
    auth: 'board',
    responses: { 200: { description: 'an attachment', json: SnapshotBoardFileSchema }, ...boardAccess, 403: error('not_facilitator, or token_invalid'), 404: error('snapshot_not_found or board_not_found') },
  },
  {
    method: 'delete',
    path: '/api/boards/{id}/snapshots/{snapshotId}',
    summary: 'Delete a snapshot',
    tag: 'snapshots',
    auth: 'board',
    responses: { 200: { description: 'deleted', json: DeletedSchema }, ...boardAccess, 403: error('not_facilitator, or token_invalid'), 404: error('snapshot_not_found or board_not_found') },
  },

  // ---- exports
  {
    method: 'get',
    path: '/api/boards/{id}/export.json',
    summary: 'The board file (votes, session state and private notes are not in it)',
    tag: 'exports',
    auth: 'board',
    parameters: [locale, { name: 'snapshots', in: 'query', description: '1: add the snapshots (facilitator only)', values: ['1'] }],
    responses: {
      200: { description: 'an attachment; with snapshots=1 also `snapshots`', json: BoardFileWithSnapshotsSchema.partial({ snapshots: true }) },
      400: error('unknown_locale'),
      ...boardAccess,
      403: error('not_facilitator (snapshots=1), or token_invalid'),
    },
  },
  ...(
    [
      ['export.csv', 'Every sticky note, text and card, with frame, author and dots'],
      ['arrangements.csv', 'Every relation: the arrangements table'],
      ['actors.csv', 'Every actor with kind and numbers (imports back)'],
      ['aannames.csv', 'Every aanname on the board, open or confirmed'],
    ] as const
  ).map(
    ([file, summary]): Operation => ({
      method: 'get',
      path: `/api/boards/{id}/${file}`,
      summary,
      tag: 'exports',
      auth: 'board',
      parameters: [locale],
      responses: { 200: csv, 400: error('unknown_locale'), ...boardAccess },
    }),
  ),
  {
    method: 'get',
    path: '/api/boards/{id}/report.html',
    summary: 'A printable, self-contained HTML report',
    tag: 'exports',
    auth: 'board',
    parameters: [locale],
    responses: { 200: { description: 'HTML without scripts', media: { 'text/html': { kind: 'text' } } }, 400: error('unknown_locale'), ...boardAccess },
  },

  // ---- templates
  {
    method: 'get',
    path: '/api/templates',
    summary: "The built-in templates and this installation's visible own templates",
    tag: 'templates',
    auth: 'none',
    responses: { 200: { description: 'both lists', json: TemplateListSchema } },
  },
  {
    method: 'post',
    path: '/api/templates/own',
    summary: "Save an own template: a facilitator's board model (boardId plus the facilitator's token) or a template file; or anything with ADMIN_TOKEN",
    tag: 'templates',
    auth: 'board-or-admin',
    body: { required: true, json: TemplateFileSchema.extend({ boardId: TemplateFileSchema.shape.title.optional() }) },
    responses: {
      201: { description: 'the saved template', json: OwnTemplateSummarySchema },
      400: bilingual('invalid_json or invalid_template'),
      401: { description: 'token_missing (bilingual without boardId)', json: maybeBilingual },
      403: { description: 'not_facilitator (bilingual), or token_invalid', json: maybeBilingual },
      404: error('board_not_found'),
      409: bilingual('too_many_templates'),
      413: bilingual('body_too_large (1 MiB)'),
      429: rateLimited,
    },
  },
  {
    method: 'get',
    path: '/api/templates/own/{id}',
    summary: 'An own template as a file (to share with another installation)',
    tag: 'templates',
    auth: 'none',
    responses: { 200: { description: 'an attachment', json: TemplateFileSchema }, 404: bilingual('template_not_found (unknown or hidden)') },
  },
  {
    method: 'get',
    path: '/api/admin/templates',
    summary: 'Every own template, hidden ones too',
    tag: 'admin',
    auth: 'admin',
    responses: {
      200: { description: 'with hidden', json: AdminTemplateListSchema },
      401: bilingual('token_missing'),
      403: bilingual('token_invalid'),
      404: bilingual('admin_disabled: ADMIN_TOKEN is not set'),
    },
  },
  {
    method: 'patch',
    path: '/api/admin/templates/{id}',
    summary: 'Hide or show an own template',
    tag: 'admin',
    auth: 'admin',
    body: { required: true, json: AdminHiddenBody },
    responses: {
      200: { description: 'changed', json: HiddenChangedSchema },
      400: bilingual('invalid_body'),
      401: bilingual('token_missing'),
      403: bilingual('token_invalid'),
      404: bilingual('template_not_found, or admin_disabled'),
    },
  },
  {
    method: 'delete',
    path: '/api/admin/templates/{id}',
    summary: 'Remove an own template',
    tag: 'admin',
    auth: 'admin',
    responses: {
      200: { description: 'removed', json: DeletedSchema },
      401: bilingual('token_missing'),
      403: bilingual('token_invalid'),
      404: bilingual('template_not_found, or admin_disabled'),
    },
  },
]
