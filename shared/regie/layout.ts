/**
 * Places a regie model on the board: the same function lays out a template on a new board and
 * tidies up ("netjes schikken") what users drew themselves, so it knows nothing of templates.
 *
 * How: containers are laid out bottom-up. Each group (and the board itself) is one ELK "layered"
 * graph whose nodes are its actor cards, its blocks and its child groups, the latter already laid
 * out and so of fixed size. Relations become edges between the children that contain their ends,
 * so a group full of actors moves as one towards the groups it relates to. The lanes of one
 * container are stacked side by side as a single node, all of equal length, as swimlanes are.
 * Laying out each container on its own (rather than one compound ELK graph) keeps every
 * container a plain rectangle around its contents and never lets two cards overlap.
 *
 * Edges run from the end a relation kind puts first (`layoutOrder`), so a raad sits above its
 * college although verantwoording points up. Model order breaks ties, so a template's order of
 * actors is kept where the graph leaves a choice, and equal input gives equal output.
 *
 * Pure and async: no DOM, no Node APIs; elkjs's bundled build runs in the browser and in Node.
 */
import type ELK from 'elkjs/lib/elk.bundled.js'
import type { ElkExtendedEdge, ElkNode, LayoutOptions as ElkOptions } from 'elkjs/lib/elk.bundled.js'
import type { RegieActor, RegieBlock, RegieFlow, RegieFlowStep, RegieGroup, RegieModel } from './model.ts'
import { validateModel, type ModelProblem } from './model.ts'
import { relationKind } from './relation-kinds.ts'
import { notesAreaSize } from '../board/note-placement.ts'
import { ARROW_LABEL, textWidth, wrapWords } from '../board/relation-routing.ts'

export interface Size {
  readonly width: number
  readonly height: number
}

export interface Rect extends Size {
  readonly x: number
  readonly y: number
}

/** `DOWN`: hierarchies read top to bottom; `RIGHT`: left to right. */
export type LayoutDirection = 'DOWN' | 'RIGHT'

export interface LayoutOptions<T = string> {
  readonly direction?: LayoutDirection
  /** The size of an actor card; the canvas knows it, the default is a typical card. */
  readonly actorSize?: (actor: RegieActor<T>) => Size
  /** The size of a note, checklist or legend (a flow is sized by its steps). */
  readonly blockSize?: (block: Exclude<RegieBlock<T>, RegieFlow<T>>) => Size
  readonly flowStepSize?: (step: RegieFlowStep<T>) => Size
  /** Space between neighbouring cards, in canvas units. */
  readonly spacing?: number
}

/** Absolute positions (top-left corner) of everything, keyed by element id. */
export interface RegieLayout {
  readonly actors: Readonly<Record<string, Rect>>
  readonly groups: Readonly<Record<string, Rect>>
  readonly blocks: Readonly<Record<string, Rect>>
  readonly flowSteps: Readonly<Record<string, Rect>>
  readonly bounds: Rect
}

/** Thrown for a model `validateModel` rejects: the layout does not guess what was meant. */
export class LayoutError extends Error {
  readonly code = 'invalid-model'

  constructor(readonly problems: readonly ModelProblem[]) {
    super(`cannot lay out an invalid model: ${problems.map((problem) => problem.message.en).join(' ')}`)
    this.name = 'LayoutError'
  }
}

export const DEFAULT_ACTOR_SIZE: Size = { width: 220, height: 120 }
export const DEFAULT_FLOW_STEP_SIZE: Size = { width: 200, height: 100 }
const DEFAULT_SPACING = 40
/** Room for a group's or block's title above its contents, and around its contents. */
const TITLE_HEIGHT = 48
const INNER_PADDING = 24
/**
 * tldraw draws a frame's name above the frame's top edge, so every frame's box in the layout
 * reserves this band above the frame for it: a title never lands on the card above. Sized for
 * the zooms a whole board is shown at: below 29 % tldraw draws the name 3.5× (its cap on
 * --tl-scale), about 98 units tall, so a narrower band let nested frames' names cross the
 * parent's top edge (Drechtsteden "Gemeente Alblasserdam").
 */
export const FRAME_TITLE_BAND = 100
/** An empty group still needs room to drop cards into; a lane more so. */
const EMPTY_GROUP: Size = { width: 320, height: 200 }
const EMPTY_LANE: Size = { width: 480, height: 320 }
const LANE_GAP = 16

export function defaultBlockSize<T>(block: Exclude<RegieBlock<T>, RegieFlow<T>>): Size {
  switch (block.type) {
    case 'note':
      return { width: 320, height: block.title === undefined ? 160 : 200 }
    case 'checklist':
      return { width: 360, height: TITLE_HEIGHT + 16 + 56 * block.items.length }
    case 'legend':
      return { width: 320, height: TITLE_HEIGHT + 16 + 32 * (block.actorKinds.length + block.relationKinds.length) }
  }
}

export async function layoutModel<T>(model: RegieModel<T>, options: LayoutOptions<T> = {}): Promise<RegieLayout> {
  const problems = validateModel(model)
  if (problems.length > 0) {
    throw new LayoutError(problems)
  }
  const context = new LayoutContext(model, options)
  const root = await context.layoutBoard()
  const result: Record<'actors' | 'groups' | 'blocks' | 'flowSteps', Record<string, Rect>> = { actors: {}, groups: {}, blocks: {}, flowSteps: {} }
  place(root, 0, 0, result)
  return { ...result, bounds: { x: 0, y: 0, width: root.width, height: root.height } }
}

// ---------------------------------------------------------------------------------------------

type ElementRef =
  | { readonly type: 'actor' | 'group' | 'block' | 'step'; readonly id: string }
  /** The side-by-side lanes of one container, placed as one node. */
  | { readonly type: 'lanes'; readonly id: string }

/**
 * A laid-out element: its size and its children's positions relative to its top-left corner.
 * Only the board itself has no ref.
 */
interface Box<R extends ElementRef | null = ElementRef> {
  readonly ref: R
  readonly width: number
  readonly height: number
  readonly children: readonly { readonly x: number; readonly y: number; readonly box: Box }[]
  /** Drawn as a frame: the top FRAME_TITLE_BAND of the box is the frame's title, above the frame. */
  readonly framed?: boolean
}

const ROOT = '\u0000board'
const LAYOUT_KEY: Record<ElementRef['type'], string> = { actor: 'a', group: 'g', block: 'b', step: 's', lanes: 'l' }
const nodeId = (ref: ElementRef): string => `${LAYOUT_KEY[ref.type]}:${ref.id}`

/**
 * One ELK instance for every layout: creating one sets up the whole bundled layouter. Imported on
 * the first layout, not with this module: the bundle takes ~0.2 s and ~29 MiB of a server's memory
 * to load, and most processes (a server that only syncs boards) never lay anything out.
 */
let elk: Promise<InstanceType<typeof ELK>> | undefined

class LayoutContext<T> {
  private readonly groups: ReadonlyMap<string, RegieGroup<T>>
  private readonly actorGroup: ReadonlyMap<string, string>
  private readonly blockGroup: ReadonlyMap<string, string>
  private readonly direction: LayoutDirection
  private readonly spacing: number

  constructor(
    private readonly model: RegieModel<T>,
    private readonly options: LayoutOptions<T>,
  ) {
    this.groups = new Map(model.groups.map((group) => [group.id, group]))
    this.actorGroup = new Map(model.actors.map((actor) => [actor.id, actor.group ?? ROOT]))
    this.blockGroup = new Map(model.blocks.map((block) => [block.id, block.group ?? ROOT]))
    this.direction = options.direction ?? 'DOWN'
    this.spacing = options.spacing ?? DEFAULT_SPACING
  }

  layoutBoard(): Promise<Box<null>> {
    return this.layoutContents(ROOT, null, { width: 0, height: 0 })
  }

  private async layoutGroup(group: RegieGroup<T>): Promise<Box> {
    if (group.kind !== 'lane') return this.layoutContents(group.id, { type: 'group', id: group.id }, EMPTY_GROUP)
    // A lane to fill in (no actors or groups in it yet, at most a question card) gets room below
    // its content for a workshop's worth of notes (see note-placement.ts); a lane that already
    // holds an arrangement grows when notes arrive.
    const holdsArrangement = (lane: RegieGroup<T>) => this.model.actors.some((actor) => actor.group === lane.id) || this.model.groups.some((child) => child.parent === lane.id)
    const siblings = this.model.groups.filter((other) => other.kind === 'lane' && other.parent === group.parent)
    if (siblings.some(holdsArrangement)) return this.layoutContents(group.id, { type: 'group', id: group.id }, EMPTY_LANE)
    const content = await this.layoutContents(group.id, { type: 'group', id: group.id }, { width: 0, height: 0 })
    const notes = notesAreaSize()
    const empty = content.children.length === 0
    return {
      ...content,
      width: Math.max(content.width, notes.width, EMPTY_LANE.width),
      height: (empty ? FRAME_TITLE_BAND + INNER_PADDING : content.height) + notes.height,
    }
  }

  /** Lays out what one container holds, after laying out every group inside it. */
  private async layoutContents<R extends ElementRef | null>(key: string, ref: R, minimum: Size): Promise<Box<R>> {
    const childGroups = this.model.groups.filter((group) => (group.parent ?? ROOT) === key)
    const lanes = childGroups.filter((group) => group.kind === 'lane')
    const nodes: Box[] = []

    for (const actor of this.model.actors) {
      if ((actor.group ?? ROOT) !== key) continue
      const size = this.options.actorSize?.(actor) ?? DEFAULT_ACTOR_SIZE
      nodes.push({ ref: { type: 'actor', id: actor.id }, ...size, children: [] })
    }
    for (const group of childGroups) {
      if (group.kind !== 'lane') nodes.push(await this.layoutGroup(group))
    }
    if (lanes.length > 0) nodes.push(await this.stackLanes(key, lanes))
    for (const block of this.model.blocks) {
      if ((block.group ?? ROOT) !== key) continue
      if (block.type === 'flow') {
        nodes.push(await this.layoutFlow(block))
      } else {
        const size = this.options.blockSize?.(block) ?? defaultBlockSize(block)
        // A checklist is drawn as a frame of item cards, with its title above it.
        const framed = block.type === 'checklist'
        nodes.push({ ref: { type: 'block', id: block.id }, width: size.width, height: size.height + (framed ? FRAME_TITLE_BAND : 0), children: [], framed })
      }
    }

    if (nodes.length === 0) return { ref, width: minimum.width, height: minimum.height + (ref === null ? 0 : FRAME_TITLE_BAND), children: [] }
    // A group shows its title above its contents; the board has no title.
    const padding = ref === null ? { top: 0, side: 0 } : { top: FRAME_TITLE_BAND + INNER_PADDING, side: INNER_PADDING }
    const { first, last } = this.facingOutside(key, nodes)
    const reversed = (edge: ElkExtendedEdge) => (first.has(edge.targets[0]!) && !first.has(edge.sources[0]!)) || (last.has(edge.sources[0]!) && !last.has(edge.targets[0]!))
    const edges = this.edgesWithin(key, nodes).map((edge) => (reversed(edge) ? { ...edge, sources: edge.targets, targets: edge.sources } : edge))
    const box = await this.runElk(ref, nodes, edges, this.direction, padding, first, last)
    return { ...box, width: Math.max(box.width, minimum.width), height: Math.max(box.height, minimum.height + (ref === null ? 0 : FRAME_TITLE_BAND)) }
  }

  /** Lanes sit side by side across the reading direction, all equally long. */
  private async stackLanes(containerKey: string, lanes: readonly RegieGroup<T>[]): Promise<Box> {
    const boxes = await Promise.all(lanes.map((lane) => this.layoutGroup(lane)))
    const across = this.direction === 'DOWN' ? 'x' : 'y'
    const length = Math.max(...boxes.map((box) => (across === 'x' ? box.height : box.width)))
    const children: { x: number; y: number; box: Box }[] = []
    let offset = 0
    for (const box of boxes) {
      const stretched = across === 'x' ? { ...box, height: length } : { ...box, width: length }
      children.push(across === 'x' ? { x: offset, y: 0, box: stretched } : { x: 0, y: offset, box: stretched })
      offset += (across === 'x' ? box.width : box.height) + LANE_GAP
    }
    const breadth = offset - LANE_GAP
    return {
      ref: { type: 'lanes', id: containerKey },
      width: across === 'x' ? breadth : length,
      height: across === 'x' ? length : breadth,
      children,
    }
  }

  /** A flow reads left to right, a step per card, whatever the board's direction. */
  private async layoutFlow(flow: RegieFlow<T>): Promise<Box> {
    const steps: Box[] = flow.steps.map((step) => ({
      ref: { type: 'step', id: step.id },
      ...(this.options.flowStepSize?.(step) ?? DEFAULT_FLOW_STEP_SIZE),
      children: [],
    }))
    const edges: ElkExtendedEdge[] = steps.flatMap((step, i) => {
      const next = steps[i + 1]
      return next ? [{ id: `e:${flow.id}:${i}`, sources: [nodeId(step.ref)], targets: [nodeId(next.ref)] }] : []
    })
    const ref: ElementRef = { type: 'block', id: flow.id }
    if (steps.length === 0) return { ref, width: EMPTY_GROUP.width, height: EMPTY_GROUP.height + FRAME_TITLE_BAND, children: [], framed: true }
    return { ...(await this.runElk(ref, steps, edges, 'RIGHT', { top: FRAME_TITLE_BAND + INNER_PADDING, side: INNER_PADDING })), framed: true }
  }

  /**
   * One edge per pair of children that relations (or a reading order) connect. Relations between
   * two groups often point both ways (a college joins a joint board, the board's secretary advises
   * the college); the edge follows the majority, so the layout is not pulled into a cycle.
   */
  private edgesWithin(containerKey: string, nodes: readonly Box[]): ElkExtendedEdge[] {
    const present = new Set(nodes.map((node) => nodeId(node.ref)))
    // Per unordered pair, in order of first appearance: its first-seen orientation and the
    // number of relations agreeing (+1) or disagreeing (-1) with it.
    const votes = new Map<string, { source: string; target: string; balance: number }>()
    const vote = (first: ElementRef | undefined, second: ElementRef | undefined) => {
      if (!first || !second) return
      const source = nodeId(first)
      const target = nodeId(second)
      if (source === target || !present.has(source) || !present.has(target)) return
      const pair = source < target ? `${source}|${target}` : `${target}|${source}`
      const existing = votes.get(pair)
      if (!existing) votes.set(pair, { source, target, balance: 1 })
      else existing.balance += existing.source === source ? 1 : -1
    }
    // Labels of relations between two cards of a group: ELK leaves room for them between the
    // cards, so the router finds a place for every label inside the frame (a frame clips).
    const labels = new Map<string, { id: string; text: string; width: number; height: number; layoutOptions: ElkOptions }[]>()
    for (const relation of this.model.relations) {
      const from = this.childOf(containerKey, { type: 'actor', id: relation.from })
      const to = this.childOf(containerKey, { type: 'actor', id: relation.to })
      if (relationKind(relation.kind).layoutOrder === 'from-first') vote(from, to)
      else vote(to, from)
      const text = typeof relation.label === 'string' ? relation.label.trim() : ''
      // Only inside a frame: on the open board a relation can bend out to where its label fits.
      if (containerKey !== ROOT && from?.type === 'actor' && to?.type === 'actor' && text !== '') {
        const [a, b] = [nodeId(from), nodeId(to)].sort()
        const pair = `${a}|${b}`
        labels.set(pair, [...(labels.get(pair) ?? []), { id: `l:${relation.id}`, text, ...relationLabelRoom(text), layoutOptions: { 'elk.edgeLabels.placement': 'CENTER' } }])
      }
    }
    for (const group of this.model.groups) {
      if (group.after !== undefined) vote(this.childOf(containerKey, this.refOf(group.after)), this.childOf(containerKey, { type: 'group', id: group.id }))
    }
    for (const block of this.model.blocks) {
      if (block.after !== undefined) vote(this.childOf(containerKey, this.refOf(block.after)), this.childOf(containerKey, { type: 'block', id: block.id }))
    }
    return [...votes.values()].map(({ source, target, balance }) => {
      const [from, to] = balance >= 0 ? [source, target] : [target, source]
      const pair = source < target ? `${source}|${target}` : `${target}|${source}`
      return { id: `e:${from}->${to}`, sources: [from], targets: [to], ...(labels.has(pair) && { labels: labels.get(pair) }) }
    })
  }

  /**
   * The children of a group that most relations from outside the group come into (a joint
   * body's director, whom all gemeenten address): they go in the group's first layer, on the side
   * facing where those relations come from, instead of behind the group's other cards.
   */
  private facingOutside(containerKey: string, nodes: readonly Box[]): { first: Set<string>; last: Set<string> } {
    if (containerKey === ROOT) return { first: new Set(), last: new Set() }
    const present = new Set(nodes.map((node) => nodeId(node.ref)))
    const balance = new Map<string, number>()
    // Which way a relation leaves the group follows how the group and the other end's part are
    // ordered where they meet (the container holding both), not the relation's own kind: seven
    // gemeenten whose joint bodies lie below them face down even though taking part in a body
    // reads body-first.
    const order = new Map<string, number>()
    for (const relation of this.model.relations) {
      const fromInside = this.childOf(containerKey, { type: 'actor', id: relation.from })
      const toInside = this.childOf(containerKey, { type: 'actor', id: relation.to })
      if (Boolean(fromInside) === Boolean(toInside)) continue
      const [inside, outsideActor] = fromInside ? [fromInside, relation.to] : [toInside!, relation.from]
      const meeting = this.meetingPoint(containerKey, outsideActor)
      if (!meeting) continue
      const key = `${meeting.container}|${nodeId(meeting.group)}|${nodeId(meeting.other)}`
      if (!order.has(key)) order.set(key, this.orderOf(meeting.container, meeting.group, meeting.other))
      // Positive: the other end lies before (above) the group, so this card faces up.
      const before = order.get(key)! < 0
      balance.set(nodeId(inside), (balance.get(nodeId(inside)) ?? 0) + (before ? 1 : -1))
    }
    const best = Math.max(0, ...balance.values())
    // Only a clear focus counts: a few stray relations should not reorder a group.
    const first = best < 3 ? new Set<string>() : new Set([...balance].filter(([id, value]) => value === best && present.has(id)).map(([id]) => id))
    // The other way round: children many relations leave from (seven gemeenten that each take
    // part in three joint bodies) go in the last layer, in one row facing those bodies, so no
    // other card of the group stands between them and where their relations go.
    // Only cards: a group inside faces its own cards out in its own layout.
    // A card with no relation inside the group (one of nine gemeenten that each take part in one
    // body) faces out for a single relation.
    const connected = new Set(this.edgesWithin(containerKey, nodes).flatMap((edge) => [...edge.sources, ...edge.targets]))
    const last = new Set([...balance].filter(([id, value]) => (value <= -3 || (value <= -1 && !connected.has(id))) && present.has(id) && !first.has(id) && id.startsWith(`${LAYOUT_KEY.actor}:`)).map(([id]) => id))
    return { first, last }
  }

  /**
   * Where group `groupId` and the part holding `actorId` meet: the innermost container holding
   * both, with the children of it that hold each.
   */
  private meetingPoint(groupId: string, actorId: string): { container: string; group: ElementRef; other: ElementRef } | undefined {
    for (let container = this.groups.get(groupId)?.parent ?? ROOT; ; container = this.groups.get(container)?.parent ?? ROOT) {
      const other = this.childOf(container, { type: 'actor', id: actorId })
      const group = this.childOf(container, { type: 'group', id: groupId })
      if (other && group) return nodeId(other) === nodeId(group) ? undefined : { container, group, other }
      if (container === ROOT) return undefined
    }
  }

  /** Positive when `a` comes before `b` in `container`'s layout, by the same votes as its edges. */
  private orderOf(container: string, a: ElementRef, b: ElementRef): number {
    const [idA, idB] = [nodeId(a), nodeId(b)]
    let balance = 0
    const vote = (first: ElementRef | undefined, second: ElementRef | undefined) => {
      if (!first || !second) return
      const [one, two] = [nodeId(first), nodeId(second)]
      if (one === idA && two === idB) balance++
      if (one === idB && two === idA) balance--
    }
    for (const relation of this.model.relations) {
      const from = this.childOf(container, { type: 'actor', id: relation.from })
      const to = this.childOf(container, { type: 'actor', id: relation.to })
      if (relationKind(relation.kind).layoutOrder === 'from-first') vote(from, to)
      else vote(to, from)
    }
    for (const group of this.model.groups) {
      if (group.after !== undefined) vote(this.childOf(container, this.refOf(group.after)), this.childOf(container, { type: 'group', id: group.id }))
    }
    return balance
  }

  private refOf(id: string): ElementRef {
    return this.groups.has(id) ? { type: 'group', id } : { type: 'block', id }
  }

  /** The child of `containerKey` that holds `element`, or undefined if it lies elsewhere. */
  private childOf(containerKey: string, element: ElementRef): ElementRef | undefined {
    let current = element
    let container = this.containerOf(element)
    while (container !== containerKey) {
      if (container === ROOT) return undefined
      current = { type: 'group', id: container }
      container = this.containerOf(current)
    }
    const group = current.type === 'group' ? this.groups.get(current.id) : undefined
    return group?.kind === 'lane' ? { type: 'lanes', id: containerKey } : current
  }

  private containerOf(element: ElementRef): string {
    switch (element.type) {
      case 'actor':
        return this.actorGroup.get(element.id) ?? ROOT
      case 'group':
        return this.groups.get(element.id)?.parent ?? ROOT
      case 'block':
        return this.blockGroup.get(element.id) ?? ROOT
      case 'step':
      case 'lanes':
        return ROOT
    }
  }

  private async runElk<R extends ElementRef | null>(
    ref: R,
    nodes: readonly Box[],
    edges: ElkExtendedEdge[],
    direction: LayoutDirection,
    padding: { top: number; side: number },
    first: ReadonlySet<string> = new Set(),
    last: ReadonlySet<string> = new Set(),
  ): Promise<Box<R>> {
    const spacing = String(this.spacing)
    const layoutOptions: ElkOptions = {
      'elk.algorithm': 'layered',
      'elk.direction': direction,
      'elk.padding': `[top=${padding.top},left=${padding.side},bottom=${padding.side},right=${padding.side}]`,
      'elk.spacing.nodeNode': spacing,
      'elk.spacing.componentComponent': spacing,
      'elk.layered.spacing.nodeNodeBetweenLayers': String(this.spacing * 3),
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
    }
    // Cards facing out are packed after the rest (see children below); elsewhere ELK's own packing stays.
    if (last.size > 0) layoutOptions['elk.layered.considerModelOrder.components'] = 'MODEL_ORDER'
    // Several unconnected cards facing out stand in one row, not a grid whose back rows the
    // front rows would hide.
    if (last.size >= 3) layoutOptions['elk.separateConnectedComponents'] = 'false'
    const graph: ElkNode = {
      id: 'root',
      layoutOptions,
      // Unconnected cards are packed as separate components in model order: the ones facing out
      // at the end of the packing go last, so they form the row nearest to where they relate.
      children: [...nodes.filter((node) => !last.has(nodeId(node.ref))), ...nodes.filter((node) => last.has(nodeId(node.ref)))].map((node) => ({
        id: nodeId(node.ref),
        width: node.width,
        height: node.height,
        ...(first.has(nodeId(node.ref)) && { layoutOptions: { 'elk.layered.layering.layerConstraint': 'FIRST' } }),
        ...(last.has(nodeId(node.ref)) && { layoutOptions: { 'elk.layered.layering.layerConstraint': 'LAST' } }),
      })),
      edges,
    }
    elk ??= import('elkjs/lib/elk.bundled.js').then(({ default: Elk }) => new Elk())
    const laidOut = await (await elk).layout(graph)
    const positions = new Map((laidOut.children ?? []).map((child) => [child.id, child]))
    return {
      ref,
      width: laidOut.width ?? 0,
      height: laidOut.height ?? 0,
      children: nodes.map((node) => {
        const position = positions.get(nodeId(node.ref))
        return { x: position?.x ?? 0, y: position?.y ?? 0, box: node }
      }),
    }
  }
}

/** Room a relation label takes beside a steep arrow: tldraw wraps it at 16 em (see relation-routing.ts). */
function relationLabelRoom(text: string): Size {
  const width = Math.min(textWidth(text), ARROW_LABEL.maxVerticalWidth)
  const lines = wrapWords(text, width).length
  return { width: width + 2 * ARROW_LABEL.padding, height: lines * ARROW_LABEL.fontSize * ARROW_LABEL.lineHeight + 2 * ARROW_LABEL.padding }
}

function belowTitle(rect: Rect): Rect {
  return { ...rect, y: rect.y + FRAME_TITLE_BAND, height: rect.height - FRAME_TITLE_BAND }
}


function place(box: Box<ElementRef | null>, x: number, y: number, into: Record<'actors' | 'groups' | 'blocks' | 'flowSteps', Record<string, Rect>>): void {
  const rect: Rect = { x, y, width: box.width, height: box.height }
  switch (box.ref?.type) {
    case 'actor':
      into.actors[box.ref.id] = rect
      break
    case 'group':
      into.groups[box.ref.id] = belowTitle(rect)
      break
    case 'block':
      into.blocks[box.ref.id] = box.framed ? belowTitle(rect) : rect
      break
    case 'step':
      into.flowSteps[box.ref.id] = rect
      break
  }
  for (const child of box.children) place(child.box, x + child.x, y + child.y, into)
}
