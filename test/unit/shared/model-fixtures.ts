/** Small hand-made models for the shared/regie tests. */
import type { ActorKindId } from '../../../shared/regie/actor-kinds.ts'
import type { RegieActor, RegieModel, RegieRelation } from '../../../shared/regie/model.ts'
import type { RelationKindId } from '../../../shared/regie/relation-kinds.ts'

export function actor(id: string, kind: ActorKindId, extra: Partial<RegieActor> = {}): RegieActor {
  return { id, kind, name: id, ...extra }
}

export function relation(id: string, kind: RelationKindId, from: string, to: string, extra: Partial<RegieRelation> = {}): RegieRelation {
  return { id, kind, from, to, ...extra }
}

export function model(parts: Partial<RegieModel>): RegieModel {
  return { actors: [], relations: [], groups: [], blocks: [], ...parts }
}
