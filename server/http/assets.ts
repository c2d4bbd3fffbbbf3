import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { AssetQuota } from '../boards/asset-quota.ts'
import { matchesContentType } from '../boards/asset-signature.ts'
import { ASSET_TYPES, readAsset, saveAsset } from '../boards/assets.ts'
import { perAddressAllowance } from './allowance.ts'
import type { AppDeps } from './deps.ts'
import { jsonError } from './errors.ts'
import { requireBoard } from './require-board.ts'

/**
 * Mounted at /api/boards/:id/assets. Upload: the raw file as the body, its type as content-type.
 * Refused, in this order: over the address's uploads per hour (429, before the body is read),
 * larger than MAX_ASSET_BYTES (413), a type we do not serve (415), bytes that are not that type
 * (415 type_mismatch), past the board's file count or bytes (413).
 */
export function assetRoutes({ storage, config, metrics, requestLimits }: AppDeps): Hono {
  const quota = new AssetQuota(storage, config)
  const uploadAllowance = perAddressAllowance({ config, metrics }, requestLimits.uploads)
  return new Hono()
    .post(
      '/:id/assets',
      uploadAllowance,
      bodyLimit({
        maxSize: config.maxAssetBytes,
        onError: (c) => {
          metrics.rejected('request_body_too_large')
          return jsonError(c, 413, 'asset_too_large', `Files may be at most ${config.maxAssetBytes} bytes`)
        },
      }),
      requireBoard(storage, { role: 'participant', refusal: { code: 'read_only', message: 'Viewers cannot upload files' } }),
      async (c) => {
        const boardId = c.var.board.id
        const contentType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
        if (!ASSET_TYPES[contentType]) {
          return jsonError(c, 415, 'unsupported_type', `Allowed types: ${Object.keys(ASSET_TYPES).join(', ')}`)
        }
        const bytes = new Uint8Array(await c.req.arrayBuffer())
        if (bytes.byteLength === 0) return jsonError(c, 400, 'empty_file', 'The file is empty')
        if (!matchesContentType(contentType, bytes)) {
          metrics.rejected('asset_type_mismatch')
          return jsonError(c, 415, 'type_mismatch', `The file is not a ${contentType} (its first bytes say otherwise)`)
        }
        const reserved = await quota.reserve(boardId, bytes.byteLength)
        if (!reserved.ok) {
          metrics.rejected(reserved.reason)
          return jsonError(c, 413, reserved.reason === 'board_asset_count' ? 'board_asset_count' : 'board_asset_bytes', reserved.message)
        }
        try {
          const asset = await saveAsset(storage, config.dataDir, boardId, contentType, bytes)
          return c.json({ id: asset.id, src: `/api/boards/${boardId}/assets/${asset.id}` }, 201)
        } finally {
          reserved.release()
        }
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
