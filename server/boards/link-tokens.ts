/**
 * The participant and viewer links are derived from the facilitator's token, so the facilitator
 * can get them back inside the board (`GET /api/boards/:id/links`) while the server still stores
 * only token hashes:
 *
 *   token(role) = base64url(HMAC-SHA256(key = facilitator token, "regiebord-link/<board>/<role>/<generation>"))
 *
 * `generation` is when the role's link was last replaced (`rotated` in the control document, 0
 * before any rotation). Whoever holds the facilitator token can compute the other two links, which
 * the facilitator may see anyway; a participant or viewer token reveals nothing about the
 * facilitator's (HMAC is a pseudo-random function). A database leak still yields hashes only.
 * The derived tokens have the shape of the random ones (43 base64url characters, 256 bits).
 */
import { createHmac } from 'node:crypto'

export type SharedRole = 'participant' | 'viewer'

export function linkToken(facilitatorToken: string, boardId: string, role: SharedRole, generation: number): string {
  return createHmac('sha256', facilitatorToken).update(`regiebord-link/${boardId}/${role}/${generation}`).digest('base64url')
}
