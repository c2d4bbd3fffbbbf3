/**
 * The built index.html carries one inline script: it shows the name dialog before the app's
 * script is in (client/join/name-dialog-first.ts, written by scripts/join-first.ts). The content
 * security policy allows exactly that script by its hash, and no other inline script.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/** `<script>` elements without src that a browser runs (JSON data blocks need no permission). */
const INLINE_SCRIPT = /<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi
const RUNS = /^(?:|text\/javascript|module)$/i

export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = []
  for (const [, attributes = '', body = ''] of html.matchAll(INLINE_SCRIPT)) {
    if (/\ssrc\s*=/i.test(attributes)) continue
    const type = attributes.match(/\stype\s*=\s*["']?([^"'\s>]*)/i)?.[1] ?? ''
    if (!RUNS.test(type)) continue
    hashes.push(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`)
  }
  return hashes
}

/** The hashes of the built client's inline scripts; none when the client is not built. */
export function builtClientScriptHashes(clientDir: string): string[] {
  const indexFile = path.join(clientDir, 'index.html')
  return fs.existsSync(indexFile) ? inlineScriptHashes(fs.readFileSync(indexFile, 'utf8')) : []
}
