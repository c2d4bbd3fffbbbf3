/**
 * The three ways to hold a board link. Each board has one secret token per role; what a role may
 * do is decided here and enforced by the server, the UI only mirrors it.
 */
export const ROLES = ['facilitator', 'participant', 'viewer'] as const
export type Role = (typeof ROLES)[number]

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

/** Whether document updates from this role are applied, stored and relayed. */
export function canEditDocument(role: Role): boolean {
  return role !== 'viewer'
}

/** Whether this role leads the session: templates, locking, the timer, voting, freezing, the waiting room. */
export function canFacilitate(role: Role): boolean {
  return role === 'facilitator'
}
