import { useEffect, useMemo, useRef, useState } from 'react'
import { Box, TldrawImage, type TLStoreSnapshot } from 'tldraw'
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { createBoardSchema } from '../../shared/board/board-schema.ts'
import { visibleRecords, type BoardContent } from '../../shared/export/board-content.ts'
import { buildReport } from '../../shared/export/report.ts'
import { BOARD_IMAGE_MARKER, renderReportHtml } from '../../shared/export/report-html.ts'
import { api, ApiError, type BoardInfo } from '../app/api.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { regieShapeUtils } from '../shapes/index.ts'
import { openReportSource } from './report-content.ts'
import { frameImages } from './report-images.ts'

const assetUrls = getAssetUrlsByImport()

/**
 * `/b/:id/verslag#t=…`: the printable report. The text is the same HTML the server's
 * `report.html` export gives (shared/export), with the board drawn by tldraw where its image
 * belongs; "Afdrukken" prints it, or saves it as PDF.
 */
export function ReportPage({ boardId, token }: { boardId: string; token: string | null }) {
  const { t, language } = useI18n()
  const [board, setBoard] = useState<BoardInfo | null>(null)
  const [content, setContent] = useState<BoardContent | null>(null)
  const [failure, setFailure] = useState<string | null>(token ? null : t('board.error.noToken'))

  useEffect(() => {
    if (!token) return
    let cancelled = false
    api.board(boardId, token).then(
      (info) => {
        if (cancelled) return
        setBoard(info)
        document.title = `${info.title} · ${t('report.heading')}`
      },
      (error: unknown) => !cancelled && setFailure(error instanceof ApiError && error.status !== 0 ? t('board.error.token') : String(error)),
    )
    const source = openReportSource(boardId, token)
    void source.ready.then(() => !cancelled && setContent(source.read()))
    return () => {
      cancelled = true
      source.destroy()
    }
  }, [boardId, token, t])

  const parts = useMemo(() => {
    if (!board || !content) return null
    const report = buildReport(content, { title: board.title, createdAt: board.createdAt, generatedAt: Date.now(), locale: language })
    const html = renderReportHtml(report, { locale: language })
    const style = html.match(/<style>([\s\S]*?)<\/style>/)?.[1] ?? ''
    const body = html.match(/<body[^>]*>([\s\S]*)<\/body>/)?.[1] ?? ''
    const [before, after = ''] = body.split(BOARD_IMAGE_MARKER)
    return { style, before: before ?? '', after }
  }, [board, content, language])

  const snapshot = useMemo<TLStoreSnapshot | null>(() => {
    if (!content) return null
    const records = visibleRecords(content)
    if (!records.some((record) => record.typeName === 'shape')) return null
    return { store: Object.fromEntries(records.map((record) => [record.id, record])) as TLStoreSnapshot['store'], schema: createBoardSchema().serialize() }
  }, [content])

  const frames = useMemo(() => (content ? frameImages(visibleRecords(content)) : []), [content])

  // TldrawImage renders a bare <img>; the report says what it shows.
  const figure = useRef<HTMLElement>(null)
  useEffect(() => {
    const element = figure.current
    if (!element) return
    const label = () => {
      element.querySelector('img:not([alt])')?.setAttribute('alt', t('report.imageAlt', { title: board?.title ?? '' }))
      for (const frame of document.querySelectorAll<HTMLElement>('.report-frame-image')) {
        frame.querySelector('img:not([alt])')?.setAttribute('alt', frame.dataset.reportFrame ?? '')
      }
    }
    label()
    const observer = new MutationObserver(label)
    observer.observe(element.parentElement ?? element, { childList: true, subtree: true })
    return () => observer.disconnect()
  }, [snapshot, board, t])

  if (failure) {
    return (
      <main className="page">
        <p role="alert" className="error" data-board-error>
          {failure}
        </p>
      </main>
    )
  }
  if (!parts) return <p className="page" role="status">{t('board.loading')}</p>
  return (
    <div className="report-page" data-report>
      <div className="report-actions">
        <button type="button" onClick={() => window.print()}>
          {t('report.print')}
        </button>
        <a href={`/b/${boardId}#t=${token ?? ''}`}>{t('report.back')}</a>
      </div>
      <style>{parts.style}</style>
      <div dangerouslySetInnerHTML={{ __html: parts.before }} />
      {snapshot && (
        <figure className="report-board-image" ref={figure}>
          <TldrawImage snapshot={snapshot} shapeUtils={regieShapeUtils} assetUrls={assetUrls} format="svg" background padding={24} />
          <figcaption>{t('report.image')}</figcaption>
        </figure>
      )}
      {snapshot &&
        frames.map((frame) => (
          <figure key={frame.id} className="report-board-image report-frame-image" data-report-frame={frame.name}>
            <TldrawImage
              snapshot={snapshot}
              shapeUtils={regieShapeUtils}
              assetUrls={assetUrls}
              format="svg"
              background
              padding={16}
              bounds={new Box(frame.bounds.x - 8, frame.bounds.y - 8, frame.bounds.w + 16, frame.bounds.h + 16)}
            />
            <figcaption>{frame.name || t('report.image')}</figcaption>
          </figure>
        ))}
      <div dangerouslySetInnerHTML={{ __html: parts.after }} />
    </div>
  )
}
