/**
 * `npm start` runs the compiled server (dist/server/main.js, built by `npm run build`, which
 * `npm test` runs first) with no TypeScript loader in the process.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startChildServer, type ChildServer } from '../helpers/child-server.ts'

const BUILT = path.resolve(import.meta.dirname, '../../dist/server/main.js')

describe('the production build', () => {
  let server: ChildServer
  let dataDir: string

  beforeAll(async () => {
    if (!fs.existsSync(BUILT)) throw new Error('dist/server/main.js is missing: run `npm run build` first (npm test does)')
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'regiebord-build-'))
    server = await startChildServer({ DATA_DIR: dataDir }, undefined, [], 'build')
  })

  afterAll(async () => {
    server?.process.kill('SIGTERM')
    await server?.exited
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('is plain JavaScript: no TypeScript loader is imported', () => {
    const source = fs.readFileSync(BUILT, 'utf8')
    expect(source).not.toMatch(/from ["']tsx/)
    expect(source).not.toMatch(/^import .* from ["']\.\.?\/.*\.ts["']/m)
  })

  it('serves health, the API and the client', async () => {
    const health = await fetch(`${server.url}/api/health`)
    expect(health.status).toBe(200)
    const created = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Gebouwd' }),
    })
    expect(created.status).toBe(201)
    const page = await fetch(`${server.url}/`)
    expect(await page.text()).toContain('<div id="root">')
  })
})

describe('npm start after a build', () => {
  it('builds nothing again when no source changed', () => {
    const output = execFileSync(process.execPath, ['scripts/build-if-changed.mjs'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      encoding: 'utf8',
    })
    expect(output).not.toContain('building')
  })
})
