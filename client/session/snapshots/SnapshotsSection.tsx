import { useCallback, useEffect, useState } from 'react'
import { useValue, type Editor } from 'tldraw'
import type { SnapshotContent, SnapshotSummary } from '../../../shared/session/snapshots.ts'
import type { BoardSession } from '../../board/board-session.ts'
import { ApiError } from '../../app/api.ts'
import { download } from '../../exports/image-export.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { useControl } from '../use-control.ts'
import { restoreSnapshot } from './restore.ts'
import { SnapshotPreview } from './SnapshotPreview.tsx'

/** While the tab is open, snapshots the server takes by itself show up within this time. */
const REFRESH_MS = 5000

/**
 * The facilitator's phases of the evening: save one with a name, see every one with time and
 * author, look at one, restore one (an undoable edit that reaches everyone) or download it.
 */
export function SnapshotsSection({ editor, session }: { editor: Editor; session: BoardSession }) {
  const { t, language } = useI18n()
  const api = session.client.snapshots
  const control = useControl(session)
  const userName = useValue('user name', () => editor.user.getName(), [editor])
  const [snapshots, setSnapshots] = useState<SnapshotSummary[] | null>(null)
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState('')
  const [confirming, setConfirming] = useState<{ id: string; action: 'restore' | 'delete' } | null>(null)
  const [preview, setPreview] = useState<{ content: SnapshotContent; label: string } | null>(null)
  const [restored, setRestored] = useState(false)

  const refresh = useCallback(() => {
    api.list().then(setSnapshots, () => undefined)
  }, [api])
  useEffect(() => {
    refresh()
    const timer = window.setInterval(refresh, REFRESH_MS)
    return () => window.clearInterval(timer)
  }, [refresh])
  // A reveal takes a snapshot on the server: look again when one happens.
  useEffect(refresh, [refresh, control.voting?.status, control.privateMode.active])

  const suggestion = t('snapshots.name.suggestion', { n: nextRound(snapshots ?? [], t('snapshots.name.suggestion', { n: '\u0000' })) })
  const labelOf = (snapshot: SnapshotSummary) => (snapshot.kind === 'manual' ? snapshot.name : t(`snapshots.kind.${snapshot.kind}`))
  const timeOf = (at: number) => new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { hour: '2-digit', minute: '2-digit' }).format(at)

  const attempt = async (work: () => Promise<void>) => {
    setBusy(true)
    setMessage('')
    try {
      await work()
    } catch (error) {
      setMessage(t('session.failed', { message: error instanceof Error ? error.message : String(error) }))
    } finally {
      setBusy(false)
    }
  }

  const save = () =>
    attempt(async () => {
      const saved = await api.take(name.trim() || suggestion, userName || null)
      setName('')
      setMessage(t('snapshots.saved', { label: labelOf(saved) }))
      refresh()
    })

  const restore = (snapshot: SnapshotSummary) =>
    attempt(async () => {
      const content = await api.content(snapshot.id)
      // What is on the board now is kept too, so a restore never loses anything; with the list
      // full, the restore still goes ahead (it can be undone).
      await api.take(t('snapshots.name.beforeRestore', { label: labelOf(snapshot) }), userName || null).catch((error: unknown) => {
        if (!(error instanceof ApiError && error.code === 'too_many_snapshots')) throw error
      })
      restoreSnapshot(editor, content)
      setConfirming(null)
      setPreview(null)
      setRestored(true)
      setMessage(t('snapshots.restored', { label: labelOf(snapshot) }))
      refresh()
    })

  const remove = (snapshot: SnapshotSummary) =>
    attempt(async () => {
      await api.remove(snapshot.id)
      setConfirming(null)
      setMessage(t('snapshots.deleted', { label: labelOf(snapshot) }))
      refresh()
    })

  const show = (snapshot: SnapshotSummary) =>
    attempt(async () => {
      setPreview({ content: await api.content(snapshot.id), label: labelOf(snapshot) })
    })

  const exportFile = (snapshot: SnapshotSummary) =>
    attempt(async () => {
      const stamp = new Date(snapshot.createdAt).toISOString().slice(0, 16).replace(/[:T]/g, '-')
      download(await session.client.fetchExport(api.exportPath(snapshot.id)), `momentopname-${stamp}.json`)
    })

  const undo = () => {
    editor.undo()
    setRestored(false)
    setMessage(t('snapshots.undone'))
  }

  return (
    <section aria-labelledby="snapshots-heading" className="snapshots" data-snapshots>
      <h3 id="snapshots-heading">{t('snapshots.heading')}</h3>
      <p className="regie-help">{t('snapshots.help')}</p>
      <form
        className="snapshots__new"
        onSubmit={(event) => {
          event.preventDefault()
          void save()
        }}
      >
        <label>
          <span className="visually-hidden">{t('snapshots.name.label')}</span>
          <input value={name} maxLength={120} placeholder={suggestion} aria-label={t('snapshots.name.label')} onChange={(event) => setName(event.target.value)} data-snapshot-name />
        </label>
        <button type="submit" disabled={busy} data-snapshot-save>
          {t('snapshots.save')}
        </button>
      </form>
      {message && (
        <p className="regie-help" role="status" data-snapshot-message>
          {message}
          {restored && (
            <>
              {' '}
              <button type="button" onClick={undo} data-snapshot-undo>
                {t('snapshots.undo')}
              </button>
            </>
          )}
        </p>
      )}
      {snapshots && snapshots.length === 0 && <p className="regie-help">{t('snapshots.none')}</p>}
      {snapshots && snapshots.length > 0 && (
        <ol className="snapshots__list" aria-label={t('snapshots.history')}>
          {snapshots.map((snapshot) => (
            <li key={snapshot.id} data-snapshot={snapshot.id} data-snapshot-kind={snapshot.kind}>
              <div className="snapshots__head">
                <div className="snapshots__title">
                  <strong>{labelOf(snapshot)}</strong>
                  <span className="snapshots__meta">
                    {t('snapshots.meta', { time: timeOf(snapshot.createdAt), author: snapshot.author ?? t('snapshots.author.server'), size: Math.max(1, Math.round(snapshot.size / 1024)) })}
                  </span>
                </div>
                <button type="button" className="snapshots__delete" disabled={busy} onClick={() => setConfirming({ id: snapshot.id, action: 'delete' })} data-snapshot-delete aria-label={t('snapshots.delete.label', { label: labelOf(snapshot) })} title={t('snapshots.delete.label', { label: labelOf(snapshot) })}>
                  ×
                </button>
              </div>
              {confirming?.id === snapshot.id ? (
                <div className="snapshots__confirm">
                  <p>{t(confirming.action === 'restore' ? 'snapshots.restore.confirm' : 'snapshots.delete.confirm', { label: labelOf(snapshot) })}</p>
                  <div className="session-buttons">
                    {confirming.action === 'restore' ? (
                      <button type="button" disabled={busy} onClick={() => void restore(snapshot)} data-snapshot-restore-yes>
                        {t('snapshots.restore.yes')}
                      </button>
                    ) : (
                      <button type="button" disabled={busy} onClick={() => void remove(snapshot)} data-snapshot-delete-yes>
                        {t('snapshots.delete.yes')}
                      </button>
                    )}
                    <button type="button" onClick={() => setConfirming(null)}>
                      {t('snapshots.cancel')}
                    </button>
                  </div>
                </div>
              ) : (
                <div className="session-buttons">
                  <button type="button" disabled={busy} onClick={() => void show(snapshot)} data-snapshot-preview-open>
                    {t('snapshots.view')}
                  </button>
                  <button type="button" disabled={busy} onClick={() => setConfirming({ id: snapshot.id, action: 'restore' })} data-snapshot-restore>
                    {t('snapshots.restore')}
                  </button>
                  <button type="button" disabled={busy} onClick={() => void exportFile(snapshot)} data-snapshot-export aria-label={t('snapshots.export.label', { label: labelOf(snapshot) })}>
                    JSON
                  </button>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      {preview && (
        <SnapshotPreview
          snapshot={preview.content}
          label={preview.label}
          onClose={() => setPreview(null)}
          onRestore={() => {
            const target = snapshots?.find((snapshot) => snapshot.id === preview.content.id)
            setPreview(null)
            if (target) setConfirming({ id: target.id, action: 'restore' })
          }}
        />
      )}
    </section>
  )
}

/** One more than the highest "Na ronde N" so far (names made from `pattern`, where N is U+0000). */
function nextRound(snapshots: readonly SnapshotSummary[], pattern: string): number {
  const [before = '', after = ''] = pattern.split('\u0000')
  let highest = 0
  for (const snapshot of snapshots) {
    if (!snapshot.name.startsWith(before) || !snapshot.name.endsWith(after)) continue
    const n = Number(snapshot.name.slice(before.length, snapshot.name.length - after.length))
    if (Number.isInteger(n) && n > highest) highest = n
  }
  return highest + 1
}
