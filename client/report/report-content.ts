/**
 * The board's content for the report, read from its documents without joining the session: no
 * awareness state is published, so whoever opens the report does not show up as present.
 */
import type { TLRecord } from 'tldraw'
import type * as Y from 'yjs'
import { META_MAP } from '../../shared/doc-layout.ts'
import type { BoardContent } from '../../shared/export/board-content.ts'
import { roomName } from '../../shared/session/channels.ts'
import { ATTENDANCE_MAP, readAttendance, readControlDoc } from '../../shared/session/control-doc.ts'
import { storedOwner } from '../session/owner-secret.ts'
import { openDocConnection, type BoardConnection } from '../board/board-connection.ts'
import { recordsKeyValue } from '../board/records-kv.ts'

export interface ReportSource {
  ready: Promise<void>
  read(): BoardContent
  destroy(): void
}

export function openReportSource(boardId: string, token: string): ReportSource {
  // The identity this browser has on the board, if any: with the waiting room on, nothing opens without it.
  const owner = storedOwner(boardId, token)
  const params: Record<string, string> = owner ? { token, owner: owner.secret } : { token }
  const main = openDocConnection({ room: boardId, params, cache: false })
  const structure = openDocConnection({ room: roomName({ boardId, channel: 'structure' }), params, cache: false })
  const control = openDocConnection({ room: roomName({ boardId, channel: 'control' }), params, cache: false })
  const connections: BoardConnection[] = [main, structure, control]
  const recordsOf = (doc: Y.Doc): TLRecord[] => [...recordsKeyValue(doc).map.values()].map((entry) => entry.val)
  return {
    ready: Promise.all(connections.map((connection) => connection.ready)).then(() => undefined),
    read: () => {
      return {
        records: recordsOf(main.doc),
        structure: recordsOf(structure.doc),
        meta: main.doc.getMap<unknown>(META_MAP).toJSON(),
        control: readControlDoc(control.doc),
        attendance: readAttendance(control.doc.getMap<unknown>(ATTENDANCE_MAP).entries()),
      }
    },
    destroy: () => {
      for (const connection of connections) connection.destroy()
    },
  }
}
