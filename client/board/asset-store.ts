/**
 * tldraw's asset store: files go to the server (`POST /api/boards/:id/assets`) and the document
 * keeps only the returned URL, never base64 data.
 */
import type { TLAssetStore } from '@tldraw/tlschema'

export function createServerAssetStore(boardId: string, token: string): TLAssetStore {
  return {
    async upload(_asset, file, abortSignal) {
      const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/assets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': file.type },
        body: file,
        signal: abortSignal,
      })
      const body = (await response.json()) as { src?: string; message?: string }
      if (!response.ok || !body.src) throw new Error(body.message ?? `upload failed (${response.status})`)
      return { src: body.src }
    },
    resolve(asset) {
      return asset.props.src
    },
  }
}
