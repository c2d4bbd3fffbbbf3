/** A board filled the way browsers fill it (the workshop board), written by stock y-websocket clients. */
import { createBoardSchema } from '../../shared/board/board-schema.ts'
import { META_MAP, MetaKey } from '../../shared/doc-layout.ts'
import { connectSynced } from './clients.ts'
import { createBoard, type BoardLinks } from './server.ts'
import { boardApi } from './board-http.ts'
import { waitForAsync } from './wait.ts'
import { workshopBoard, type WorkshopBoard } from './workshop-board.ts'

export async function seededWorkshopBoard(baseUrl: string, wsUrl: string, title?: string): Promise<{ board: BoardLinks; fixture: WorkshopBoard }> {
  const fixture = await workshopBoard(title)
  const board = await createBoard(baseUrl, { title: title ?? 'Wijkavond Oosterhoüt' })
  const main = await connectSynced(wsUrl, board.id, board.tokens.facilitator)
  const structure = await connectSynced(wsUrl, `${board.id}/structure`, board.tokens.facilitator)
  main.doc.transact(() => {
    main.doc.getMap(META_MAP).set(MetaKey.schema, createBoardSchema().serialize())
    for (const record of fixture.records) main.records.set(record.id, record)
  })
  structure.doc.transact(() => {
    for (const record of fixture.structure) structure.records.set(record.id, record)
  })
  const stored = async (): Promise<boolean> => {
    const file = await boardApi<{ records: unknown[]; structure: unknown[] }>(baseUrl, 'GET', `/api/boards/${board.id}/export.json`, board.tokens.viewer)
    return file.body.records.length === fixture.records.length && file.body.structure.length === fixture.structure.length
  }
  await waitForAsync(stored, 'the seeded board to be stored')
  main.destroy()
  structure.destroy()
  return { board, fixture }
}
