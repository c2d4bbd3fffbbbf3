import { Hono } from 'hono'
import { templateSummaries } from '../../shared/templates/index.ts'

/** The templates a board can start from, for the start page's picker. */
export function templateRoutes(): Hono {
  return new Hono().get('/', (c) => c.json({ templates: templateSummaries() }))
}
