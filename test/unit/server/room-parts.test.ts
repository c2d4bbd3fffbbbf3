/**
 * The parts of a room that are not "apply → store → relay": the board-size budget and the
 * one-at-a-time catch-up runner (server/rooms/size-budget.ts, serial-run.ts).
 */
import { describe, expect, it } from 'vitest'
import { SerialRun } from '../../../server/rooms/serial-run.ts'
import { SizeBudget } from '../../../server/rooms/size-budget.ts'

describe('size budget', () => {
  it('counts bytes being written toward the limit before they are committed', () => {
    const budget = new SizeBudget(100)
    budget.loaded(60)
    expect(budget.wouldExceed(40)).toBe(false)
    budget.writing(30)
    expect(budget.wouldExceed(20)).toBe(true)
    budget.written(30)
    budget.stored(30)
    expect(budget.wouldExceed(10)).toBe(false)
    expect(budget.wouldExceed(11)).toBe(true)
  })

  it('is compacted only when nothing was stored while compacting, and grows by what was', () => {
    const budget = new SizeBudget(100)
    budget.loaded(90)
    budget.compactionStarted()
    budget.compactionEnded(20)
    expect(budget.isCompacted).toBe(true)
    expect(budget.wouldExceed(80)).toBe(false)
    budget.compactionStarted()
    budget.stored(15)
    budget.compactionEnded(20)
    expect(budget.isCompacted).toBe(false)
    expect(budget.wouldExceed(66)).toBe(true)
  })
})

describe('serial run', () => {
  it('runs one at a time, and once more for any number of requests made during a run', async () => {
    let runs = 0
    let active = 0
    let release: () => void = () => undefined
    const run = new SerialRun(async () => {
      active++
      expect(active).toBe(1)
      runs++
      if (runs === 1) await new Promise<void>((resolve) => (release = resolve))
      active--
    })
    const first = run.request()
    const second = run.request()
    const third = run.request()
    release()
    await Promise.all([first, second, third])
    expect(runs).toBe(2)
    await run.request()
    expect(runs).toBe(3)
  })
})
