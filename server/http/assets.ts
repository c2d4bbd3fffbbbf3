import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { canEditDocument } from '../../shared/roles.ts'
import { ASSET_TYPES, readAsset, saveAsset } from '../boards/assets.ts'
import { authorize } from '../boards/boards.ts'
import { bearerToken } from './bearer.ts'
import type { AppDeps } from './deps.ts'
import { jsonError } from './errors.ts'

/** Mounted at /api/boards/:id/assets. Upload: the raw file as the body, its type as content-type. */
export function assetRoutes({ storage, config, metrics }: AppDeps): Hono {
  return new Hono()
    .post(
      '/:id/assets',
      bodyLimit({
        maxSize: config.maxAssetBytes,
        onError: (c) => {
          metrics.rejected('request_body_too_large')
          return jsonError(c, 413, 'asset_too_large', `Files may be at most ${config.maxAssetBytes} bytes`)
        },
      }),
      async (c) => {
        const boardId = c.req.param('id')
        const access = await authorize(storage, boardId, bearerToken(c.req.header('authorization')))
        if (!access.ok) return jsonError(c, access.status, access.code, access.message)
        if (!canEditDocument(access.role)) return jsonError(c, 403, 'read_only', 'Viewers cannot upload files')
        const contentType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
        if (!ASSET_TYPES[contentType]) {
          return jsonError(c, 415, 'unsupported_type', `Allowed types: ${Object.keys(ASSET_TYPES).join(', ')}`)
        }
        const bytes = new Uint8Array(await c.req.arrayBuffer())
        if (bytes.byteLength === 0) return jsonError(c, 400, 'empty_file', 'The file is empty')
        const asset = await saveAsset(storage, config.dataDir, boardId, contentType, bytes)
        return c.json({ id: asset.id, src: `/api/boards/${boardId}/assets/${asset.id}` }, 201)
      },
    )
    .get('/:id/assets/:asset', async (c) => {
      const found = await readAsset(storage, config.dataDir, c.req.param('id'), c.req.param('asset'))
      if (!found) return jsonError(c, 404, 'asset_not_found', 'No such file on this board')
      return c.body(new Uint8Array(found.bytes), 200, {
        'content-type': found.asset.contentType,
        'cache-control': 'private, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
      })
    })
}
