/**
 * Everything `/metrics` exposes, in one prom-client registry per server (tests run several
 * servers in one process, so nothing goes into prom-client's global registry). Modules get the
 * few counters they need through narrow interfaces and never import prom-client themselves.
 *
 * Event-loop lag comes from prom-client's default Node metrics (`nodejs_eventloop_lag_*`),
 * which also give RSS, heap and GC figures.
 */
import client from 'prom-client'
import type { Role } from '../../shared/roles.ts'
import type { FanoutCounters, FanoutMessageKind } from '../fanout/fanout.ts'

/** Why a connection, request or update was refused; one label value per limit. */
export type RejectionReason =
  | 'message_too_large'
  | 'update_rate'
  | 'connections_per_ip'
  | 'connections_per_board'
  | 'boards_loaded'
  | 'board_too_large'
  | 'board_memory'
  | 'slow_consumer'
  | 'flooding'
  | 'protocol_violation'
  | 'request_body_too_large'
  // What the record guard refuses (server/rooms/record-guard.ts) and the awareness limits.
  | 'invalid_record'
  | 'meta_write'
  | 'update_budget'
  | 'pending_update'
  | 'malformed_update'
  | 'awareness_too_large'
  | 'awareness_clients'
  // Identities, the waiting room, quotas and per-address limits (issue 12, part 2).
  | 'boards_per_ip'
  | 'imports_per_ip'
  | 'uploads_per_ip'
  | 'template_saves_per_ip'
  | 'document_states_per_ip'
  | 'identities_per_ip'
  | 'identities_per_link'
  | 'identities_full'
  | 'identity_invalid'
  | 'lobby'
  | 'turned_away'
  | 'board_asset_bytes'
  | 'board_asset_count'
  | 'asset_type_mismatch'

export type StorageOperation = 'append' | 'load' | 'replace' | 'count' | 'board' | 'role' | 'touch' | 'create' | 'asset' | 'ping' | 'token' | 'docs' | 'vote' | 'delete' | 'retention' | 'template' | 'snapshot'

export interface Gauges {
  boardsLoaded(): number
  connections(): Record<Role, number>
}

interface Tally {
  updatesClient: number
  updatesRemote: number
  bytesIn: number
  bytesOut: number
}

/** Adds what was tallied to the counter's series; a series appears only once it counted something. */
function flushTally<L extends string>(counter: client.Counter<L>, label: L, value: string, tally: Tally, field: keyof Tally): void {
  const count = tally[field]
  if (count === 0) return
  tally[field] = 0
  counter.inc({ [label]: value } as Partial<Record<L, string>>, count)
}

interface StorageTimers {
  ok: client.Histogram.Internal<'operation' | 'outcome'>
  error: client.Histogram.Internal<'operation' | 'outcome'>
}

export class Metrics implements FanoutCounters {
  readonly registry = new client.Registry()
  private readonly updates: client.Counter<'source'>
  private readonly bytes: client.Counter<'direction'>
  private readonly rejections: client.Counter<'reason'>
  private readonly storageSeconds: client.Histogram<'operation' | 'outcome'>
  private readonly storageTimersByOperation = new Map<StorageOperation, StorageTimers>()
  private readonly fanoutMessages: client.Counter<'direction' | 'kind'>
  private readonly fanoutFailures: client.Counter
  /** Counted since /metrics was last read; see the constructor. */
  private readonly tally: Tally = { updatesClient: 0, updatesRemote: 0, bytesIn: 0, bytesOut: 0 }

  constructor(gauges: Gauges) {
    const registers = [this.registry]
    client.collectDefaultMetrics({ register: this.registry })
    new client.Gauge({
      name: 'regiebord_connections',
      help: 'Open sync connections, by role',
      labelNames: ['role'],
      registers,
      collect() {
        for (const [role, count] of Object.entries(gauges.connections())) this.set({ role }, count)
      },
    })
    new client.Gauge({
      name: 'regiebord_boards_loaded',
      help: 'Boards held in memory',
      registers,
      collect() {
        this.set(gauges.boardsLoaded())
      },
    })
    // The counters of the relay path are counted in plain numbers and handed to prom-client when
    // /metrics is read: a labelled `inc` hashes its labels and allocates, and `sent` runs once per
    // delivery (ten per update on a board of ten).
    const tally = this.tally
    this.updates = new client.Counter({
      name: 'regiebord_updates_total',
      help: 'Document updates applied: from our clients (stored here) or from other instances',
      labelNames: ['source'],
      registers,
      collect() {
        flushTally(this, 'source', 'client', tally, 'updatesClient')
        flushTally(this, 'source', 'remote', tally, 'updatesRemote')
      },
    })
    this.bytes = new client.Counter({
      name: 'regiebord_sync_bytes_total',
      help: 'WebSocket payload bytes received from and sent to clients',
      labelNames: ['direction'],
      registers,
      collect() {
        flushTally(this, 'direction', 'in', tally, 'bytesIn')
        flushTally(this, 'direction', 'out', tally, 'bytesOut')
      },
    })
    this.rejections = new client.Counter({
      name: 'regiebord_rejections_total',
      help: 'Connections, requests and messages refused, by the limit that refused them',
      labelNames: ['reason'],
      registers,
    })
    this.storageSeconds = new client.Histogram({
      name: 'regiebord_storage_seconds',
      help: 'Storage operation latency',
      labelNames: ['operation', 'outcome'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    })
    this.fanoutMessages = new client.Counter({
      name: 'regiebord_fanout_messages_total',
      help: 'Messages exchanged with other instances through Redis',
      labelNames: ['direction', 'kind'],
      registers,
    })
    this.fanoutFailures = new client.Counter({
      name: 'regiebord_fanout_publish_failures_total',
      help: 'Publishes that did not reach Redis (made up for by a resync after reconnecting)',
      registers,
    })
  }

  update(source: 'client' | 'remote'): void {
    if (source === 'client') this.tally.updatesClient++
    else this.tally.updatesRemote++
  }

  received(bytes: number): void {
    this.tally.bytesIn += bytes
  }

  sent(bytes: number): void {
    this.tally.bytesOut += bytes
  }

  rejected(reason: RejectionReason): void {
    this.rejections.inc({ reason })
  }

  /**
   * Times one storage call. Appends run once per relayed update, so this stays off the allocation
   * path: the histogram's children are looked up once per operation and outcome (prom-client
   * hashes the label object on every unbound observe), and there is no async wrapper around the
   * work's own promise.
   */
  timeStorage<T>(operation: StorageOperation, work: () => Promise<T>): Promise<T> {
    const started = performance.now()
    const timers = this.storageTimers(operation)
    return work().then(
      (result) => {
        timers.ok.observe((performance.now() - started) / 1000)
        return result
      },
      (error: unknown) => {
        timers.error.observe((performance.now() - started) / 1000)
        throw error
      },
    )
  }

  private storageTimers(operation: StorageOperation): StorageTimers {
    let timers = this.storageTimersByOperation.get(operation)
    if (!timers) {
      timers = {
        ok: this.storageSeconds.labels({ operation, outcome: 'ok' }),
        error: this.storageSeconds.labels({ operation, outcome: 'error' }),
      }
      this.storageTimersByOperation.set(operation, timers)
    }
    return timers
  }

  message(direction: 'published' | 'received', kind: FanoutMessageKind): void {
    this.fanoutMessages.inc({ direction, kind })
  }

  publishFailed(): void {
    this.fanoutFailures.inc()
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() }
  }
}
