/**
 * Where tldraw finds its fonts, icons and texts: files Vite bundles and our own server serves (no
 * CDN calls). tldraw preloads every icon and embed-service logo when the canvas mounts; the logos
 * (19 images) would cost a phone on workshop Wi-Fi 19 requests at the moment the board is being
 * drawn, so the embed dialog shows tldraw's own "external link" icon from the sprite it has
 * already loaded.
 */
import type { TLUiAssetUrls } from 'tldraw'
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'

const imported = getAssetUrlsByImport()

export const CANVAS_ASSET_URLS: TLUiAssetUrls = {
  ...imported,
  embedIcons: Object.fromEntries(Object.keys(imported.embedIcons).map((type) => [type, imported.icons['external-link']])),
}
