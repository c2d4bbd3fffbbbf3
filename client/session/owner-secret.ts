/**
 * This browser's identity on one board, issued by the server (shared/session/identity.ts): asked
 * for once per board and link, kept in localStorage, so private notes, votes and being let in
 * survive a reload. When the server no longer knows it (the link was replaced), a new one is asked for.
 */
import type { IdentityAnswer, IssuedIdentity } from '../../shared/session/identity.ts'
import { OWNER_SECRET_HEADER } from '../../shared/session/owner-key.ts'
import { ApiError } from '../app/api.ts'

export interface Owner {
  /** The secret the server issued; sent as `owner=` and in the x-regiebord-owner header. */
  secret: string
  /** Its sha-256: the participant id the server and other clients know this person by. */
  key: string
}

export type AdmissionStatus = IdentityAnswer['status']

export interface OwnerOnBoard {
  owner: Owner
  status: AdmissionStatus
}

/**
 * One identity per board *and link*: a facilitator who also opens the participant link in the
 * same browser holds two, and each stays valid. The link is told apart by a short hash of its
 * token (not the token itself, and not meant to be secret).
 */
function storageKey(boardId: string, token: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < token.length; i++) hash = Math.imul(hash ^ token.charCodeAt(i), 0x01000193) >>> 0
  return `regiebord.owner.${boardId}.${hash.toString(16)}`
}

/** The identity this browser keeps for the board, without asking the server whether it still holds. */
export function storedOwner(boardId: string, token: string): Owner | null {
  try {
    const parsed = JSON.parse(localStorage.getItem(storageKey(boardId, token)) ?? 'null') as Partial<Owner> | null
    if (parsed && typeof parsed.secret === 'string' && typeof parsed.key === 'string') return { secret: parsed.secret, key: parsed.key }
  } catch {
    // A damaged entry just means asking for a new identity.
  }
  return null
}

async function request<T>(path: string, init: RequestInit): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, init)
  } catch {
    throw new ApiError(0, 'network', 'network error')
  }
  const body = (await response.json().catch(() => null)) as (T & { error?: string; message?: string }) | null
  if (!response.ok) throw new ApiError(response.status, body?.error ?? 'http_error', body?.message ?? `HTTP ${response.status}`)
  return body as T
}

/** Where this identity stands now; null when the server does not know it (any more). */
export async function admissionOf(boardId: string, token: string, owner: Owner): Promise<AdmissionStatus | null> {
  try {
    const answer = await request<IdentityAnswer>(`/api/boards/${encodeURIComponent(boardId)}/identity`, {
      headers: { authorization: `Bearer ${token}`, [OWNER_SECRET_HEADER]: owner.secret },
    })
    return answer.status
  } catch (error) {
    if (error instanceof ApiError && error.code === 'identity_invalid') return null
    throw error
  }
}

/** The identity kept for this board if the server still knows it, else a new one issued under `name`. */
export async function loadOwner(boardId: string, token: string, name: string): Promise<OwnerOnBoard> {
  const kept = storedOwner(boardId, token)
  if (kept) {
    const status = await admissionOf(boardId, token, kept)
    if (status) return { owner: kept, status }
  }
  const issued = await request<IssuedIdentity>(`/api/boards/${encodeURIComponent(boardId)}/identities`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  })
  const owner = { secret: issued.identity, key: issued.participantId }
  localStorage.setItem(storageKey(boardId, token), JSON.stringify(owner))
  return { owner, status: issued.status }
}

/** Forgets every identity this browser kept for the board (it was deleted). */
export function forgetOwners(boardId: string): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith(`regiebord.owner.${boardId}.`)) localStorage.removeItem(key)
}
