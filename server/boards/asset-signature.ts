/**
 * Whether a file's first bytes are what its content type claims. Uploads are served back with
 * that type (and nosniff), so a "PNG" that is really HTML or a script must not be stored.
 */
const ascii = (bytes: Uint8Array, at: number, text: string): boolean => {
  if (bytes.length < at + text.length) return false
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false
  return true
}

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean =>
  bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte)

/** The brands of an ISO media file's leading `ftyp` box (major brand first), or null without one. */
function isoBrands(bytes: Uint8Array): string[] | null {
  if (!ascii(bytes, 4, 'ftyp') || bytes.length < 12) return null
  const boxSize = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0
  const end = Math.min(bytes.length, Math.max(16, boxSize))
  const brand = (at: number) => String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!)
  const brands = [brand(8)]
  // Offset 12 holds the minor version; compatible brands follow.
  for (let at = 16; at + 4 <= end; at += 4) brands.push(brand(at))
  return brands
}

const IMAGE_BRANDS = new Set(['avif', 'avis', 'heic', 'heix', 'mif1', 'msf1'])

const SIGNATURES: Record<string, (bytes: Uint8Array) => boolean> = {
  'image/png': (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/jpeg': (b) => startsWith(b, [0xff, 0xd8, 0xff]),
  'image/gif': (b) => ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a'),
  'image/webp': (b) => ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP'),
  'image/avif': (b) => isoBrands(b)?.some((brand) => brand === 'avif' || brand === 'avis') ?? false,
  'video/mp4': (b) => {
    const brands = isoBrands(b)
    return brands !== null && !IMAGE_BRANDS.has(brands[0]!)
  },
  'video/webm': (b) => startsWith(b, [0x1a, 0x45, 0xdf, 0xa3]),
}

export function matchesContentType(contentType: string, bytes: Uint8Array): boolean {
  return SIGNATURES[contentType]?.(bytes) ?? false
}
