/**
 * The client's files go out precompressed (the build writes .br and .gz copies): brotli when the
 * browser takes it, else gzip, else the file itself; always with `Vary: Accept-Encoding`.
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { preferredEncoding } from '../../server/http/client-files.ts'
import { startTestServer, tempDataDir, type TestServer } from '../helpers/server.ts'

const SCRIPT = `export const words = ${JSON.stringify('notitie '.repeat(2000))}\n`
const INDEX = `<!doctype html><html><head><title>Regiebord</title></head><body><div id="root"></div>${'<!-- padding -->'.repeat(100)}</body></html>`
let server: TestServer
let base: string

interface RawAnswer {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
}

/** A request with exactly the Accept-Encoding given (fetch would add its own and decompress). */
function get(pathname: string, acceptEncoding: string | null): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding }
    http
      .get(`${base}${pathname}`, { headers }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }))
      })
      .on('error', reject)
  })
}

describe('precompressed client files', () => {
  beforeAll(async () => {
    const clientDir = tempDataDir()
    fs.mkdirSync(path.join(clientDir, 'assets'))
    const write = (name: string, content: string) => {
      fs.writeFileSync(path.join(clientDir, name), content)
      fs.writeFileSync(path.join(clientDir, `${name}.br`), zlib.brotliCompressSync(content))
      fs.writeFileSync(path.join(clientDir, `${name}.gz`), zlib.gzipSync(content))
    }
    write('assets/app-1234.js', SCRIPT)
    write('index.html', INDEX)
    server = await startTestServer({ clientDir })
    base = `http://127.0.0.1:${server.port}`
  })
  afterAll(async () => {
    await server.close()
  })

  it('sends brotli to a browser that takes it, with the right headers', async () => {
    const answer = await get('/assets/app-1234.js', 'gzip, deflate, br, zstd')
    expect(answer.status).toBe(200)
    expect(answer.headers['content-encoding']).toBe('br')
    expect(answer.headers['content-type']).toMatch(/javascript/)
    expect(answer.headers.vary).toMatch(/Accept-Encoding/)
    expect(answer.headers['cache-control']).toMatch(/immutable/)
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length)
    expect(answer.body.length).toBeLessThan(SCRIPT.length / 10)
    expect(zlib.brotliDecompressSync(answer.body).toString()).toBe(SCRIPT)
  })

  it('sends gzip when brotli is not accepted, and the plain file when nothing is', async () => {
    const gzip = await get('/assets/app-1234.js', 'gzip')
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(gzip.body).toString()).toBe(SCRIPT)
    expect(gzip.headers.vary).toMatch(/Accept-Encoding/)

    const plain = await get('/assets/app-1234.js', null)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toBe(SCRIPT)
    expect(plain.headers.vary).toMatch(/Accept-Encoding/)
  })

  it('compresses the page every board link opens, too', async () => {
    const page = await get('/b/abc123', 'br')
    expect(page.status).toBe(200)
    expect(page.headers['content-encoding']).toBe('br')
    expect(page.headers['content-type']).toMatch(/text\/html/)
    expect(page.headers.vary).toMatch(/Accept-Encoding/)
    expect(zlib.brotliDecompressSync(page.body).toString()).toBe(INDEX)
    const plain = await get('/b/abc123', 'identity')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toBe(INDEX)
  })

  it('reads Accept-Encoding the way HTTP means it', () => {
    expect(preferredEncoding('gzip, deflate, br')).toBe('br')
    expect(preferredEncoding('br;q=0, gzip;q=0.8')).toBe('gzip')
    expect(preferredEncoding('identity')).toBeNull()
    expect(preferredEncoding(undefined)).toBeNull()
  })
})
