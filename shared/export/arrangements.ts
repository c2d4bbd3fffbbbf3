/**
 * The arrangements table: every relation between two actors on the board, read from the regie
 * model, as a municipality lists its collaborations: who with whom, which kind, its label, who is
 * opdrachtgever and which result agreement (RAD) governs it.
 *
 * "Opdrachtgever" follows the regiecheck's reading (regiecheck.ts): for an uitbesteding, whoever
 * has opdrachtgeverschap towards the party carrying it out (B), which may be the outsourcing
 * party itself or someone it mandated; for opdrachtgeverschap, actor A itself. Other kinds have
 * none. The RAD is the relation's own reference.
 */
import { actorKind } from '../regie/actor-kinds.ts'
import type { RegieActor, RegieModel } from '../regie/model.ts'
import { relationKind, RELATION_KIND_IDS, type RelationKindId } from '../regie/relation-kinds.ts'
import type { Locale } from '../regie/text.ts'
import { toCsv } from './csv.ts'
import { exportText } from './export-text.ts'

export interface ArrangementRow {
  readonly relationId: string
  readonly kind: RelationKindId
  /** The kind's label in the requested language. */
  readonly kindLabel: string
  readonly from: string
  readonly to: string
  readonly label: string
  /** Names, joined by ", " when there are several; '' when none. */
  readonly commissioner: string
  readonly radReference: string
  /** What the template assumed about this relation, while the facilitator has not confirmed it; '' when nothing. */
  readonly aanname: string
}

/** Relations in the order of the kinds (the three vital processes first), then by actor names. */
export function arrangementRows(model: RegieModel<string>, locale: Locale): ArrangementRow[] {
  const actors = new Map(model.actors.map((actor) => [actor.id, actor]))
  const name = (id: string) => displayName(actors.get(id), locale)
  // Sorted, so the same board always exports the same file (and an import of it compares equal).
  const commissionersOf = (contractor: string) =>
    unique(model.relations.filter((relation) => relation.kind === 'opdrachtgeverschap' && relation.to === contractor).map((relation) => name(relation.from))).sort((a, b) =>
      a.localeCompare(b, locale),
    )

  const rows = model.relations.map((relation): ArrangementRow => {
    const commissioner =
      relation.kind === 'uitbesteding' ? commissionersOf(relation.to).join(', ') : relation.kind === 'opdrachtgeverschap' ? name(relation.from) : ''
    return {
      relationId: relation.id,
      kind: relation.kind,
      kindLabel: relationKind(relation.kind).label[locale],
      from: name(relation.from),
      to: name(relation.to),
      label: relation.label?.trim() ?? '',
      commissioner,
      radReference: relation.radReference?.trim() ?? '',
      aanname: relation.aanname?.trim() ?? '',
    }
  })
  const order = (kind: RelationKindId) => RELATION_KIND_IDS.indexOf(kind)
  const compare = (a: string, b: string) => a.localeCompare(b, locale)
  return rows.sort((a, b) => order(a.kind) - order(b.kind) || compare(a.from, b.from) || compare(a.to, b.to) || compare(a.relationId, b.relationId))
}

export function arrangementsCsv(rows: readonly ArrangementRow[], locale: Locale): string {
  const t = (key: Parameters<typeof exportText>[0]) => exportText(key, locale)
  return toCsv(
    [t('arrangements.from'), t('arrangements.kind'), t('arrangements.to'), t('arrangements.label'), t('arrangements.commissioner'), t('arrangements.rad'), t('aanname.column')],
    rows.map((row) => [row.from, row.kindLabel, row.to, row.label, row.commissioner, row.radReference, row.aanname]),
  )
}

/** A card nobody has named yet is called by its kind ("Gemeente"), as the regiecheck does. */
function displayName(actor: RegieActor<string> | undefined, locale: Locale): string {
  if (!actor) return ''
  return actor.name.trim() || actorKind(actor.kind).label[locale]
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)]
}
