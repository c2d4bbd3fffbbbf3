/**
 * What the browser tests reach into, exposed only to them: they open pages through
 * test/helpers/browser.ts, which sets `window.__regiebordTestHooks` before any of our scripts run.
 * On any other page (the production build as people use it) nothing is exposed. The flag is a
 * runtime one rather than a build-time one because the tests run the very build `npm start` serves.
 */
import type { Editor } from 'tldraw'

interface TestWindow {
  __regiebordTestHooks?: unknown
  __regiebordEditor?: Editor
}

/** Makes the canvas's editor reachable as `window.__regiebordEditor` for the browser tests. */
export function exposeEditorForTests(editor: Editor): void {
  const page = window as unknown as TestWindow
  if (page.__regiebordTestHooks === true) page.__regiebordEditor = editor
}
