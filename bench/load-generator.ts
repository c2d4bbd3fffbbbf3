/**
 * The load generator: a child process (see `lib/load-plan.ts` for the conversation) that connects
 * B × C peers, makes them move shapes and times every relayed edit from its send to its arrival
 * at each other peer of the board. Send and receive times come from this one process's clock.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { LoadPeer, type UpdateOrigin } from './lib/load-peer.ts'
import type { GeneratorMessage, LoadPlan, LoadResult, ParentMessage } from './lib/load-plan.ts'
import { percentile } from './lib/process-stats.ts'

/** Connections opened at once; more would overflow the server's accept backlog. */
const CONNECT_CONCURRENCY = 50

/** Peers whose edits are made between two turns of the event loop. */
const PREPARE_STEP = 20

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const tell = (message: GeneratorMessage) => process.send!(message)

class LoadRun {
  private readonly peersById = new Map<number, LoadPeer>()
  /** Connected peers per board; an edit is awaited by all the others of its board. */
  private boards: LoadPeer[][] = []
  private readonly boardOf = new Map<LoadPeer, LoadPeer[]>()
  private readonly latencies: number[] = []
  private failedConnections = 0
  private sending = false
  private sent = 0
  private completed = 0
  private deliveries = 0
  private expectedDeliveries = 0

  constructor(private readonly plan: LoadPlan) {}

  async connect(): Promise<void> {
    const all = this.plan.boards.flatMap((urls, board) => urls.map((url) => ({ board, peer: new LoadPeer(url, (o, t) => this.received(o, t)) })))
    const connected: boolean[] = new Array(all.length).fill(false)
    let next = 0
    const worker = async () => {
      while (next < all.length) {
        const k = next++
        try {
          await all[k]!.peer.connect()
          connected[k] = true
        } catch (error) {
          if (this.failedConnections === 0) console.error('first failed connection:', String(error))
          this.failedConnections++
        }
      }
    }
    await Promise.all(Array.from({ length: CONNECT_CONCURRENCY }, worker))
    this.boards = this.plan.boards.map(() => [])
    all.forEach(({ board, peer }, k) => {
      if (!connected[k]) return
      this.boards[board]!.push(peer)
      this.peersById.set(peer.clientId, peer)
    })
    for (const board of this.boards) for (const peer of board) this.boardOf.set(peer, board)
    const perPeer = this.plan.mode === 'rate' ? Math.ceil(this.plan.updatesPerSecond * this.plan.seconds) + 2 : this.plan.preparedPerClient
    // In steps, so that the server's pings are answered meanwhile (it drops a connection that
    // misses a pong); making the edits of thousands of peers takes seconds.
    for (const [k, peer] of [...this.peersById.values()].entries()) {
      peer.prepare(perPeer)
      if (k % PREPARE_STEP === 0) await sleep(0)
    }
  }

  async run(): Promise<void> {
    const loopDelay = monitorEventLoopDelay({ resolution: 1 })
    const cpu0 = process.cpuUsage()
    const started = performance.now()
    loopDelay.enable()
    this.sending = true
    if (this.plan.mode === 'rate') await this.sendAtRate(started)
    else await this.sendSaturating()
    this.sending = false
    const sendMs = performance.now() - started
    const completedWhileSending = this.completed
    const cpu = process.cpuUsage(cpu0)
    tell({ kind: 'sent' })
    const drainUntil = performance.now() + this.plan.drainMs
    while (performance.now() < drainUntil && this.deliveries < this.expectedDeliveries) await sleep(10)
    loopDelay.disable()

    const dropped = [...this.peersById.values()].reduce((sum, p) => sum + [...p.inFlight.values()].reduce((s, e) => s + e.awaited, 0), 0)
    const latencies = this.latencies.sort((a, b) => a - b)
    const completed = this.plan.mode === 'rate' ? this.completed : completedWhileSending
    const result: LoadResult = {
      clients: this.plan.boards.reduce((n, b) => n + b.length, 0),
      failedConnections: this.failedConnections,
      closedConnections: [...this.peersById.values()].filter((p) => p.closedUnexpectedly).length,
      closeReasons: countReasons([...this.peersById.values()]),
      sent: this.sent,
      completed,
      deliveries: this.deliveries,
      expectedDeliveries: this.expectedDeliveries,
      dropped,
      achievedUpdatesPerSecond: (completed / sendMs) * 1000,
      latencyMs: {
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        p99: percentile(latencies, 99),
        max: latencies[latencies.length - 1] ?? NaN,
      },
      generatorCpuPercent: ((cpu.user + cpu.system) / 1000 / sendMs) * 100,
      generatorLoopDelayP99Ms: loopDelay.percentile(99) / 1e6,
    }
    for (const peer of this.peersById.values()) peer.close()
    tell({ kind: 'result', result })
  }

  /** Open loop: every peer sends `updatesPerSecond`, the peers of all boards interleaved. */
  private async sendAtRate(started: number): Promise<void> {
    const order: LoadPeer[] = []
    const width = Math.max(...this.boards.map((b) => b.length))
    for (let c = 0; c < width; c++) for (const board of this.boards) if (board[c]) order.push(board[c]!)
    const intervalMs = 1000 / (this.plan.updatesPerSecond * order.length)
    const endAt = started + this.plan.seconds * 1000
    let scheduled = 0 // sends due so far, including any to peers whose socket closed
    while (performance.now() < endAt) {
      const due = Math.floor((performance.now() - started) / intervalMs)
      for (; scheduled < due; scheduled++) this.send(order[scheduled % order.length]!)
      await sleep(1)
    }
  }

  /** Closed loop: each peer keeps `window` edits in flight; `received` sends the next. */
  private async sendSaturating(): Promise<void> {
    for (let w = 0; w < this.plan.window; w++) for (const peer of this.peersById.values()) this.send(peer)
    await sleep(this.plan.seconds * 1000)
  }

  private send(peer: LoadPeer): void {
    const receivers = this.boardOf.get(peer)!.length - 1
    if (peer.sendMove(receivers)) {
      this.sent++
      this.expectedDeliveries += receivers
    }
  }

  private received(origin: UpdateOrigin, receivedAt: number): void {
    const sender = this.peersById.get(origin.client)
    const edit = sender?.inFlight.get(origin.clock)
    if (!sender || !edit) return // from before the run, or a peer that failed to connect
    this.deliveries++
    this.latencies.push(receivedAt - edit.sentAt)
    if (--edit.awaited > 0) return
    sender.inFlight.delete(origin.clock)
    this.completed++
    if (this.sending && this.plan.mode === 'saturate') this.send(sender)
  }
}

function countReasons(peers: readonly LoadPeer[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const peer of peers) {
    const reason = peer.closeReason
    if (reason !== null) counts[reason] = (counts[reason] ?? 0) + 1
  }
  return counts
}

let current: LoadRun | null = null
process.on('message', (message: ParentMessage) => {
  const step =
    message.kind === 'plan'
      ? (current = new LoadRun(message.plan)).connect().then(() => tell({ kind: 'ready' }))
      : current!.run()
  step.catch((error: unknown) => tell({ kind: 'error', message: String(error) }))
})
process.on('disconnect', () => process.exit(0))
