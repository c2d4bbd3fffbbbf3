/**
 * Reads the regie model back out of a board's tldraw records: what the regiecheck judges, what
 * "netjes schikken" lays out and what exports describe. Model ids are the shapes' ids, so a
 * finding points straight at the shapes on the canvas.
 *
 * Records come from other people's clients, so every field is checked rather than trusted: a
 * shape this reader does not understand is left out of the model, never a reason to fail.
 */
import type { TLArrowBinding, TLRecord, TLShape } from '@tldraw/tlschema'
import { isActorKindId } from '../regie/actor-kinds.ts'
import type {
  RegieActor,
  RegieBlock,
  RegieChecklistItem,
  RegieFlowStep,
  RegieGroup,
  RegieModel,
  RegieRelation,
} from '../regie/model.ts'
import { isAfwegingVraagId, isRegelingSoort } from '../regie/model.ts'
import { isRegieprestatieId } from '../regie/regieprestaties.ts'
import { VALKUIL_IDS, type ValkuilId } from '../regie/valkuilen.ts'
import { richTextToPlain } from './rich-text.ts'
import { ShapeTree } from './shape-tree.ts'
import {
  ACTOR_SHAPE,
  ITEM_SHAPE,
  LEGEND_SHAPE,
  aannameOf,
  frameMetaOf,
  relationLabelOf,
  relationMetaOf,
  type FrameMeta,
  type RegieActorShape,
  type RegieItemShape,
  type RegieLegendShape,
} from './regie-shapes.ts'

type Shape = TLShape
type FrameShape = Extract<TLShape, { type: 'frame' }>

export function recordsToModel(records: Iterable<TLRecord>): RegieModel<string> {
  const shapes = new Map<string, Shape>()
  const arrowEnds = new Map<string, { start?: string; end?: string }>()
  const all = [...records]
  for (const record of all) {
    if (record.typeName === 'shape') shapes.set(record.id, record)
  }
  for (const record of all) {
    if (record.typeName === 'binding' && record.type === 'arrow') {
      const binding = record as TLArrowBinding
      const ends = arrowEnds.get(binding.fromId) ?? {}
      ends[binding.props.terminal] = binding.toId
      arrowEnds.set(binding.fromId, ends)
    }
  }
  return new ModelReader(shapes, arrowEnds).read()
}

class ModelReader {
  private readonly tree: ShapeTree

  constructor(
    private readonly shapes: ReadonlyMap<string, Shape>,
    private readonly arrowEnds: ReadonlyMap<string, { start?: string; end?: string }>,
  ) {
    this.tree = new ShapeTree([...shapes.values()])
  }

  read(): RegieModel<string> {
    const actors: RegieActor<string>[] = []
    const groups: RegieGroup<string>[] = []
    const blocks: RegieBlock<string>[] = []
    const relations: RegieRelation<string>[] = []

    for (const shape of this.tree.inReadingOrder([...this.shapes.values()])) {
      if (isActor(shape)) actors.push(this.actor(shape))
      else if (isFrame(shape)) {
        const meta = this.frameKind(shape)
        if ('regieGroup' in meta) groups.push(this.group(shape, meta.regieGroup))
        else blocks.push(this.frameBlock(shape, meta))
      } else if (isItem(shape) && !this.blockFrameOf(shape)) blocks.push(this.note(shape))
      else if (isLegend(shape)) blocks.push(this.legend(shape))
    }

    for (const shape of this.shapes.values()) {
      if (shape.type !== 'arrow') continue
      const meta = relationMetaOf(shape.meta)
      const ends = this.arrowEnds.get(shape.id)
      if (!meta || !ends?.start || !ends.end) continue
      const from = this.shapes.get(ends.start)
      const to = this.shapes.get(ends.end)
      if (!from || !to || !isActor(from) || !isActor(to)) continue
      const label = relationLabelOf(richTextToPlain((shape.props as { richText?: unknown }).richText), shape.meta)
      relations.push({
        id: shape.id,
        kind: meta.regieRelation,
        from: from.id,
        to: to.id,
        ...(label !== '' && { label }),
        ...(meta.radReference !== undefined && { radReference: meta.radReference }),
        ...openAanname(shape),
      })
    }
    return { actors, relations, groups, blocks }
  }

  /** A frame the user drew without regie meta is an organisation: that is what frames around cards mean. */
  private frameKind(frame: FrameShape): FrameMeta {
    return frameMetaOf(frame.meta) ?? { regieGroup: 'organisation' }
  }

  /** The nearest enclosing frame that is a group (block frames hold items, not actors). */
  private groupOf(shape: Shape): string | undefined {
    return this.tree.ancestors(shape).find((ancestor) => isFrame(ancestor) && 'regieGroup' in this.frameKind(ancestor))?.id
  }

  private blockFrameOf(shape: Shape): FrameShape | undefined {
    const parent = this.shapes.get(shape.parentId)
    return parent && isFrame(parent) && !('regieGroup' in this.frameKind(parent)) ? parent : undefined
  }

  private actor(shape: RegieActorShape): RegieActor<string> {
    const p = shape.props
    const group = this.groupOf(shape)
    const attributes = {
      ...(isRegelingSoort(p.regeling) && { regeling: p.regeling }),
      ...(typeof p.inwoners === 'number' && { inwoners: p.inwoners }),
      ...(typeof p.fte === 'number' && { fte: p.fte }),
      ...(typeof p.domeinen === 'number' && { domeinen: p.domeinen }),
      ...(typeof p.afdelingen === 'number' && { afdelingen: p.afdelingen }),
      ...(strings(p.rollen).length > 0 && { rollen: strings(p.rollen) }),
      ...(strings(p.competenties).length > 0 && { competenties: strings(p.competenties) }),
      ...(typeof p.toelichting === 'string' && p.toelichting.trim() !== '' && { toelichting: p.toelichting }),
    }
    return {
      id: shape.id,
      kind: p.kind,
      name: typeof p.name === 'string' ? p.name : '',
      ...(Object.keys(attributes).length > 0 && { attributes }),
      ...(group !== undefined && { group }),
      ...(p.placeholder === true && { placeholder: true }),
      ...openAanname(shape),
    }
  }

  private group(frame: FrameShape, kind: RegieGroup['kind']): RegieGroup<string> {
    const parent = this.groupOf(frame)
    return { id: frame.id, kind, title: frame.props.name, ...(parent !== undefined && { parent }), ...openAanname(frame) }
  }

  private children(frame: FrameShape): RegieItemShape[] {
    return [...this.shapes.values()].filter((shape): shape is RegieItemShape => isItem(shape) && shape.parentId === frame.id)
  }

  private frameBlock(frame: FrameShape, meta: Exclude<FrameMeta, { regieGroup: unknown }>): RegieBlock<string> {
    const group = this.groupOf(frame)
    const placed = { id: frame.id, ...(group !== undefined && { group }), ...openAanname(frame) }
    if (meta.regieBlock === 'flow') {
      // A flow reads left to right.
      const steps = this.children(frame).sort((a, b) => a.x - b.x || a.y - b.y)
      return { ...placed, type: 'flow', title: frame.props.name, steps: steps.map((step): RegieFlowStep<string> => ({ id: step.id, text: step.props.title, actorIds: [], ...openAanname(step) })) }
    }
    const items = (this.tree.inReadingOrder(this.children(frame)) as RegieItemShape[]).map((item): RegieChecklistItem<string> => {
      const ref = item.props.ref
      return {
        id: item.id,
        text: item.props.title,
        ...(item.props.hint !== '' && { hint: item.props.hint }),
        ...((isRegieprestatieId(ref) || isValkuilId(ref) || isAfwegingVraagId(ref)) && { ref }),
        ...(item.props.response.trim() !== '' && { response: item.props.response }),
        ...openAanname(item),
      }
    })
    return { ...placed, type: 'checklist', purpose: meta.purpose, title: frame.props.name, items }
  }

  private note(shape: RegieItemShape): RegieBlock<string> {
    const group = this.groupOf(shape)
    const text = [shape.props.text, shape.props.response].filter((part) => part.trim() !== '').join('\n')
    return {
      id: shape.id,
      type: 'note',
      ...(shape.props.title !== '' && { title: shape.props.title }),
      text,
      ...(group !== undefined && { group }),
      ...openAanname(shape),
    }
  }

  private legend(shape: RegieLegendShape): RegieBlock<string> {
    const group = this.groupOf(shape)
    return {
      id: shape.id,
      type: 'legend',
      title: shape.props.title,
      actorKinds: shape.props.actorKinds,
      relationKinds: shape.props.relationKinds,
      ...(group !== undefined && { group }),
    }
  }
}

/** An assumption the facilitator has not confirmed yet; a confirmed one is a fact for this board. */
function openAanname(shape: Shape): { aanname?: string } {
  const aanname = aannameOf(shape.meta)
  return aanname && !aanname.bevestigd ? { aanname: aanname.tekst } : {}
}

function isActor(shape: Shape): shape is RegieActorShape {
  return shape.type === ACTOR_SHAPE && isActorKindId((shape.props as { kind?: unknown }).kind)
}

function isItem(shape: Shape): shape is RegieItemShape {
  return shape.type === ITEM_SHAPE
}

function isLegend(shape: Shape): shape is RegieLegendShape {
  return shape.type === LEGEND_SHAPE
}

function isFrame(shape: Shape): shape is FrameShape {
  return shape.type === 'frame'
}

function isValkuilId(value: string): value is ValkuilId {
  return (VALKUIL_IDS as readonly string[]).includes(value)
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '') : []
}
