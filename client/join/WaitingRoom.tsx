import { useEffect } from 'react'
import { useI18n } from '../i18n/i18n.tsx'
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx'

/** How often a waiting browser asks whether it was let in. */
const POLL_MS = 2000

/**
 * The waiting room ("wachtkamer"): shown while the facilitator has not let this person in. It
 * receives nothing of the board (the server refuses its sync connections until then); it asks
 * the server every two seconds and moves on by itself.
 */
export function WaitingRoom({ title, name, check }: { title: string; name: string; check: () => Promise<void> }) {
  const { t } = useI18n()
  useEffect(() => {
    let stopped = false
    let timer = 0
    const poll = () => {
      void check()
        .catch(() => undefined)
        .finally(() => {
          if (!stopped) timer = window.setTimeout(poll, POLL_MS)
        })
    }
    timer = window.setTimeout(poll, POLL_MS)
    return () => {
      stopped = true
      window.clearTimeout(timer)
    }
  }, [check])
  return (
    <main className="page join-page waiting-room" data-waiting-room>
      <header className="page-header">
        <h1>{title}</h1>
        <LanguageSwitch />
      </header>
      <h2 role="status">{t('lobby.waiting.heading')}</h2>
      <p>{t('lobby.waiting.body')}</p>
      <p className="waiting-name">{t('lobby.waiting.name', { name })}</p>
      <div className="waiting-dots" aria-hidden="true">
        <span />
        <span />
        <span />
      </div>
    </main>
  )
}

/** Turned away: said plainly, with nothing to retry. */
export function TurnedAway({ title }: { title: string }) {
  const { t } = useI18n()
  return (
    <main className="page join-page" data-turned-away>
      <h1>{title}</h1>
      <p role="alert" className="error">
        {t('lobby.refused')}
      </p>
      <p>{t('lobby.refused.help')}</p>
    </main>
  )
}
