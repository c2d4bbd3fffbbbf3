/** The browser's calls to the snapshot routes (shared/session/snapshots.ts). */
import type { SnapshotContent, SnapshotSummary } from '../../../shared/session/snapshots.ts'

type Send = <T>(method: string, path: string, body?: unknown) => Promise<T>

export interface SnapshotApi {
  list(): Promise<SnapshotSummary[]>
  take(name: string, author: string | null): Promise<SnapshotSummary>
  content(id: string): Promise<SnapshotContent>
  remove(id: string): Promise<unknown>
  /** Path of the snapshot's board file, for SessionClient.fetchExport. */
  exportPath(id: string): string
}

export function snapshotApi(send: Send): SnapshotApi {
  return {
    list: async () => (await send<{ snapshots: SnapshotSummary[] }>('GET', '/snapshots')).snapshots,
    take: (name, author) => send('POST', '/snapshots', { name, author }),
    content: (id) => send('GET', `/snapshots/${encodeURIComponent(id)}`),
    remove: (id) => send('DELETE', `/snapshots/${encodeURIComponent(id)}`),
    exportPath: (id) => `/snapshots/${encodeURIComponent(id)}/export.json`,
  }
}
