import { atom, type Atom } from '@tldraw/state'
import type * as Y from 'yjs'
import { CONTROL_MAP, readControl, type ControlState } from '../../shared/session/control-doc.ts'

/** The session state in the control document, as a signal the UI can follow. */
export function watchControl(doc: Y.Doc): { $control: Atom<ControlState>; dispose(): void } {
  const map = doc.getMap<unknown>(CONTROL_MAP)
  const read = () => readControl((key) => map.get(key))
  const $control = atom<ControlState>('control state', read())
  const update = () => $control.set(read())
  map.observe(update)
  return { $control, dispose: () => map.unobserve(update) }
}
