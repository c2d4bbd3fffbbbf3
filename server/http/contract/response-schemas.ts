/**
 * What the API answers, as zod schemas, for the OpenAPI document (openapi.ts). The request bodies
 * are the schemas the routes validate with, imported from the route files; answers are built from
 * TypeScript types in shared/, so each schema here is checked against its type at compile time
 * (`satisfies` below): a field added to the type but not here fails `tsc`. The contract test
 * (test/integration/openapi.test.ts) validates real answers against the document.
 */
import { z } from 'zod'
import type { ApiError } from '../errors.ts'
import { ROLES } from '../../../shared/roles.ts'
import { LOCALES } from '../../../shared/regie/text.ts'
import { REGIE_RULES } from '../../../shared/regie/regiecheck.ts'
import { TEMPLATE_IDS } from '../../../shared/templates/index.ts'
import { SNAPSHOT_KINDS } from '../../../shared/session/snapshots.ts'
import { ACTOR_KIND_IDS } from '../../../shared/regie/actor-kinds.ts'
import { RELATION_KIND_IDS } from '../../../shared/regie/relation-kinds.ts'
import type { ControlState } from '../../../shared/session/control-doc.ts'
import type { HiddenNotes, LinksAnswer, TimeAnswer, VotesAnswer, VotingProgress } from '../../../shared/session/session-api.ts'
import type { IdentityAnswer, IssuedIdentity } from '../../../shared/session/identity.ts'
import type { SnapshotSummary } from '../../../shared/session/snapshots.ts'
import type { OwnTemplateSummary } from '../../../shared/templates/own-template.ts'
import type { TemplateSummary } from '../../../shared/templates/index.ts'
import type { RegieFinding } from '../../../shared/regie/regiecheck.ts'
import type { CreatedBoard } from '../../boards/boards.ts'

/** A compile-time check that a schema's output is the type the route answers with. */
type Describes<T> = z.ZodType<T, unknown>

const serverTime = z.number().int().nonnegative().describe('milliseconds since 1970-01-01 UTC, server clock')
const count = z.number().int().nonnegative()
const ownerKey = z.string().regex(/^[A-Za-z0-9_-]{43}$/).describe('a participant id: base64url of the sha-256 of the identity secret')
const role = z.enum(ROLES)
const locale = z.enum(LOCALES)
const localized = z.object({ nl: z.string(), en: z.string() })

// ---------------------------------------------------------------------------------------------
// Errors

export const ApiErrorSchema = z.object({ error: z.string().describe('a stable code for programs'), message: z.string().describe('for people') }) satisfies Describes<ApiError>

/** Own templates and imports answer in both languages: `message` in Dutch, `messages` both. */
export const BilingualErrorSchema = ApiErrorSchema.extend({ messages: localized })

export const ImportErrorSchema = BilingualErrorSchema.extend({
  problems: z
    .array(z.object({ sheet: z.string().nullable(), row: z.number().int(), column: z.string().nullable(), value: z.string().nullable(), message: z.string(), messages: localized }))
    .optional()
    .describe('with unreadable_rows: every row that could not be read'),
  unknownRelationKinds: z.array(z.object({ text: z.string(), rows: z.array(z.number().int()) })).optional(),
})

// ---------------------------------------------------------------------------------------------
// Boards

export const CreatedBoardSchema = z.object({
  id: z.string(),
  title: z.string(),
  tokens: z.object({ facilitator: z.string(), participant: z.string(), viewer: z.string() }).describe('the three links: bearer tokens per role'),
}) satisfies Describes<CreatedBoard>

export const BoardInfoSchema = z.object({ id: z.string(), title: z.string(), template: z.string().nullable(), createdAt: serverTime, role })

export const DeletedSchema = z.object({ id: z.string(), deleted: z.literal(true) })

const FindingSchema = z.object({
  ruleId: z.enum(REGIE_RULES.map((rule) => rule.id) as [RegieFinding['ruleId'], ...RegieFinding['ruleId'][]]),
  severity: z.enum(['error', 'warning', 'info']),
  message: localized,
  actorIds: z.array(z.string()),
  relationIds: z.array(z.string()),
  blockIds: z.array(z.string()),
}) satisfies Describes<RegieFinding>

const ModelCountsSchema = z.object({ actors: count, relations: count, groups: count, blocks: count })

export const RegiecheckSchema = z.object({
  counts: ModelCountsSchema,
  findings: z.array(FindingSchema),
  dismissed: z
    .array(z.object({ ruleId: FindingSchema.shape.ruleId, reason: z.string(), by: z.string(), at: serverTime, findings: z.array(FindingSchema) }))
    .describe('rules the facilitator set aside for this board, with the reason'),
})

export const AssetCreatedSchema = z.object({ id: z.string(), src: z.string().describe('where the file is served: /api/boards/{id}/assets/{asset}') })

export const ArrangementsImportedSchema = CreatedBoardSchema.extend({
  counts: z.object({ actors: count, relations: count }),
  findings: z.array(FindingSchema),
})

// ---------------------------------------------------------------------------------------------
// Board files (export and import)

/** A tldraw record as stored: checked against tldraw's own validators on import, not described here. */
const TldrawRecordSchema = z.looseObject({ id: z.string(), typeName: z.string() })

export const BoardFileSchema = z.object({
  format: z.literal('regiebord-board'),
  version: z.literal(1),
  title: z.string(),
  createdAt: serverTime,
  meta: z.record(z.string(), z.unknown()).describe("the board document's meta map (title, createdAt, tldraw schema)"),
  records: z.array(TldrawRecordSchema),
  structure: z.array(TldrawRecordSchema).describe('locked content (the structure document)'),
})

const SnapshotSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  author: z.string().nullable(),
  kind: z.enum(SNAPSHOT_KINDS),
  createdAt: serverTime,
  size: count.describe('bytes stored'),
}) satisfies Describes<SnapshotSummary>

export { SnapshotSummarySchema }

export const SnapshotListSchema = z.object({ snapshots: z.array(SnapshotSummarySchema).describe('newest first') })

export const SnapshotContentSchema = SnapshotSummarySchema.extend({
  meta: z.record(z.string(), z.unknown()),
  records: z.array(TldrawRecordSchema),
  structure: z.array(TldrawRecordSchema),
})

export const BoardFileWithSnapshotsSchema = BoardFileSchema.extend({ snapshots: z.array(SnapshotContentSchema).describe('oldest first') })

export const SnapshotBoardFileSchema = BoardFileSchema.extend({
  snapshot: z.object({ name: z.string(), author: z.string().nullable(), kind: z.enum(SNAPSHOT_KINDS), createdAt: serverTime }),
})

// ---------------------------------------------------------------------------------------------
// Templates

const TemplateSummarySchema = z.object({
  id: z.enum(TEMPLATE_IDS),
  title: localized,
  description: localized,
  seed: z.object({ id: z.string(), file: z.string(), title: z.string() }).describe('the source document the template follows'),
  covers: localized,
}) satisfies Describes<Omit<TemplateSummary, 'seed'> & { seed: { id: string; file: string; title: string } }>

export const OwnTemplateSummarySchema = z.object({
  id: z.string().describe('eigen-…'),
  title: z.string(),
  description: z.string(),
  locale,
  createdAt: serverTime,
  hidden: z.boolean().optional().describe("only in the admin's list"),
}) satisfies Describes<OwnTemplateSummary>

export const TemplateListSchema = z.object({ templates: z.array(TemplateSummarySchema), own: z.array(OwnTemplateSummarySchema) })

export const AdminTemplateListSchema = z.object({ templates: z.array(OwnTemplateSummarySchema) })

export const HiddenChangedSchema = z.object({ id: z.string(), hidden: z.boolean() })

// ---------------------------------------------------------------------------------------------
// Session

const VotingRoundSchema = z.object({
  id: z.string(),
  shapeIds: z.array(z.string()),
  votesPerPerson: z.number().int(),
  maxPerShape: z.number().int(),
  endsAt: serverTime.nullable(),
  status: z.enum(['open', 'closed', 'revealed']),
  totals: z.record(z.string(), count).optional().describe('once revealed'),
  voters: count.optional(),
  question: z.string().optional(),
  startedAt: serverTime.optional(),
  revealedAt: serverTime.optional(),
  labels: z.record(z.string(), z.string()).optional().describe("each voted shape's text at the reveal"),
})

export const ControlStateSchema = z.object({
  timer: z.discriminatedUnion('status', [
    z.object({ status: z.literal('stopped'), durationMs: count }),
    z.object({ status: z.literal('running'), durationMs: count, endsAt: serverTime }),
    z.object({ status: z.literal('paused'), durationMs: count, remainingMs: count }),
  ]),
  frozen: z.boolean(),
  privateMode: z.object({ active: z.boolean(), since: serverTime }),
  voting: VotingRoundSchema.nullable(),
  summon: z
    .object({
      at: serverTime,
      pageId: z.string(),
      bounds: z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() }),
      by: z.string(),
      byName: z.string().optional(),
    })
    .nullable(),
  viewOnly: z.record(z.string(), z.literal(true)).describe('participant ids that may only look'),
  rotated: z.object({ participant: serverTime.optional(), viewer: serverTime.optional() }).describe("when each role's link was last replaced"),
  deleted: serverTime.nullable(),
  identities: z.record(
    z.string(),
    z.object({ name: z.string(), role, issuedAt: serverTime, generation: count, status: z.enum(['admitted', 'waiting', 'refused']) }),
  ),
  lobby: z.boolean().describe('the waiting room is on'),
  rounds: z.array(VotingRoundSchema).describe('every revealed voting round, oldest first'),
}) satisfies Describes<ControlState>

export const IssuedIdentitySchema = z.object({
  identity: z.string().describe('the secret: send it as x-regiebord-owner, and as owner= when connecting'),
  participantId: ownerKey,
  status: z.enum(['admitted', 'waiting', 'refused']),
}) satisfies Describes<IssuedIdentity>

export const IdentityAnswerSchema = z.object({ participantId: ownerKey, role, status: z.enum(['admitted', 'waiting', 'refused']) }) satisfies Describes<IdentityAnswer>

export const RotatedTokenSchema = z.object({ role: z.enum(['participant', 'viewer']), token: z.string() })

export const LinksSchema = z.object({ participant: z.string().nullable(), viewer: z.string().nullable() }) satisfies Describes<LinksAnswer>

export const VotingProgressSchema = z.object({ roundId: z.string().nullable(), voters: z.array(ownerKey) }) satisfies Describes<VotingProgress>

export const HiddenNotesSchema = z.object({ notes: count, writers: count }) satisfies Describes<HiddenNotes>

export const VotesSchema = z.object({
  roundId: z.string().nullable(),
  mine: z.record(z.string(), count).describe("this person's own dots per shape"),
  remaining: count,
  totals: z.record(z.string(), count).nullable().describe('null until the round is revealed'),
}) satisfies Describes<VotesAnswer>

// ---------------------------------------------------------------------------------------------
// Installation

export const TimeSchema = z.object({ now: serverTime }) satisfies Describes<TimeAnswer>

export const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded', 'unavailable']),
  storage: z.enum(['ok', 'down']),
  redis: z.enum(['ready', 'down', 'disabled']),
})

export const ClientConfigSchema = z.object({ tldrawLicenseKey: z.string().nullable() })

// ---------------------------------------------------------------------------------------------
// Request bodies the routes check by hand (not with zod), described for the document

export const AdminHiddenBody = z.strictObject({ hidden: z.boolean() })

export const ArrangementsPayloadBody = z.object({
  title: z.string().max(200).optional(),
  locale: locale.optional(),
  actors: z.array(
    z.object({
      name: z.string(),
      kind: z.enum(ACTOR_KIND_IDS as [string, ...string[]]),
      inwoners: z.number().optional(),
      fte: z.number().optional(),
      notes: z.string().optional(),
    }),
  ),
  relations: z.array(
    z.object({
      from: z.string().describe("an actor's name"),
      kind: z.enum(RELATION_KIND_IDS as [string, ...string[]]),
      to: z.string(),
      label: z.string().optional(),
      commissioners: z.array(z.string()).optional(),
      rad: z.string().optional(),
    }),
  ),
})
