import { actorKind, isActorKindId } from '../../shared/regie/actor-kinds.ts'
import { isRelationKindId, relationKind } from '../../shared/regie/relation-kinds.ts'
import type { Language } from '../i18n/i18n.tsx'

export function actorKindLabel(kind: string, language: Language): string {
  return isActorKindId(kind) ? actorKind(kind).label[language] : kind
}

export function relationKindLabel(kind: string, language: Language): string {
  return isRelationKindId(kind) ? relationKind(kind).label[language] : kind
}

export function formatCount(value: number, language: Language): string {
  return value.toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB')
}
