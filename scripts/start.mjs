// `npm start`: builds what changed since the last build (scripts/build-if-changed.mjs), then runs
// the compiled server in this same process, which saves a second Node start-up on every start.
// package.json starts this with two flags that only the command line can set (server/main.ts sets
// what can be set later):
// - `--max-semi-space-size=4`: 4 MiB semi-spaces (a young generation of 8 MiB) instead of V8's 16
//   took ~10 MiB off the server's peak RSS under the fan-out bench (~150 against ~160 MiB), CPU
//   per update within the runs' noise (BENCHMARKS.md, "young generation", "fifth round").
// - `--v8-pool-size=1`: one helper thread for V8's garbage collector instead of four. The server is
//   one event loop; on a 2-core machine four helpers marking the old generation took the cores
//   from it for 10–30 ms at a time, and the relay's p99 went from ~7 to ~16 ms (BENCHMARKS.md,
//   issue 17, "fifth round").
// Tests and benchmarks that run dist/server/main.js read the same flags from package.json.
import { buildIfChanged } from './build-if-changed.mjs'

buildIfChanged()
await import('../dist/server/main.js')
