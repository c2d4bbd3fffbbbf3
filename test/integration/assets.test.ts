import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoard, startTestServer, type BoardLinks, type TestServer } from '../helpers/server.ts'

let server: TestServer
let board: BoardLinks
// The smallest valid PNG: 1×1 transparent pixel.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64')

beforeAll(async () => {
  server = await startTestServer({ maxAssetBytes: 4096 })
  board = await createBoard(server.url)
})
afterAll(async () => {
  await server.close()
})

function upload(token: string, body: Uint8Array<ArrayBuffer> | string, type = 'image/png') {
  return fetch(`${server.url}/api/boards/${board.id}/assets`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    body,
  })
}

describe('board assets', () => {
  it('stores an uploaded image on disk under DATA_DIR and serves it back by URL', async () => {
    const response = await upload(board.tokens.participant, PNG)
    expect(response.status).toBe(201)
    const { id, src } = (await response.json()) as { id: string; src: string }
    expect(src).toBe(`/api/boards/${board.id}/assets/${id}`)
    expect(fs.readFileSync(path.join(server.dataDir, 'assets', board.id, id))).toEqual(PNG)
    const served = await fetch(`${server.url}${src}`)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG)
  })

  it('refuses a file over the size limit with 413', async () => {
    const response = await upload(board.tokens.participant, new Uint8Array(5000))
    expect(response.status).toBe(413)
    expect(((await response.json()) as { error: string }).error).toBe('asset_too_large')
  })

  it('refuses types that are not images or videos with 415', async () => {
    const response = await upload(board.tokens.participant, '<svg onload="alert(1)"/>', 'image/svg+xml')
    expect(response.status).toBe(415)
  })

  it('refuses uploads from viewers and without a valid token', async () => {
    expect((await upload(board.tokens.viewer, PNG)).status).toBe(403)
    expect((await upload('wrong', PNG)).status).toBe(403)
  })

  it('answers 404 for an unknown or malformed asset name', async () => {
    expect((await fetch(`${server.url}/api/boards/${board.id}/assets/000000000000000000000000.png`)).status).toBe(404)
    expect((await fetch(`${server.url}/api/boards/${board.id}/assets/..%2F..%2Fregiebord.sqlite`)).status).toBe(404)
  })
})
