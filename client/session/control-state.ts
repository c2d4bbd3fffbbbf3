import { atom, type Atom } from '@tldraw/state'
import type * as Y from 'yjs'
import { controlStateMaps, readControlDoc, type ControlState } from '../../shared/session/control-doc.ts'

/** The session state in the control document, as a signal the UI can follow. */
export function watchControl(doc: Y.Doc): { $control: Atom<ControlState>; dispose(): void } {
  const maps = controlStateMaps(doc)
  const read = () => readControlDoc(doc)
  const $control = atom<ControlState>('control state', read())
  const update = () => $control.set(read())
  for (const map of maps) map.observe(update)
  return { $control, dispose: () => maps.forEach((map) => map.unobserve(update)) }
}
