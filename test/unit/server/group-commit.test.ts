import { describe, expect, it } from 'vitest'
import { GroupCommit } from '../../../server/storage/group-commit.ts'

describe('GroupCommit', () => {
  it('commits the items added in one turn together, and resolves each only after the commit', async () => {
    const commits: number[][] = []
    const group = new GroupCommit<number>((items) => commits.push([...items]))
    let resolved = 0
    const appends = [1, 2, 3].map((n) => group.add(n).then(() => resolved++))
    expect(resolved).toBe(0)
    expect(commits).toEqual([])
    await Promise.all(appends)
    expect(commits).toEqual([[1, 2, 3]])
    await group.add(4)
    expect(commits).toEqual([[1, 2, 3], [4]])
  })

  it('fails only the item that cannot be committed when a batch fails', async () => {
    const committed: number[] = []
    const group = new GroupCommit<number>((items) => {
      if (items.includes(2)) throw new Error('bad row')
      committed.push(...items)
    })
    const results = await Promise.allSettled([group.add(1), group.add(2), group.add(3)])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(committed).toEqual([1, 3])
  })

  it('flush commits what is waiting at once', async () => {
    const commits: number[][] = []
    const group = new GroupCommit<number>((items) => commits.push([...items]))
    const append = group.add(7)
    group.flush()
    expect(commits).toEqual([[7]])
    await append
  })

  it('with a spacing, commits at most once per spacing and never resolves an append before its commit', async () => {
    const commits: Array<{ items: number[]; at: number }> = []
    const group = new GroupCommit<number>((items) => commits.push({ items: [...items], at: performance.now() }), 20)
    // No commit before: the first one goes in this turn's check phase.
    await group.add(1)
    expect(commits.map((c) => c.items)).toEqual([[1]])
    // Appends within the spacing wait for the next commit, together.
    const resolved: number[] = []
    const appends = [2, 3, 4].map((n) => group.add(n).then(() => resolved.push(n)))
    await new Promise((resolve) => setImmediate(resolve))
    expect(commits.length).toBe(1)
    expect(resolved).toEqual([])
    await Promise.all(appends)
    expect(commits.map((c) => c.items)).toEqual([[1], [2, 3, 4]])
    // Node's timers count whole milliseconds from the event loop's cached clock, so a 20 ms timer
    // can fire up to ~2 ms early by performance.now() (seen on a loaded machine).
    expect(commits[1]!.at - commits[0]!.at).toBeGreaterThanOrEqual(18)
    // flush (before closing) does not wait for the spacing.
    const last = group.add(5)
    group.flush()
    expect(commits.map((c) => c.items)).toEqual([[1], [2, 3, 4], [5]])
    await last
  })
})
