import type { Editor, TLShape, TLShapeId } from 'tldraw'
import { arrangeNotes, isLaneFrame, placeArrivingNotes, type FrameItem, type PlacedShape } from '../../shared/board/note-placement.ts'

function itemsOf(editor: Editor, frameId: TLShapeId, except?: TLShapeId): { shape: TLShape; item: FrameItem }[] {
  return editor
    .getSortedChildIdsForParent(frameId)
    .filter((id) => id !== except)
    .flatMap((id) => {
      const shape = editor.getShape(id)
      const bounds = shape ? editor.getShapeGeometry(shape).bounds : null
      if (!shape || !bounds || shape.type === 'arrow') return []
      return [{ shape, item: { rect: { x: shape.x, y: shape.y, width: bounds.w, height: bounds.h }, isNote: shape.type === 'note' } }]
    })
}

function frameSize(editor: Editor, frameId: TLShapeId): { width: number; height: number } {
  const props = editor.getShape(frameId)?.props as { w?: number; h?: number } | undefined
  return { width: props?.w ?? 0, height: props?.h ?? 0 }
}

/**
 * A note put in a lane on the canvas that lands on something (the question card, another note)
 * moves to the lane's next free cell, in the same undo step as its creation.
 */
export function registerNotePlacement(editor: Editor): () => void {
  return editor.sideEffects.registerAfterCreateHandler('shape', (shape, source) => {
    if (source !== 'user' || shape.type !== 'note') return
    const frame = editor.getShape(shape.parentId as TLShapeId)
    if (!isLaneFrame(frame as PlacedShape | undefined)) return
    const existing = [frame, ...editor.getSortedChildIdsForParent(shape.parentId as TLShapeId).filter((id) => id !== shape.id).map((id) => editor.getShape(id))].filter(
      (s): s is TLShape => s !== undefined,
    )
    for (const record of placeArrivingNotes(existing as unknown as PlacedShape[], [shape as unknown as PlacedShape])) {
      const changed = record as unknown as TLShape
      editor.updateShape({ id: changed.id, type: changed.type, x: changed.x, y: changed.y, props: changed.props } as Parameters<Editor['updateShape']>[0])
    }
  })
}

/** The frames "Notities ordenen" works on: selected frames, or the frames of selected notes. */
export function framesToArrange(editor: Editor): TLShapeId[] {
  const frames = new Set<TLShapeId>()
  for (const shape of editor.getSelectedShapes()) {
    if (shape.type === 'frame') frames.add(shape.id)
    else if (shape.type === 'note' && editor.getShape(shape.parentId as TLShapeId)?.type === 'frame') frames.add(shape.parentId as TLShapeId)
  }
  return [...frames]
}

/** "Notities ordenen": the notes of each frame snapped onto its grid, as one undo step. */
export function arrangeFrameNotes(editor: Editor, frameIds: readonly TLShapeId[]): number {
  let moved = 0
  editor.markHistoryStoppingPoint('arrange notes')
  editor.run(() => {
    for (const frameId of frameIds) {
      const entries = itemsOf(editor, frameId)
      const size = frameSize(editor, frameId)
      const { positions, frameHeight } = arrangeNotes(size, entries.map(({ item }) => item))
      entries.forEach(({ shape, item }, i) => {
        const position = positions[i]!
        if (!item.isNote || (position.x === shape.x && position.y === shape.y)) return
        editor.updateShape({ id: shape.id, type: shape.type, x: position.x, y: position.y })
        moved++
      })
      if (frameHeight > size.height) editor.updateShape({ id: frameId, type: 'frame', props: { h: frameHeight } })
    }
  })
  return moved
}
