/**
 * A network as a team draws it by hand before tidying: actors of mixed kinds, relations of mixed
 * kinds (some labelled, some pairs joined twice), cards scattered and overlapping. Deterministic
 * for a seed, so tests and screenshots of "netjes schikken" can be repeated. Used by the layout
 * tests and the browser test; the sizes named in issue 13 are 4/5, 12/20 and 40/80.
 */
import type { ActorKindId } from '../regie/actor-kinds.ts'
import type { RegieActor, RegieModel, RegieRelation } from '../regie/model.ts'
import type { RelationKindId } from '../regie/relation-kinds.ts'

const KINDS: ActorKindId[] = ['gemeente', 'inwoners', 'maatschappelijke-organisatie', 'bedrijf', 'uitvoeringsorganisatie', 'regieteam']
const RELATIONS: RelationKindId[] = ['co-creatie', 'co-productie', 'uitbesteding', 'opdrachtgeverschap', 'advies', 'informatie']
const NAMES = ['Gemeente', 'Buurtteam', 'Wijkraad', 'Zorgaanbieder', 'Woningcorporatie', 'Sportclub', 'Bibliotheek', 'GGD', 'Ondernemers', 'Regieteam', 'Jongerenwerk', 'Welzijn']
const LABELS = ['Samen plannen maken', 'Uitvoering', 'Advies over de aanpak in de wijk', 'Levert gegevens', 'Opdracht', '']

/** Small, fast, seeded (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface HandDrawnNetwork {
  readonly model: RegieModel<string>
  /** Where the hand put each card (top-left), overlapping as hands do. */
  readonly positions: Readonly<Record<string, { x: number; y: number }>>
}

export function handDrawnNetwork(actorCount: number, relationCount: number, seed = actorCount * 1000 + relationCount): HandDrawnNetwork {
  const next = random(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  const actors: RegieActor<string>[] = Array.from({ length: actorCount }, (_, i) => ({
    id: `actor-${i + 1}`,
    kind: pick(KINDS),
    name: `${NAMES[i % NAMES.length]} ${Math.floor(i / NAMES.length) + 1}`,
  }))
  const relations: RegieRelation<string>[] = []
  const pairs = new Map<string, number>()
  // A connected network first (each actor tied to an earlier one), then extra ties at random.
  for (let i = 0; i < relationCount; i++) {
    const to = i < actorCount - 1 ? i + 1 : Math.floor(next() * actorCount)
    let from = i < actorCount - 1 ? Math.floor(next() * (i + 1)) : Math.floor(next() * actorCount)
    if (from === to) from = (to + 1) % actorCount
    const key = `${Math.min(from, to)}-${Math.max(from, to)}`
    // At most two relations between the same pair, as on a real board.
    if ((pairs.get(key) ?? 0) >= 2) from = (from + 2) % actorCount === to ? (from + 3) % actorCount : (from + 2) % actorCount
    pairs.set(key, (pairs.get(key) ?? 0) + 1)
    const label = pick(LABELS)
    relations.push({ id: `relation-${i + 1}`, kind: pick(RELATIONS), from: actors[from]!.id, to: actors[to]!.id, ...(label !== '' && { label }) })
  }
  const spread = 220 * Math.ceil(Math.sqrt(actorCount))
  const positions = Object.fromEntries(actors.map((actor) => [actor.id, { x: Math.round(next() * spread), y: Math.round(next() * spread * 0.6) }]))
  return { model: { actors, relations, groups: [], blocks: [] }, positions }
}
