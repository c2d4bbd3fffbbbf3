/**
 * Part 2, the scaling curve: the fixed-rate fan-out at a growing number of boards (same clients
 * per board and rate), one run per server per size, alternating; where does p99 pass 10 ms?
 */
import type { LoadFigures } from '../lib/load-run.ts'
import type { ServerName } from '../lib/servers.ts'
import { fixed, formatTable } from '../lib/table.ts'
import { alternating, runFanoutOnce, type FanoutOptions } from './fanout.ts'

export interface ScalingOptions {
  boardCounts: number[]
  clients: number
  rate: number
  seconds: number
  p99LimitMs: number
}

export interface ScalingPoint {
  boards: number
  offeredUpdatesPerSecond: number
  figures: Record<ServerName, LoadFigures>
}

export interface ScalingResult {
  options: ScalingOptions
  points: ScalingPoint[]
  /** The smallest board count whose p99 exceeded the limit, per server; null if none did. */
  firstOverLimit: Record<ServerName, number | null>
}

export async function runScaling(options: ScalingOptions, progress: (line: string) => void): Promise<ScalingResult> {
  const points: ScalingPoint[] = []
  for (const [k, boards] of options.boardCounts.entries()) {
    const fanout: FanoutOptions = { boards, clients: options.clients, rate: options.rate, seconds: options.seconds, saturateSeconds: 0, window: 1, repeats: 1 }
    const figures = {} as Record<ServerName, LoadFigures>
    for (const name of alternating(k)) {
      figures[name] = (await runFanoutOnce(name, fanout, false)).fixedRate
      progress(`  ${boards} boards ${name.padEnd(9)} p99 ${fixed(figures[name].latencyMs.p99, 2)} ms`)
    }
    points.push({ boards, offeredUpdatesPerSecond: boards * options.clients * options.rate, figures })
  }
  const firstOver = (name: ServerName) => points.find((p) => p.figures[name].latencyMs.p99 > options.p99LimitMs)?.boards ?? null
  return { options, points, firstOverLimit: { regiebord: firstOver('regiebord'), reference: firstOver('reference') } }
}

export function scalingTable(result: ScalingResult): string {
  const o = result.options
  const cells = (f: LoadFigures) => [
    fixed(f.latencyMs.p50, 2),
    fixed(f.latencyMs.p99, 2),
    fixed(f.achievedUpdatesPerSecond, 0),
    String(f.dropped),
    fixed(f.serverCpuPercent, 0),
  ]
  const verdict = (name: ServerName, label: string) => {
    const over = result.firstOverLimit[name]
    return over === null ? `${label}: p99 stays ≤ ${o.p99LimitMs} ms up to ${Math.max(...o.boardCounts)} boards` : `${label}: p99 first passes ${o.p99LimitMs} ms at ${over} boards`
  }
  return [
    `Scaling: boards × ${o.clients} clients × ${o.rate} updates/s, ${o.seconds} s per point, one run per server per point`,
    formatTable(
      ['boards', 'offered/s', 'ours p50', 'ours p99', 'ours upd/s', 'ours drop', 'ours CPU%', 'ref p50', 'ref p99', 'ref upd/s', 'ref drop', 'ref CPU%'],
      result.points.map((p) => [String(p.boards), String(p.offeredUpdatesPerSecond), ...cells(p.figures.regiebord), ...cells(p.figures.reference)]),
    ),
    verdict('regiebord', 'Regiebord'),
    verdict('reference', 'reference'),
  ].join('\n')
}
