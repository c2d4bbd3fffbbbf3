/**
 * The part of the canvas no menu or panel covers, and fitting a part of the board into it. On a
 * phone tldraw's menu and our bar take the top ~100 px and its tools and undo row the bottom
 * ~110 px; on a laptop or projector our bar (two rows) takes the top right and tldraw's toolbar
 * the bottom. Panels that come and go are measured each time: tldraw's style panel at the right
 * edge, ours that lie over the bottom of the canvas (the tour and its offer, marked with
 * COVERS_CANVAS_BOTTOM) and over its top below our bar (the voting banner, COVERS_CANVAS_TOP).
 * Fitted to the whole viewport, a board's bottom row and a tour section's last cards lay under them.
 */
import { Box, type Editor } from 'tldraw'
import { NARROW_SCREEN } from './view-choice.ts'

interface Chrome {
  top: number
  bottom: number
  left: number
  right: number
}
/** On a phone (see NARROW_SCREEN): tldraw's menu zone plus our bar, and its two bottom rows. */
const PHONE_CHROME: Chrome = { top: 100, bottom: 110, left: 12, right: 12 }
/** On wider screens: our bar's two rows and the session timer below them, tldraw's toolbar. */
const DESKTOP_CHROME: Chrome = { top: 144, bottom: 80, left: 24, right: 24 }

/** The attribute of an element of ours that lies over the canvas's bottom edge. */
export const COVERS_CANVAS_BOTTOM = 'data-covers-canvas-bottom'
/** The same for one below our bar at the top (the voting banner). */
export const COVERS_CANVAS_TOP = 'data-covers-canvas-top'
/** tldraw's style panel at the right edge, while there is something to style (StylePanelWhileStyling). */
const STYLE_PANEL = '.tlui-style-panel__wrapper'
/** Room left between a panel and what is fitted beside it. */
const PANEL_GAP = 12

/** The free area in viewport coordinates (0, 0 is the canvas's top left). */
export function freeArea(editor: Editor): Box {
  const screen = editor.getViewportScreenBounds()
  const chrome = { ...(window.matchMedia(NARROW_SCREEN).matches ? PHONE_CHROME : DESKTOP_CHROME) }
  const page = editor.getContainer().ownerDocument
  const shown = (element: Element) => {
    const rect = element.getBoundingClientRect()
    return rect.height > 0 && rect.width > 0 && rect.bottom > screen.y && rect.top < screen.maxY ? rect : null
  }
  for (const panel of page.querySelectorAll(`[${COVERS_CANVAS_BOTTOM}]`)) {
    const rect = shown(panel)
    if (rect) chrome.bottom = Math.max(chrome.bottom, screen.maxY - rect.top + PANEL_GAP)
  }
  for (const panel of page.querySelectorAll(`[${COVERS_CANVAS_TOP}]`)) {
    const rect = shown(panel)
    if (rect) chrome.top = Math.max(chrome.top, rect.bottom - screen.y + PANEL_GAP)
  }
  const stylePanel = page.querySelector(STYLE_PANEL)
  const styleRect = stylePanel && shown(stylePanel)
  if (styleRect) chrome.right = Math.max(chrome.right, screen.maxX - styleRect.left + PANEL_GAP)
  return new Box(chrome.left, chrome.top, screen.w - chrome.left - chrome.right, screen.h - chrome.top - chrome.bottom)
}

/**
 * Shows `bounds` (page coordinates) as large as it fits in the free area, never closer than
 * `maxZoom`, centred in it; when it is too large even at tldraw's smallest zoom, its top left.
 */
export function fitIntoFreeArea(editor: Editor, bounds: Box, options: { maxZoom?: number; animate?: boolean } = {}): void {
  const area = freeArea(editor)
  const maxZoom = options.maxZoom ?? 1
  const animation = options.animate ? { animation: { duration: 300 } } : undefined
  if (area.w <= 0 || area.h <= 0 || bounds.w <= 0 || bounds.h <= 0) {
    // A window too small for the menus: the plain fit is the best there is.
    editor.zoomToBounds(bounds, { targetZoom: maxZoom, inset: 32, ...animation })
    return
  }
  const { zoomSteps } = editor.getCameraOptions()
  const z = Math.max(zoomSteps[0] ?? 0.05, Math.min(maxZoom, area.w / bounds.w, area.h / bounds.h))
  // Screen = (page + camera) × zoom: put the bounds' top left where they are centred in the area.
  const left = area.x + Math.max(0, (area.w - bounds.w * z) / 2)
  const top = area.y + Math.max(0, (area.h - bounds.h * z) / 2)
  editor.setCamera({ x: left / z - bounds.x, y: top / z - bounds.y, z }, animation)
}
