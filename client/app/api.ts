/** The browser's calls to the server's JSON API. Errors carry the server's code and message. */
import type { Role } from '../../shared/roles.ts'

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, init)
  } catch {
    throw new ApiError(0, 'network', 'network error')
  }
  const body = (await response.json().catch(() => null)) as (T & { error?: string; message?: string }) | null
  if (!response.ok) {
    throw new ApiError(response.status, body?.error ?? 'http_error', body?.message ?? `HTTP ${response.status}`)
  }
  return body as T
}

export interface CreatedBoard {
  id: string
  title: string
  tokens: Record<Role, string>
}

export interface BoardInfo {
  id: string
  title: string
  template: string | null
  createdAt: number
  role: Role
}

export interface TemplateSummary {
  id: string
  title: { nl: string; en: string }
  description: { nl: string; en: string }
  seed: { id: string; file: string; title: string }
  covers: { nl: string; en: string }
}

export interface ClientConfig {
  tldrawLicenseKey: string | null
}

export const api = {
  createBoard: (title: string, template: string | null = null, locale: 'nl' | 'en' = 'nl') =>
    call<CreatedBoard>('/api/boards', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...(title.trim() && { title }), ...(template && { template, locale }) }),
    }),
  importBoard: (file: string) =>
    call<CreatedBoard>('/api/boards/import', { method: 'POST', headers: { 'content-type': 'application/json' }, body: file }),
  templates: () => call<{ templates: TemplateSummary[] }>('/api/templates').then((body) => body.templates),
  board: (id: string, token: string) =>
    call<BoardInfo>(`/api/boards/${encodeURIComponent(id)}`, { headers: { authorization: `Bearer ${token}` } }),
  config: () => call<ClientConfig>('/api/config'),
}

/** The shareable link for a role: the token sits in the fragment, so it never reaches server logs. */
export function boardLink(origin: string, boardId: string, token: string): string {
  return `${origin}/b/${boardId}#t=${token}`
}
