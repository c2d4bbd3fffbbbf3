/**
 * How the regie model lives in tldraw records: the props of our three custom shapes and the meta
 * that marks built-in shapes (arrows, frames) as regie elements. Shared so that the server can
 * write template boards and read boards for the regiecheck without the browser's tldraw.
 *
 * - An actor is a `regie-actor` card.
 * - A relation is a built-in arrow whose meta names its kind, bound to two actor cards. Using the
 *   built-in arrow keeps tldraw's binding, routing, labels and editing for free.
 * - A group (organisation, lane, area) is a built-in frame; its cards are its children.
 * - A flow or a checklist is a frame whose children are `regie-item` cards; a note is a lone
 *   `regie-item`; a legend is a `regie-legend`.
 */
import { T } from '@tldraw/validate'
import { createShapePropsMigrationIds, createShapePropsMigrationSequence, type RecordProps, type TLBaseShape, type TLPropsMigrations } from '@tldraw/tlschema'
import type { JsonObject } from '@tldraw/utils'
import { ACTOR_KIND_IDS, type ActorKindId } from '../regie/actor-kinds.ts'
import { CHECKLIST_PURPOSES, GROUP_KINDS, REGELING_SOORTEN, type ChecklistPurpose, type GroupKind, type RegelingSoort } from '../regie/model.ts'
import { RELATION_KIND_IDS, type RelationKindId } from '../regie/relation-kinds.ts'

export const ACTOR_SHAPE = 'regie-actor'
export const ITEM_SHAPE = 'regie-item'
export const LEGEND_SHAPE = 'regie-legend'

export interface RegieActorProps {
  w: number
  h: number
  kind: ActorKindId
  name: string
  /** Null when unknown; numbers are shown as the seed gives them. */
  inwoners: number | null
  fte: number | null
  domeinen: number | null
  afdelingen: number | null
  rollen: string[]
  competenties: string[]
  toelichting: string
  /** A body the seed counts without naming: drawn as an empty card to fill in. */
  placeholder: boolean
  /** For a joint body: what the arrangement is for (seed 002 dia 16), or '' when not chosen. */
  regeling: RegelingSoort | ''
}

/** `stelling`: a proposition a group discusses and votes on (seed 002, dia 12–14). */
export const ITEM_VARIANTS = ['step', 'checklist', 'note', 'stelling'] as const
export type ItemVariant = (typeof ITEM_VARIANTS)[number]

export interface RegieItemProps {
  w: number
  h: number
  variant: ItemVariant
  /** The step, the item to check or fill in, or the note's title. */
  title: string
  /** The note's body, or the actors acting in a step. */
  text: string
  hint: string
  /** What the workshop filled in for a checklist item. */
  response: string
  checked: boolean
  /** The known item this stands for (a regieprestatie or valkuil id), or ''. */
  ref: string
}

export interface RegieLegendProps {
  w: number
  h: number
  title: string
  actorKinds: ActorKindId[]
  relationKinds: RelationKindId[]
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    [ACTOR_SHAPE]: RegieActorProps
    [ITEM_SHAPE]: RegieItemProps
    [LEGEND_SHAPE]: RegieLegendProps
  }
}

export type RegieActorShape = TLBaseShape<typeof ACTOR_SHAPE, RegieActorProps>
export type RegieItemShape = TLBaseShape<typeof ITEM_SHAPE, RegieItemProps>
export type RegieLegendShape = TLBaseShape<typeof LEGEND_SHAPE, RegieLegendProps>

const count = T.nullable(T.number)

export const regieActorProps: RecordProps<RegieActorShape> = {
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
  kind: T.literalEnum(...ACTOR_KIND_IDS),
  name: T.string,
  inwoners: count,
  fte: count,
  domeinen: count,
  afdelingen: count,
  rollen: T.arrayOf(T.string),
  competenties: T.arrayOf(T.string),
  toelichting: T.string,
  placeholder: T.boolean,
  regeling: T.literalEnum('', ...REGELING_SOORTEN),
}

export const regieItemProps: RecordProps<RegieItemShape> = {
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
  variant: T.literalEnum(...ITEM_VARIANTS),
  title: T.string,
  text: T.string,
  hint: T.string,
  response: T.string,
  checked: T.boolean,
  ref: T.string,
}

export const regieLegendProps: RecordProps<RegieLegendShape> = {
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
  title: T.string,
  actorKinds: T.arrayOf(T.literalEnum(...ACTOR_KIND_IDS)),
  relationKinds: T.arrayOf(T.literalEnum(...RELATION_KIND_IDS)),
}

export const REGIE_SHAPE_PROPS = {
  [ACTOR_SHAPE]: regieActorProps,
  [ITEM_SHAPE]: regieItemProps,
  [LEGEND_SHAPE]: regieLegendProps,
} as const

// ---------------------------------------------------------------------------------------------
// Migrations. A step that only widens what is allowed (new actor or relation kinds, a new item
// variant) changes nothing stored; it still gets a version, so that a client built before it sees
// that the board is newer (client/board/schema-compat.ts) instead of failing on a kind it does
// not know. Nothing stored changes meaning: old kinds keep their ids, and `deelname` stays
// `deelname` even where a board used it for "onderdeel van".

const actorVersions = createShapePropsMigrationIds(ACTOR_SHAPE, { KindsAndRegeling: 1 })
const itemVersions = createShapePropsMigrationIds(ITEM_SHAPE, { StellingVariant: 1 })
const legendVersions = createShapePropsMigrationIds(LEGEND_SHAPE, { MoreKinds: 1 })

export const regieActorMigrations: TLPropsMigrations = createShapePropsMigrationSequence({
  sequence: [
    {
      // Adds the joint-arrangement type (empty: not chosen) and widens `kind` with the kinds of issue 16.
      id: actorVersions.KindsAndRegeling,
      up: (props: Record<string, unknown>) => {
        props.regeling = ''
      },
      down: (props: Record<string, unknown>) => {
        delete props.regeling
      },
    },
  ],
})

export const regieItemMigrations: TLPropsMigrations = createShapePropsMigrationSequence({
  sequence: [{ id: itemVersions.StellingVariant, up: () => {} }],
})

export const regieLegendMigrations: TLPropsMigrations = createShapePropsMigrationSequence({
  sequence: [{ id: legendVersions.MoreKinds, up: () => {} }],
})

export const REGIE_SHAPE_MIGRATIONS = {
  [ACTOR_SHAPE]: regieActorMigrations,
  [ITEM_SHAPE]: regieItemMigrations,
  [LEGEND_SHAPE]: regieLegendMigrations,
} as const

// ---------------------------------------------------------------------------------------------
// Meta on built-in shapes. Meta is free JSON, so readers check it rather than trust it.

/** On an arrow: the relation it stands for. */
export interface RelationMeta {
  regieRelation: RelationKindId
  /** The result agreement (RAD) or service agreement it refers to; '' when none. */
  radReference?: string
}

/**
 * On an arrow whose label the canvas shows shortened (see relation-routing.ts): the full label,
 * and the shortened form that was written. Once someone edits the label on the canvas, the shown
 * text no longer matches and the edited text is the label.
 */
export interface RelationLabelMeta {
  regieLabel: string
  regieShownLabel: string
}

/** The full label of an arrow, given the text its label shows. */
export function relationLabelOf(shown: string, meta: unknown): string {
  if (!isObject(meta)) return shown
  const full = meta.regieLabel
  return typeof full === 'string' && meta.regieShownLabel === shown ? full : shown
}

/**
 * On any regie shape (card, relation, frame, item): what a template assumed where its seed is
 * silent, in the board's language. `aannameBevestigd` is set when the facilitator confirmed it
 * for this board; removing the marker removes both keys. Kept in meta, not props, because arrows
 * and frames are tldraw's own shapes.
 */
interface AannameMeta {
  aanname: string
  aannameBevestigd?: boolean
}

export interface Aanname {
  readonly tekst: string
  readonly bevestigd: boolean
}

export function aannameOf(meta: unknown): Aanname | null {
  if (!isObject(meta)) return null
  const text = meta.aanname
  if (typeof text !== 'string' || text.trim() === '') return null
  return { tekst: text, bevestigd: meta.aannameBevestigd === true }
}

/** The meta keys that carry an assumption, or nothing when there is none. */
export function aannameMeta(text: string | undefined): JsonObject {
  return text !== undefined && text.trim() !== '' ? { aanname: text } : {}
}

/** On a frame: a group of actors, or a block (flow, checklist) holding items. */
export type FrameMeta = { regieGroup: GroupKind } | { regieBlock: 'flow' } | { regieBlock: 'checklist'; purpose: ChecklistPurpose }

/** On an arrow between two steps of a flow: reading order, not a relation. */
export interface FlowArrowMeta {
  regieFlow: true
}

export function relationMetaOf(meta: unknown): RelationMeta | null {
  if (!isObject(meta)) return null
  const kind = meta.regieRelation
  if (typeof kind !== 'string' || !(RELATION_KIND_IDS as readonly string[]).includes(kind)) return null
  const rad = meta.radReference
  return { regieRelation: kind as RelationKindId, ...(typeof rad === 'string' && rad.trim() !== '' && { radReference: rad }) }
}

export function frameMetaOf(meta: unknown): FrameMeta | null {
  if (!isObject(meta)) return null
  const group = meta.regieGroup
  if (typeof group === 'string' && (GROUP_KINDS as readonly string[]).includes(group)) return { regieGroup: group as GroupKind }
  if (meta.regieBlock === 'flow') return { regieBlock: 'flow' }
  const purpose = meta.purpose
  if (meta.regieBlock === 'checklist' && typeof purpose === 'string' && (CHECKLIST_PURPOSES as readonly string[]).includes(purpose)) {
    return { regieBlock: 'checklist', purpose: purpose as ChecklistPurpose }
  }
  return null
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
