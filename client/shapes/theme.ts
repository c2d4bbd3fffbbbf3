import { DEFAULT_THEME, getColorValue, useMaybeEditor, useValue, type TLDefaultColor } from 'tldraw'
import type { TldrawColor } from '../../shared/regie/tldraw-styles.ts'

/**
 * A tldraw colour name as CSS, following the editor's light or dark theme. Works outside the
 * editor too (the regie sidebar sits beside the canvas), falling back to the light theme.
 */
export function useThemeColor(): (color: TldrawColor, variant?: keyof TLDefaultColor) => string {
  const editor = useMaybeEditor()
  const colors = useValue('theme colors', () => (editor ? editor.getCurrentTheme().colors[editor.getColorMode()] : DEFAULT_THEME.colors.light), [editor])
  return (color, variant = 'solid') => getColorValue(colors, color, variant)
}
