import type { Context } from 'hono'
import type { z } from 'zod'
import { jsonError } from './errors.ts'

type BodyResult<T> = { ok: true; value: T } | { ok: false; response: Response }

/**
 * Parses and validates a JSON request body. Invalid JSON and schema violations become 400s that
 * say what is wrong; `allowEmpty` treats a missing body as `{}`.
 */
export async function readJsonBody<S extends z.ZodType>(
  c: Context,
  schema: S,
  { allowEmpty = false } = {},
): Promise<BodyResult<z.infer<S>>> {
  const text = await c.req.text()
  let raw: unknown = {}
  if (text.trim() !== '') {
    try {
      raw = JSON.parse(text)
    } catch {
      return { ok: false, response: jsonError(c, 400, 'invalid_json', 'The request body is not valid JSON') }
    }
  } else if (!allowEmpty) {
    return { ok: false, response: jsonError(c, 400, 'invalid_body', 'A JSON request body is required') }
  }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const where = issue.path.length ? `${issue.path.join('.')}: ` : ''
    return { ok: false, response: jsonError(c, 400, 'invalid_body', `${where}${issue.message}`) }
  }
  return { ok: true, value: parsed.data }
}
