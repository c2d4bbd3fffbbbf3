/**
 * The participant and viewer links are derived from the facilitator's token, so the facilitator
 * can get them back inside the board (`GET /api/boards/:id/links`) while the server still stores
 * only token hashes:
 *
 *   token(role) = 20 letters of HMAC-SHA256(key = facilitator token, "regiebord-link/<board>/<role>/<generation>")
 *
 * `generation` is when the role's link was last replaced (`rotated` in the control document, 0
 * before any rotation). Whoever holds the facilitator token can compute the other two links, which
 * the facilitator may see anyway; a participant or viewer token reveals nothing about the
 * facilitator's (HMAC is a pseudo-random function). A database leak still yields hashes only.
 *
 * The derived tokens are 20 letters from the 32-letter alphabet without look-alikes (100 bits):
 * short enough to read off a projector, far beyond online guessing. The facilitator's own token
 * stays 256 random bits.
 */
import { createHmac } from 'node:crypto'

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'
export const LINK_TOKEN_LENGTH = 20

export type SharedRole = 'participant' | 'viewer'

export function linkToken(facilitatorToken: string, boardId: string, role: SharedRole, generation: number): string {
  const digest = createHmac('sha256', facilitatorToken).update(`regiebord-link/${boardId}/${role}/${generation}`).digest()
  let token = ''
  for (let i = 0; i < LINK_TOKEN_LENGTH; i++) token += ALPHABET[digest[i]! & 31]
  return token
}
