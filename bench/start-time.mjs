// Start → healthy: spawns the server (as `npm start` does, or a given command), polls GET /api/health
// every 10 ms until it answers 200, and prints the time per run and the median. Plain JavaScript,
// so that timing it needs no TypeScript loader either.
//   node bench/start-time.mjs [--runs 5] [--npm]   (--npm: through `npm start`, prestart check included)
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, npm: { type: 'boolean', default: false } } })

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
// The Node flags `npm start` gives the server (package.json's "start").
const START_FLAGS = JSON.parse(fs.readFileSync('package.json', 'utf8')).scripts.start.split(/\s+/).filter((word) => word.startsWith('--'))

async function once() {
  const port = await freePort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'regiebord-start-'))
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' }
  const started = performance.now()
  const child = values.npm
    ? spawn('npm', ['start', '--silent'], { env, stdio: 'ignore', detached: true })
    : spawn(process.execPath, [...START_FLAGS, 'dist/server/main.js'], { env, stdio: 'ignore' })
  let healthy = NaN
  let cpuMs = NaN
  while (performance.now() - started < 30_000) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`)
      if (response.ok) {
        healthy = performance.now() - started
        cpuMs = values.npm ? groupCpuMs(child.pid) : cpuMsOf(child.pid)
        break
      }
    } catch {
      // not listening yet
    }
    await sleep(10)
  }
  const exited = new Promise((resolve) => child.once('exit', resolve))
  if (values.npm) process.kill(-child.pid, 'SIGTERM')
  else child.kill('SIGTERM')
  await exited
  fs.rmSync(dataDir, { recursive: true, force: true })
  return { healthy, cpuMs }
}

/** User + system CPU time of a process so far (ms): less sensitive to other load than wall time. */
function cpuMsOf(pid) {
  return statFields(pid).cpuMs
}

function statFields(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // utime, stime, and cutime, cstime: children that exited and were waited for (npm's build check).
  const ticks = (i) => Number(fields[i])
  return { pgrp: Number(fields[2]), cpuMs: ((ticks(11) + ticks(12)) * 1000) / 100, childrenMs: ((ticks(13) + ticks(14)) * 1000) / 100 }
}

/** CPU time of every process of `npm start`'s process group (npm, its shell, the server). */
function groupCpuMs(pgrp) {
  let total = 0
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = statFields(Number(entry))
      if (stat.pgrp === pgrp) total += stat.cpuMs + stat.childrenMs
    } catch {
      // gone meanwhile
    }
  }
  return total
}

const times = []
const cpu = []
for (let run = 0; run < Number(values.runs); run++) {
  const { healthy, cpuMs } = await once()
  times.push(healthy)
  cpu.push(cpuMs)
  const cpuText = `, ${values.npm ? 'CPU of npm and the server' : 'server CPU'} ${cpuMs.toFixed(0)} ms`
  console.log(`run ${run + 1}: ${healthy.toFixed(0)} ms to healthy${cpuText} (load average ${os.loadavg()[0].toFixed(2)})`)
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]
const cpuText = `, ${values.npm ? 'CPU of npm and the server' : 'server CPU'} ${median(cpu).toFixed(0)} ms`
console.log(`median ${median(times).toFixed(0)} ms to healthy${cpuText} over ${times.length} runs (${values.npm ? 'npm start' : 'node dist/server/main.js'})`)
