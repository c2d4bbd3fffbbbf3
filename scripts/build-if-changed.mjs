// `npm start` builds only what changed since the last build: the client (Vite, several seconds)
// and the server (esbuild, well under a second) each keep a hash of their inputs next to their
// output. Plain JavaScript on purpose: it runs before anything is compiled. `--force` builds both
// (that is `npm run build`). `npm start` runs it in its own process (scripts/start.mjs), which
// then runs the server: one Node start-up less than a separate prestart step.
import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const common = ['shared', 'package.json', 'package-lock.json']
const targets = [
  // The Vite plugins in scripts/ are part of the client's build (vite.config.ts imports them).
  { name: 'client', inputs: ['client', 'vite.config.ts', 'scripts/canvas-files.ts', 'scripts/join-first.ts', 'scripts/precompress.ts', 'scripts/subset-fonts.ts', ...common], output: 'dist/client', command: ['npx', 'vite', 'build'] },
  { name: 'server', inputs: ['server', 'scripts/build-server.mjs', ...common], output: 'dist/server', command: [process.execPath, 'scripts/build-server.mjs'] },
]

function filesUnder(entry) {
  if (!fs.existsSync(entry)) return []
  if (!fs.statSync(entry).isDirectory()) return [entry]
  return fs.readdirSync(entry, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name))
}

function hashOf(inputs) {
  const hash = createHash('sha256')
  for (const file of inputs.flatMap(filesUnder).sort()) {
    hash.update(file).update('\0').update(fs.readFileSync(file)).update('\0')
  }
  return hash.digest('hex')
}

/** Builds the client and the server where their sources changed (all of them with `force`). */
export function buildIfChanged(force = false) {
  for (const target of targets) buildTarget(target, force)
}

function buildTarget(target, force) {
  const stamp = path.join('dist', `.${target.name}-inputs`)
  const hash = hashOf(target.inputs)
  const built = fs.existsSync(target.output) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === hash
  if (built && !force) return
  if (!force) console.log(`building the ${target.name} (its sources changed since the last build)`)
  execFileSync(target.command[0], target.command.slice(1), { stdio: 'inherit' })
  fs.mkdirSync('dist', { recursive: true })
  fs.writeFileSync(stamp, hash)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) buildIfChanged(process.argv.includes('--force'))
