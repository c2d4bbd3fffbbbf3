/**
 * How big a card must be to show its text. The layout needs sizes before anything is rendered
 * (on the server, too), so they are estimated from text length with the font metrics the card
 * components use (see client/shapes/). Estimates err on the generous side: a card with room to
 * spare reads better than one that clips.
 */
import type { Size } from '../regie/layout.ts'
import type { RegieActor, RegieBlock, RegieChecklistItem, RegieFlow, RegieFlowStep } from '../regie/model.ts'
import type { ItemVariant } from './regie-shapes.ts'
import { ACTOR_FAMILY_EDGE, actorKind, type ActorKindId } from '../regie/actor-kinds.ts'
import { relationKind, type RelationKindId } from '../regie/relation-kinds.ts'
import { LOCALES, type Locale, type LocalizedText } from '../regie/text.ts'

export const ACTOR_CARD = {
  width: 240,
  header: 30,
  /** Further header lines (the kind label in small capitals), and how many characters fit on one. */
  headerLine: 15,
  headerChars: 24,
  padding: 12,
  nameLine: 22,
  nameChars: 17,
  detailLine: 18,
  detailChars: 27,
  minHeight: 110,
} as const

export const ITEM_CARD = {
  stepWidth: 220,
  checklistWidth: 380,
  noteWidth: 320,
  padding: 12,
  titleLine: 20,
  textLine: 17,
  /** Room under a checklist item's text where the workshop's answer shows. */
  responseArea: 44,
  minHeight: 80,
} as const

/**
 * A legend row holds a swatch and the kind's label at 14 px; the label gets the width the swatch
 * leaves (an actor's is 18 px wide, a relation's 44) and wraps onto a second line when longer.
 */
export const LEGEND_CARD = { width: 300, header: 44, row: 26, rowLine: 18, padding: 12, actorLabelChars: 33, relationLabelChars: 29 } as const

/** Inner margin of a block frame around its item cards, and the gap between them. */
export const BLOCK_FRAME = { padding: 16, gap: 12 } as const

/**
 * Lines `text` takes when wrapped as the browser does: whole words, as many as fit on a line; a
 * word longer than a line is broken (the cards use overflow-wrap: anywhere). Counting characters
 * alone left the room a wrapped word leaves at a line's end out, and a card's last line clipped.
 */
export function linesFor(text: string, charsPerLine: number): number {
  if (text.trim() === '') return 0
  return text.split('\n').reduce((lines, paragraph) => lines + paragraphLines(paragraph, charsPerLine), 0)
}

function paragraphLines(paragraph: string, charsPerLine: number): number {
  let lines = 1
  let used = 0
  for (const word of paragraph.split(/\s+/).filter((each) => each !== '')) {
    const needed = used === 0 ? word.length : used + 1 + word.length
    if (needed <= charsPerLine) {
      used = needed
    } else if (word.length <= charsPerLine) {
      lines += used === 0 ? 0 : 1
      used = word.length
    } else {
      // Broken across lines: it starts on a line of its own unless this one is empty.
      const start = used === 0 ? 0 : 1
      const spill = word.length - charsPerLine * Math.floor((word.length - 1) / charsPerLine)
      lines += start + Math.floor((word.length - 1) / charsPerLine)
      used = spill
    }
  }
  return lines
}

export interface ActorCardContent {
  /** The kind's label heads the card and wraps onto a second line when long. */
  kind?: ActorKindId
  name: string
  inwoners?: number | null
  fte?: number | null
  domeinen?: number | null
  afdelingen?: number | null
  rollen?: readonly string[]
  competenties?: readonly string[]
  toelichting?: string
}

/** The detail lines an actor card shows under its name, in order. */
export function actorDetailCount(content: ActorCardContent): number {
  const numbers = [content.inwoners, content.fte, content.domeinen, content.afdelingen].filter((value) => value !== undefined && value !== null).length
  const rollen = (content.rollen ?? []).reduce((lines, role) => lines + linesFor(role, ACTOR_CARD.detailChars), 0)
  const competenties = content.competenties && content.competenties.length > 0 ? linesFor(content.competenties.join(', '), ACTOR_CARD.detailChars) : 0
  return numbers + rollen + competenties + linesFor(content.toelichting ?? '', ACTOR_CARD.detailChars)
}

/** The card's edge: a double line (one family's) needs 4 px to show as two. */
export function actorBorderWidth(kind: ActorKindId | undefined): number {
  return kind !== undefined && ACTOR_FAMILY_EDGE[actorKind(kind).family] === 'double' ? 4 : 2
}

export function actorCardSize(content: ActorCardContent): Size {
  const nameLines = Math.max(1, linesFor(content.name, ACTOR_CARD.nameChars))
  const height =
    2 * actorBorderWidth(content.kind) +
    actorHeaderHeight(content.kind) +
    2 * ACTOR_CARD.padding +
    nameLines * ACTOR_CARD.nameLine +
    actorDetailCount(content) * ACTOR_CARD.detailLine
  return { width: ACTOR_CARD.width, height: Math.max(ACTOR_CARD.minHeight, height) }
}

/** The header shows the kind in either language; sized for the longer, so a language switch never clips it. */
export function actorHeaderHeight(kind: ActorKindId | undefined): number {
  if (kind === undefined) return ACTOR_CARD.header
  const label = actorKind(kind).label
  const lines = Math.max(linesFor(label.nl, ACTOR_CARD.headerChars), linesFor(label.en, ACTOR_CARD.headerChars), 1)
  return ACTOR_CARD.header + (lines - 1) * ACTOR_CARD.headerLine
}

export function actorSizeOf(actor: RegieActor<string>): Size {
  return actorCardSize({ kind: actor.kind, name: actor.name, ...actor.attributes })
}

export interface ItemCardContent {
  variant: ItemVariant
  title: string
  text?: string
  hint?: string
}

export function itemWidth(variant: ItemVariant): number {
  return variant === 'step' ? ITEM_CARD.stepWidth : variant === 'checklist' ? ITEM_CARD.checklistWidth : ITEM_CARD.noteWidth
}

export function itemCardSize(content: ItemCardContent): Size {
  const width = itemWidth(content.variant)
  const chars = Math.floor((width - 2 * ITEM_CARD.padding) / 8)
  const height =
    2 * ITEM_CARD.padding +
    linesFor(content.title, chars) * ITEM_CARD.titleLine +
    linesFor(content.text ?? '', chars + 4) * ITEM_CARD.textLine +
    linesFor(content.hint ?? '', chars + 6) * ITEM_CARD.textLine +
    (content.variant === 'checklist' ? ITEM_CARD.responseArea : 0)
  return { width, height: Math.max(ITEM_CARD.minHeight, height) }
}

export function checklistItemSize(item: RegieChecklistItem<string>): Size {
  return itemCardSize({ variant: 'checklist', title: item.text, ...(item.hint !== undefined && { hint: item.hint }) })
}

export function flowStepSize(step: RegieFlowStep<string>, actorNames: readonly string[]): Size {
  return itemCardSize({ variant: 'step', title: step.text, text: actorNames.join(', ') })
}

/** As tall as the label's wrap in `locale`, or without one its longer wrap in either language. */
function legendRowHeight(label: LocalizedText, charsPerLine: number, locale?: Locale): number {
  const lines = locale ? linesFor(label[locale], charsPerLine) : Math.max(...LOCALES.map((each) => linesFor(label[each], charsPerLine)))
  return LEGEND_CARD.row + Math.max(0, lines - 1) * LEGEND_CARD.rowLine
}

/**
 * Row heights of a legend read in `locale`. The legend itself is sized for either language (each
 * viewer reads it in theirs); read in the shorter one, the spare room stays below the last row.
 */
export function legendRowHeights(actorKinds: readonly ActorKindId[], relationKinds: readonly RelationKindId[], locale?: Locale): number[] {
  return [
    ...actorKinds.map((kind) => legendRowHeight(actorKind(kind).label, LEGEND_CARD.actorLabelChars, locale)),
    ...relationKinds.map((kind) => legendRowHeight(relationKind(kind).label, LEGEND_CARD.relationLabelChars, locale)),
  ]
}

export function legendSize(actorKinds: readonly ActorKindId[], relationKinds: readonly RelationKindId[]): Size {
  const rows = legendRowHeights(actorKinds, relationKinds).reduce((sum, height) => sum + height, 0)
  return { width: LEGEND_CARD.width, height: LEGEND_CARD.header + rows + LEGEND_CARD.padding }
}

/** A checklist frame holds its items in one column. */
export function checklistFrameSize(sizes: readonly Size[]): Size {
  const inner = sizes.reduce((sum, size) => sum + size.height, 0) + Math.max(0, sizes.length - 1) * BLOCK_FRAME.gap
  const width = Math.max(ITEM_CARD.checklistWidth, ...sizes.map((size) => size.width))
  return { width: width + 2 * BLOCK_FRAME.padding, height: inner + 2 * BLOCK_FRAME.padding }
}

export function blockSizeOf(block: Exclude<RegieBlock<string>, RegieFlow<string>>): Size {
  switch (block.type) {
    case 'checklist':
      return checklistFrameSize(block.items.map(checklistItemSize))
    case 'note':
      return itemCardSize({ variant: 'note', title: block.title ?? '', text: block.text })
    case 'legend':
      return legendSize(block.actorKinds, block.relationKinds)
  }
}
