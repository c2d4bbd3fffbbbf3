// `npm start`: builds what changed since the last build (scripts/build-if-changed.mjs), then runs
// the compiled server in this same process, which saves a second Node start-up on every start.
import { buildIfChanged } from './build-if-changed.mjs'

buildIfChanged()
await import('../dist/server/main.js')
