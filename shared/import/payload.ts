/**
 * What the browser sends after the preview, and what the server and the browser both turn into
 * a regie model. The server checks every field again (`checkImportPayload`), because the payload
 * comes from a client: a refused payload stores nothing.
 *
 * The model follows the arrangements export backwards: each row is one relation; an uitbesteding
 * row that names an opdrachtgever also gets the opdrachtgeverschap relation from that
 * opdrachtgever to actor B, unless the file already has it (the export lists it as a row of its
 * own, so a round trip adds nothing).
 */
import { ACTOR_KIND_IDS, isActorKindId, type ActorKindId } from '../regie/actor-kinds.ts'
import type { RegieActor, RegieModel, RegieRelation } from '../regie/model.ts'
import { validateModel } from '../regie/model.ts'
import { carriesAttribute, isRelationKindId, RELATION_KIND_IDS, type RelationKindId } from '../regie/relation-kinds.ts'
import type { LocalizedText } from '../regie/text.ts'
import { IMPORT_LIMITS } from './limits.ts'
import { normalizeWord } from './normalize.ts'
import type { ArrangementsPreview } from './read-arrangements.ts'

export interface PayloadActor {
  readonly name: string
  readonly kind: ActorKindId
  readonly inwoners?: number
  readonly fte?: number
  readonly notes?: string
}

export interface PayloadRelation {
  readonly from: string
  readonly kind: RelationKindId
  readonly to: string
  readonly label?: string
  readonly commissioners?: readonly string[]
  readonly rad?: string
}

export interface ArrangementsPayload {
  readonly actors: readonly PayloadActor[]
  readonly relations: readonly PayloadRelation[]
}

export type PayloadResult = { readonly ok: true; readonly payload: ArrangementsPayload } | { readonly ok: false; readonly message: LocalizedText }

const t = (nl: string, en: string): LocalizedText => ({ nl, en })

/** The preview as a payload, once every actor and relation has a kind. */
export function previewToPayload(preview: ArrangementsPreview): PayloadResult {
  const withoutKind = preview.actors.filter((actor) => actor.kind === null)
  if (withoutKind.length > 0) {
    const names = withoutKind.map((actor) => actor.name).join(', ')
    return { ok: false, message: t(`Kies eerst een soort voor: ${names}.`, `First choose a kind for: ${names}.`) }
  }
  const unknown = preview.relations.filter((relation) => relation.kind === null)
  if (unknown.length > 0) {
    const words = [...new Set(unknown.map((relation) => `"${relation.kindText}"`))].join(', ')
    return { ok: false, message: t(`Kies eerst welke soort relatie ${words} is, of sla die rijen over.`, `First choose which kind of relation ${words} is, or skip those rows.`) }
  }
  if (preview.relations.length === 0 && preview.actors.length === 0) {
    return { ok: false, message: t('Er is niets om te importeren: geen enkele rij kon worden gelezen.', 'There is nothing to import: no row could be read.') }
  }
  const used = new Set<string>()
  for (const relation of preview.relations) {
    for (const name of [relation.from, relation.to, ...relation.commissioners]) used.add(normalizeWord(name))
  }
  return {
    ok: true,
    payload: {
      actors: preview.actors.map((actor) => ({
        name: actor.name,
        kind: actor.kind!,
        ...(actor.inwoners !== undefined && { inwoners: actor.inwoners }),
        ...(actor.fte !== undefined && { fte: actor.fte }),
        ...(actor.notes && { notes: actor.notes }),
      })),
      relations: preview.relations.map((relation) => ({
        from: relation.from,
        kind: relation.kind!,
        to: relation.to,
        ...(relation.label && { label: relation.label }),
        ...(relation.commissioners.length > 0 && { commissioners: relation.commissioners }),
        ...(relation.rad && { rad: relation.rad }),
      })),
    },
  }
}

type Check<T> = { ok: true; value: T } | { ok: false; message: LocalizedText }

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function text(value: unknown, max: number, what: LocalizedText, required: boolean): Check<string | undefined> {
  if (value === undefined && !required) return { ok: true, value: undefined }
  if (typeof value !== 'string') return { ok: false, message: t(`${what.nl} moet tekst zijn.`, `${what.en} must be text.`) }
  const trimmed = value.trim()
  if (required && trimmed === '') return { ok: false, message: t(`${what.nl} is leeg.`, `${what.en} is empty.`) }
  if (trimmed.length > max) return { ok: false, message: t(`${what.nl} is langer dan ${max} tekens.`, `${what.en} is longer than ${max} characters.`) }
  return { ok: true, value: trimmed }
}

function count(value: unknown, what: LocalizedText): Check<number | undefined> {
  if (value === undefined) return { ok: true, value: undefined }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1e9) {
    return { ok: false, message: t(`${what.nl} moet een getal van 0 tot 1 miljard zijn.`, `${what.en} must be a number from 0 to a billion.`) }
  }
  return { ok: true, value }
}

/**
 * Checks a payload from a client field by field. Messages say which actor or row is wrong, in
 * both languages; the first problem is reported.
 */
export function checkImportPayload(value: unknown): PayloadResult {
  if (!isRecord(value) || !Array.isArray(value.actors) || !Array.isArray(value.relations)) {
    return { ok: false, message: t('De import moet een lijst "actors" en een lijst "relations" hebben.', 'The import needs a list "actors" and a list "relations".') }
  }
  if (value.actors.length > IMPORT_LIMITS.maxBoardActors) {
    return { ok: false, message: t(`Een import mag hoogstens ${IMPORT_LIMITS.maxBoardActors} actoren hebben; dit zijn er ${value.actors.length}. Splits het bestand, bijvoorbeeld per domein.`, `An import may have at most ${IMPORT_LIMITS.maxBoardActors} actors; this one has ${value.actors.length}. Split the file, for instance by domain.`) }
  }
  if (value.relations.length > IMPORT_LIMITS.maxBoardRelations) {
    return { ok: false, message: t(`Een import mag hoogstens ${IMPORT_LIMITS.maxBoardRelations} regelingen hebben; dit zijn er ${value.relations.length}. Splits het bestand, bijvoorbeeld per domein.`, `An import may have at most ${IMPORT_LIMITS.maxBoardRelations} arrangements; this one has ${value.relations.length}. Split the file, for instance by domain.`) }
  }
  if (value.actors.length === 0 && value.relations.length === 0) {
    return { ok: false, message: t('Er is niets om te importeren.', 'There is nothing to import.') }
  }
  const actors: PayloadActor[] = []
  const names = new Set<string>()
  for (const [i, raw] of value.actors.entries()) {
    const where = t(`Actor ${i + 1}`, `Actor ${i + 1}`)
    if (!isRecord(raw)) return { ok: false, message: t(`${where.nl} is geen object.`, `${where.en} is not an object.`) }
    const name = text(raw.name, IMPORT_LIMITS.maxNameLength, t(`De naam van ${where.nl.toLowerCase()}`, `The name of ${where.en.toLowerCase()}`), true)
    if (!name.ok) return name
    if (!isActorKindId(raw.kind)) {
      return { ok: false, message: t(`Actor "${name.value}" heeft een onbekende soort "${String(raw.kind)}". Bekend zijn: ${ACTOR_KIND_IDS.join(', ')}.`, `Actor "${name.value}" has an unknown kind "${String(raw.kind)}". Known are: ${ACTOR_KIND_IDS.join(', ')}.`) }
    }
    const key = normalizeWord(name.value!)
    if (names.has(key)) return { ok: false, message: t(`De actor "${name.value}" staat er twee keer in.`, `The actor "${name.value}" is listed twice.`) }
    names.add(key)
    const inwoners = count(raw.inwoners, t(`Inwoners van "${name.value}"`, `Residents of "${name.value}"`))
    if (!inwoners.ok) return inwoners
    const fte = count(raw.fte, t(`fte van "${name.value}"`, `fte of "${name.value}"`))
    if (!fte.ok) return fte
    const notes = text(raw.notes, IMPORT_LIMITS.maxTextLength, t(`De toelichting bij "${name.value}"`, `The notes of "${name.value}"`), false)
    if (!notes.ok) return notes
    actors.push({
      name: name.value!,
      kind: raw.kind,
      ...(inwoners.value !== undefined && { inwoners: inwoners.value }),
      ...(fte.value !== undefined && { fte: fte.value }),
      ...(notes.value && { notes: notes.value }),
    })
  }
  const relations: PayloadRelation[] = []
  for (const [i, raw] of value.relations.entries()) {
    const where = `${i + 1}`
    if (!isRecord(raw)) return { ok: false, message: t(`Regeling ${where} is geen object.`, `Arrangement ${where} is not an object.`) }
    const ends: string[] = []
    for (const end of ['from', 'to'] as const) {
      const name = text(raw[end], IMPORT_LIMITS.maxNameLength, t(`Actor ${end === 'from' ? 'A' : 'B'} van regeling ${where}`, `Actor ${end === 'from' ? 'A' : 'B'} of arrangement ${where}`), true)
      if (!name.ok) return name
      if (!names.has(normalizeWord(name.value!))) {
        return { ok: false, message: t(`Regeling ${where} noemt "${name.value}", maar die staat niet in de lijst van actoren.`, `Arrangement ${where} names "${name.value}", which is not in the list of actors.`) }
      }
      ends.push(name.value!)
    }
    if (normalizeWord(ends[0]!) === normalizeWord(ends[1]!)) {
      return { ok: false, message: t(`Regeling ${where} loopt van "${ends[0]}" naar zichzelf.`, `Arrangement ${where} runs from "${ends[0]}" to itself.`) }
    }
    if (!isRelationKindId(raw.kind)) {
      return { ok: false, message: t(`Regeling ${where} heeft een onbekende soort "${String(raw.kind)}". Bekend zijn: ${RELATION_KIND_IDS.join(', ')}.`, `Arrangement ${where} has an unknown kind "${String(raw.kind)}". Known are: ${RELATION_KIND_IDS.join(', ')}.`) }
    }
    const label = text(raw.label, IMPORT_LIMITS.maxTextLength, t(`Het label van regeling ${where}`, `The label of arrangement ${where}`), false)
    if (!label.ok) return label
    const rad = text(raw.rad, IMPORT_LIMITS.maxNameLength, t(`De RAD van regeling ${where}`, `The RAD of arrangement ${where}`), false)
    if (!rad.ok) return rad
    if (rad.value && !carriesAttribute(raw.kind, 'radReference')) {
      return { ok: false, message: t(`Regeling ${where} (${raw.kind}) kan geen RAD hebben; alleen een uitbesteding heeft er een.`, `Arrangement ${where} (${raw.kind}) cannot have a RAD; only outsourcing has one.`) }
    }
    const commissioners: string[] = []
    if (raw.commissioners !== undefined) {
      if (!Array.isArray(raw.commissioners) || raw.commissioners.length > 20) {
        return { ok: false, message: t(`De opdrachtgevers van regeling ${where} moeten een lijst van hoogstens 20 namen zijn.`, `The commissioners of arrangement ${where} must be a list of at most 20 names.`) }
      }
      for (const candidate of raw.commissioners) {
        const name = text(candidate, IMPORT_LIMITS.maxNameLength, t(`Een opdrachtgever van regeling ${where}`, `A commissioner of arrangement ${where}`), true)
        if (!name.ok) return name
        if (!names.has(normalizeWord(name.value!))) {
          return { ok: false, message: t(`Regeling ${where} noemt opdrachtgever "${name.value}", maar die staat niet in de lijst van actoren.`, `Arrangement ${where} names commissioner "${name.value}", who is not in the list of actors.`) }
        }
        commissioners.push(name.value!)
      }
    }
    relations.push({
      from: ends[0]!,
      kind: raw.kind,
      to: ends[1]!,
      ...(label.value && { label: label.value }),
      ...(commissioners.length > 0 && { commissioners }),
      ...(rad.value && { rad: rad.value }),
    })
  }
  return { ok: true, payload: { actors, relations } }
}

/** The regie model a payload stands for: one card per actor, one arrow per relation, and a legend. */
export function payloadToModel(payload: ArrangementsPayload, legendTitle: string): RegieModel<string> {
  const actorIds = new Map<string, string>()
  const actors: RegieActor<string>[] = payload.actors.map((actor, i) => {
    const id = `actor-${i + 1}`
    actorIds.set(normalizeWord(actor.name), id)
    const attributes = {
      ...(actor.inwoners !== undefined && { inwoners: actor.inwoners }),
      ...(actor.fte !== undefined && { fte: actor.fte }),
      ...(actor.notes && { toelichting: actor.notes }),
    }
    return { id, kind: actor.kind, name: actor.name, ...(Object.keys(attributes).length > 0 && { attributes }) }
  })
  const idOf = (name: string) => actorIds.get(normalizeWord(name))!
  const relations: RegieRelation<string>[] = []
  const commissioning = new Set<string>()
  const add = (relation: Omit<RegieRelation<string>, 'id'>) => {
    relations.push({ id: `relatie-${relations.length + 1}`, ...relation })
    if (relation.kind === 'opdrachtgeverschap') commissioning.add(`${relation.from}>${relation.to}`)
  }
  for (const relation of payload.relations) {
    add({
      kind: relation.kind,
      from: idOf(relation.from),
      to: idOf(relation.to),
      ...(relation.label && { label: relation.label }),
      ...(relation.rad && { radReference: relation.rad }),
    })
  }
  for (const relation of payload.relations) {
    if (relation.kind !== 'uitbesteding') continue
    for (const name of relation.commissioners ?? []) {
      const from = idOf(name)
      const to = idOf(relation.to)
      if (from !== to && !commissioning.has(`${from}>${to}`)) add({ kind: 'opdrachtgeverschap', from, to })
    }
  }
  const actorKinds = [...new Set(actors.map((actor) => actor.kind))]
  const relationKinds = [...new Set(relations.map((relation) => relation.kind))]
  const model: RegieModel<string> = {
    actors,
    relations,
    groups: [],
    blocks: actors.length > 0 ? [{ type: 'legend', id: 'legenda', title: legendTitle, actorKinds, relationKinds }] : [],
  }
  // The checks above make these impossible; this guards the builder itself.
  const problems = validateModel(model)
  if (problems.length > 0) throw new Error(`import model is unsound: ${problems[0]!.message.en}`)
  return model
}
