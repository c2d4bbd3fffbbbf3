import { Hono } from 'hono'
import { templateSummaries } from '../../shared/templates/index.ts'
import { summary } from '../templates/own-templates.ts'
import type { AppDeps } from './deps.ts'

/** The templates a board can start from, for the start page's picker: built-in, and this installation's own. */
export function templateRoutes(deps: Pick<AppDeps, 'storage'>): Hono {
  return new Hono().get('/', async (c) =>
    c.json({ templates: templateSummaries(), own: (await deps.storage.listOwnTemplates({ includeHidden: false })).map((record) => summary(record)) }),
  )
}
