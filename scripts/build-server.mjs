// Compiles the server to plain JavaScript (dist/server/main.js), so `npm start` runs no TypeScript
// loader: tsx keeps esbuild's transform hooks and source maps in the production process's heap.
// Dependencies stay external (node_modules), only our own modules are bundled.
import { build } from 'esbuild'

await build({
  entryPoints: ['server/main.ts'],
  outfile: 'dist/server/main.js',
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
})
