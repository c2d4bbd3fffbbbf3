/**
 * Regiecheck rules a facilitator has set aside for one board, each with a reason ("bewust zo
 * gekozen"): the panel hides their findings, the report lists them with the reason.
 *
 * Where they live: in the meta of the board's tldraw document record (`document:document`),
 * under `regiecheckDismissals`. That record is part of the board's records, so dismissals sync,
 * undo, survive snapshots and exports like any other board content, and the Y.Map `meta` of the
 * Yjs document (which clients may not write) is not needed. Records come from other people's
 * clients, so every entry is checked on reading and bad ones are ignored.
 */
import type { TLDocument, TLRecord } from '@tldraw/tlschema'
import type { JsonObject } from '@tldraw/utils'
import { isRegieRuleId, type RegieFinding, type RegieRuleId } from '../regie/regiecheck.ts'

export const DISMISSALS_META_KEY = 'regiecheckDismissals'

/** Longer reasons are cut when read: a reason is a sentence, not a document. */
export const MAX_REASON_LENGTH = 500

export interface RuleDismissal {
  readonly ruleId: RegieRuleId
  readonly reason: string
  /** The display name of who set it aside; '' when unknown. */
  readonly by: string
  /** Milliseconds since the epoch; 0 when unknown. */
  readonly at: number
}

export function dismissalsFromMeta(meta: unknown): Map<RegieRuleId, RuleDismissal> {
  const result = new Map<RegieRuleId, RuleDismissal>()
  if (!isObject(meta)) return result
  const stored = meta[DISMISSALS_META_KEY]
  if (!isObject(stored)) return result
  for (const [ruleId, entry] of Object.entries(stored)) {
    if (!isRegieRuleId(ruleId) || !isObject(entry)) continue
    const reason = typeof entry.reason === 'string' ? entry.reason.trim().slice(0, MAX_REASON_LENGTH) : ''
    if (reason === '') continue
    result.set(ruleId, {
      ruleId,
      reason,
      by: typeof entry.by === 'string' ? entry.by.slice(0, 100) : '',
      at: typeof entry.at === 'number' && Number.isFinite(entry.at) ? entry.at : 0,
    })
  }
  return result
}

/** The dismissals on a board, read from its document record. */
export function boardDismissals(records: Iterable<TLRecord>): Map<RegieRuleId, RuleDismissal> {
  for (const record of records) if (record.typeName === 'document') return dismissalsFromMeta(record.meta)
  return new Map()
}

/** The document meta with `ruleId` set aside for `reason`, or restored when `dismissal` is null. */
export function metaWithDismissal(meta: TLDocument['meta'], ruleId: RegieRuleId, dismissal: Omit<RuleDismissal, 'ruleId'> | null): JsonObject {
  const current = isObject(meta[DISMISSALS_META_KEY]) ? { ...(meta[DISMISSALS_META_KEY] as JsonObject) } : {}
  if (dismissal === null) delete current[ruleId]
  else current[ruleId] = { reason: dismissal.reason.trim().slice(0, MAX_REASON_LENGTH), by: dismissal.by, at: dismissal.at }
  return { ...meta, [DISMISSALS_META_KEY]: current }
}

export interface DismissedFindings {
  readonly open: RegieFinding[]
  readonly dismissed: { readonly dismissal: RuleDismissal; readonly findings: RegieFinding[] }[]
}

export function splitDismissed(findings: readonly RegieFinding[], dismissals: ReadonlyMap<RegieRuleId, RuleDismissal>): DismissedFindings {
  const open = findings.filter((finding) => !dismissals.has(finding.ruleId))
  const dismissed = [...dismissals.values()].map((dismissal) => ({ dismissal, findings: findings.filter((finding) => finding.ruleId === dismissal.ruleId) }))
  return { open, dismissed }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
