/**
 * Which actor or relation kind a spreadsheet means: by the kind's id or its label in either
 * language, ignoring case, accents and punctuation (normalize.ts). And, for actors a file lists
 * only by name, a guess from words in the name that the preview marks as a guess.
 */
import { ACTOR_KINDS, type ActorKindId } from '../regie/actor-kinds.ts'
import { RELATION_KINDS, type RelationKindId } from '../regie/relation-kinds.ts'
import { normalizeWord } from './normalize.ts'

function index<K extends string>(kinds: readonly { id: K; label: { nl: string; en: string } }[], extra: Readonly<Record<string, K>>): Map<string, K> {
  const map = new Map<string, K>()
  for (const kind of kinds) {
    for (const word of [kind.id, kind.label.nl, kind.label.en, ...kind.label.nl.split(' / '), ...kind.label.en.split(' / ')]) {
      const key = normalizeWord(word)
      if (key && !map.has(key)) map.set(key, kind.id)
    }
  }
  for (const [word, id] of Object.entries(extra)) map.set(normalizeWord(word), id)
  return map
}

/** Words spreadsheets use for a kind that are not its label. */
const RELATION_SYNONYMS: Readonly<Record<string, RelationKindId>> = {
  opdrachtgever: 'opdrachtgeverschap',
  opdracht: 'opdrachtgeverschap',
  'opdrachtgever opdrachtnemer': 'opdrachtgeverschap',
  verantwoordingsrelatie: 'verantwoording',
  deelnemer: 'deelname',
  lidmaatschap: 'deelname',
  delegatie: 'mandaat',
  aansturen: 'aansturing',
  informatievoorziening: 'informatie',
  kaders: 'kaderstelling',
  cocreatie: 'co-creatie',
  coproductie: 'co-productie',
}

const ACTOR_SYNONYMS: Readonly<Record<string, ActorKindId>> = {
  raad: 'gemeenteraad',
  'college b en w': 'college',
  gr: 'uitvoeringsorganisatie',
  'gemeenschappelijke regeling': 'uitvoeringsorganisatie',
  burgemeester: 'bestuurder',
  wethouder: 'bestuurder',
  afdeling: 'ambtelijke-organisatie',
  or: 'ondernemingsraad',
}

let relationIndex: Map<string, RelationKindId> | undefined
let actorIndex: Map<string, ActorKindId> | undefined

export function matchRelationKind(text: string): RelationKindId | null {
  relationIndex ??= index(RELATION_KINDS, RELATION_SYNONYMS)
  return relationIndex.get(normalizeWord(text)) ?? null
}

export function matchActorKind(text: string): ActorKindId | null {
  actorIndex ??= index(ACTOR_KINDS, ACTOR_SYNONYMS)
  return actorIndex.get(normalizeWord(text)) ?? null
}

/**
 * Words in a name that tell its kind, checked in this order (the first that fits wins):
 * "Secretarissenoverleg" is a regional body before it is a secretary, "Gemeenteraad Ermelo" a
 * council before it is a municipality.
 */
const NAME_HINTS: readonly [RegExp, ActorKindId][] = [
  [/\b(ondernemingsraad|or)\b/, 'ondernemingsraad'],
  [/\brekenkamer/, 'rekenkamer'],
  [/(overleg|stuurgroep|regiegroep|\balgemeen bestuur\b|\bdagelijks bestuur\b|\b(ab|db)\b|netwerk mt|drechtstedenbestuur|\bregio\b|portefeuillehouders)/, 'regionaal-orgaan'],
  [/(gemeenteraad|\braad\b|\braden\b)/, 'gemeenteraad'],
  [/\bcollege/, 'college'],
  [/(burgemeester|wethouder)/, 'bestuurder'],
  [/(regieteam|beleidsregie|regisseur)/, 'regieteam'],
  [/gemeentesecretaris/, 'gemeentesecretaris'],
  [/(directeur|directie|management)/, 'directie'],
  [/(\bgr\b|gemeenschappelijke regeling|uitvoeringsorganisatie|omgevingsdienst|veiligheidsregio|\bggd\b|belasting|sociale dienst|werkbedrijf|shared service|servicecentrum|\bodij\b)/, 'uitvoeringsorganisatie'],
  [/(ambtelijke organisatie|afdeling|\bteam\b|\bdomein\b|klantcontactcentrum|\bkcc\b)/, 'ambtelijke-organisatie'],
  [/(inwoners|bewoners|burgers|dorpsraad|wijkraad|huurders|buurt|platform)/, 'inwoners'],
  [/(\bbv\b|\bb v\b|\bnv\b|bedrijf|ondernemers|aannemer|adviesbureau)/, 'bedrijf'],
  [/(stichting|vereniging|welzijn|corporatie|zorg|bibliotheek|school|sport|woonstichting)/, 'maatschappelijke-organisatie'],
  [/gemeente/, 'gemeente'],
]

/** The kind a name suggests, or null when it suggests none. */
export function guessActorKind(name: string): ActorKindId | null {
  const words = normalizeWord(name)
  for (const [pattern, kind] of NAME_HINTS) if (pattern.test(words)) return kind
  return null
}
