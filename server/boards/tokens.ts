import { createHash, randomBytes } from 'node:crypto'

/** 256 random bits, URL-safe: the secret in an invite link. */
export function generateToken(): string {
  return randomBytes(32).toString('base64url')
}

/**
 * Tokens are stored as sha-256 hashes. A plain hash suffices (no salt or slow KDF) because the
 * tokens are long random strings, not passwords a person chose.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

const ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'

/** 14 characters from a 32-letter alphabet without look-alikes: 70 bits, readable aloud. */
export function generateBoardId(): string {
  const bytes = randomBytes(14)
  let id = ''
  for (const byte of bytes) id += ID_ALPHABET[byte & 31]
  return id
}
