/**
 * Exports of a board without a browser, with any valid token, and import of a board file into a
 * new board. Thin: authorise, read the board from storage, hand it to the shared builders
 * (shared/export/), answer with the right content type.
 *
 *   GET  /api/boards/:id/export.json          the board file (board-file.ts); ?snapshots=1 adds the
 *                                             board's snapshots (facilitator only)
 *   GET  /api/boards/:id/export.csv           notes, text and cards with frame, author, dots
 *   GET  /api/boards/:id/arrangements.csv     the arrangements table
 *   GET  /api/boards/:id/actors.csv           the actors with kind and numbers (imports back with it)
 *   GET  /api/boards/:id/report.html          the printable report
 *   POST /api/boards/import                   a board file → 201 like POST /api/boards
 */
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import { recordsToModel } from '../../shared/board/records-to-model.ts'
import { actorsCsv } from '../../shared/export/actors-table.ts'
import { aannamesCsvRows, boardAannames } from '../../shared/board/aannames.ts'
import { arrangementRows, arrangementsCsv } from '../../shared/export/arrangements.ts'
import { visibleRecords } from '../../shared/export/board-content.ts'
import { CSV_CONTENT_TYPE, toCsv } from '../../shared/export/csv.ts'
import { notesCsv, noteRows } from '../../shared/export/notes-table.ts'
import { buildReport } from '../../shared/export/report.ts'
import { revealedRounds } from '../../shared/export/vote-ranking.ts'
import { renderReportHtml } from '../../shared/export/report-html.ts'
import { isLocale, type Locale } from '../../shared/regie/text.ts'
import type { Role } from '../../shared/roles.ts'
import { exportBoardFile, importBoardFile } from '../boards/board-import.ts'
import { readBoardContent } from '../boards/board-records.ts'
import type { BoardRecord } from '../storage/storage.ts'
import { perAddressAllowance } from './allowance.ts'
import type { AppDeps } from './deps.ts'
import { jsonError } from './errors.ts'
import { readJsonBody } from './json-body.ts'
import { requireBoard, type BoardEnv } from './require-board.ts'

/** Largest board file an import takes; the rest of the API has MAX_REQUEST_BODY_BYTES. */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024

export const BOARD_IMPORT_PATH = /^\/api\/boards\/import\/?$/

export function exportRoutes(deps: AppDeps): Hono {
  const { storage, log, metrics } = deps

  const anyToken = requireBoard(storage)
  /** The board and the requested locale, or the error answer. */
  const exportable = (c: Context<BoardEnv>): { board: BoardRecord; locale: Locale; role: Role } | Response => {
    const locale = c.req.query('locale') ?? 'nl'
    if (!isLocale(locale)) return jsonError(c, 400, 'unknown_locale', `Unknown locale "${locale}"; use nl or en`)
    return { board: c.var.board, locale, role: c.var.role }
  }

  const importAllowance = perAddressAllowance(deps, deps.requestLimits.imports)
  return new Hono()
    .post(
      '/import',
      importAllowance,
      bodyLimit({
        maxSize: MAX_IMPORT_BYTES,
        onError: (c) => {
          metrics.rejected('request_body_too_large')
          return jsonError(c, 413, 'body_too_large', `A board file may be at most ${MAX_IMPORT_BYTES} bytes`)
        },
      }),
      async (c) => {
        const body = await readJsonBody(c, z.unknown())
        if (!body.ok) return body.response
        const imported = await importBoardFile(storage, body.value)
        if (!imported.ok) return jsonError(c, 400, 'invalid_board_file', imported.message)
        log.info({ boardId: imported.board.id }, 'board imported')
        return c.json(imported.board, 201)
      },
    )
    .get('/:id/export.json', anyToken, async (c) => {
      const target = exportable(c)
      if (target instanceof Response) return target
      const file = await exportBoardFile(storage, target.board)
      if (c.req.query('snapshots') === '1') {
        if (target.role !== 'facilitator') return jsonError(c, 403, 'not_facilitator', 'Only the facilitator can export the snapshots')
        const snapshots = await deps.session.snapshots.all(target.board.id)
        return download(c, JSON.stringify({ ...file, snapshots }), 'application/json; charset=utf-8', fileName(target.board, 'json'))
      }
      return download(c, JSON.stringify(file), 'application/json; charset=utf-8', fileName(target.board, 'json'))
    })
    .get('/:id/export.csv', anyToken, async (c) => {
      const target = exportable(c)
      if (target instanceof Response) return target
      const content = await readBoardContent(storage, target.board.id)
      return download(c, notesCsv(noteRows(content), target.locale, revealedRounds(content.control)), CSV_CONTENT_TYPE, fileName(target.board, 'csv', target.locale === 'nl' ? 'notities' : 'notes'))
    })
    .get('/:id/arrangements.csv', anyToken, async (c) => {
      const target = exportable(c)
      if (target instanceof Response) return target
      const content = await readBoardContent(storage, target.board.id)
      const rows = arrangementRows(recordsToModel(visibleRecords(content)), target.locale)
      return download(c, arrangementsCsv(rows, target.locale), CSV_CONTENT_TYPE, fileName(target.board, 'csv', target.locale === 'nl' ? 'afspraken' : 'arrangements'))
    })
    .get('/:id/actors.csv', anyToken, async (c) => {
      const target = exportable(c)
      if (target instanceof Response) return target
      const content = await readBoardContent(storage, target.board.id)
      const csv = actorsCsv(recordsToModel(visibleRecords(content)), target.locale)
      return download(c, csv, CSV_CONTENT_TYPE, fileName(target.board, 'csv', target.locale === 'nl' ? 'actoren' : 'actors'))
    })
    .get('/:id/aannames.csv', anyToken, async (c) => {
      // Issue 16: every aanname on the board (cards, relations, frames, items), open or confirmed.
      const target = exportable(c)
      if (target instanceof Response) return target
      const content = await readBoardContent(storage, target.board.id)
      const table = aannamesCsvRows(boardAannames(visibleRecords(content), target.locale), target.locale)
      return download(c, toCsv(table.header, table.rows), CSV_CONTENT_TYPE, fileName(target.board, 'csv', target.locale === 'nl' ? 'aannames' : 'assumptions'))
    })
    .get('/:id/report.html', anyToken, async (c) => {
      const target = exportable(c)
      if (target instanceof Response) return target
      const { board, locale } = target
      const content = await readBoardContent(storage, board.id)
      const report = buildReport(content, { title: board.title, createdAt: board.createdAt, generatedAt: Date.now(), locale })
      c.header('Cache-Control', 'no-store')
      return c.html(renderReportHtml(report, { locale }))
    })
}

function download(c: Context, body: string, contentType: string, name: string): Response {
  return c.body(body, 200, {
    'content-type': contentType,
    'content-disposition': `attachment; filename="${name}"`,
    // Board content: never kept by a proxy or the browser cache.
    'cache-control': 'no-store',
  })
}

/** `wijkavond-oosterhout.json`: the title in plain ASCII, or the board id when nothing is left. */
function fileName(board: BoardRecord, extension: string, suffix?: string): string {
  const slug = board.title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return `${slug || board.id}${suffix ? `-${suffix}` : ''}.${extension}`
}
