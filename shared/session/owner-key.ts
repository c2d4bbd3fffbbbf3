/**
 * A participant's anonymous identity: a random secret the server issued for one board and link
 * (identity.ts) and their browser keeps. Its sha-256 (base64url) is the participant id: the key of
 * their private notes document and of their votes, so the server can check that a connection or a
 * vote belongs to whoever holds the secret, without knowing who that is.
 */
export const OWNER_SECRET_PARAM = 'owner'
export const OWNER_SECRET_HEADER = 'x-regiebord-owner'
/** 32 random bytes in base64url. */
export const OWNER_SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/
/** A sha-256 in base64url: 43 characters. */
export const OWNER_KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/

/** The participant id of a secret; the one place it is computed, in the browser and on the server. */
export async function ownerKeyOf(secret: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(secret))
  let binary = ''
  for (const byte of new Uint8Array(digest)) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}
