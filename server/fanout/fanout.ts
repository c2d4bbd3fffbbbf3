/**
 * How accepted changes reach the other server instances that hold the same board. The room
 * publishes on its board's channel and applies what arrives; it does not know whether the
 * channel goes anywhere (LocalFanout, one instance) or through Redis (RedisFanout).
 *
 * Document updates are published only after storage committed them, so a receiving instance may
 * relay them at once. Delivery is best effort: a channel that may have missed messages (Redis
 * reconnected) calls `onResync`, and the room catches up from storage, which holds every update.
 */
export interface BoardHandlers {
  /** A document update another instance stored and relayed. */
  onUpdate(update: Uint8Array): void
  /** An awareness update (y-protocols encoding) from a client of another instance. */
  onAwareness(update: Uint8Array): void
  /** Messages may have been lost: reload the board's updates from storage. */
  onResync(): void
}

export interface BoardChannel {
  publishUpdate(update: Uint8Array): void
  publishAwareness(update: Uint8Array): void
  /** Stops receiving; the board was unloaded. */
  leave(): void
}

export type FanoutStatus = 'disabled' | 'ready' | 'down'

export type FanoutMessageKind = 'update' | 'awareness' | 'resync'

/** What a fan-out reports to metrics. */
export interface FanoutCounters {
  message(direction: 'published' | 'received', kind: FanoutMessageKind): void
  publishFailed(): void
}

export interface Fanout {
  /**
   * Starts receiving a board document's messages (`doc`: its room name, shared/session/channels.ts). Resolves once everything published from now on will
   * arrive (or, while the transport is down, at once: `onResync` follows when it is back), so a
   * room that loads from storage after joining misses nothing.
   */
  join(doc: string, handlers: BoardHandlers): Promise<BoardChannel>
  status(): FanoutStatus
  close(): Promise<void>
}
