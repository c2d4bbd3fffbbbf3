/**
 * The tldraw 5 style names that domain data may use. They are copied here instead of imported so
 * that `shared/` stays free of tldraw (and of the DOM it brings); a test checks that the lists
 * still match tldraw's `DefaultColorStyle` and `DefaultDashStyle`.
 */
export const TLDRAW_COLORS = [
  'black',
  'grey',
  'light-violet',
  'violet',
  'blue',
  'light-blue',
  'yellow',
  'orange',
  'green',
  'light-green',
  'light-red',
  'red',
  'white',
] as const
export type TldrawColor = (typeof TLDRAW_COLORS)[number]

/** tldraw also has `none`, which would make a relation invisible, so it is left out. */
export const TLDRAW_DASHES = ['draw', 'solid', 'dashed', 'dotted'] as const
export type TldrawDash = (typeof TLDRAW_DASHES)[number]

/** tldraw 5's arrowheads (DefaultArrowheadStyle); a kind's pair of heads tells it apart without colour. */
export const TLDRAW_ARROWHEADS = ['arrow', 'triangle', 'square', 'dot', 'pipe', 'diamond', 'inverted', 'bar', 'none'] as const
export type TldrawArrowhead = (typeof TLDRAW_ARROWHEADS)[number]
