/** `GET /api/openapi.json`: the API contract (contract/openapi.ts), built once per process. */
import { Hono } from 'hono'
import { buildOpenApiDocument } from './contract/openapi.ts'
import packageJson from '../../package.json' with { type: 'json' }

export function openApiRoutes(): Hono {
  let document: string | null = null
  return new Hono().get('/', (c) => {
    document ??= JSON.stringify(buildOpenApiDocument(packageJson.version))
    return c.body(document, 200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' })
  })
}
