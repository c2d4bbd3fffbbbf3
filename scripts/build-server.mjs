// Compiles the server to plain JavaScript (dist/server/main.js), so `npm start` runs no TypeScript
// loader: tsx keeps esbuild's transform hooks and source maps in the production process's heap.
// Dependencies stay external (node_modules), only our own modules are bundled. Split into chunks,
// so that what a module imports dynamically (PostgreSQL storage, Redis fan-out: only when
// configured) stays out of start-up, with the packages it imports.
import fs from 'node:fs'
import { build } from 'esbuild'

// Chunk names carry a hash; stale ones from the previous build go first.
fs.rmSync('dist/server', { recursive: true, force: true })
await build({
  entryPoints: { main: 'server/main.ts' },
  outdir: 'dist/server',
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
})
