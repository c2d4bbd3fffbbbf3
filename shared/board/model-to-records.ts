/**
 * Turns a laid-out regie model into tldraw records: what a template puts on a board, on the
 * server for a new board and in the browser when a facilitator inserts one. Pure: no editor.
 */
import {
  createBindingId,
  createShapeId,
  toRichText,
  type TLArrowBinding,
  type TLArrowShape,
  type TLFrameShape,
  type TLParentId,
  type TLShape,
  type TLShapeId,
} from '@tldraw/tlschema'
import { getIndicesAbove, type IndexKey } from '@tldraw/utils'
import type { JsonObject } from '@tldraw/utils'
import type { Rect, RegieLayout } from '../regie/layout.ts'
import type { RegieActor, RegieBlock, RegieChecklist, RegieFlow, RegieGroup, RegieModel, RegieRelation } from '../regie/model.ts'
import { relationKind } from '../regie/relation-kinds.ts'
import { BLOCK_FRAME, checklistItemSize } from './card-sizes.ts'
import { anchorPoint, CENTRE, routeRelations, type RelationRoute, type RoutableCard } from './relation-routing.ts'
import {
  ACTOR_SHAPE,
  ITEM_SHAPE,
  LEGEND_SHAPE,
  type FlowArrowMeta,
  type FrameMeta,
  type RegieActorShape,
  type RegieItemShape,
  type RegieLegendShape,
  type RelationLabelMeta,
  aannameMeta,
  type RelationMeta,
} from './regie-shapes.ts'

export interface ModelRecordsOptions {
  /** Put before every element id, so that inserting a template twice gives distinct shapes. */
  readonly idPrefix?: string
  readonly pageId: TLParentId
  /** Where the layout's top-left corner lands on the page. */
  readonly origin?: { readonly x: number; readonly y: number }
  /** New shapes stack above this index (the topmost shape already on the page). */
  readonly aboveIndex?: IndexKey | null
}

export interface ModelRecords {
  readonly shapes: TLShape[]
  readonly bindings: TLArrowBinding[]
}

export function modelToRecords(model: RegieModel<string>, layout: RegieLayout, options: ModelRecordsOptions): ModelRecords {
  return new RecordWriter(model, layout, options).write()
}

class RecordWriter {
  private readonly prefix: string
  private readonly origin: { readonly x: number; readonly y: number }
  private readonly groups: ReadonlyMap<string, RegieGroup<string>>
  private readonly actors: ReadonlyMap<string, RegieActor<string>>
  private readonly shapes: TLShape[] = []
  private readonly bindings: TLArrowBinding[] = []
  /** Every card's absolute rect, for routing relations around them. */
  private readonly cards: RoutableCard[] = []
  private routes = new Map<string, RelationRoute>()

  constructor(
    private readonly model: RegieModel<string>,
    private readonly layout: RegieLayout,
    private readonly options: ModelRecordsOptions,
  ) {
    this.prefix = options.idPrefix ?? ''
    this.origin = options.origin ?? { x: 0, y: 0 }
    this.groups = new Map(model.groups.map((group) => [group.id, group]))
    this.actors = new Map(model.actors.map((actor) => [actor.id, actor]))
  }

  shapeId(modelId: string): TLShapeId {
    return createShapeId(this.prefix + modelId)
  }

  write(): ModelRecords {
    // Parents before children and frames below cards, so the z-order reads naturally.
    for (const group of this.groupsParentFirst()) this.writeGroup(group)
    for (const block of this.model.blocks) this.writeBlock(block)
    for (const actor of this.model.actors) this.writeActor(actor)
    this.routes = routeRelations(this.cards, this.arrowsToRoute())
    for (const block of this.model.blocks) if (block.type === 'flow') this.writeFlowArrows(block)
    for (const relation of this.model.relations) this.writeRelation(relation)
    const indices = getIndicesAbove(this.options.aboveIndex ?? null, this.shapes.length)
    const shapes = this.shapes.map((shape, i) => ({ ...shape, index: indices[i] ?? shape.index }))
    return { shapes, bindings: this.bindings }
  }

  private arrowsToRoute() {
    const flowArrows = this.model.blocks.flatMap((block) =>
      block.type === 'flow' ? block.steps.slice(1).map((step, i) => ({ id: flowArrowId(block, i + 1), from: block.steps[i]!.id, to: step.id, label: '' })) : [],
    )
    return [...flowArrows, ...this.model.relations.map((relation) => ({ id: relation.id, from: relation.from, to: relation.to, label: relation.label ?? '', kind: relation.kind }))].map((arrow) => {
      const frame = this.commonFrame(arrow.from, arrow.to)
      return frame ? { ...arrow, within: frame.rect } : arrow
    })
  }

  /** The frames around a card (actor or flow step), innermost first. */
  private framesAround(cardId: string): { id: TLParentId; rect: Rect }[] {
    const frames: { id: TLParentId; rect: Rect }[] = []
    const flow = this.model.blocks.find((block) => block.type === 'flow' && block.steps.some((step) => step.id === cardId))
    let group: string | undefined
    if (flow) {
      frames.push({ id: this.shapeId(flow.id), rect: required(this.layout.blocks[flow.id], flow.id) })
      group = flow.group
    } else group = this.actors.get(cardId)?.group
    for (; group !== undefined; group = this.groups.get(group)?.parent) frames.push(this.parentOf(group))
    return frames
  }

  /**
   * The innermost frame holding both ends, as tldraw parents such an arrow to it (and a frame
   * clips what it holds); undefined when the arrow belongs on the page.
   */
  private commonFrame(fromId: string, toId: string): { id: TLParentId; rect: Rect } | undefined {
    const around = new Set(this.framesAround(toId).map((frame) => frame.id))
    return this.framesAround(fromId).find((frame) => around.has(frame.id))
  }

  private groupsParentFirst(): RegieGroup<string>[] {
    const depth = (group: RegieGroup<string>): number => {
      let level = 0
      for (let parent = group.parent; parent !== undefined; parent = this.groups.get(parent)?.parent) level++
      return level
    }
    return [...this.model.groups].sort((a, b) => depth(a) - depth(b))
  }

  /** A parent's shape id and its absolute rect (the page's is at the origin). */
  private parentOf(groupId: string | undefined): { id: TLParentId; rect: Rect } {
    if (groupId === undefined) return { id: this.options.pageId, rect: { x: -this.origin.x, y: -this.origin.y, width: 0, height: 0 } }
    return { id: this.shapeId(groupId), rect: required(this.layout.groups[groupId], groupId) }
  }

  private base(modelId: string, rect: Rect, parent: { id: TLParentId; rect: Rect }, meta: JsonObject = {}) {
    return {
      id: this.shapeId(modelId),
      typeName: 'shape' as const,
      x: rect.x - parent.rect.x,
      y: rect.y - parent.rect.y,
      rotation: 0,
      // Replaced in write(), once every shape is known.
      index: 'a1' as IndexKey,
      parentId: parent.id,
      isLocked: false,
      opacity: 1,
      meta,
    }
  }

  private writeFrame(modelId: string, rect: Rect, parentGroup: string | undefined, name: string, meta: FrameMeta, aanname?: string): TLShapeId {
    const frame: TLFrameShape = {
      ...this.base(modelId, rect, this.parentOf(parentGroup), { ...meta, ...aannameMeta(aanname) }),
      type: 'frame',
      props: { w: rect.width, h: rect.height, name, color: 'black' },
    }
    this.shapes.push(frame)
    return frame.id
  }

  private writeGroup(group: RegieGroup<string>): void {
    this.writeFrame(group.id, required(this.layout.groups[group.id], group.id), group.parent, group.title, { regieGroup: group.kind }, group.aanname)
  }

  private writeActor(actor: RegieActor<string>): void {
    const rect = required(this.layout.actors[actor.id], actor.id)
    this.cards.push({ id: actor.id, rect })
    const attributes = actor.attributes ?? {}
    const shape: RegieActorShape = {
      ...this.base(actor.id, rect, this.parentOf(actor.group), aannameMeta(actor.aanname)),
      type: ACTOR_SHAPE,
      props: {
        w: rect.width,
        h: rect.height,
        kind: actor.kind,
        name: actor.name,
        inwoners: attributes.inwoners ?? null,
        fte: attributes.fte ?? null,
        domeinen: attributes.domeinen ?? null,
        afdelingen: attributes.afdelingen ?? null,
        rollen: [...(attributes.rollen ?? [])],
        competenties: [...(attributes.competenties ?? [])],
        toelichting: attributes.toelichting ?? '',
        placeholder: actor.placeholder ?? false,
        regeling: attributes.regeling ?? '',
      },
    }
    this.shapes.push(shape)
  }

  private writeBlock(block: RegieBlock<string>): void {
    const rect = required(this.layout.blocks[block.id], block.id)
    switch (block.type) {
      case 'flow':
        return this.writeFlow(block, rect)
      case 'checklist':
        return this.writeChecklist(block, rect)
      case 'note':
        this.cards.push({ id: block.id, rect })
        this.shapes.push(this.item(block.id, rect, this.parentOf(block.group), { variant: 'note', title: block.title ?? '', text: block.text }, block.aanname))
        return
      case 'legend': {
        this.cards.push({ id: block.id, rect })
        const legend: RegieLegendShape = {
          ...this.base(block.id, rect, this.parentOf(block.group)),
          type: LEGEND_SHAPE,
          props: { w: rect.width, h: rect.height, title: block.title, actorKinds: [...block.actorKinds], relationKinds: [...block.relationKinds] },
        }
        this.shapes.push(legend)
      }
    }
  }

  private writeFlow(flow: RegieFlow<string>, rect: Rect): void {
    const frameId = this.writeFrame(flow.id, rect, flow.group, flow.title, { regieBlock: 'flow' }, flow.aanname)
    const parent = { id: frameId, rect }
    flow.steps.forEach((step, i) => {
      const stepRect = required(this.layout.flowSteps[step.id], step.id)
      const actorNames = step.actorIds.map((id) => this.actors.get(id)?.name ?? id)
      this.cards.push({ id: step.id, rect: stepRect })
      this.shapes.push(this.item(step.id, stepRect, parent, { variant: 'step', title: step.text, text: actorNames.join(', ') }, step.aanname))
    })
  }

  /** Written after every card is known, so that they are routed around all of them. */
  private writeFlowArrows(flow: RegieFlow<string>): void {
    flow.steps.forEach((step, i) => {
      const previous = flow.steps[i - 1]
      if (previous) {
        const meta: FlowArrowMeta = { regieFlow: true }
        this.writeArrow(flowArrowId(flow, i), previous.id, step.id, { color: 'grey', dash: 'solid', arrowheadStart: 'none', arrowheadEnd: 'arrow', label: '' }, { ...meta })
      }
    })
  }

  private writeChecklist(checklist: RegieChecklist<string>, rect: Rect): void {
    const frameId = this.writeFrame(checklist.id, rect, checklist.group, checklist.title, { regieBlock: 'checklist', purpose: checklist.purpose }, checklist.aanname)
    let y = BLOCK_FRAME.padding
    for (const item of checklist.items) {
      const size = checklistItemSize(item)
      const itemRect = { x: rect.x + BLOCK_FRAME.padding, y: rect.y + y, width: rect.width - 2 * BLOCK_FRAME.padding, height: size.height }
      this.cards.push({ id: item.id, rect: itemRect })
      this.shapes.push(
        this.item(
          item.id,
          itemRect,
          { id: frameId, rect },
          {
            // Propositions are cards a group votes on, not boxes to tick.
            variant: checklist.purpose === 'stellingen' ? 'stelling' : 'checklist',
            title: item.text,
            hint: item.hint ?? '',
            response: item.response ?? '',
            ref: item.ref ?? '',
          },
          item.aanname,
        ),
      )
      y += size.height + BLOCK_FRAME.gap
    }
  }

  private item(
    modelId: string,
    rect: Rect,
    parent: { id: TLParentId; rect: Rect },
    content: Partial<RegieItemShape['props']> & Pick<RegieItemShape['props'], 'variant' | 'title'>,
    aanname?: string,
  ): RegieItemShape {
    return {
      ...this.base(modelId, rect, parent, aannameMeta(aanname)),
      type: ITEM_SHAPE,
      props: { w: rect.width, h: rect.height, text: '', hint: '', response: '', checked: false, ref: '', ...content },
    }
  }

  private writeRelation(relation: RegieRelation<string>): void {
    const kind = relationKind(relation.kind)
    const meta: RelationMeta = { regieRelation: relation.kind, ...(relation.radReference !== undefined && { radReference: relation.radReference }) }
    this.writeArrow(
      relation.id,
      relation.from,
      relation.to,
      { color: kind.color, dash: kind.dash, arrowheadStart: kind.arrowheadStart, arrowheadEnd: kind.arrowheadEnd, label: relation.label ?? '' },
      { ...meta, ...aannameMeta(relation.aanname) },
    )
  }

  private writeArrow(
    modelId: string,
    fromId: string,
    toId: string,
    style: Pick<TLArrowShape['props'], 'color' | 'dash' | 'arrowheadStart' | 'arrowheadEnd'> & { label: string },
    meta: JsonObject,
  ): void {
    const route = this.routes.get(modelId)
    const from = anchorPoint(this.rectOf(fromId), route?.startAnchor ?? CENTRE)
    const to = anchorPoint(this.rectOf(toId), route?.endAnchor ?? CENTRE)
    const shown = route?.shownLabel ?? style.label
    // A label shortened for room keeps its full text in meta: the model, outline and exports read that.
    const labelMeta: RelationLabelMeta | null = shown !== style.label ? { regieLabel: style.label, regieShownLabel: shown } : null
    const arrow: TLArrowShape = {
      ...this.base(modelId, { x: from.x, y: from.y, width: 0, height: 0 }, this.commonFrame(fromId, toId) ?? this.parentOf(undefined), labelMeta ? { ...meta, ...labelMeta } : meta),
      type: 'arrow',
      props: {
        kind: 'arc',
        labelColor: 'black',
        color: style.color,
        fill: 'none',
        dash: style.dash,
        size: 's',
        arrowheadStart: style.arrowheadStart,
        arrowheadEnd: style.arrowheadEnd,
        font: 'sans',
        start: { x: 0, y: 0 },
        end: { x: to.x - from.x, y: to.y - from.y },
        bend: route?.bend ?? 0,
        richText: toRichText(shown),
        labelPosition: route?.labelPosition ?? 0.5,
        scale: 1,
        elbowMidPoint: 0.5,
      },
    }
    this.shapes.push(arrow)
    for (const [terminal, target, anchor] of [['start', fromId, route?.startAnchor ?? CENTRE], ['end', toId, route?.endAnchor ?? CENTRE]] as const) {
      const precise = anchor.x !== CENTRE.x || anchor.y !== CENTRE.y
      this.bindings.push({
        id: createBindingId(`${this.prefix}${modelId}:${terminal}`),
        typeName: 'binding',
        type: 'arrow',
        fromId: arrow.id,
        toId: this.shapeId(target),
        props: { terminal, normalizedAnchor: { x: anchor.x, y: anchor.y }, isExact: false, isPrecise: precise, snap: 'none' },
        meta: {},
      })
    }
  }

  private rectOf(id: string): Rect {
    return required(this.layout.actors[id] ?? this.layout.flowSteps[id], id)
  }
}

function flowArrowId(flow: RegieFlow<string>, stepIndex: number): string {
  return `${flow.id}:${flow.steps[stepIndex - 1]!.id}>${flow.steps[stepIndex]!.id}`
}

function required(rect: Rect | undefined, id: string): Rect {
  // layoutModel places every element of a valid model, so this only fires on a layout of another model.
  if (!rect) throw new Error(`the layout has no place for ${id}`)
  return rect
}
