/**
 * POST /api/boards/import-arrangements: a spreadsheet of arrangements becomes a new board.
 *
 * Two ways in, one check:
 * - JSON `{ title?, locale?, actors, relations }`: what the start page's preview sends once the
 *   user has seen and fixed what was read (shared/import/payload.ts). Checked field by field.
 * - The files themselves (`text/csv` body, or `multipart/form-data` with one or more `file`
 *   fields, CSV or XLSX; `?title=&locale=` in the query): read with the same shared code as the
 *   preview. Any row that cannot be read, or any kind nobody recognises, refuses the whole import
 *   with the list of problems: a board is imported whole or not at all.
 *
 * 201 answers like POST /api/boards, plus what the regiecheck finds on the new board at once.
 */
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { perAddressAllowance } from './allowance.ts'
import { checkBoardModel } from '../../shared/board/board-check.ts'
import { IMPORT_LIMITS } from '../../shared/import/limits.ts'
import { checkImportPayload, payloadToModel, previewToPayload, type ArrangementsPayload } from '../../shared/import/payload.ts'
import { ImportFileError, readImportFiles, type PickedFile } from '../../shared/import/read-files.ts'
import { readArrangements, unknownRelationKinds, type ImportProblem } from '../../shared/import/read-arrangements.ts'
import { isLocale, type Locale, type LocalizedText } from '../../shared/regie/text.ts'
import { LEGEND_TITLE } from '../../shared/board/legend-title.ts'
import { createBoardFromModel } from '../boards/model-board.ts'
import type { AppDeps } from './deps.ts'

export const ARRANGEMENTS_IMPORT_PATH = /^\/api\/boards\/import-arrangements\/?$/

/** A JSON payload of the largest import with long labels stays well under this. */
const MAX_BODY_BYTES = IMPORT_LIMITS.maxFileBytes * 2

const DEFAULT_TITLE: LocalizedText = { nl: 'Geïmporteerde regelingen', en: 'Imported arrangements' }

/** Errors in both languages: `message` in Dutch (the product's language), `messages` both. */
function importError(c: Context, status: 400 | 413 | 415 | 422, error: string, message: LocalizedText, extra: Record<string, unknown> = {}): Response {
  return c.json({ error, message: message.nl, messages: message, ...extra }, status)
}

export function arrangementImportRoutes(deps: AppDeps): Hono {
  const { storage, log, metrics } = deps
  return new Hono().post(
    '/import-arrangements',
    perAddressAllowance(deps, deps.requestLimits.imports),
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => {
        metrics.rejected('request_body_too_large')
        return importError(c, 413, 'body_too_large', { nl: `Het bestand is te groot: hoogstens ${MAX_BODY_BYTES / 1024 / 1024} MB.`, en: `The file is too large: at most ${MAX_BODY_BYTES / 1024 / 1024} MB.` })
      },
    }),
    async (c) => {
      const contentType = (c.req.header('content-type') ?? '').toLowerCase()
      let title: unknown = c.req.query('title')
      let locale: unknown = c.req.query('locale') ?? 'nl'
      let payload: ArrangementsPayload

      if (contentType.startsWith('application/json')) {
        let body: unknown
        try {
          body = JSON.parse(await c.req.text())
        } catch {
          return importError(c, 400, 'invalid_json', { nl: 'De aanvraag is geen geldige JSON.', en: 'The request body is not valid JSON.' })
        }
        if (typeof body === 'object' && body !== null) {
          const fields = body as Record<string, unknown>
          title = fields.title ?? title
          locale = fields.locale ?? locale
        }
        const checked = checkImportPayload(body)
        if (!checked.ok) return importError(c, 400, 'invalid_import', checked.message)
        payload = checked.payload
      } else if (contentType.startsWith('text/csv') || contentType.startsWith('multipart/form-data')) {
        const files = await pickedFiles(c, contentType)
        if (files.length === 0) return importError(c, 400, 'no_file', { nl: 'Er zit geen bestand in de aanvraag (veld "file").', en: 'The request holds no file (field "file").' })
        let preview
        try {
          preview = readArrangements(await readImportFiles(files))
        } catch (error) {
          if (error instanceof ImportFileError) return importError(c, 422, 'unreadable_file', { nl: error.nl, en: error.en })
          throw error
        }
        const errors = preview.problems.filter((problem) => problem.severity === 'error')
        const unknown = unknownRelationKinds(preview)
        if (errors.length > 0 || unknown.length > 0) {
          return importError(c, 422, 'unreadable_rows', describeRefusal(errors, unknown.map((kind) => kind.text)), {
            problems: errors.map(briefProblem),
            unknownRelationKinds: unknown,
          })
        }
        const built = previewToPayload(preview)
        if (!built.ok) return importError(c, 422, 'unreadable_rows', built.message)
        payload = built.payload
      } else {
        return importError(c, 415, 'unsupported_type', {
          nl: 'Stuur JSON (na de voorvertoning), een CSV-bestand (text/csv) of bestanden als multipart/form-data.',
          en: 'Send JSON (after the preview), a CSV file (text/csv) or files as multipart/form-data.',
        })
      }

      if (!isLocale(locale)) return importError(c, 400, 'unknown_locale', { nl: `Onbekende taal "${String(locale)}"; kies nl of en.`, en: `Unknown locale "${String(locale)}"; use nl or en.` })
      if (title !== undefined && (typeof title !== 'string' || title.trim().length > 200)) {
        return importError(c, 400, 'invalid_title', { nl: 'De titel moet tekst van hoogstens 200 tekens zijn.', en: 'The title must be text of at most 200 characters.' })
      }
      const boardTitle = (typeof title === 'string' && title.trim()) || DEFAULT_TITLE[locale as Locale]
      const model = payloadToModel(payload, LEGEND_TITLE[locale as Locale])
      const board = await createBoardFromModel(storage, { title: boardTitle, template: null, model })
      log.info({ boardId: board.id, actors: model.actors.length, relations: model.relations.length }, 'arrangements imported')
      return c.json(
        {
          ...board,
          counts: { actors: model.actors.length, relations: model.relations.length },
          findings: checkBoardModel(model, locale as Locale),
        },
        201,
      )
    },
  )
}

async function pickedFiles(c: Context, contentType: string): Promise<PickedFile[]> {
  if (contentType.startsWith('text/csv')) return [{ name: 'upload.csv', bytes: await c.req.arrayBuffer() }]
  const form = await c.req.formData()
  const files: PickedFile[] = []
  for (const value of form.getAll('file')) {
    if (typeof value !== 'string') files.push({ name: value.name || 'upload', bytes: await value.arrayBuffer() })
  }
  return files
}

function briefProblem(problem: ImportProblem) {
  return { sheet: problem.sheet, row: problem.row, column: problem.column, value: problem.value, message: problem.message.nl, messages: problem.message }
}

function describeRefusal(errors: readonly ImportProblem[], unknownKinds: readonly string[]): LocalizedText {
  const parts: LocalizedText[] = []
  if (errors.length > 0) {
    const first = errors[0]!
    const where = `rij ${first.row}${first.column ? `, kolom ${first.column}` : ''}`
    parts.push({
      nl: `${errors.length} rij${errors.length === 1 ? '' : 'en'} kon${errors.length === 1 ? '' : 'den'} niet gelezen worden (eerste: ${where}: ${first.message.nl})`,
      en: `${errors.length} row${errors.length === 1 ? '' : 's'} could not be read (first: row ${first.row}${first.column ? `, column ${first.column}` : ''}: ${first.message.en})`,
    })
  }
  if (unknownKinds.length > 0) {
    const words = unknownKinds.map((word) => `"${word}"`).join(', ')
    parts.push({ nl: `onbekende soort relatie: ${words}`, en: `unknown kind of relation: ${words}` })
  }
  return {
    nl: `Niets geïmporteerd: ${parts.map((part) => part.nl).join('; ')}. Gebruik de voorvertoning op de startpagina om dit te herstellen.`,
    en: `Nothing imported: ${parts.map((part) => part.en).join('; ')}. Use the preview on the start page to fix this.`,
  }
}
