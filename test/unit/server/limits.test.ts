import { describe, expect, it } from 'vitest'
import { ConnectionAdmission } from '../../../server/limits/connection-admission.ts'
import { TokenBucket } from '../../../server/limits/token-bucket.ts'

describe('token bucket', () => {
  it('lets a burst through, then refills at the rate', () => {
    let now = 0
    const bucket = new TokenBucket(10, 20, () => now)
    for (let i = 0; i < 20; i++) expect(bucket.take()).toBe(true)
    expect(bucket.take()).toBe(false)
    now += 500 // half a second: five tokens
    for (let i = 0; i < 5; i++) expect(bucket.take()).toBe(true)
    expect(bucket.take()).toBe(false)
  })

  it('never holds more than the burst', () => {
    let now = 0
    const bucket = new TokenBucket(10, 20, () => now)
    now += 60_000
    let taken = 0
    while (bucket.take()) taken++
    expect(taken).toBe(20)
  })
})

describe('connection admission', () => {
  it('refuses the connection past the per-address limit with 429, and admits again after a release', () => {
    const admission = new ConnectionAdmission({ maxConnectionsPerIp: 2, maxConnectionsPerBoard: 100 })
    const first = admission.admit('10.0.0.1', 'board1')
    expect(admission.admit('10.0.0.1', 'board2').ok).toBe(true)
    expect(admission.admit('10.0.0.1', 'board3')).toMatchObject({ ok: false, status: 429, reason: 'connections_per_ip' })
    expect(admission.admit('10.0.0.2', 'board3').ok).toBe(true)
    if (!first.ok) throw new Error('first connection refused')
    first.release()
    first.release() // a second release changes nothing
    expect(admission.admit('10.0.0.1', 'board3').ok).toBe(true)
    expect(admission.admit('10.0.0.1', 'board3').ok).toBe(false)
  })

  it('refuses the connection past the per-board limit with 503', () => {
    const admission = new ConnectionAdmission({ maxConnectionsPerIp: 100, maxConnectionsPerBoard: 1 })
    expect(admission.admit('10.0.0.1', 'board1').ok).toBe(true)
    expect(admission.admit('10.0.0.2', 'board1')).toMatchObject({ ok: false, status: 503, reason: 'connections_per_board' })
    expect(admission.admit('10.0.0.2', 'board2').ok).toBe(true)
  })
})
