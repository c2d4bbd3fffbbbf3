/**
 * Dragging a kind from the palette onto the canvas (HTML drag and drop): the card lands where it
 * is dropped, or just clear of a card already there. Listens on tldraw's container in the capture
 * phase, so tldraw's own drop handling (files, links) never sees a palette drag.
 */
import type { Editor } from 'tldraw'
import { isActorKindId } from '../../../shared/regie/actor-kinds.ts'
import { placeActor } from '../place-shapes.ts'

export const ACTOR_DRAG_TYPE = 'application/x-regiebord-actor-kind'

export function startActorDrag(event: React.DragEvent, kind: string): void {
  event.dataTransfer.setData(ACTOR_DRAG_TYPE, kind)
  event.dataTransfer.setData('text/plain', kind)
  event.dataTransfer.effectAllowed = 'copy'
}

export function acceptActorDrops(editor: Editor): () => void {
  const container = editor.getContainer()
  const carriesKind = (event: DragEvent) => event.dataTransfer?.types.includes(ACTOR_DRAG_TYPE) === true
  const onDragOver = (event: DragEvent) => {
    if (!carriesKind(event)) return
    event.preventDefault()
    event.stopPropagation()
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
  }
  const onDrop = (event: DragEvent) => {
    if (!carriesKind(event)) return
    event.preventDefault()
    event.stopPropagation()
    const kind = event.dataTransfer?.getData(ACTOR_DRAG_TYPE) ?? ''
    if (!isActorKindId(kind) || editor.getInstanceState().isReadonly) return
    editor.selectNone()
    placeActor(editor, kind, editor.screenToPage({ x: event.clientX, y: event.clientY }))
  }
  container.addEventListener('dragover', onDragOver, true)
  container.addEventListener('drop', onDrop, true)
  return () => {
    container.removeEventListener('dragover', onDragOver, true)
    container.removeEventListener('drop', onDrop, true)
  }
}
