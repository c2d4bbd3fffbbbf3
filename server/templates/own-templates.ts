/**
 * Own templates in and out of storage, and boards made from them. Knows storage, not HTTP.
 */
import { randomBytes } from 'node:crypto'
import type { Locale } from '../../shared/regie/text.ts'
import type { RegieModel } from '../../shared/regie/model.ts'
import { OWN_TEMPLATE_PREFIX, toTemplateFile, type OwnTemplateSummary, type TemplateFile } from '../../shared/templates/own-template.ts'
import { createBoardFromModel } from '../boards/model-board.ts'
import type { CreatedBoard } from '../boards/boards.ts'
import type { OwnTemplateSummaryRecord, Storage } from '../storage/storage.ts'

/** More than this and the start page's list is no longer a list; the admin removes old ones first. */
export const MAX_OWN_TEMPLATES = 500

export function newOwnTemplateId(): string {
  return `${OWN_TEMPLATE_PREFIX}${randomBytes(8).toString('hex')}`
}

export function summary(record: OwnTemplateSummaryRecord, withHidden = false): OwnTemplateSummary {
  return {
    id: record.id,
    title: record.title,
    description: record.description,
    locale: record.locale === 'en' ? 'en' : 'nl',
    createdAt: record.createdAt,
    ...(withHidden && { hidden: record.hidden }),
  }
}

export type SaveResult = { ok: true; template: OwnTemplateSummary } | { ok: false; reason: 'full' }

export async function saveOwnTemplate(storage: Storage, file: TemplateFile, now = Date.now()): Promise<SaveResult> {
  const existing = await storage.listOwnTemplates({ includeHidden: true })
  if (existing.length >= MAX_OWN_TEMPLATES) return { ok: false, reason: 'full' }
  const record = { id: newOwnTemplateId(), title: file.title, description: file.description, locale: file.locale, model: JSON.stringify(file.model), createdAt: now, hidden: false }
  await storage.addOwnTemplate(record)
  return { ok: true, template: summary(record) }
}

/** The file of a visible template, or null (unknown or hidden). */
export async function ownTemplateFile(storage: Storage, id: string): Promise<TemplateFile | null> {
  const record = await storage.getOwnTemplate(id)
  if (!record || record.hidden) return null
  return toTemplateFile({ title: record.title, description: record.description, locale: record.locale as Locale, model: JSON.parse(record.model) as RegieModel<string> })
}

/** A new board from a visible own template; null when there is none by that id. */
export async function createBoardFromOwnTemplate(storage: Storage, id: string, title: string | undefined): Promise<CreatedBoard | null> {
  const file = await ownTemplateFile(storage, id)
  if (!file) return null
  return createBoardFromModel(storage, { title: title?.trim() || file.title, template: id, model: file.model })
}
