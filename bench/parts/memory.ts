/**
 * Part 3, memory per board: what N idle boards of a typical size cost the server once loaded
 * (every client gone again), per board, and what is left after Regiebord has unloaded them.
 *
 * Every reading follows a full garbage collection, asked for over the inspector (the servers run
 * with --inspect on loopback), so it shows what is live and not when V8 last collected. Two
 * figures: RSS, what the machine pays, and V8 heap + external memory, what the boards' objects
 * take (RSS also holds freed pages that V8 and malloc keep for reuse).
 *
 * Regiebord: a first server process creates and fills the boards and is stopped (so they are
 * stored compacted, as after a working day); a second one, with a short
 * BOARD_IDLE_UNLOAD_SECONDS, is measured before any board is loaded, after each has been opened
 * by one client that then left, and once they have been unloaded.
 * Reference: without persistence a client brings the content, and the document stays in memory
 * after it leaves (it never unloads then), so only the loaded figure exists.
 *
 * Runs alternate between the servers (Regiebord first on even runs); medians are reported with
 * the load average of each run. The boards are filled once and loaded afresh in every run.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { BoardClient } from '../lib/board-client.ts'
import { boardState } from '../lib/board-content.ts'
import { INSPECT_ARGS, Inspector } from '../lib/inspector.ts'
import { median } from '../lib/process-stats.ts'
import { startReference, startRegiebord, type ServerUnderTest } from '../lib/servers.ts'
import { alternating } from './fanout.ts'
import { fixed, formatTable, ratio } from '../lib/table.ts'

export interface MemoryOptions {
  boards: number
  shapes: number
  /** BOARD_IDLE_UNLOAD_SECONDS of the measured Regiebord server. */
  idleSeconds: number
  repeats: number
}

export interface MemoryReading {
  rssMiB: number
  /** V8 heap used plus memory held outside it (ArrayBuffers, native). */
  heapMiB: number
}

export interface MemoryFigures {
  before: MemoryReading
  loaded: MemoryReading
  unloaded: MemoryReading | null
  perBoardRssKiB: number
  perBoardHeapKiB: number
  perBoardRssAfterUnloadKiB: number | null
  perBoardHeapAfterUnloadKiB: number | null
  loadSeconds: number
  /** 1-minute load average of the machine when the loaded reading was taken. */
  loadAverage: number
}

export interface MemoryResult {
  options: MemoryOptions
  boardStateBytes: number
  regiebord: MemoryFigures[]
  reference: MemoryFigures[]
}

const MOVES_PER_SHAPE = 5
const OPEN_CONCURRENCY = 20
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** RSS and heap+external right after a full garbage collection (two, half a second apart). */
export async function gcReading(inspector: Inspector): Promise<MemoryReading> {
  await inspector.fullGc()
  await sleep(500)
  await inspector.fullGc()
  const usage = await inspector.memoryUsage()
  return { rssMiB: usage.rss / 2 ** 20, heapMiB: (usage.heapUsed + usage.external) / 2 ** 20 }
}

async function forEachConcurrently<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await work(items[next++]!)
  }
  await Promise.all(Array.from({ length: OPEN_CONCURRENCY }, worker))
}

/** Opens every board with one client, optionally sends it the content, and leaves again. */
async function visit(urls: readonly string[], content: Uint8Array | null): Promise<number> {
  const started = performance.now()
  await forEachConcurrently(urls, async (url) => {
    const { client } = await BoardClient.open(url)
    if (content) {
      client.sendUpdates([content])
      await client.confirm()
    }
    client.close()
  })
  return (performance.now() - started) / 1000
}

function perBoardKiB(from: MemoryReading, to: MemoryReading, boards: number): { rss: number; heap: number } {
  return { rss: ((to.rssMiB - from.rssMiB) * 1024) / boards, heap: ((to.heapMiB - from.heapMiB) * 1024) / boards }
}

interface FilledBoards {
  dataDir: string
  boards: Array<{ id: string; token: string }>
}

/** A first server process creates and fills the boards, and is stopped: they are stored compacted. */
async function fillBoards(options: MemoryOptions, content: Uint8Array): Promise<FilledBoards> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'regiebord-bench-memory-'))
  const filler = await startRegiebord({ dataDir })
  const boards: Array<{ id: string; token: string }> = []
  for (let b = 0; b < options.boards; b++) boards.push(await filler.createBoard())
  await visit(boards.map(({ id, token }) => `${filler.wsUrl}/${id}?token=${token}`), content)
  await filler.stop()
  return { dataDir, boards }
}

async function measureRegiebord(options: MemoryOptions, { dataDir, boards }: FilledBoards): Promise<MemoryFigures> {
  const urlsOn = (wsUrl: string) => boards.map(({ id, token }) => `${wsUrl}/${id}?token=${token}`)
  {
    const server = await startRegiebord({ dataDir, nodeArgs: INSPECT_ARGS, env: { BOARD_IDLE_UNLOAD_SECONDS: String(options.idleSeconds) } })
    const inspector = await Inspector.attach(server.output)
    try {
      const before = await gcReading(inspector)
      const loadSeconds = await visit(urlsOn(server.wsUrl), null)
      if (loadSeconds > options.idleSeconds / 2) throw new Error(`loading took ${loadSeconds} s, too close to the idle unload`)
      const loaded = await gcReading(inspector)
      const loadAverage = os.loadavg()[0]!
      await sleep(options.idleSeconds * 1000 + 5000)
      const unloaded = await gcReading(inspector)
      const whileLoaded = perBoardKiB(before, loaded, options.boards)
      const afterUnload = perBoardKiB(before, unloaded, options.boards)
      return {
        before,
        loaded,
        unloaded,
        perBoardRssKiB: whileLoaded.rss,
        perBoardHeapKiB: whileLoaded.heap,
        perBoardRssAfterUnloadKiB: afterUnload.rss,
        perBoardHeapAfterUnloadKiB: afterUnload.heap,
        loadSeconds,
        loadAverage,
      }
    } finally {
      inspector.close()
      await server.stop()
    }
  }
}

async function measureReference(options: MemoryOptions, content: Uint8Array): Promise<MemoryFigures> {
  const server: ServerUnderTest = await startReference(INSPECT_ARGS)
  const inspector = await Inspector.attach(server.output)
  try {
    const before = await gcReading(inspector)
    const loadSeconds = await visit((await server.boardUrls(options.boards, 1)).map(([url]) => url!), content)
    const loaded = await gcReading(inspector)
    const loadAverage = os.loadavg()[0]!
    const whileLoaded = perBoardKiB(before, loaded, options.boards)
    return {
      before,
      loaded,
      unloaded: null,
      perBoardRssKiB: whileLoaded.rss,
      perBoardHeapKiB: whileLoaded.heap,
      perBoardRssAfterUnloadKiB: null,
      perBoardHeapAfterUnloadKiB: null,
      loadSeconds,
      loadAverage,
    }
  } finally {
    inspector.close()
    await server.stop()
  }
}

export async function runMemory(options: MemoryOptions, progress: (line: string) => void): Promise<MemoryResult> {
  const content = boardState(options.shapes, MOVES_PER_SHAPE)
  const filled = await fillBoards(options, content)
  const result: MemoryResult = { options, boardStateBytes: content.byteLength, regiebord: [], reference: [] }
  try {
    for (let r = 0; r < options.repeats; r++) {
      for (const name of alternating(r)) {
        const figures = name === 'regiebord' ? await measureRegiebord(options, filled) : await measureReference(options, content)
        result[name].push(figures)
        progress(
          `  run ${r + 1}/${options.repeats} ${name.padEnd(9)} ${fixed(figures.perBoardRssKiB)} KiB RSS, ` +
            `${fixed(figures.perBoardHeapKiB)} KiB heap+external per loaded board; load average ${figures.loadAverage.toFixed(2)}`,
        )
      }
    }
  } finally {
    fs.rmSync(filled.dataDir, { recursive: true, force: true })
  }
  return result
}

/** The median of each figure over the runs (readings figure by figure). */
function medianFigures(runs: readonly MemoryFigures[]): MemoryFigures {
  const m = (pick: (f: MemoryFigures) => number | null | undefined) => {
    const values = runs.map(pick).filter((v): v is number => typeof v === 'number')
    return values.length > 0 ? median(values) : null
  }
  const readingOf = (pick: (f: MemoryFigures) => MemoryReading | null): MemoryReading | null => {
    const rss = m((f) => pick(f)?.rssMiB)
    const heap = m((f) => pick(f)?.heapMiB)
    return rss === null || heap === null ? null : { rssMiB: rss, heapMiB: heap }
  }
  return {
    before: readingOf((f) => f.before)!,
    loaded: readingOf((f) => f.loaded)!,
    unloaded: readingOf((f) => f.unloaded),
    perBoardRssKiB: m((f) => f.perBoardRssKiB)!,
    perBoardHeapKiB: m((f) => f.perBoardHeapKiB)!,
    perBoardRssAfterUnloadKiB: m((f) => f.perBoardRssAfterUnloadKiB),
    perBoardHeapAfterUnloadKiB: m((f) => f.perBoardHeapAfterUnloadKiB),
    loadSeconds: m((f) => f.loadSeconds)!,
    loadAverage: m((f) => f.loadAverage)!,
  }
}

export function memoryTable(result: MemoryResult): string {
  const { options: o } = result
  const ours = medianFigures(result.regiebord)
  const ref = medianFigures(result.reference)
  const loads = (runs: readonly MemoryFigures[]) => runs.map((f) => f.loadAverage.toFixed(1)).join(', ')
  const both = (r: MemoryReading | null) => (r ? `${fixed(r.rssMiB)} / ${fixed(r.heapMiB)}` : 'never unloads')
  return [
    `Memory: ${o.boards} idle boards of ${o.shapes} shapes (${(result.boardStateBytes / 1024).toFixed(0)} KiB of Yjs state each), ` +
      `each opened by one client that then left; readings after a full GC; median of ${o.repeats} alternating runs`,
    formatTable(
      ['', 'Regiebord', 'reference', 'ours/ref', 'target'],
      [
        ['RSS / heap+external before (MiB)', both(ours.before), both(ref.before), '', ''],
        ['RSS / heap+external, boards loaded (MiB)', both(ours.loaded), both(ref.loaded), '', ''],
        ['RSS per loaded idle board (KiB)', fixed(ours.perBoardRssKiB), fixed(ref.perBoardRssKiB), ratio(ours.perBoardRssKiB, ref.perBoardRssKiB), '≤ 120 KiB'],
        ['heap+external per loaded idle board (KiB)', fixed(ours.perBoardHeapKiB), fixed(ref.perBoardHeapKiB), ratio(ours.perBoardHeapKiB, ref.perBoardHeapKiB), ''],
        [`RSS / heap+external after unload, ${o.idleSeconds} s idle (MiB)`, both(ours.unloaded), 'never unloads', '', ''],
        ['  still held per board, RSS / heap (KiB)', `${fixed(ours.perBoardRssAfterUnloadKiB)} / ${fixed(ours.perBoardHeapAfterUnloadKiB)}`, '–', '', ''],
      ],
    ),
    `load average (1 min) at each run: Regiebord ${loads(result.regiebord)}; reference ${loads(result.reference)}`,
  ].join('\n')
}
