/**
 * The board's content for the report, read from its documents without joining the session: no
 * awareness state is published, so whoever opens the report does not show up as present.
 */
import type { TLRecord } from 'tldraw'
import type * as Y from 'yjs'
import { META_MAP } from '../../shared/doc-layout.ts'
import type { BoardContent } from '../../shared/export/board-content.ts'
import { roomName } from '../../shared/session/channels.ts'
import { ATTENDANCE_MAP, CONTROL_MAP, readAttendance, readControl } from '../../shared/session/control-doc.ts'
import { openDocConnection, type BoardConnection } from '../board/board-connection.ts'
import { recordsKeyValue } from '../board/records-kv.ts'

export interface ReportSource {
  ready: Promise<void>
  read(): BoardContent
  destroy(): void
}

export function openReportSource(boardId: string, token: string): ReportSource {
  const params = { token }
  const main = openDocConnection({ room: boardId, params, cache: false })
  const structure = openDocConnection({ room: roomName({ boardId, channel: 'structure' }), params, cache: false })
  const control = openDocConnection({ room: roomName({ boardId, channel: 'control' }), params, cache: false })
  const connections: BoardConnection[] = [main, structure, control]
  const recordsOf = (doc: Y.Doc): TLRecord[] => [...recordsKeyValue(doc).map.values()].map((entry) => entry.val)
  return {
    ready: Promise.all(connections.map((connection) => connection.ready)).then(() => undefined),
    read: () => {
      const controlMap = control.doc.getMap<unknown>(CONTROL_MAP)
      return {
        records: recordsOf(main.doc),
        structure: recordsOf(structure.doc),
        meta: main.doc.getMap<unknown>(META_MAP).toJSON(),
        control: readControl((key) => controlMap.get(key)),
        attendance: readAttendance(control.doc.getMap<unknown>(ATTENDANCE_MAP).entries()),
      }
    },
    destroy: () => {
      for (const connection of connections) connection.destroy()
    },
  }
}
