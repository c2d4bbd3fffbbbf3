/**
 * Images and videos placed on a board. Files live on disk under DATA_DIR/assets/<boardId>/ and
 * the Yjs document only holds their URL, so documents stay small. The file name is a random id:
 * the URL itself is the capability (an <img> cannot send a bearer token).
 */
import fs from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { isBoardId } from '../../shared/board-id.ts'
import type { AssetRecord, Storage } from '../storage/storage.ts'

export const ASSET_TYPES: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
}

export const ASSET_ID_PATTERN = /^[a-z0-9]{24}\.[a-z0-9]{2,5}$/

export function assetDir(dataDir: string, boardId: string): string {
  return path.join(dataDir, 'assets', boardId)
}

export async function saveAsset(
  storage: Storage,
  dataDir: string,
  boardId: string,
  contentType: string,
  bytes: Uint8Array,
): Promise<AssetRecord> {
  const extension = ASSET_TYPES[contentType]
  if (!extension) throw new Error(`unsupported type ${contentType}`)
  const id = `${randomBytes(12).toString('hex')}.${extension}`
  const dir = assetDir(dataDir, boardId)
  await fs.promises.mkdir(dir, { recursive: true })
  await fs.promises.writeFile(path.join(dir, id), bytes)
  const asset: AssetRecord = { id, boardId, contentType, size: bytes.byteLength, createdAt: Date.now() }
  try {
    await storage.addAsset(asset)
  } catch (error) {
    // No record, no file: a board deleted during the upload must not leave one behind.
    await fs.promises.rm(path.join(dir, id), { force: true })
    throw error
  }
  return asset
}

/** Removes every file of a board (its deletion; the records go with the board in storage). */
export async function deleteBoardAssets(dataDir: string, boardId: string): Promise<void> {
  if (!isBoardId(boardId)) throw new Error(`not a board id: ${JSON.stringify(boardId)}`)
  await fs.promises.rm(assetDir(dataDir, boardId), { recursive: true, force: true })
}

/** The boards that have a folder of files under DATA_DIR/assets (to find ones left behind). */
export async function boardsWithAssetFiles(dataDir: string): Promise<string[]> {
  const entries = await fs.promises.readdir(path.join(dataDir, 'assets'), { withFileTypes: true }).catch(() => [])
  return entries.filter((entry) => entry.isDirectory() && isBoardId(entry.name)).map((entry) => entry.name)
}

export async function readAsset(
  storage: Storage,
  dataDir: string,
  boardId: string,
  id: string,
): Promise<{ asset: AssetRecord; bytes: Buffer } | null> {
  if (!ASSET_ID_PATTERN.test(id)) return null
  const asset = await storage.getAsset(boardId, id)
  if (!asset) return null
  const bytes = await fs.promises.readFile(path.join(assetDir(dataDir, boardId), id)).catch(() => null)
  return bytes ? { asset, bytes } : null
}
