/** A board filled the way browsers fill it (the workshop board), written by stock y-websocket clients. */
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
  // The board's meta (schema label, title) is the server's: it wrote it when it made the board.
  main.doc.transact(() => {
    for (const record of fixture.records) main.records.set(record.id, record)
  })
  structure.doc.transact(() => {
    for (const record of fixture.structure) structure.records.set(record.id, record)
  })
  const stored = async (): Promise<boolean> => {
    const file = await boardApi<{ records: unknown[]; structure: unknown[] }>(baseUrl, 'GET', `/api/boards/${board.id}/export.json`, board.tokens.viewer)
    const ids = (records: unknown[]) => new Set(records.map((record) => (record as { id: string }).id))
    const stored = ids(file.body.records)
    const storedStructure = ids(file.body.structure)
    return fixture.records.every((record) => stored.has(record.id)) && fixture.structure.every((record) => storedStructure.has(record.id))
  }
  await waitForAsync(stored, 'the seeded board to be stored')
  main.destroy()
  structure.destroy()
  return { board, fixture }
}
