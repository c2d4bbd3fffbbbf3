/**
 * Part 1, server fan-out: the same load against Regiebord and the reference, in alternating
 * runs on fresh server processes. Each run is
 *   - a fixed-rate phase: B boards × C clients × U moves/s for T s; relay latency, achieved
 *     updates/s, dropped edits and failed connections, server CPU and peak RSS;
 *   - then a saturating phase on the same boards: every client keeps `window` edits in flight,
 *     which gives the most updates/s the server relays to every client.
 * Medians over the runs are reported, with ours / reference beside them.
 */
import { median } from '../lib/process-stats.ts'
import type { LoadFigures } from '../lib/load-run.ts'
import { runLoad } from '../lib/load-run.ts'
import { startServer, type RegiebordOptions, type ServerName } from '../lib/servers.ts'
import { fixed, formatTable, ratio } from '../lib/table.ts'

export interface FanoutOptions {
  boards: number
  clients: number
  rate: number
  seconds: number
  saturateSeconds: number
  window: number
  repeats: number
  /** Extra options for the Regiebord server (e.g. a CPU profile). */
  regiebord?: RegiebordOptions
  /** Which servers to run (both by default); one alone is for A/B runs of our own variants. */
  servers?: readonly ServerName[]
}

export interface FanoutRun {
  server: ServerName
  /** Which alternating round (0-based) this run belongs to; each round runs both servers. */
  round: number
  fixedRate: LoadFigures
  saturated: LoadFigures | null
}

export interface FanoutResult {
  options: Omit<FanoutOptions, 'regiebord'>
  runs: FanoutRun[]
  medians: Record<ServerName, FanoutMedians>
}

export interface FanoutMedians {
  p50ms: number
  p95ms: number
  p99ms: number
  achievedUpdatesPerSecond: number
  dropped: number
  failedConnections: number
  serverCpuPercent: number
  /** Server CPU time per update relayed to all: less sensitive to other load than latency. */
  serverCpuMicrosPerUpdate: number
  serverPeakRssMiB: number
  generatorCpuPercent: number
  maxUpdatesPerSecond: number
  saturatedServerCpuMicrosPerUpdate: number
  saturatedServerCpuPercent: number
  saturatedGeneratorCpuPercent: number
}

/** Updates/s the saturating phase prepares edits for (more are made while sending, at a cost). */
const SATURATED_RATE_GUESS = 15_000

export const SERVERS: readonly ServerName[] = ['regiebord', 'reference']

/** Regiebord first on even runs, the reference first on odd ones. */
export function alternating(run: number): ServerName[] {
  return run % 2 === 0 ? [...SERVERS] : [...SERVERS].reverse()
}

export async function runFanoutOnce(name: ServerName, options: FanoutOptions, saturate: boolean, round = 0): Promise<FanoutRun> {
  const server = await startServer(name, options.regiebord)
  try {
    const boards = await server.boardUrls(options.boards, options.clients)
    const fixedRate = await runLoad(server, {
      boards,
      mode: 'rate',
      updatesPerSecond: options.rate,
      window: options.window,
      preparedPerClient: 0,
      seconds: options.seconds,
      drainMs: 3000,
    })
    const saturated = saturate
      ? await runLoad(server, {
          boards,
          mode: 'saturate',
          updatesPerSecond: options.rate,
          window: options.window,
          preparedPerClient: Math.ceil((SATURATED_RATE_GUESS * options.saturateSeconds) / (options.boards * options.clients)),
          seconds: options.saturateSeconds,
          drainMs: 3000,
        })
      : null
    return { server: name, round, fixedRate, saturated }
  } finally {
    await server.stop()
  }
}

function cpuMicrosPerUpdate(figures: LoadFigures | null): number {
  if (!figures) return NaN
  return (figures.serverCpuPercent / 100) * 1e6 / figures.achievedUpdatesPerSecond
}

function mediansOf(runs: readonly FanoutRun[]): FanoutMedians {
  const m = (pick: (run: FanoutRun) => number) => median(runs.map(pick))
  return {
    p50ms: m((r) => r.fixedRate.latencyMs.p50),
    p95ms: m((r) => r.fixedRate.latencyMs.p95),
    p99ms: m((r) => r.fixedRate.latencyMs.p99),
    achievedUpdatesPerSecond: m((r) => r.fixedRate.achievedUpdatesPerSecond),
    dropped: m((r) => r.fixedRate.dropped),
    failedConnections: m((r) => r.fixedRate.failedConnections + r.fixedRate.closedConnections),
    serverCpuPercent: m((r) => r.fixedRate.serverCpuPercent),
    serverCpuMicrosPerUpdate: m((r) => cpuMicrosPerUpdate(r.fixedRate)),
    serverPeakRssMiB: m((r) => r.fixedRate.serverPeakRssMiB),
    generatorCpuPercent: m((r) => r.fixedRate.generatorCpuPercent),
    maxUpdatesPerSecond: m((r) => r.saturated?.achievedUpdatesPerSecond ?? NaN),
    saturatedServerCpuPercent: m((r) => r.saturated?.serverCpuPercent ?? NaN),
    saturatedServerCpuMicrosPerUpdate: m((r) => (r.saturated ? cpuMicrosPerUpdate(r.saturated) : NaN)),
    saturatedGeneratorCpuPercent: m((r) => r.saturated?.generatorCpuPercent ?? NaN),
  }
}

export async function runFanout(options: FanoutOptions, progress: (line: string) => void): Promise<FanoutResult> {
  const runs: FanoutRun[] = []
  for (let r = 0; r < options.repeats; r++) {
    for (const name of alternating(r).filter((server) => !options.servers || options.servers.includes(server))) {
      const run = await runFanoutOnce(name, options, true, r)
      runs.push(run)
      progress(
        `  run ${r + 1}/${options.repeats} ${name.padEnd(9)} p99 ${fixed(run.fixedRate.latencyMs.p99, 2)} ms, ` +
          `${fixed(cpuMicrosPerUpdate(run.fixedRate), 0)} µs/update, max ${fixed(run.saturated?.achievedUpdatesPerSecond, 0)} updates/s ` +
          `(${fixed(cpuMicrosPerUpdate(run.saturated), 0)} µs/update), load average ${loadOf(run)}`,
      )
    }
  }
  const { regiebord: _regiebord, servers: _servers, ...shown } = options
  return {
    options: shown,
    runs,
    medians: {
      regiebord: mediansOf(runs.filter((r) => r.server === 'regiebord')),
      reference: mediansOf(runs.filter((r) => r.server === 'reference')),
    },
  }
}

/** The 1-minute load average from the start of the run's fixed-rate phase to the end of its saturated one. */
function loadOf(run: FanoutRun): string {
  const end = run.saturated?.loadAverage[1] ?? run.fixedRate.loadAverage[1]
  return `${fixed(run.fixedRate.loadAverage[0], 2)}→${fixed(end, 2)}`
}

/**
 * Whether a server relayed the fixed rate as offered, none dropped. When it did not (starved of
 * CPU by other load), its CPU per update at that rate was measured on a backlog, which batches
 * more and costs less per update: not comparable with a run that kept up.
 */
function keptUp(run: FanoutRun, options: FanoutResult['options']): boolean {
  const offered = options.boards * options.clients * options.rate
  return run.fixedRate.dropped === 0 && run.fixedRate.achievedUpdatesPerSecond >= 0.98 * offered
}

/** Each round's pair of runs side by side: the ratios within a round are the figures least moved by other load. */
function roundsTable(result: FanoutResult): string {
  const rows: string[][] = []
  for (let r = 0; r < result.options.repeats; r++) {
    const ours = result.runs.find((run) => run.round === r && run.server === 'regiebord')
    const ref = result.runs.find((run) => run.round === r && run.server === 'reference')
    if (!ours || !ref) continue
    const pair = (pick: (run: FanoutRun) => number, digits: number) => [
      `${fixed(pick(ours), digits)} / ${fixed(pick(ref), digits)}`,
      ratio(pick(ours), pick(ref)),
    ]
    rows.push([
      `${r + 1} (${alternating(r)[0] === 'regiebord' ? 'ours' : 'ref'} first)`,
      `${loadOf(ours)}, ${loadOf(ref)}`,
      ...pair((run) => run.fixedRate.latencyMs.p99, 1),
      ...pair((run) => cpuMicrosPerUpdate(run.fixedRate), 0),
      ...pair((run) => cpuMicrosPerUpdate(run.saturated), 0),
      ...pair((run) => run.saturated?.achievedUpdatesPerSecond ?? NaN, 0),
      `${keptUp(ours, result.options) ? 'yes' : 'NO'} / ${keptUp(ref, result.options) ? 'yes' : 'NO'}`,
    ])
  }
  return formatTable(
    ['round', 'load avg (ours, ref)', 'p99 ms', '', 'µs/update', '', 'µs/update sat.', '', 'max updates/s', '', 'kept up'],
    rows,
  )
}

/** The issue-17 figures this part measures: medians of the per-round ratios (ours / reference in the same round). */
export function fanoutRatioMedians(result: FanoutResult): { p99: number; cpuPerUpdate: number; saturatedCpuPerUpdate: number; throughput: number } {
  const ratios = (pick: (run: FanoutRun) => number) => {
    const values: number[] = []
    for (let r = 0; r < result.options.repeats; r++) {
      const ours = result.runs.find((run) => run.round === r && run.server === 'regiebord')
      const ref = result.runs.find((run) => run.round === r && run.server === 'reference')
      if (ours && ref) values.push(pick(ours) / pick(ref))
    }
    return median(values)
  }
  return {
    p99: ratios((run) => run.fixedRate.latencyMs.p99),
    cpuPerUpdate: ratios((run) => cpuMicrosPerUpdate(run.fixedRate)),
    saturatedCpuPerUpdate: ratios((run) => cpuMicrosPerUpdate(run.saturated)),
    throughput: ratios((run) => run.saturated?.achievedUpdatesPerSecond ?? NaN),
  }
}

export function fanoutTable(result: FanoutResult): string {
  const { regiebord: ours, reference: ref } = result.medians
  const o = result.options
  const row = (label: string, pick: (m: FanoutMedians) => number, digits: number, target = '') => [
    label,
    fixed(pick(ours), digits),
    fixed(pick(ref), digits),
    ratio(pick(ours), pick(ref)),
    target,
  ]
  return [
    `Server fan-out: ${o.boards} boards × ${o.clients} clients × ${o.rate} updates/s for ${o.seconds} s, then saturated for ` +
      `${o.saturateSeconds} s (window ${o.window}); median of ${o.repeats} alternating runs each`,
    formatTable(
      ['', 'Regiebord', 'reference', 'ours/ref', 'target'],
      [
        row('relay latency p50 (ms)', (m) => m.p50ms, 2),
        row('relay latency p95 (ms)', (m) => m.p95ms, 2),
        row('relay latency p99 (ms)', (m) => m.p99ms, 2, '≤ 10 ms'),
        row('achieved updates/s', (m) => m.achievedUpdatesPerSecond, 0),
        row('dropped edit deliveries', (m) => m.dropped, 0),
        row('failed or closed connections', (m) => m.failedConnections, 0),
        row('server CPU (% of a core)', (m) => m.serverCpuPercent, 0),
        row('server CPU per update (µs)', (m) => m.serverCpuMicrosPerUpdate, 0),
        row('server peak RSS (MiB)', (m) => m.serverPeakRssMiB, 0),
        row('load generator CPU (%)', (m) => m.generatorCpuPercent, 0),
        row('max updates/s (saturated)', (m) => m.maxUpdatesPerSecond, 0, '≥ 1.5× ref'),
        row('  server CPU when saturated (%)', (m) => m.saturatedServerCpuPercent, 0),
        row('  server CPU per update (µs)', (m) => m.saturatedServerCpuMicrosPerUpdate, 0),
        row('  generator CPU when saturated (%)', (m) => m.saturatedGeneratorCpuPercent, 0),
      ],
    ),
    '',
    'Each round (ours / reference, ratio), with the 1-minute load average from start to end of each run;',
    '"kept up": relayed the fixed rate as offered, none dropped (if not, its µs/update at that rate is not comparable):',
    roundsTable(result),
  ].join('\n')
}
