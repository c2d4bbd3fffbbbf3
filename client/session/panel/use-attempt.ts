import { useCallback, useState } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'

/** Runs a session call and keeps what went wrong, to show next to the controls that made it. */
export function useAttempt(): { attempt: (action: () => Promise<unknown>) => void; message: string | null; setMessage: (message: string | null) => void } {
  const { t } = useI18n()
  const [message, setMessage] = useState<string | null>(null)
  const attempt = useCallback(
    (action: () => Promise<unknown>) => {
      setMessage(null)
      action().catch((error: unknown) => setMessage(t('session.failed', { message: error instanceof Error ? error.message : String(error) })))
    },
    [t],
  )
  return { attempt, message, setMessage }
}
