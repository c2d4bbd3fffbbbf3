/** Own templates from the browser: the list for the start page, saving from a board. */
import { useEffect, useState } from 'react'
import type { OwnTemplateSummary } from '../../shared/templates/own-template.ts'
import type { Language } from '../i18n/i18n.tsx'
import { callJson } from '../import/import-api.ts'

export function fetchOwnTemplates(language: Language): Promise<OwnTemplateSummary[]> {
  return callJson<{ own?: OwnTemplateSummary[] }>('/api/templates', language).then((body) => body.own ?? [])
}

/** This installation's own templates; an empty list when the server cannot be reached. */
export function useOwnTemplates(language: Language): OwnTemplateSummary[] {
  const [own, setOwn] = useState<OwnTemplateSummary[]>([])
  useEffect(() => {
    fetchOwnTemplates(language).then(setOwn, () => setOwn([]))
    // The list does not depend on the language; fetched once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  return own
}

export function saveOwnTemplate(body: Record<string, unknown>, token: string, language: Language): Promise<OwnTemplateSummary> {
  return callJson<OwnTemplateSummary>('/api/templates/own', language, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  })
}

export function ownTemplateFileUrl(id: string): string {
  return `/api/templates/own/${encodeURIComponent(id)}`
}
