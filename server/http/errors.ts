import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** Every error the API returns has this shape: a stable code for programs, a message for people. */
export interface ApiError {
  error: string
  message: string
}

export function jsonError(c: Context, status: ContentfulStatusCode, error: string, message: string): Response {
  return c.json<ApiError>({ error, message }, status)
}
