import type { Editor, TLShape, TLShapeId } from 'tldraw'
import { richTextToPlain } from '../../shared/board/rich-text.ts'
import { isVotableType } from '../../shared/session/votable.ts'

/**
 * What a voting round is about: the selected shapes, or, when one frame is selected, what is in
 * it. Arrows, frames and a template's cards (its questions) are not things to vote on; the server
 * refuses them too (shared/session/votable.ts).
 */
export function votableShapes(editor: Editor, selected: readonly TLShapeId[]): string[] {
  const only = selected.length === 1 ? editor.getShape(selected[0] as TLShapeId) : undefined
  const pool = only?.type === 'frame' ? editor.getSortedChildIdsForParent(only.id) : selected
  return pool.filter((id) => {
    const shape = editor.getShape(id)
    return shape !== undefined && isVotableType(shape.type)
  })
}

/** A shape as words, for the ranking: its text, a card's name or title, or its kind. */
export function shapeLabel(editor: Editor, id: TLShapeId): string {
  const shape = editor.getShape(id)
  return shape ? textOf(shape) || shape.type : id
}

export function textOf(shape: TLShape): string {
  const props = shape.props as { richText?: unknown; name?: unknown; title?: unknown }
  if (props.richText !== undefined) return richTextToPlain(props.richText)
  if (typeof props.name === 'string') return props.name
  if (typeof props.title === 'string') return props.title
  return ''
}

/** The name of the one selected frame, as the round's question to start from; '' otherwise. */
export function selectedFrameName(editor: Editor, selected: readonly TLShapeId[]): string {
  const only = selected.length === 1 ? editor.getShape(selected[0] as TLShapeId) : undefined
  return only?.type === 'frame' ? textOf(only) : ''
}
