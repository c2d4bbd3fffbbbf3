import type { Editor } from 'tldraw'

/**
 * An empty board starts without records; tldraw then makes its page and calls it "Page 1". The
 * first person who may edit names it after the board, so the page menu shows the board's title.
 */
export function nameFirstPage(editor: Editor, title: string): void {
  const pages = editor.getPages()
  const page = pages[0]
  if (pages.length !== 1 || !page || !title || editor.getInstanceState().isReadonly) return
  if (/^(Page|Pagina) 1$/.test(page.name)) editor.renamePage(page.id, title)
}
