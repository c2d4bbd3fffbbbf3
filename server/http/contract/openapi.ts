/**
 * The OpenAPI 3.1 document of the HTTP API, built from OPERATIONS: JSON bodies become JSON Schema
 * (draft 2020-12, OpenAPI 3.1's dialect) with zod's own `z.toJSONSchema`, requests as the route
 * reads them (`io: 'input'`: a field with a default may be left out), answers as it writes them.
 */
import { z } from 'zod'
import { OPERATIONS, type MediaSpec, type Operation, type ParameterSpec, type RequestSpec, type ResponseSpec } from './operations.ts'
import { ApiErrorSchema, BilingualErrorSchema, ControlStateSchema, CreatedBoardSchema, VotesSchema } from './response-schemas.ts'

type JsonSchema = Record<string, unknown>

/** Answers many operations share: written once under components.schemas and referred to. */
const SHARED_ANSWERS = new Map<z.ZodType, string>([
  [ApiErrorSchema, 'ApiError'],
  [BilingualErrorSchema, 'BilingualApiError'],
  [ControlStateSchema, 'ControlState'],
  [CreatedBoardSchema, 'CreatedBoard'],
  [VotesSchema, 'Votes'],
])

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'throw' }) as JsonSchema
  return rest
}

function mediaSchema(media: MediaSpec): JsonSchema {
  // OpenAPI 3.1: a string body is text; bytes are a string with a content encoding of binary.
  return media.kind === 'text' ? { type: 'string' } : { type: 'string', contentMediaType: 'application/octet-stream' }
}

function content(json: z.ZodType | undefined, media: Readonly<Record<string, MediaSpec>> | undefined, io: 'input' | 'output') {
  return {
    ...(json && { 'application/json': { schema: io === 'output' && SHARED_ANSWERS.has(json) ? { $ref: `#/components/schemas/${SHARED_ANSWERS.get(json)}` } : jsonSchema(json, io) } }),
    ...Object.fromEntries(Object.entries(media ?? {}).map(([type, spec]) => [type, { schema: mediaSchema(spec) }])),
  }
}

function requestBody(body: RequestSpec) {
  return { required: body.required, content: content(body.json, body.media, 'input') }
}

function response(spec: ResponseSpec) {
  if ('json' in spec) return { description: spec.description, content: content(spec.json, undefined, 'output') }
  if ('media' in spec) return { description: spec.description, content: content(undefined, spec.media, 'output') }
  return { description: spec.description }
}

function parameter(spec: ParameterSpec) {
  return {
    name: spec.name,
    in: spec.in,
    description: spec.description,
    required: spec.in === 'path' ? true : (spec.required ?? false),
    schema: spec.values ? { type: 'string', enum: spec.values } : { type: 'string' },
  }
}

function pathParameters(operation: Operation): ParameterSpec[] {
  const declared = new Set((operation.parameters ?? []).map((p) => p.name))
  return [...operation.path.matchAll(/\{([^}]+)\}/g)]
    .map((match) => match[1]!)
    .filter((name) => !declared.has(name))
    .map((name) => ({ name, in: 'path', description: name === 'id' ? 'the board id' : name }))
}

const SECURITY: Record<Operation['auth'], Array<Record<string, string[]>>> = {
  none: [],
  board: [{ boardToken: [] }],
  admin: [{ adminToken: [] }],
  'board-or-admin': [{ boardToken: [] }, { adminToken: [] }],
}

function operationObject(operation: Operation) {
  return {
    operationId: `${operation.method} ${operation.path}`,
    summary: operation.summary,
    tags: [operation.tag],
    security: SECURITY[operation.auth],
    parameters: [...pathParameters(operation), ...(operation.parameters ?? [])].map(parameter),
    ...(operation.body && { requestBody: requestBody(operation.body) }),
    responses: Object.fromEntries(Object.entries(operation.responses).map(([status, spec]) => [status, response(spec)])),
  }
}

export function buildOpenApiDocument(version: string) {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const operation of OPERATIONS) (paths[operation.path] ??= {})[operation.method] = operationObject(operation)
  return {
    openapi: '3.1.0',
    info: {
      title: 'Regiebord HTTP API',
      version,
      description:
        'The HTTP API of a Regiebord server. Errors are JSON { error, message } with a 4xx/5xx status. Boards are synced over the y-websocket protocol at /sync/{room}; that protocol and its close codes are described in the README.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    tags: [...new Set(OPERATIONS.map((operation) => operation.tag))].map((name) => ({ name })),
    components: {
      schemas: Object.fromEntries([...SHARED_ANSWERS].map(([schema, name]) => [name, jsonSchema(schema, 'output')])),
      securitySchemes: {
        boardToken: { type: 'http', scheme: 'bearer', description: "A board link's token: the role (facilitator, participant, viewer) comes from which link it is" },
        adminToken: { type: 'http', scheme: 'bearer', description: "The installation's ADMIN_TOKEN" },
      },
    },
    paths,
  }
}
