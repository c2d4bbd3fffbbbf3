/**
 * Vite plugin: after a build, writes a brotli (.br) and a gzip (.gz) copy next to every file worth
 * compressing, so the server sends a phone 4–5× fewer bytes without compressing per request
 * (see server/http/client-files.ts). A copy that would not be smaller is not written.
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import type { Plugin } from 'vite'

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|map|ttf|otf|ico|xml|wasm)$/i
const MIN_BYTES = 512

export function precompress(): Plugin {
  let outDir = ''
  return {
    name: 'regiebord-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir)
    },
    async closeBundle() {
      // A failed build writes nothing: let its own error be the one reported.
      if (!fs.existsSync(outDir)) return
      for (const file of walk(outDir)) {
        if (!COMPRESSIBLE.test(file)) continue
        const data = fs.readFileSync(file)
        if (data.length < MIN_BYTES) continue
        const brotli = zlib.brotliCompressSync(data, {
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
        })
        if (brotli.length < data.length) fs.writeFileSync(`${file}.br`, brotli)
        const gzip = zlib.gzipSync(data, { level: 9 })
        if (gzip.length < data.length) fs.writeFileSync(`${file}.gz`, gzip)
      }
    },
  }
}

function* walk(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* walk(full)
    else if (entry.isFile()) yield full
  }
}
