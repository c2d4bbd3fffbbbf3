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
  const text = await bodyText(c)
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

/**
 * The body as text, decoded chunk by chunk as it arrives: decoding an 8 MiB import in one call
 * holds the event loop for tens of milliseconds (everyone's sync waits); spread over the chunks,
 * each turn stays short and the other boards' frames get in between.
 */
async function bodyText(c: Context): Promise<string> {
  const body = c.req.raw.body
  if (!body) return ''
  const decoder = new TextDecoder()
  const parts: string[] = []
  const reader = body.getReader()
  for (let read = await reader.read(); !read.done; read = await reader.read()) parts.push(decoder.decode(read.value, { stream: true }))
  parts.push(decoder.decode())
  return parts.join('')
}
