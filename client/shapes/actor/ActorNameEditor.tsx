import { useEffect, useRef } from 'react'
import type { Editor } from 'tldraw'
import { ACTOR_CARD, actorCardSize } from '../../../shared/board/card-sizes.ts'
import { ACTOR_SHAPE, type RegieActorShape } from '../../../shared/board/regie-shapes.ts'
import { useI18nOrStored } from '../../i18n/i18n.tsx'

/**
 * The actor's name, edited in place on the card (double-click, or Enter on a selected card).
 * Lies over the card's name line; every keystroke is an ordinary shape update, so others see the
 * name as it is typed. Enter or Escape ends editing, as clicking elsewhere does.
 */
export function ActorNameEditor({ editor, shape }: { editor: Editor; shape: RegieActorShape }) {
  const { t } = useI18nOrStored()
  const field = useRef<HTMLTextAreaElement>(null)

  // After tldraw has finished handling the double-click that started editing (it focuses its own
  // container on pointer up), or the first keystrokes would go to the canvas.
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const element = field.current
      if (!element) return
      element.focus()
      element.select()
    })
    return () => cancelAnimationFrame(frame)
  }, [])

  const rename = (name: string) => {
    const current = editor.getShape<RegieActorShape>(shape.id)
    if (!current) return
    const p = current.props
    // The card grows with its name, never shrinks under the user's own resizing (as the inspector).
    const needed = actorCardSize({ ...p, name })
    editor.updateShape<RegieActorShape>({ id: shape.id, type: ACTOR_SHAPE, props: { name, h: Math.max(p.h, needed.height), placeholder: name.trim() === '' && p.placeholder } })
  }

  return (
    <textarea
      ref={field}
      className="regie-actor__name-editor"
      aria-label={t('actor.name.edit')}
      value={shape.props.name}
      placeholder={t('actor.unnamed')}
      rows={2}
      style={{ top: ACTOR_CARD.header + ACTOR_CARD.padding - 4, left: ACTOR_CARD.padding - 4, width: shape.props.w - 2 * ACTOR_CARD.padding + 8, lineHeight: `${ACTOR_CARD.nameLine}px` }}
      onChange={(event) => rename(event.target.value.replace(/\n/g, ' '))}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === 'Escape') {
          event.preventDefault()
          event.stopPropagation()
          editor.setEditingShape(null)
        }
      }}
      // Pointer events inside the field place the caret; they must not drag or deselect the card.
      onPointerDown={(event) => event.stopPropagation()}
      onPointerUp={(event) => event.stopPropagation()}
      onDoubleClick={(event) => event.stopPropagation()}
      data-actor-name-editor
    />
  )
}
