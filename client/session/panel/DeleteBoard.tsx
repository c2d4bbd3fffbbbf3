import { useState } from 'react'
import type { BoardSession } from '../../board/board-session.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { forgetBoard } from '../../start/my-boards.ts'

/** Deleting is final, so it takes two clicks, and the second says what goes. */
export function DeleteBoard({ session }: { session: BoardSession }) {
  const { t } = useI18n()
  const [confirming, setConfirming] = useState(false)
  const [message, setMessage] = useState('')

  const remove = () => {
    setMessage('')
    session.client.deleteBoard().then(
      () => {
        forgetBoard(session.boardId)
        window.location.assign('/?verwijderd=1')
      },
      (error: unknown) => setMessage(t('session.failed', { message: error instanceof Error ? error.message : String(error) })),
    )
  }

  return (
    <section aria-labelledby="delete-heading">
      <h3 id="delete-heading">{t('delete.heading')}</h3>
      {confirming ? (
        <>
          <p className="regie-help regie-warning" role="alert">
            {t('delete.confirm')}
          </p>
          <div className="session-buttons">
            <button type="button" onClick={remove} data-delete-confirm>
              {t('delete.yes')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('outline.edit.cancel')}
            </button>
          </div>
        </>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} data-delete-board>
          {t('delete.button')}
        </button>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  )
}
