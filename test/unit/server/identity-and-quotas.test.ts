import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { INITIAL_CONTROL, type ControlState, type IdentityEntry } from '../../../shared/session/control-doc.ts'
import { matchesContentType } from '../../../server/boards/asset-signature.ts'
import { KeyedRateLimit } from '../../../server/limits/keyed-rate-limit.ts'
import { gateIdentity, presentedIdentity } from '../../../server/session/identity-check.ts'
import { ownerKeyOf } from '../../../shared/session/owner-key.ts'
import { anonymousMayWrite, mayWrite } from '../../../shared/session/permissions.ts'
import { stampAwareness } from '../../../server/sync/awareness-stamp.ts'
import { ProtocolError } from '../../../server/sync/protocol.ts'

const SECRET = 'a'.repeat(43)
const ID = await ownerKeyOf(SECRET)
const entry = (over: Partial<IdentityEntry> = {}): IdentityEntry => ({ name: 'Anna', role: 'participant', issuedAt: 1, generation: 0, status: 'admitted', ...over })
const withRoster = (over: Partial<ControlState> = {}, identity: Partial<IdentityEntry> = {}): ControlState => ({ ...INITIAL_CONTROL, identities: { [ID]: entry(identity) }, ...over })
const main = { boardId: 'b', channel: 'main' } as const

describe('identities the server issued', () => {
  it('knows only identities in the roster, of the same link and generation', async () => {
    expect(await presentedIdentity(undefined, 'participant', withRoster())).toEqual({ kind: 'none' })
    expect(await presentedIdentity(SECRET, 'participant', withRoster())).toEqual({ kind: 'known', participantId: ID, status: 'admitted' })
    expect(await presentedIdentity('b'.repeat(43), 'participant', withRoster())).toEqual({ kind: 'unknown' })
    expect(await presentedIdentity('short', 'participant', withRoster())).toEqual({ kind: 'unknown' })
    expect(await presentedIdentity(SECRET, 'viewer', withRoster())).toEqual({ kind: 'unknown' })
    // A rotation after issuing ends it.
    expect(await presentedIdentity(SECRET, 'participant', withRoster({ rotated: { participant: 5 } }))).toEqual({ kind: 'unknown' })
    // Names like toString are not in the roster.
    expect(await presentedIdentity(SECRET, 'participant', { ...INITIAL_CONTROL, identities: {} })).toEqual({ kind: 'unknown' })
  })

  it('gates the waiting room: facilitators pass, others need an identity that was let in', async () => {
    const lobby = withRoster({ lobby: true }, { status: 'waiting' })
    expect(gateIdentity({ kind: 'none' }, 'facilitator', lobby)).toEqual({ ok: true, participantId: null })
    expect(gateIdentity({ kind: 'none' }, 'viewer', lobby)).toMatchObject({ ok: false, status: 401, code: 'identity_required' })
    expect(gateIdentity(await presentedIdentity(SECRET, 'participant', lobby), 'participant', lobby)).toMatchObject({ ok: false, code: 'waiting_for_admission' })
    const refused = withRoster({}, { status: 'refused' })
    expect(gateIdentity(await presentedIdentity(SECRET, 'participant', refused), 'participant', refused)).toMatchObject({ ok: false, code: 'turned_away' })
    expect(gateIdentity({ kind: 'unknown' }, 'participant', INITIAL_CONTROL)).toMatchObject({ ok: false, code: 'identity_invalid' })
  })

  it('lets an anonymous participant write only while nobody is restricted', () => {
    expect(mayWrite(main, 'participant', null, INITIAL_CONTROL)).toBe(true)
    expect(anonymousMayWrite({ ...INITIAL_CONTROL, viewOnly: { [ID]: true } })).toBe(false)
    expect(mayWrite(main, 'participant', null, { ...INITIAL_CONTROL, lobby: true })).toBe(false)
    expect(mayWrite(main, 'participant', ID, withRoster({ viewOnly: { [ID]: true } }))).toBe(false)
    expect(mayWrite(main, 'participant', ID, withRoster({}, { status: 'refused' }))).toBe(false)
    expect(mayWrite(main, 'participant', ID, withRoster())).toBe(true)
    expect(mayWrite(main, 'viewer', ID, withRoster())).toBe(false)
  })
})

describe('awareness stamping', () => {
  it('overwrites the session field with the real role and identity, and keeps the rest', () => {
    const source = new Awareness(new Y.Doc())
    source.setLocalState({ user: { name: 'Fatima' }, session: { role: 'facilitator', ownerKey: 'stolen' } })
    const stamped = stampAwareness(encodeAwarenessUpdate(source, [source.clientID]), { role: 'viewer', participantId: null })
    const target = new Awareness(new Y.Doc())
    applyAwarenessUpdate(target, stamped, null)
    expect(target.getStates().get(source.clientID)).toEqual({ user: { name: 'Fatima' }, session: { role: 'viewer', ownerKey: null } })
    source.destroy()
    target.destroy()
  })

  it('refuses what is not an awareness update', () => {
    expect(() => stampAwareness(new Uint8Array([1, 5, 3, 255]), { role: 'viewer', participantId: null })).toThrow(ProtocolError)
  })
})

describe('upload signatures', () => {
  const bytes = (...values: (number | string)[]) => Uint8Array.from(values.flatMap((v) => (typeof v === 'string' ? [...v].map((c) => c.charCodeAt(0)) : [v])))
  it('accepts each type by its first bytes and refuses a mismatch', () => {
    expect(matchesContentType('image/png', bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe(true)
    expect(matchesContentType('image/jpeg', bytes(0xff, 0xd8, 0xff, 0xe0))).toBe(true)
    expect(matchesContentType('image/gif', bytes('GIF89a'))).toBe(true)
    expect(matchesContentType('image/webp', bytes('RIFF', 0, 0, 0, 0, 'WEBP'))).toBe(true)
    expect(matchesContentType('image/avif', bytes(0, 0, 0, 0x1c, 'ftypavif', 0, 0, 0, 0, 'mif1'))).toBe(true)
    expect(matchesContentType('video/mp4', bytes(0, 0, 0, 0x18, 'ftypisom', 0, 0, 2, 0))).toBe(true)
    expect(matchesContentType('video/mp4', bytes(0, 0, 0, 0x18, 'ftypavif', 0, 0, 0, 0))).toBe(false)
    expect(matchesContentType('video/webm', bytes(0x1a, 0x45, 0xdf, 0xa3, 1))).toBe(true)
    expect(matchesContentType('image/png', bytes('<html>'))).toBe(false)
    expect(matchesContentType('image/gif', bytes(0xff, 0xd8, 0xff))).toBe(false)
    expect(matchesContentType('image/svg+xml', bytes('<svg'))).toBe(false)
  })
})

describe('keyed rate limit', () => {
  it('allows the limit at once per key, then refills evenly over the window', () => {
    let now = 0
    const limit = new KeyedRateLimit(3, 60_000, () => now)
    expect([1, 2, 3, 4].map(() => limit.take('a'))).toEqual([true, true, true, false])
    expect(limit.take('b')).toBe(true)
    expect(limit.retryAfterSeconds('a')).toBe(20)
    now = 20_000
    expect(limit.take('a')).toBe(true)
    expect(limit.take('a')).toBe(false)
  })
})
