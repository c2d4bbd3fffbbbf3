import { useState } from 'react'
import { boardLink } from '../app/api.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { forgetBoard, myBoards, type MyBoard } from './my-boards.ts'

/** The start page's list of boards this browser made or opened (see my-boards.ts). */
export function MyBoards() {
  const { t, language } = useI18n()
  const [boards, setBoards] = useState<MyBoard[]>(myBoards)
  if (boards.length === 0) return null
  const when = (at: number) => new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(at)
  const remove = (id: string) => {
    forgetBoard(id)
    setBoards(myBoards())
  }
  return (
    <section aria-labelledby="my-boards" className="my-boards" data-my-boards>
      <h2 id="my-boards">{t('facil.myBoards')}</h2>
      <p className="help">{t('facil.myBoards.help')}</p>
      <ul>
        {boards.map((board) => (
          <li key={board.id} data-my-board={board.id} data-my-board-role={board.role}>
            <a className="my-board-link" href={boardLink(window.location.origin, board.id, board.token)}>
              <strong>{board.title}</strong>
              <span className="help">
                {t(`start.link.${board.role}`)} · {t('facil.myBoards.lastOpened', { when: when(board.lastOpened) })}
              </span>
            </a>
            <button type="button" onClick={() => remove(board.id)} aria-label={t('facil.myBoards.removeLabel', { title: board.title })} data-my-board-remove>
              {t('facil.myBoards.remove')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
