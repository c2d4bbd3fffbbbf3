/**
 * Runs one load plan against one server: forks the load generator, and reads the server's CPU
 * time around the sending phase and its peak RSS from /proc.
 */
import { fork } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import type { GeneratorMessage, LoadPlan, LoadResult, ParentMessage } from './load-plan.ts'
import { processStats } from './process-stats.ts'
import type { ServerUnderTest } from './servers.ts'

export interface LoadFigures extends LoadResult {
  server: ServerUnderTest['name']
  /** CPU time of the server process during the sending phase, as % of one core. */
  serverCpuPercent: number
  serverPeakRssMiB: number
  /** The machine's 1-minute load average when the sending phase started and when it ended. */
  loadAverage: [number, number]
}

const GENERATOR = path.resolve(import.meta.dirname, '../load-generator.ts')

export async function runLoad(server: ServerUnderTest, plan: LoadPlan): Promise<LoadFigures> {
  const generator = fork(GENERATOR, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const ask = (message: ParentMessage) => generator.send(message)
  try {
    let cpuBefore = 0
    let cpuAfter = 0
    let sendStarted = 0
    let sendMs = 0
    let loadBefore = 0
    let loadAfter = 0
    const result = await new Promise<LoadResult>((resolve, reject) => {
      generator.once('exit', (code) => reject(new Error(`load generator exited (${code})`)))
      generator.on('message', (message: GeneratorMessage) => {
        switch (message.kind) {
          case 'ready':
            cpuBefore = processStats(server.pid).cpuMs
            loadBefore = os.loadavg()[0]!
            sendStarted = performance.now()
            return ask({ kind: 'start' })
          case 'sent':
            cpuAfter = processStats(server.pid).cpuMs
            loadAfter = os.loadavg()[0]!
            sendMs = performance.now() - sendStarted
            return
          case 'result':
            return resolve(message.result)
          case 'error':
            return reject(new Error(`load generator: ${message.message}`))
        }
      })
      ask({ kind: 'plan', plan })
    })
    return {
      server: server.name,
      ...result,
      serverCpuPercent: ((cpuAfter - cpuBefore) / sendMs) * 100,
      serverPeakRssMiB: processStats(server.pid).peakRssBytes / 2 ** 20,
      loadAverage: [loadBefore, loadAfter],
    }
  } finally {
    generator.removeAllListeners('exit')
    generator.disconnect()
  }
}
