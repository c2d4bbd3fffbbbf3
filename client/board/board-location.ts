/** `/b/<boardId>#t=<token>`: the token rides in the fragment, which browsers never send to servers. */
export interface BoardLocation {
  boardId: string
  token: string | null
}

export function parseBoardLocation(pathname: string, hash: string): BoardLocation | null {
  const match = pathname.match(/^\/b\/([A-Za-z0-9_-]+)\/?$/)
  if (!match) return null
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('t')
  return { boardId: match[1]!, token: token || null }
}
