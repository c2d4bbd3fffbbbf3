import type { SyncStatusSnapshot } from './sync-status.ts'
import { useI18n } from '../i18n/i18n.tsx'

export function ConnectionIndicator({ status }: { status: SyncStatusSnapshot }) {
  const { t } = useI18n()
  return (
    <div className={`connection-indicator ${status.state}`} role="status" aria-label={t('status.label')} title={t(`status.${status.state}`)} data-state={status.state}>
      <span className="dot" aria-hidden="true" />
      <span>{t(`status.${status.state}`)}</span>
      {status.unsynced > 0 && <span className="unsynced"> · {t('status.unsynced', { count: status.unsynced })}</span>}
    </div>
  )
}
