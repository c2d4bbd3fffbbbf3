/**
 * `npm run bench:browser`: part 5 of `npm run bench` on its own (see `parts/browser.ts`):
 * navigation → interactive board in headless Chromium, and remote edit → visible in the page.
 * Flags: --shapes 200,2000,5000 --runs 3 --edits 100
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { machine } from './lib/process-stats.ts'
import { browserTable, runBrowser } from './parts/browser.ts'

const { values } = parseArgs({
  options: {
    shapes: { type: 'string', default: '200,2000,5000' },
    runs: { type: 'string', default: '3' },
    edits: { type: 'string', default: '100' },
  },
})
const result = await runBrowser(
  { shapes: values.shapes.split(',').map(Number), runs: Number(values.runs), edits: Number(values.edits) },
  (line) => console.error(line),
)
console.log(`Regiebord browser bench — ${machine()}\n\n${browserTable(result)}`)
const out = path.resolve(import.meta.dirname, 'results', `browser-load-${Date.now()}.json`)
fs.mkdirSync(path.dirname(out), { recursive: true })
fs.writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), machine: machine(), ...result }, null, 2))
console.log(`written ${path.relative(process.cwd(), out)}`)
