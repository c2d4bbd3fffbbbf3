/**
 * What the benchmark process asks of the load generator (a child process, so that making and
 * receiving the load does not share an event loop with the measuring) and what it gets back.
 *
 * Conversation over the IPC channel:
 *   parent → { kind: 'plan' }     generator connects every peer and prepares its edits
 *   generator → { kind: 'ready' }  parent takes the server's CPU reading
 *   parent → { kind: 'start' }    generator sends for `seconds`
 *   generator → { kind: 'sent' }   parent takes the second CPU reading
 *   generator → { kind: 'result' } after the drain: every figure the generator measured
 */
export interface LoadPlan {
  /** WebSocket URL of every client, per board. */
  boards: string[][]
  /**
   * `rate`: every client sends `updatesPerSecond`, spread evenly (open loop: latency under a
   * fixed load). `saturate`: every client keeps `window` edits in flight and sends the next as
   * soon as one has reached every other client (closed loop: the most the server sustains).
   */
  mode: 'rate' | 'saturate'
  updatesPerSecond: number
  window: number
  /** Edits each client makes before a `saturate` run; beyond these they are made while sending. */
  preparedPerClient: number
  seconds: number
  /** How long to wait after sending for edits still on their way; what is then missing is dropped. */
  drainMs: number
}

export interface LoadResult {
  clients: number
  failedConnections: number
  /** Connections that closed during the run, and why (close code and reason → count). */
  closedConnections: number
  closeReasons: Record<string, number>
  sent: number
  /** Edits that reached every other client of their board (within the run for `saturate`). */
  completed: number
  deliveries: number
  expectedDeliveries: number
  dropped: number
  achievedUpdatesPerSecond: number
  latencyMs: { p50: number; p95: number; p99: number; max: number }
  /** The generator's own load, to tell when it, and not the server, was the limit. */
  generatorCpuPercent: number
  generatorLoopDelayP99Ms: number
}

export type ParentMessage = { kind: 'plan'; plan: LoadPlan } | { kind: 'start' }
export type GeneratorMessage =
  | { kind: 'ready' }
  | { kind: 'sent' }
  | { kind: 'result'; result: LoadResult }
  | { kind: 'error'; message: string }
