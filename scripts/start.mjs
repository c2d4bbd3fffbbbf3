// `npm start`: builds what changed since the last build (scripts/build-if-changed.mjs), then runs
// the compiled server in this same process, which saves a second Node start-up on every start.
// package.json starts this with `--max-semi-space-size=8`: V8 sizes its young generation only from
// the command line (server/main.ts sets what can be set later). 8 MiB semi-spaces instead of 16
// took ~12 MiB off the server's peak RSS under the fan-out bench without costing CPU per update
// (BENCHMARKS.md, issue 17, "young generation"). Tests and benchmarks that run
// dist/server/main.js read the same flags from package.json.
import { buildIfChanged } from './build-if-changed.mjs'

buildIfChanged()
await import('../dist/server/main.js')
