/**
 * The layout with the canvas's own card sizes: templates and "netjes schikken" both go through
 * here, so a laid-out card is exactly as big as the card that is drawn.
 */
import { layoutModel, type LayoutOptions, type RegieLayout, type Size } from '../regie/layout.ts'
import type { RegieActor, RegieBlock, RegieFlow, RegieModel } from '../regie/model.ts'
import { actorSizeOf, blockSizeOf, flowStepSize } from './card-sizes.ts'

export interface KnownSizes {
  /** Sizes of cards already on the board (by model id), which win over estimates. */
  readonly [id: string]: Size
}

export function layOutModel(model: RegieModel<string>, known: KnownSizes = {}, options: Pick<LayoutOptions, 'direction' | 'spacing'> = {}): Promise<RegieLayout> {
  const names = new Map(model.actors.map((actor) => [actor.id, actor.name]))
  return layoutModel(model, {
    ...options,
    actorSize: (actor: RegieActor<string>) => known[actor.id] ?? actorSizeOf(actor),
    blockSize: (block: Exclude<RegieBlock<string>, RegieFlow<string>>) => known[block.id] ?? blockSizeOf(block),
    flowStepSize: (step) => known[step.id] ?? flowStepSize(step, step.actorIds.map((id) => names.get(id) ?? id)),
  })
}
