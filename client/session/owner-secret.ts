/**
 * This browser's anonymous participant secret (see shared/session/owner-key.ts): made once, kept
 * in localStorage, so private notes and votes survive a reload and stay this person's.
 */
import { ownerKeyOf } from '../../shared/session/owner-key.ts'

const KEY = 'regiebord.owner'

export interface Owner {
  secret: string
  /** sha-256 of the secret: the id the server and other clients know this person by. */
  key: string
}

export async function loadOwner(): Promise<Owner> {
  let secret = localStorage.getItem(KEY)
  if (!secret || !/^[A-Za-z0-9_-]{43}$/.test(secret)) {
    const bytes = crypto.getRandomValues(new Uint8Array(32))
    secret = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
    localStorage.setItem(KEY, secret)
  }
  return { secret, key: await ownerKeyOf(secret) }
}
