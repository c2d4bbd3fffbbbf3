import { useState } from 'react'
import type { BoardSession } from '../../board/board-session.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { MAX_TIMER_MINUTES } from '../../../shared/session/limits.ts'
import { useControl } from '../use-control.ts'

export function TimerControls({ session, attempt }: { session: BoardSession; attempt: (action: () => Promise<unknown>) => void }) {
  const { t } = useI18n()
  const control = useControl(session)
  const [minutes, setMinutes] = useState(String(Math.round(control.timer.durationMs / 60_000)))
  const timer = (action: Parameters<BoardSession['client']['timer']>[0]) => attempt(() => session.client.timer(action))

  return (
    <section aria-labelledby="session-timer-heading">
      <h3 id="session-timer-heading">{t('session.timer')}</h3>
      <div className="session-row">
        <label>
          {t('session.timer.minutes')}
          <input type="number" min={0} max={MAX_TIMER_MINUTES} value={minutes} onChange={(e) => setMinutes(e.target.value)} data-timer-minutes />
        </label>
        <button type="button" onClick={() => timer({ action: 'set', minutes: Math.min(MAX_TIMER_MINUTES, Number(minutes) || 0) })} data-timer-set>
          {t('session.timer.set')}
        </button>
      </div>
      <div className="session-buttons">
        {control.timer.status === 'running' ? (
          <button type="button" onClick={() => timer({ action: 'pause' })} data-timer-pause>
            {t('session.timer.pause')}
          </button>
        ) : (
          <button type="button" onClick={() => timer({ action: 'start' })} data-timer-start>
            {t('session.timer.start')}
          </button>
        )}
        <button type="button" onClick={() => timer({ action: 'addMinute' })} data-timer-add>
          {t('session.timer.addMinute')}
        </button>
        <button type="button" onClick={() => timer({ action: 'stop' })} data-timer-stop>
          {t('session.timer.stop')}
        </button>
      </div>
    </section>
  )
}
