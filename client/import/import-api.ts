/** The import's and own templates' calls to the server; errors carry the server's message in the user's language. */
import type { ArrangementsPayload } from '../../shared/import/payload.ts'
import type { RegieFinding } from '../../shared/regie/regiecheck.ts'
import { ApiError, type CreatedBoard } from '../app/api.ts'
import type { Language } from '../i18n/i18n.tsx'

export interface ImportedBoard extends CreatedBoard {
  counts: { actors: number; relations: number }
  findings: RegieFinding[]
}

export async function callJson<T>(path: string, language: Language, init: RequestInit = {}): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, init)
  } catch {
    throw new ApiError(0, 'network', language === 'nl' ? 'geen verbinding met de server' : 'no connection to the server')
  }
  const body = (await response.json().catch(() => null)) as (T & { error?: string; message?: string; messages?: Record<Language, string> }) | null
  if (!response.ok) {
    throw new ApiError(response.status, body?.error ?? 'http_error', body?.messages?.[language] ?? body?.message ?? `HTTP ${response.status}`)
  }
  return body as T
}

export function importArrangements(payload: ArrangementsPayload, title: string, language: Language): Promise<ImportedBoard> {
  return callJson<ImportedBoard>('/api/boards/import-arrangements', language, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...payload, ...(title.trim() && { title: title.trim() }), locale: language }),
  })
}
