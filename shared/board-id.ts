/** Board ids appear in URLs and storage keys, so they are restricted to a URL-safe alphabet. */
export const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{6,64}$/

export function isBoardId(value: string): boolean {
  return BOARD_ID_PATTERN.test(value)
}
