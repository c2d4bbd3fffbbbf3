/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { precompress } from './scripts/precompress.ts'
import { canvasFiles } from './scripts/canvas-files.ts'
import { subsetFirstPaintFonts } from './scripts/subset-fonts.ts'
import { joinFirst } from './scripts/join-first.ts'

// The client lives in client/ and is built to dist/client, which the Hono server serves.
// In development `npm run dev:client` proxies the API and the sync socket to the server.
export default defineConfig({
  root: 'client',
  // joinFirst after canvasFiles: it takes the stylesheet it puts into the page off the canvas's list.
  plugins: [react(), canvasFiles(), joinFirst(), subsetFirstPaintFonts(), precompress()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
    // tldraw's embed-service logos (19 PNGs under 4 kB) would otherwise be inlined as base64 into
    // the canvas's first download (~25 kB compressed); as files they load only if ever used
    // (client/board/canvas-assets.ts points the embed dialog at tldraw's icon sprite instead).
    assetsInlineLimit: (file) => (file.includes('@tldraw/assets/embed-icons/') ? false : undefined),
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8787',
      // Before '/sync', which it starts with: plain HTTP (server/http/document-state.ts).
      '/sync-state': 'http://localhost:8787',
      '/sync': { target: 'ws://localhost:8787', ws: true },
    },
  },
  test: {
    root: '.',
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
})
