/**
 * A hostile participant with a board link, over sync: each attack (issue 12) with raw frames or a
 * stock y-websocket client. For each one: the sender is closed with a clear code and reason,
 * nothing of it is stored (read back from storage), everyone else on the board carries on, the
 * refusal is counted in /metrics, and an honest pair of clients on another board keeps syncing;
 * their latency during the attack is printed (figures, not assertions: see BENCHMARKS.md).
 *
 * Server-issued identities, lobby, quotas and votes are in hostile-identity.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { META_MAP, RECORDS_ARRAY, type RecordEntry } from '../../shared/doc-layout.ts'
import { CLOSE_AWARENESS_REFUSED, CLOSE_BOARD_TOO_LARGE, CLOSE_RECORD_REFUSED, CLOSE_RESYNC } from '../../shared/close-codes.ts'
import { connectClient, connectRaw, connectSynced, type RawClient, type TestClient } from '../helpers/clients.ts'
import { converged } from '../helpers/records.ts'
import { BOARD_PAGE_ID, frameRecord, noteRecord, richText } from '../helpers/records.ts'
import { createBoard, startTestServer, type BoardLinks, type TestServer } from '../helpers/server.ts'
import { waitFor } from '../helpers/wait.ts'
import { roundTrip } from '../helpers/barrier.ts'
import { burstFromOtherProcess, sendFramesFromOtherProcess, type AttackOutcome } from '../helpers/attacker-process.ts'

let server: TestServer
/** The honest pair on a board of its own, whose latency is measured during every attack. */
let quiet: { board: BoardLinks; writer: TestClient; reader: TestClient }
const clients: TestClient[] = []
const raws: RawClient[] = []
const latencyRows: string[] = []

beforeAll(async () => {
  server = await startTestServer()
  const board = await createBoard(server.url)
  quiet = {
    board,
    writer: await connectSynced(server.wsUrl, board.id, board.tokens.participant),
    reader: await connectSynced(server.wsUrl, board.id, board.tokens.participant),
  }
  // Warm up (JIT, first compaction) so the first attack's figures are not the start-up's.
  for (let i = 0; i < 50; i++) quiet.writer.records.set(`shape:warm-${i}`, noteRecord(`shape:warm-${i}`))
  await waitFor(() => quiet.reader.records.get('shape:warm-49') !== undefined, 'warm-up')
})

afterAll(async () => {
  // The figures the issue asks for: an honest client's sync latency on another board per attack.
  console.log(`honest client on another board, sync latency during each attack (ms):\n${latencyRows.join('\n')}`)
  for (const client of [...clients, quiet.writer, quiet.reader]) client.destroy()
  for (const raw of raws) raw.socket.terminate()
  await server.close()
})

async function join(board: BoardLinks, token = board.tokens.participant, room = board.id): Promise<TestClient> {
  const client = await connectSynced(server.wsUrl, room, token)
  clients.push(client)
  return client
}

async function openRaw(room: string, token: string): Promise<RawClient> {
  const raw = connectRaw(server.wsUrl, room, token)
  raws.push(raw)
  await raw.opened
  return raw
}

/** How a stock client's connection was closed by the server. */
function closeOf(client: TestClient): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    client.provider.on('connection-close', (event) => {
      if (event) resolve({ code: event.code, reason: event.reason })
    })
  })
}

function frame(messageType: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, messageType)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/** A y-websocket Update frame carrying `update`. */
function updateMessage(update: Uint8Array): Uint8Array {
  return frame(0, (e) => {
    encoding.writeVarUint(e, 2)
    encoding.writeVarUint8Array(e, update)
  })
}

/** An update made by a fresh document holding the server's state of `room`, changed by `change`. */
function updateOnTopOf(room: string, change: (doc: Y.Doc, records: YKeyValue<unknown>) => void): Uint8Array {
  const doc = new Y.Doc()
  const live = server.registry.loadedRoom(room)
  if (live) Y.applyUpdate(doc, Y.encodeStateAsUpdate(live.doc))
  const records = new YKeyValue<unknown>(doc.getArray<RecordEntry<unknown>>(RECORDS_ARRAY))
  const before = Y.encodeStateVector(doc)
  change(doc, records)
  return Y.encodeStateAsUpdate(doc, before)
}

async function rejections(reason: string): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text()
  const line = text.split('\n').find((l) => l.startsWith(`regiebord_rejections_total{reason="${reason}"}`))
  return line ? Number(line.split(' ').pop()) : 0
}

/** The records storage holds for a document: what a restart would load. */
async function storedRecords(room: string): Promise<Map<string, unknown>> {
  const { updates } = await server.storage.loadUpdates(room)
  const doc = new Y.Doc()
  for (const update of updates) Y.applyUpdate(doc, update)
  const records = new Map<string, unknown>()
  for (const value of doc.getArray<RecordEntry<unknown>>(RECORDS_ARRAY).toArray()) records.set(value.key, value.val)
  const meta = doc.getMap<unknown>(META_MAP).toJSON()
  records.set('#meta', meta)
  doc.destroy()
  return records
}

/**
 * Runs `attack` while the honest writer on the quiet board sets a record every 10 ms and the
 * reader waits for each; records the latencies under `label`. Asserts only that syncing went on.
 */
async function duringAttack<T>(label: string, attack: () => Promise<T>): Promise<T> {
  const latencies: number[] = []
  let running = true
  let n = 0
  const sampling = (async () => {
    while (running || latencies.length < 50) {
      const key = `shape:quiet-${label.replace(/\W+/g, '-')}-${n++}`
      // Resolved by the reader's own update event, not by polling: the figure is the sync latency.
      const arrived = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`honest update ${key} did not arrive`)), 30_000)
        const onUpdate = () => {
          if (quiet.reader.records.get(key) === undefined) return
          clearTimeout(timer)
          quiet.reader.doc.off('update', onUpdate)
          resolve(performance.now())
        }
        quiet.reader.doc.on('update', onUpdate)
      })
      const sent = performance.now()
      quiet.writer.records.set(key, noteRecord(key, { x: n }))
      latencies.push((await arrived) - sent)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  })()
  try {
    return await attack()
  } finally {
    await new Promise((resolve) => setTimeout(resolve, 200))
    running = false
    await sampling
    const sorted = [...latencies].sort((a, b) => a - b)
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1)
    latencyRows.push(`  ${label.padEnd(44)} n=${String(sorted.length).padStart(4)}  p50 ${at(0.5)}  p99 ${at(0.99)}  max ${sorted.at(-1)!.toFixed(1)}`)
    // Generous on purpose (2 cores shared by a whole test run): it only catches a stalled server.
    expect(sorted.at(-1)).toBeLessThan(15_000)
  }
}

/** Raw frames from a process of its own (its costs are not the server's), during a measurement. */
async function framesDuringAttack(label: string, room: string, token: string, frames: Uint8Array[]): Promise<AttackOutcome> {
  const attacker = sendFramesFromOtherProcess(`${server.wsUrl}/${room}?token=${token}`, frames)
  await attacker.ready
  return duringAttack(label, async () => {
    attacker.go()
    return attacker.result
  })
}

/** Proves the board still works for the others: an edit goes from one to the other. */
async function stillSyncs(a: TestClient, b: TestClient, key: string): Promise<void> {
  a.records.set(key, noteRecord(key))
  await waitFor(() => b.records.get(key) !== undefined, `${key} to reach the other client`)
}

/** A stock client sets records; the server refuses; checks close, storage, metrics and bystanders. */
async function refusedFromStockClient(
  label: string,
  records: Record<string, unknown>,
  expected: { code: number; reason: RegExp; metric: string },
): Promise<BoardLinks> {
  const board = await createBoard(server.url)
  const facilitator = await join(board, board.tokens.facilitator)
  const other = await join(board)
  const attacker = await join(board)
  const before = await rejections(expected.metric)
  const closed = closeOf(attacker)
  const { code, reason } = await duringAttack(label, async () => {
    attacker.doc.transact(() => {
      for (const [key, value] of Object.entries(records)) attacker.records.set(key, value)
    })
    return closed
  })
  expect(code).toBe(expected.code)
  expect(reason).toMatch(expected.reason)
  // Final: y-websocket gives up rather than send the same content again and again.
  await waitFor(() => !attacker.provider.shouldConnect, 'the refused client to give up')
  expect(attacker.provider.wsconnected).toBe(false)
  const stored = await storedRecords(board.id)
  for (const key of Object.keys(records)) {
    expect(facilitator.records.get(key), `${key} must not be relayed`).toBeUndefined()
    expect(stored.get(key), `${key} must not be stored`).toBeUndefined()
  }
  expect(await rejections(expected.metric)).toBe(before + 1)
  await stillSyncs(facilitator, other, `shape:after-${label.replace(/\W+/g, '-')}`)
  await stillSyncs(other, facilitator, `shape:after2-${label.replace(/\W+/g, '-')}`)
  return board
}

describe('hostile participant: records checked where they enter', () => {
  it('refuses a note that is its own parent', async () => {
    const board = await refusedFromStockClient(
      'note is its own parent',
      { 'shape:self': noteRecord('shape:self', { parentId: 'shape:self' }) },
      { code: CLOSE_RECORD_REFUSED, reason: /own parent/, metric: 'invalid_record' },
    )
    expect((await storedRecords(board.id)).has('shape:self')).toBe(false)
  })

  it('refuses two notes that are each other’s parent', async () => {
    await refusedFromStockClient(
      'two-note parent loop',
      { 'shape:a': noteRecord('shape:a', { parentId: 'shape:b' }), 'shape:b': noteRecord('shape:b', { parentId: 'shape:a' }) },
      { code: CLOSE_RECORD_REFUSED, reason: /loop/, metric: 'invalid_record' },
    )
  })

  it('refuses a change that closes a longer loop through shapes already on the board', async () => {
    const board = await createBoard(server.url)
    const facilitator = await join(board, board.tokens.facilitator)
    facilitator.doc.transact(() => {
      facilitator.records.set('shape:f1', frameRecord('shape:f1'))
      facilitator.records.set('shape:f2', frameRecord('shape:f2', { parentId: 'shape:f1' }))
      facilitator.records.set('shape:f3', frameRecord('shape:f3', { parentId: 'shape:f2' }))
    })
    await waitFor(() => server.registry.loadedRoom(board.id)?.guard.index.current('shape:f3') !== undefined, 'frames stored')
    const attacker = await join(board)
    const closed = closeOf(attacker)
    const { code, reason } = await duringAttack('three-frame parent loop', async () => {
      attacker.records.set('shape:f1', frameRecord('shape:f1', { parentId: 'shape:f3' }))
      return closed
    })
    expect(code).toBe(CLOSE_RECORD_REFUSED)
    expect(reason).toMatch(/loop/)
    const stored = await storedRecords(board.id)
    expect((stored.get('shape:f1') as { parentId: string }).parentId).toBe(BOARD_PAGE_ID)
    await stillSyncs(facilitator, await join(board), 'shape:after-loop')
  })

  it('refuses a shape whose parent does not exist, and a binding to a missing shape', async () => {
    await refusedFromStockClient(
      'missing parent',
      { 'shape:orphan': noteRecord('shape:orphan', { parentId: 'shape:nowhere' }) },
      { code: CLOSE_RECORD_REFUSED, reason: /does not exist/, metric: 'invalid_record' },
    )
    await refusedFromStockClient(
      'binding to a missing shape',
      {
        'binding:b1': {
          id: 'binding:b1',
          typeName: 'binding',
          type: 'arrow',
          fromId: 'shape:ghost1',
          toId: 'shape:ghost2',
          meta: {},
          props: { terminal: 'start', normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false, snap: 'none' },
        },
      },
      { code: CLOSE_RECORD_REFUSED, reason: /not a shape of the board/, metric: 'invalid_record' },
    )
  })

  it('accepts a note in a frame that sits in the locked structure document', async () => {
    const board = await createBoard(server.url)
    const structure = await join(board, board.tokens.facilitator, `${board.id}/structure`)
    structure.records.set('shape:locked-frame', frameRecord('shape:locked-frame'))
    await waitFor(() => server.registry.loadedRoom(`${board.id}/structure`)?.guard.index.current('shape:locked-frame') !== undefined, 'locked frame')
    structure.destroy()
    // Let the structure document unload? It stays loaded for a while; either way the check finds it.
    const participant = await join(board)
    const other = await join(board)
    participant.records.set('shape:in-locked', noteRecord('shape:in-locked', { parentId: 'shape:locked-frame' }))
    await waitFor(() => other.records.get('shape:in-locked') !== undefined, 'note in a locked frame to sync')
  })

  it('refuses a record of an unknown type, and an invalid record', async () => {
    await refusedFromStockClient(
      'unknown record type',
      { 'evil:1': { id: 'evil:1', typeName: 'evil' } },
      { code: CLOSE_RECORD_REFUSED, reason: /unknown record type/, metric: 'invalid_record' },
    )
    await refusedFromStockClient(
      'invalid note',
      { 'shape:bad': { ...noteRecord('shape:bad'), props: { richText: 42 } } },
      { code: CLOSE_RECORD_REFUSED, reason: /shape:bad/, metric: 'invalid_record' },
    )
  })

  it('refuses rich text with a node type the editor does not know (iframe)', async () => {
    const note = noteRecord('shape:iframe')
    ;(note.props as { richText: unknown }).richText = { type: 'doc', content: [{ type: 'iframe', attrs: { src: 'https://evil.example' } }] }
    await refusedFromStockClient('rich text with an iframe', { 'shape:iframe': note }, {
      code: CLOSE_RECORD_REFUSED,
      reason: /unknown node type "iframe"/,
      metric: 'invalid_record',
    })
    const marked = noteRecord('shape:marked')
    ;(marked.props as { richText: unknown }).richText = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'script' }] }] }],
    }
    await refusedFromStockClient('rich text with an unknown mark', { 'shape:marked': marked }, {
      code: CLOSE_RECORD_REFUSED,
      reason: /unknown mark type/,
      metric: 'invalid_record',
    })
  })

  it('refuses the same attacks in the structure and private documents', async () => {
    const board = await createBoard(server.url)
    const structure = await join(board, board.tokens.facilitator, `${board.id}/structure`)
    const closed = closeOf(structure)
    structure.records.set('shape:s-self', noteRecord('shape:s-self', { parentId: 'shape:s-self' }))
    expect(await closed).toMatchObject({ code: CLOSE_RECORD_REFUSED })
    expect((await storedRecords(`${board.id}/structure`)).has('shape:s-self')).toBe(false)
  })
})

describe('hostile participant: meta is the server’s', () => {
  it('refuses a client that sets an unknown schema sequence; the board keeps its label', async () => {
    const board = await createBoard(server.url)
    const facilitator = await join(board, board.tokens.facilitator)
    const attacker = await join(board)
    const before = await rejections('meta_write')
    const closed = closeOf(attacker)
    const { code, reason } = await duringAttack('meta.schema with an unknown sequence', async () => {
      const meta = attacker.doc.getMap<unknown>(META_MAP)
      const schema = meta.get('schema') as { schemaVersion: 2; sequences: Record<string, number> }
      meta.set('schema', { ...schema, sequences: { ...schema.sequences, 'com.evil.future': 1 } })
      return closed
    })
    expect(code).toBe(CLOSE_RECORD_REFUSED)
    expect(reason).toMatch(/server only/)
    expect(await rejections('meta_write')).toBe(before + 1)
    const meta = (await storedRecords(board.id)).get('#meta') as { schema: { sequences: Record<string, number> } }
    expect(meta.schema.sequences['com.evil.future']).toBeUndefined()
    expect((facilitator.doc.getMap<unknown>(META_MAP).get('schema') as { sequences: object }).sequences).not.toHaveProperty('com.evil.future')
  })

  it('relabels a board that an attack before this check left with an unknown sequence, when it loads', async () => {
    const board = await createBoard(server.url)
    // As an older server stored it: the label with a sequence no record uses.
    const { updates } = await server.storage.loadUpdates(board.id)
    const doc = new Y.Doc()
    for (const update of updates) Y.applyUpdate(doc, update)
    const before = Y.encodeStateVector(doc)
    const meta = doc.getMap<unknown>(META_MAP)
    const schema = meta.get('schema') as { schemaVersion: 2; sequences: Record<string, number> }
    meta.set('schema', { ...schema, sequences: { ...schema.sequences, 'com.evil.future': 1 } })
    await server.storage.appendUpdate(board.id, Y.encodeStateAsUpdate(doc, before))
    const client = await join(board)
    const label = client.doc.getMap<unknown>(META_MAP).get('schema') as { sequences: Record<string, number> }
    expect(label.sequences).not.toHaveProperty('com.evil.future')
    expect(label.sequences).toEqual(schema.sequences)
  })

  it('refuses a title written over sync, and a deletion of the title', async () => {
    const board = await createBoard(server.url, { title: 'Echt bord' })
    const attacker = await join(board)
    const closed = closeOf(attacker)
    attacker.doc.getMap<unknown>(META_MAP).delete('title')
    expect(await closed).toMatchObject({ code: CLOSE_RECORD_REFUSED })
    expect(((await storedRecords(board.id)).get('#meta') as { title: string }).title).toBe('Echt bord')
  })
})

describe('hostile participant: raw frames', () => {
  it('refuses a part of the document no board has (a 1 MB text) without applying it', async () => {
    const board = await createBoard(server.url)
    const other = await join(board)
    const doc = new Y.Doc()
    doc.getText('evil').insert(0, 'x'.repeat(1024 * 1024))
    const update = Y.encodeStateAsUpdate(doc)
    const heapBefore = process.memoryUsage().heapUsed
    const closed = await framesDuringAttack('1 MB text in an unknown part', board.id, board.tokens.participant, [updateMessage(update)])
    expect(closed.code).toBe(CLOSE_BOARD_TOO_LARGE)
    expect(server.registry.loadedRoom(board.id)?.doc.share.has('evil')).toBe(false)
    console.log(`heap after the 1 MB text attack: ${((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20).toFixed(1)} MiB more`)
    await stillSyncs(other, await join(board), 'shape:after-text')
  })

  it('refuses a 3 MB update (1 MB insert + a delete set of every other character) by its budget', async () => {
    const board = await createBoard(server.url)
    const other = await join(board)
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'x'.repeat(1024 * 1024))
    const inserted = Y.encodeStateAsUpdate(doc)
    // Structs as Yjs wrote them, then a delete set of every other character, written by hand.
    const encoder = encoding.createEncoder()
    encoding.writeUint8Array(encoder, inserted.subarray(0, inserted.byteLength - 1))
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarUint(encoder, doc.clientID)
    encoding.writeVarUint(encoder, 512 * 1024)
    for (let i = 0; i < 512 * 1024; i++) {
      encoding.writeVarUint(encoder, i * 2)
      encoding.writeVarUint(encoder, 1)
    }
    const update = encoding.toUint8Array(encoder)
    expect(update.byteLength).toBeGreaterThan(2.5 * 1024 * 1024)
    const before = await rejections('update_budget')
    const closed = await framesDuringAttack('3 MB insert + delete-every-other', board.id, board.tokens.participant, [updateMessage(update)])
    expect(closed).toMatchObject({ code: CLOSE_BOARD_TOO_LARGE, reason: expect.stringMatching(/in one update/) })
    expect(await rejections('update_budget')).toBe(before + 1)
    await stillSyncs(other, await join(board), 'shape:after-3mb')
  })

  it('refuses a delete set of half a million ranges alone', async () => {
    const board = await createBoard(server.url)
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0) // no structs
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarUint(encoder, 12345)
    encoding.writeVarUint(encoder, 500_000)
    for (let i = 0; i < 500_000; i++) {
      encoding.writeVarUint(encoder, i * 2)
      encoding.writeVarUint(encoder, 1)
    }
    const closed = await framesDuringAttack('500k delete ranges', board.id, board.tokens.participant, [updateMessage(encoding.toUint8Array(encoder))])
    expect(closed.code).toBe(CLOSE_BOARD_TOO_LARGE)
  })

  it('closes an update that depends on changes the server does not have with a code the client retries', async () => {
    const board = await createBoard(server.url)
    const raw = await openRaw(board.id, board.tokens.participant)
    const doc = new Y.Doc()
    const records = new YKeyValue<unknown>(doc.getArray<RecordEntry<unknown>>(RECORDS_ARRAY))
    records.set('shape:p1', noteRecord('shape:p1'))
    const first = Y.encodeStateVector(doc)
    records.set('shape:p2', noteRecord('shape:p2'))
    // Only the second change: it builds on the first, which the server never got.
    const closed = await duringAttack('update with missing dependencies', async () => {
      raw.socket.send(updateMessage(Y.encodeStateAsUpdate(doc, first)))
      return raw.closed
    })
    expect(closed.code).toBe(CLOSE_RESYNC)
    expect(closed.code).toBeGreaterThanOrEqual(4500)
    const stored = await storedRecords(board.id)
    expect(stored.has('shape:p2')).toBe(false)
    expect(server.registry.loadedRoom(board.id)?.doc.store.pendingStructs).toBeNull()
  })

  it('refuses a record update built on the server state that points a shape at itself', async () => {
    const board = await createBoard(server.url)
    const other = await join(board)
    other.records.set('shape:honest', noteRecord('shape:honest'))
    await waitFor(() => server.registry.loadedRoom(board.id)?.guard.index.current('shape:honest') !== undefined, 'honest note')
    const raw = await openRaw(board.id, board.tokens.participant)
    const update = updateOnTopOf(board.id, (_doc, records) => records.set('shape:honest', noteRecord('shape:honest', { parentId: 'shape:honest' })))
    raw.socket.send(updateMessage(update))
    expect((await raw.closed).code).toBe(CLOSE_RECORD_REFUSED)
    expect(((await storedRecords(board.id)).get('shape:honest') as { parentId: string }).parentId).toBe(BOARD_PAGE_ID)
    expect((other.records.get('shape:honest') as { parentId: string }).parentId).toBe(BOARD_PAGE_ID)
  })
})

describe('hostile participant: awareness limits', () => {
  function awarenessFrame(states: { id: number; clock: number; state: string }[]): Uint8Array {
    const inner = encoding.createEncoder()
    encoding.writeVarUint(inner, states.length)
    for (const { id, clock, state } of states) {
      encoding.writeVarUint(inner, id)
      encoding.writeVarUint(inner, clock)
      encoding.writeVarString(inner, state)
    }
    return frame(1, (e) => encoding.writeVarUint8Array(e, encoding.toUint8Array(inner)))
  }

  it('closes a viewer sending a 4 MiB awareness state', async () => {
    const board = await createBoard(server.url)
    const watcher = await join(board, board.tokens.viewer)
    const before = await rejections('awareness_too_large')
    const huge = awarenessFrame([{ id: 777, clock: 1, state: JSON.stringify({ blob: 'x'.repeat(4 * 1024 * 1024 - 64) }) }])
    const closed = await framesDuringAttack('4 MiB awareness state', board.id, board.tokens.viewer, [huge])
    expect(closed).toMatchObject({ code: CLOSE_BOARD_TOO_LARGE, reason: expect.stringMatching(/awareness state larger/) })
    expect(await rejections('awareness_too_large')).toBe(before + 1)
    expect(watcher.provider.awareness.getStates().has(777)).toBe(false)
  })

  it('closes a connection that speaks for many client ids', async () => {
    const board = await createBoard(server.url)
    const watcher = await join(board, board.tokens.viewer)
    const frames = Array.from({ length: 50 }, (_, i) => awarenessFrame([{ id: 1000 + i, clock: 1, state: '{"user":{"name":"x"}}' }]))
    const closed = await framesDuringAttack('many awareness client ids', board.id, board.tokens.viewer, frames)
    expect(closed).toMatchObject({ code: CLOSE_AWARENESS_REFUSED, reason: expect.stringMatching(/client ids/) })
    // Whatever the server relayed before it closed the attacker has reached the watcher.
    await roundTrip(watcher)
    const foreign = [...watcher.provider.awareness.getStates().keys()].filter((id) => id >= 1000 && id < 1050)
    expect(foreign.length).toBeLessThanOrEqual(4)
  })
})

describe('limits a stock client survives', () => {
  it('paces a burst of 1,000 updates from one stock client instead of closing it; everyone converges', async () => {
    const board = await createBoard(server.url)
    const reader = await join(board)
    const burst = burstFromOtherProcess(server.wsUrl, board.id, board.tokens.participant, 1000)
    await burst.ready
    const outcome = await duringAttack('honest burst of 1,000 updates', async () => {
      burst.go()
      const result = await burst.result
      await waitFor(() => reader.records.map.size >= 1002, '1,000 updates to arrive', 60_000)
      return result
    })
    console.log(`a stock client's burst of 1,000 updates reached another client after ${(outcome.ms / 1000).toFixed(1)} s`)
    expect(outcome.closes).toBe(0)
    const late = await join(board)
    await waitFor(() => converged([reader, late]), 'convergence')
    expect((await storedRecords(board.id)).size).toBe(1000 + 2 + 1)
  })

  it('two stock clients each writing ~300 updates in a burst both converge', async () => {
    const board = await createBoard(server.url)
    const a = connectClient(server.wsUrl, board.id, board.tokens.participant)
    const b = connectClient(server.wsUrl, board.id, board.tokens.participant)
    clients.push(a, b)
    await waitFor(() => a.provider.synced && b.provider.synced, 'both synced')
    let closes = 0
    for (const client of [a, b]) client.provider.on('connection-close', () => closes++)
    for (let i = 0; i < 300; i++) {
      a.records.set(`shape:a-${i}`, noteRecord(`shape:a-${i}`))
      b.records.set(`shape:b-${i}`, noteRecord(`shape:b-${i}`))
    }
    await waitFor(() => a.records.map.size === 602 && b.records.map.size === 602, 'both bursts everywhere', 60_000)
    await waitFor(() => converged([a, b]), 'convergence')
    expect(closes).toBe(0)
  })
})

describe('hostile participant: import applies the same rules', () => {
  async function importWith(extra: Record<string, unknown>[]): Promise<{ status: number; message: string }> {
    const board = await createBoard(server.url)
    const exported = await (
      await fetch(`${server.url}/api/boards/${board.id}/export.json`, { headers: { authorization: `Bearer ${board.tokens.viewer}` } })
    ).json() as { records: unknown[] }
    const file = { ...exported, records: [...exported.records, ...extra] }
    const response = await fetch(`${server.url}/api/boards/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(file),
    })
    const body = (await response.json()) as { message?: string }
    return { status: response.status, message: body.message ?? '' }
  }

  it('refuses a file with a parent loop, a self-parent or rich text with an iframe', async () => {
    const loop = await importWith([noteRecord('shape:a', { parentId: 'shape:b' }), noteRecord('shape:b', { parentId: 'shape:a' })])
    expect(loop).toMatchObject({ status: 400, message: expect.stringMatching(/loop/) })
    const self = await importWith([noteRecord('shape:s', { parentId: 'shape:s' })])
    expect(self).toMatchObject({ status: 400, message: expect.stringMatching(/own parent|loop/) })
    const iframe = noteRecord('shape:i')
    ;(iframe.props as { richText: unknown }).richText = { type: 'doc', content: [{ type: 'iframe' }] }
    expect(await importWith([iframe])).toMatchObject({ status: 400, message: expect.stringMatching(/unknown node type "iframe"/) })
    // And an honest file still imports.
    expect((await importWith([noteRecord('shape:ok', { text: 'goed' })])).status).toBe(201)
  })
})

describe('hostile participant: a board has a memory budget', () => {
  it('closes a writer whose many small, valid updates would take the board past its memory budget; readers keep the board', async () => {
    const small = await startTestServer({ maxBoardMemoryBytes: 8 * 1024 * 1024 })
    const opened: TestClient[] = []
    const joinSmall = async (board: BoardLinks) => {
      const client = await connectSynced(small.wsUrl, board.id, board.tokens.participant)
      opened.push(client)
      return client
    }
    try {
      const board = await createBoard(small.url)
      const bystander = await joinSmall(board)
      const attacker = await joinSmall(board)
      const closed = closeOf(attacker)
      let closedWith: { code: number; reason: string } | null = null
      void closed.then((how) => (closedWith = how))
      // Each round: 300 valid notes in one item, then every other one deleted (300 splits). Every
      // update is far inside the per-update budget; together they are not.
      const array = attacker.doc.getArray<RecordEntry<unknown>>(RECORDS_ARRAY)
      let sent = 0
      for (let round = 0; round < 60 && !closedWith; round++) {
        const notes = Array.from({ length: 300 }, (_, i) => noteRecord(`shape:m${round}-${i}`, { text: `notitie ${round}-${i} ${'tekst '.repeat(20)}` }))
        attacker.doc.transact(() => array.push(notes.map((note, i) => ({ key: `shape:m${round}-${i}`, val: note }))))
        attacker.doc.transact(() => {
          for (let i = array.length - 300; i < array.length; i++) array.delete(i, 1)
        })
        sent += 300
        await waitFor(() => closedWith !== null || bystander.records.get(`shape:m${round}-1`) !== undefined, `round ${round} to arrive or be refused`)
      }
      expect(closedWith).toMatchObject({ code: CLOSE_BOARD_TOO_LARGE, reason: expect.stringMatching(/memory limit/) })
      const text = await (await fetch(`${small.url}/metrics`)).text()
      expect(text).toMatch(/regiebord_rejections_total\{reason="board_memory"\} 1\b/)
      // The bystander was not closed and a newcomer loads the board as far as it was accepted.
      expect(bystander.provider.wsconnected).toBe(true)
      const newcomer = await joinSmall(board)
      const kept = [...newcomer.records.map.keys()].filter((key) => key.startsWith('shape:m')).length
      expect(kept).toBeGreaterThan(0)
      expect(kept).toBeLessThan(sent)
      await waitFor(() => newcomer.records.map.size === bystander.records.map.size, 'the newcomer to hold what the bystander holds')
    } finally {
      for (const client of opened) client.destroy()
      await small.close()
    }
  }, 120_000)
})
