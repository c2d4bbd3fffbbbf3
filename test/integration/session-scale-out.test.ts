/**
 * Facilitators' session calls on two server instances at the same moment (a co-facilitator on
 * the other instance behind the load balancer), sharing a real PostgreSQL and a real Redis: each
 * call changes one entry of a set (who is view-only, which link was replaced), and no call may
 * undo the other's by writing the whole set back as it read it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { readControlDoc, type ControlState } from '../../shared/session/control-doc.ts'
import { boardApi, issuePerson, type Person } from '../helpers/board-http.ts'
import { startChildServer, type ChildServer } from '../helpers/child-server.ts'
import { connectSynced, type TestClient } from '../helpers/clients.ts'
import { createBoard, tempDataDir, type BoardLinks } from '../helpers/server.ts'
import { createDatabase, servicesUnavailableReason, startPostgres, startRedis, type Service } from '../helpers/services.ts'
import { waitFor } from '../helpers/wait.ts'

const unavailable = servicesUnavailableReason()

describe.skipIf(unavailable !== null)('session calls on two instances at once', () => {
  let postgres: Service
  let redis: Service
  let a: ChildServer
  let b: ChildServer
  const clients: TestClient[] = []

  beforeAll(async () => {
    ;[postgres, redis] = await Promise.all([startPostgres(), startRedis()])
    const databaseUrl = await createDatabase(postgres.url, 'session_scale_out')
    const start = () => startChildServer({ DATA_DIR: tempDataDir(), DATABASE_URL: databaseUrl, REDIS_URL: redis.url, MAX_CONNECTIONS_PER_IP: '10000' })
    a = await start()
    b = await start()
  }, 120_000)

  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy()
  })

  afterAll(async () => {
    for (const child of [a, b]) {
      child?.process.kill('SIGKILL')
      await child?.exited
    }
    await Promise.all([redis?.stop(), postgres?.stop()])
  })

  /** The control state as a stock client on `server` sees it. */
  async function watchControl(server: ChildServer, board: BoardLinks): Promise<() => ControlState> {
    const client = await connectSynced(server.wsUrl, `${board.id}/control`, board.tokens.facilitator)
    clients.push(client)
    return () => readControlDoc(client.doc)
  }

  const session = (server: ChildServer, board: BoardLinks, route: string, body: unknown) =>
    boardApi<ControlState>(server.url, 'POST', `/api/boards/${board.id}/session/${route}`, board.tokens.facilitator, body)

  it('keeps every person set view-only, however the calls are spread over the instances', async () => {
    const board = await createBoard(a.url)
    const people: Person[] = await Promise.all(Array.from({ length: 12 }, (_, i) => issuePerson(a.url, board.id, board.tokens.participant, `P${i}`)))
    const [onA, onB] = [await watchControl(a, board), await watchControl(b, board)]

    const answers = await Promise.all(people.map((person, i) => session(i % 2 === 0 ? a : b, board, 'view-only', { ownerKey: person.key, viewOnly: true })))
    expect(answers.map((answer) => answer.status)).toEqual(people.map(() => 200))

    const everyone = people.map((person) => person.key).sort()
    const viewOnly = (read: () => ControlState) => Object.keys(read().viewOnly).sort()
    await waitFor(() => viewOnly(onA).length === everyone.length && viewOnly(onB).length === everyone.length, 'every view-only setting on both instances')
    expect(viewOnly(onA)).toEqual(everyone)
    expect(viewOnly(onB)).toEqual(everyone)

    // Lifting it for one on one instance while setting another on the other keeps both changes too.
    const [first, second] = people
    const newcomer = await issuePerson(b.url, board.id, board.tokens.participant, 'Nieuw')
    await Promise.all([
      session(a, board, 'view-only', { ownerKey: first!.key, viewOnly: false }),
      session(b, board, 'view-only', { ownerKey: second!.key, viewOnly: false }),
      session(b, board, 'view-only', { ownerKey: newcomer.key, viewOnly: true }),
    ])
    const expected = [...everyone.filter((key) => key !== first!.key && key !== second!.key), newcomer.key].sort()
    await waitFor(() => viewOnly(onA).join() === expected.join() && viewOnly(onB).join() === expected.join(), 'both lifts and the new setting on both instances')
  })

  it('keeps both links replaced when the participant and the viewer link are replaced on two instances at once', async () => {
    const board = await createBoard(a.url)
    const [onA, onB] = [await watchControl(a, board), await watchControl(b, board)]
    const rotate = (server: ChildServer, role: string) =>
      boardApi<{ token: string }>(server.url, 'POST', `/api/boards/${board.id}/tokens/${role}/rotate`, board.tokens.facilitator)
    // A few rounds: each is one chance for the two writes to cross.
    for (let round = 0; round < 4; round++) {
      const [participant, viewer] = await Promise.all([rotate(a, 'participant'), rotate(b, 'viewer')])
      expect([participant.status, viewer.status]).toEqual([200, 200])
      const current = (read: () => ControlState) => {
        const { rotated } = read()
        return rotated.participant !== undefined && rotated.viewer !== undefined
      }
      await waitFor(() => current(onA) && current(onB), 'both rotations on both instances')
      // The links the board shows again are the new ones, on either instance.
      for (const server of [a, b]) {
        const links = await boardApi<{ participant: string; viewer: string }>(server.url, 'GET', `/api/boards/${board.id}/links`, board.tokens.facilitator)
        expect(links.body).toEqual({ participant: participant.body.token, viewer: viewer.body.token })
      }
    }
  })
})
