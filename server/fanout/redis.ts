/**
 * Fan-out through Redis pub/sub, one channel per board document (`regiebord:board:<room name>`),
 * subscribed while the document is loaded on this instance.
 *
 * Why pub/sub and not streams: the durable copy of every update is already in storage (updates
 * are stored before they are published), so Redis only has to be fast, not durable. Pub/sub
 * forgets what it could not deliver; an instance that was cut off catches up from storage instead
 * (`onResync`), which is the same code path as loading a board. Streams would keep a second,
 * bounded copy of the log in Redis that we would have to trim and reconcile with storage.
 *
 * Every message is `kind (1 byte) | instance id (16 bytes) | payload`. An instance ignores its own
 * messages (Redis delivers them back to the publisher's subscription): no echo loops, and what an
 * instance applies from Redis it never publishes again.
 *
 * After a reconnect the subscriber re-subscribes every loaded board and each catches up from
 * storage. When the publisher (re)connects it tells the other instances to catch up on every board
 * it holds, since what it published while disconnected was lost; a publish that fails while
 * connected asks for the same a second later.
 */
import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import type { Logger } from '../log.ts'
import type { BoardChannel, BoardHandlers, Fanout, FanoutCounters, FanoutMessageKind, FanoutStatus } from './fanout.ts'

const CHANNEL_PREFIX = 'regiebord:board:'
const HEADER_BYTES = 17
const RESYNC_RETRY_MS = 1000

const MessageKind = { update: 1, awareness: 2, resync: 3 } as const
type Kind = (typeof MessageKind)[FanoutMessageKind]
const KIND_NAMES: Record<Kind, FanoutMessageKind> = { 1: 'update', 2: 'awareness', 3: 'resync' }

export class RedisFanout implements Fanout {
  private readonly instanceId = randomBytes(16)
  private readonly publisher: Redis
  private readonly subscriber: Redis
  private readonly boards = new Map<string, BoardHandlers>()
  /** Boards whose last publish failed: the others get a resync request once we can send it. */
  private readonly unsent = new Set<string>()
  private resyncTimer: NodeJS.Timeout | null = null
  private closed = false

  constructor(
    url: string,
    private readonly log: Logger,
    private readonly counters: FanoutCounters,
  ) {
    // No offline queue: while Redis is away, publishing fails at once instead of piling up in
    // memory, and the resync after the reconnect covers what was lost. A command timeout keeps a
    // Redis that accepts connections but does not answer from holding up board loads.
    const options = { enableOfflineQueue: false, autoResubscribe: false, maxRetriesPerRequest: 1, commandTimeout: 5000 }
    this.publisher = new Redis(url, { ...options, connectionName: 'regiebord-publish' })
    this.subscriber = new Redis(url, { ...options, connectionName: 'regiebord-subscribe' })
    for (const [role, connection] of [['publisher', this.publisher], ['subscriber', this.subscriber]] as const) {
      let up = false
      // ioredis reports every failed reconnect attempt; without a listener it would print them.
      connection.on('error', (error: Error) => this.log.debug({ err: error, role }, 'redis connection error'))
      connection.on('ready', () => (up = true))
      connection.on('close', () => {
        if (up && !this.closed) this.log.warn({ role }, 'redis connection lost; retrying')
        up = false
      })
    }
    this.publisher.on('ready', () => this.onPublisherReady())
    this.subscriber.on('ready', () => void this.onSubscriberReady())
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => this.receive(channel, message))
  }

  async join(doc: string, handlers: BoardHandlers): Promise<BoardChannel> {
    this.boards.set(doc, handlers)
    if (this.subscriber.status === 'ready') {
      // While down, onSubscriberReady subscribes and resyncs this board once Redis is back.
      await this.subscriber.subscribe(CHANNEL_PREFIX + doc).catch((error: unknown) => {
        this.log.warn({ doc, err: error }, 'redis subscribe failed; board resyncs on reconnect')
      })
    }
    return {
      publishUpdate: (update) => this.publish(doc, MessageKind.update, update),
      publishAwareness: (update) => this.publish(doc, MessageKind.awareness, update),
      leave: () => {
        if (this.boards.get(doc) !== handlers) return
        this.boards.delete(doc)
        if (this.subscriber.status === 'ready') this.subscriber.unsubscribe(CHANNEL_PREFIX + doc).catch(() => undefined)
      },
    }
  }

  status(): FanoutStatus {
    return this.publisher.status === 'ready' && this.subscriber.status === 'ready' ? 'ready' : 'down'
  }

  async close(): Promise<void> {
    this.closed = true
    if (this.resyncTimer) clearTimeout(this.resyncTimer)
    this.boards.clear()
    this.publisher.disconnect()
    this.subscriber.disconnect()
  }

  private publish(doc: string, kind: Kind, payload: Uint8Array): void {
    if (this.publisher.status !== 'ready') {
      // The resync when the publisher is ready again makes up for it.
      this.counters.publishFailed()
      return
    }
    const message = Buffer.concat([Buffer.of(kind), this.instanceId, payload])
    this.publisher.publish(CHANNEL_PREFIX + doc, message).then(
      () => this.counters.message('published', KIND_NAMES[kind]),
      (error: unknown) => {
        this.counters.publishFailed()
        this.log.warn({ doc, err: error }, 'redis publish failed; asking the others to resync')
        this.unsent.add(doc)
        this.resyncTimer ??= setTimeout(() => this.retryResyncs(), RESYNC_RETRY_MS)
      },
    )
  }

  private retryResyncs(): void {
    this.resyncTimer = null
    const docs = [...this.unsent]
    this.unsent.clear()
    for (const doc of docs) if (this.boards.has(doc)) this.publish(doc, MessageKind.resync, new Uint8Array(0))
  }

  private receive(channel: Buffer, message: Buffer): void {
    if (message.length < HEADER_BYTES || this.instanceId.equals(message.subarray(1, HEADER_BYTES))) return
    const doc = channel.toString('utf8').slice(CHANNEL_PREFIX.length)
    const handlers = this.boards.get(doc)
    if (!handlers) return
    const kind = message[0] as Kind
    const payload = new Uint8Array(message.buffer, message.byteOffset + HEADER_BYTES, message.length - HEADER_BYTES)
    const name = KIND_NAMES[kind]
    if (!name) return
    this.counters.message('received', name)
    try {
      if (kind === MessageKind.update) handlers.onUpdate(payload)
      else if (kind === MessageKind.awareness) handlers.onAwareness(payload)
      else handlers.onResync()
    } catch (error) {
      // Another instance validated and stored this; failing here means our copy is off.
      this.log.error({ doc, err: error }, 'applying a fanned-out message failed; resyncing')
      handlers.onResync()
    }
  }

  private onPublisherReady(): void {
    if (this.boards.size === 0) return
    this.log.info({ boards: this.boards.size }, 'redis publisher ready; asking other instances to resync')
    for (const doc of this.boards.keys()) this.publish(doc, MessageKind.resync, new Uint8Array(0))
  }

  private async onSubscriberReady(): Promise<void> {
    const docs = [...this.boards.keys()]
    if (docs.length === 0) return
    try {
      await this.subscriber.subscribe(...docs.map((id) => CHANNEL_PREFIX + id))
    } catch (error) {
      this.log.warn({ err: error }, 'redis resubscribe failed; retrying on the next reconnect')
      return
    }
    this.log.info({ boards: docs.length }, 'redis subscriber ready; catching up loaded boards from storage')
    for (const doc of docs) this.boards.get(doc)?.onResync()
  }
}
