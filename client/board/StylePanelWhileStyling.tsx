import { DefaultStylePanel, useEditor, useValue, type TLUiStylePanelProps } from 'tldraw'

/** Tools that draw nothing: with one of these and nothing selected there is nothing to style. */
const NON_DRAWING_TOOLS: ReadonlySet<string> = new Set(['select', 'hand', 'laser', 'zoom', 'eraser'])

/**
 * tldraw's style panel on wider screens only while there is something to style: shapes selected,
 * or a tool that draws. Otherwise it stood over the board's right edge for nothing, on a
 * projector a sixth of the room a diagram has. Phones open it from their own button, unchanged.
 */
export function StylePanelWhileStyling(props: TLUiStylePanelProps) {
  const editor = useEditor()
  const styling = useValue('styling', () => editor.getSelectedShapeIds().length > 0 || !NON_DRAWING_TOOLS.has(editor.getCurrentToolId()), [editor])
  return props.isMobile || styling ? <DefaultStylePanel {...props} /> : null
}
