import { useState } from 'react'
import { toRichText, type Editor, type TLShapeId } from 'tldraw'
import type { VotingRound } from '../../shared/session/control-doc.ts'
import { refuseVote } from '../../shared/session/voting.ts'
import { useI18n } from '../i18n/i18n.tsx'
import type { Votes } from '../session/use-votes.ts'
import type { OutlineItem } from './outline-model.ts'

interface Props {
  editor: Editor
  item: OutlineItem
  kindLabel: string
  mine: boolean
  readOnly: boolean
  vote: { round: VotingRound; votes: Votes; now: number } | null
  total: number | null
}

export function OutlineItemRow({ editor, item, kindLabel, mine, readOnly, vote, total }: Props) {
  const { t } = useI18n()
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState(item.text)
  const label = item.text || t('outline.noText')
  const dots = vote?.votes.answer?.mine[item.id] ?? 0

  const save = () => {
    editor.updateShape({ id: item.id as TLShapeId, type: 'note', props: { richText: toRichText(draft) } })
    setEditing(false)
  }

  return (
    <li data-outline-item={item.kind}>
      <span className="outline-kind">{kindLabel}: </span>
      {editing ? (
        <span className="outline-edit">
          <label>
            <span className="visually-hidden">{t('outline.edit.label')}</span>
            <textarea rows={2} value={draft} onChange={(e) => setDraft(e.target.value)} autoFocus />
          </label>
          <button type="button" onClick={save}>
            {t('outline.edit.save')}
          </button>
          <button type="button" onClick={() => setEditing(false)}>
            {t('outline.edit.cancel')}
          </button>
        </span>
      ) : (
        <span>{label}</span>
      )}
      {item.createdByName && <span className="outline-author"> — {item.createdByName}</span>}
      {mine && item.kind === 'note' && !readOnly && !editing && (
        <button type="button" onClick={() => (setDraft(item.text), setEditing(true))} aria-label={t('outline.edit', { text: label })}>
          {t('outline.edit.button')}
        </button>
      )}
      {vote && (
        <span className="outline-vote">
          <span>{t('session.voting.mine', { count: dots })}</span>
          <button
            type="button"
            disabled={refuseVote(vote.round, vote.votes.answer?.mine ?? {}, item.id, vote.now) !== null}
            onClick={() => vote.votes.vote(item.id)}
            aria-label={t('outline.vote.add', { text: label })}
            data-outline-vote
          >
            +
          </button>
          <button type="button" disabled={dots === 0} onClick={() => vote.votes.unvote(item.id)} aria-label={t('outline.vote.remove', { text: label })}>
            −
          </button>
        </span>
      )}
      {total !== null && <strong className="outline-total"> {t('session.voting.total', { count: total })}</strong>}
    </li>
  )
}
