/**
 * Every WebSocket close code the server uses, in one place: the server closes with them, the
 * browser reads them to decide what to tell the person.
 *
 * The 1xxx codes are the protocol's own (RFC 6455). Our application codes (4000–4999) are
 * numbered after the HTTP status that means the same, and the range tells a stock y-websocket
 * client what to do: it never reconnects after 4400–4499 and always does after 4500–4599. So a
 * refusal that would only happen again (a refused record is still in the client's document and
 * would be sent again) is a 44xx; a close that a fresh sync puts right is a 45xx.
 */

/** The server is shutting down; clients reconnect (to this server once it is back, or another). */
export const CLOSE_GOING_AWAY = 1001
/** A text frame: the protocol is binary only. */
export const CLOSE_UNSUPPORTED_DATA = 1003
/** A frame that is not the y-websocket protocol, or a malformed Yjs update. */
export const CLOSE_INVALID_PAYLOAD = 1007
/** The board could not be loaded or its storage failed; reconnecting reloads it. */
export const CLOSE_INTERNAL_ERROR = 1011
/** A limit of the server (boards loaded, frames in flight, a slow consumer): try again later. */
export const CLOSE_TRY_AGAIN_LATER = 1013

/** Awareness from a connection that speaks for more client ids than allowed; final. */
export const CLOSE_AWARENESS_REFUSED = 4400

/**
 * A connection whose identity no longer opens the board: the facilitator turned the person away,
 * or switched the waiting room on while the connection had no identity. Final: the browser shows
 * why instead of retrying.
 */
export const CLOSE_NOT_ADMITTED = 4401
export const NOT_ADMITTED_REASON = 'not admitted by the facilitator'

/** A connection whose token was rotated away. */
export const CLOSE_TOKEN_ROTATED = 4403
export const TOKEN_ROTATED_REASON = 'token rotated: ask the facilitator for the new link'

/**
 * Every connection to a board that was deleted (`DELETE /api/boards/:id`, or the retention
 * period): the board is gone for good, so a client should not reconnect (it would get HTTP 404)
 * and should drop its local copy.
 */
export const CLOSE_BOARD_DELETED = 4410
export const BOARD_DELETED_REASON = 'board deleted'

/**
 * An update that would take the board past MAX_BOARD_BYTES, or that is beyond the update budget
 * (MAX_UPDATE_STRUCTS, …), or an awareness state beyond its size limit.
 */
export const CLOSE_BOARD_TOO_LARGE = 4413

/** A record (or a change to the board's meta, or a part no board has) was refused; final. */
export const CLOSE_RECORD_REFUSED = 4422

/** The update depends on changes the server does not have: reconnect and sync again. */
export const CLOSE_RESYNC = 4509
