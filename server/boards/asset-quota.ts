/**
 * Each board may hold MAX_BOARD_ASSETS files of together MAX_BOARD_ASSET_BYTES. Uploads in flight
 * on this instance count already, so parallel uploads cannot all pass the same check.
 */
import type { Storage } from '../storage/storage.ts'

export interface AssetQuotaLimits {
  maxBoardAssets: number
  maxBoardAssetBytes: number
}

export type QuotaCheck =
  | { ok: true; /** Call once the upload is stored or failed. */ release: () => void }
  | { ok: false; reason: 'board_asset_count' | 'board_asset_bytes'; message: string }

export class AssetQuota {
  private readonly inFlight = new Map<string, { count: number; bytes: number }>()

  constructor(
    private readonly storage: Storage,
    private readonly limits: AssetQuotaLimits,
  ) {}

  async reserve(boardId: string, bytes: number): Promise<QuotaCheck> {
    const pending = this.inFlight.get(boardId) ?? { count: 0, bytes: 0 }
    this.inFlight.set(boardId, pending)
    pending.count++
    pending.bytes += bytes
    let released = false
    const release = () => {
      if (released) return
      released = true
      pending.count--
      pending.bytes -= bytes
      if (pending.count === 0) this.inFlight.delete(boardId)
    }
    try {
      const stored = await this.storage.assetUsage(boardId)
      if (stored.count + pending.count > this.limits.maxBoardAssets) {
        release()
        return { ok: false, reason: 'board_asset_count', message: `A board holds at most ${this.limits.maxBoardAssets} files` }
      }
      if (stored.bytes + pending.bytes > this.limits.maxBoardAssetBytes) {
        release()
        return { ok: false, reason: 'board_asset_bytes', message: `The files of a board may take at most ${this.limits.maxBoardAssetBytes} bytes together` }
      }
      return { ok: true, release }
    } catch (error) {
      release()
      throw error
    }
  }
}
