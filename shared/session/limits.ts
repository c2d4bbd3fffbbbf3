/**
 * The bounds of the facilitator's session controls, written once: the API's request schemas
 * (server/http/session.ts) refuse what lies outside them, the session service checks them again
 * (it is called by more than the routes), and the panel's inputs offer only what fits, so a
 * facilitator never meets a refusal the form could have prevented.
 */

/** The longest a timer or a voting round runs: an evening's session. */
export const MAX_TIMER_MINUTES = 240
export const MAX_TIMER_MS = MAX_TIMER_MINUTES * 60_000

/** Shapes one voting round may cover. */
export const MAX_VOTABLE_SHAPES = 500
/** Dots one person may place in a round. */
export const MAX_VOTES_PER_PERSON = 100
/** Dots of one person one shape may take (it is capped at the votes per person as well). */
export const MAX_VOTES_PER_SHAPE = 100
/** Characters of a round's question. */
export const MAX_VOTING_QUESTION = 200

/** Characters of the facilitator's name shown with "Iedereen naar mij". */
export const MAX_SUMMON_NAME = 60
