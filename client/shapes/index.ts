import { ActorShapeUtil } from './actor/ActorShapeUtil.tsx'
import { ItemShapeUtil } from './item/ItemShapeUtil.tsx'
import { LegendShapeUtil } from './legend/LegendShapeUtil.tsx'

/** Our shapes, registered beside tldraw's defaults (the store and the editor both need them). */
export const regieShapeUtils = [ActorShapeUtil, ItemShapeUtil, LegendShapeUtil] as const
