/**
 * The regiecheck as a board runs it, in the browser's panel and on the server for exports: cards
 * people have not named yet are called by their kind ("Gemeente"), never by a shape id.
 */
import { actorKind } from '../regie/actor-kinds.ts'
import type { RegieModel } from '../regie/model.ts'
import { regiecheck, type RegieFinding } from '../regie/regiecheck.ts'
import type { Locale } from '../regie/text.ts'

export function checkBoardModel(model: RegieModel<string>, locale: Locale): RegieFinding[] {
  return regiecheck(withDisplayNames(model, locale))
}

function withDisplayNames(model: RegieModel<string>, locale: Locale): RegieModel<string> {
  return {
    ...model,
    actors: model.actors.map((actor) => (actor.name.trim() === '' ? { ...actor, name: actorKind(actor.kind).label[locale] } : actor)),
  }
}
