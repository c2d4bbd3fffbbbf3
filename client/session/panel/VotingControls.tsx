import { useState } from 'react'
import { useValue, type Editor } from 'tldraw'
import type { BoardSession } from '../../board/board-session.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { MAX_TIMER_MINUTES, MAX_VOTES_PER_PERSON, MAX_VOTES_PER_SHAPE, MAX_VOTING_QUESTION } from '../../../shared/session/limits.ts'
import { useControl } from '../use-control.ts'
import { selectedFrameName, votableShapes } from '../votable-shapes.ts'

export function VotingControls({ editor, session, attempt }: { editor: Editor; session: BoardSession; attempt: (action: () => Promise<unknown>) => void }) {
  const { t } = useI18n()
  const control = useControl(session)
  const round = control.voting
  const [perPerson, setPerPerson] = useState('3')
  const [perShape, setPerShape] = useState('1')
  const [minutes, setMinutes] = useState('')
  const [question, setQuestion] = useState('')
  const selected = useValue('selected ids', () => editor.getSelectedShapeIds(), [editor])
  const candidates = votableShapes(editor, selected)
  const frameName = selectedFrameName(editor, selected)

  const start = () => {
    setQuestion('')
    attempt(() =>
      session.client.voting({
        action: 'start',
        shapeIds: candidates,
        votesPerPerson: within(1, MAX_VOTES_PER_PERSON, Math.round(Number(perPerson)) || 1),
        maxPerShape: within(1, MAX_VOTES_PER_SHAPE, Math.round(Number(perShape)) || 1),
        minutes: minutes.trim() === '' ? null : within(1, MAX_TIMER_MINUTES, Number(minutes) || 1),
        question: (question.trim() || frameName).slice(0, MAX_VOTING_QUESTION),
      }),
    )
  }

  return (
    <section aria-labelledby="session-voting-heading">
      <h3 id="session-voting-heading">{t('session.voting')}</h3>
      {!round || round.status === 'revealed' ? (
        <>
          <p className="regie-help">{t('session.voting.help', { count: candidates.length })}</p>
          <label className="session-question">
            {t('facil.voting.question')}
            <input value={question} maxLength={MAX_VOTING_QUESTION} placeholder={frameName || t('facil.voting.questionPlaceholder')} onChange={(e) => setQuestion(e.target.value)} data-voting-question />
          </label>
          <div className="session-row">
            <label>
              {t('session.voting.perPerson')}
              <input type="number" min={1} max={MAX_VOTES_PER_PERSON} value={perPerson} onChange={(e) => setPerPerson(e.target.value)} data-voting-per-person />
            </label>
            <label>
              {t('session.voting.perShape')}
              <input type="number" min={1} max={MAX_VOTES_PER_SHAPE} value={perShape} onChange={(e) => setPerShape(e.target.value)} data-voting-per-shape />
            </label>
            <label>
              {t('session.voting.minutes')}
              <input type="number" min={1} max={MAX_TIMER_MINUTES} value={minutes} placeholder="—" onChange={(e) => setMinutes(e.target.value)} />
            </label>
          </div>
          <button type="button" onClick={start} disabled={candidates.length === 0} data-voting-start>
            {t('session.voting.start', { count: candidates.length })}
          </button>
        </>
      ) : (
        <div className="session-buttons">
          {round.status === 'open' && (
            <button type="button" onClick={() => attempt(() => session.client.voting({ action: 'close' }))} data-voting-close>
              {t('session.voting.close')}
            </button>
          )}
          <button type="button" onClick={() => attempt(() => session.client.voting({ action: 'reveal' }))} data-voting-reveal>
            {t('session.voting.reveal')}
          </button>
        </div>
      )}
      {round?.status === 'revealed' && (
        <button type="button" onClick={() => attempt(() => session.client.voting({ action: 'clear' }))} data-voting-clear>
          {t('session.voting.clear')}
        </button>
      )}
    </section>
  )
}

function within(min: number, max: number, value: number): number {
  return Math.min(max, Math.max(min, value))
}
