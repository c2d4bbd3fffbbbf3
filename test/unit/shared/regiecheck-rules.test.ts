/**
 * Issue 16: the rules the seeds teach, each with a case that triggers it and one that does not,
 * their severities, their seed citations, and what each template raises (as its file header says).
 */
import { describe, expect, it } from 'vitest'
import type { TLDocument, TLRecord } from '@tldraw/tlschema'
import { boardDismissals, dismissalsFromMeta, metaWithDismissal, splitDismissed } from '../../../shared/board/regiecheck-dismissals.ts'
import type { RegieChecklist, RegieModel } from '../../../shared/regie/model.ts'
import { REGIE_RULES, regiecheck, type RegieRuleId } from '../../../shared/regie/regiecheck.ts'
import { SEEDS } from '../../../shared/templates/seeds.ts'
import { TEMPLATE_IDS, templateModel, type TemplateId } from '../../../shared/templates/index.ts'
import { actor, model, relation } from './model-fixtures.ts'

const findingsOf = (m: RegieModel, rule: RegieRuleId) => regiecheck(m).filter((f) => f.ruleId === rule)

describe('every regiecheck rule', () => {
  it.each(REGIE_RULES.map((rule) => [rule.id, rule] as const))('%s cites its seed file and slide, in Dutch and English', (_, rule) => {
    expect(Object.keys(SEEDS)).toContain(rule.source.seed)
    expect(rule.source.slides.length).toBeGreaterThan(0)
    expect(rule.explanation.nl).toMatch(new RegExp(`${rule.source.seed} dia ${rule.source.slides[0]}`))
    expect(rule.explanation.en).toMatch(new RegExp(`${rule.source.seed} slides? ${rule.source.slides[0]}`))
  })

  it('is a fout only where a seed says something must be there, and let op where a board may choose otherwise', () => {
    const bySeverity = (severity: string) => REGIE_RULES.filter((rule) => rule.severity === severity).map((rule) => rule.id)
    expect(bySeverity('error')).toEqual(['uitbesteding-zonder-opdrachtgever', 'gezamenlijk-orgaan-zonder-verantwoording', 'regieprestaties-onvolledig'])
    expect(bySeverity('info')).toEqual(['actor-zonder-relaties'])
  })
})

describe('valkuil b: bestuurlijke drukte (002 dia 15)', () => {
  const bodies = [actor('a', 'regionaal-orgaan'), actor('b', 'regionaal-orgaan'), actor('c', 'regionaal-orgaan')]

  it('is reported for a chain of three joint bodies', () => {
    const m = model({ actors: bodies, relations: [relation('ab', 'advies', 'a', 'b'), relation('bc', 'verantwoording', 'b', 'c')] })
    expect(findingsOf(m, 'bestuurlijke-drukte')).toEqual([expect.objectContaining({ severity: 'warning', actorIds: expect.arrayContaining(['a', 'b', 'c']) })])
  })

  it('is not reported for the AB, DB and GR of one arrangement, in one organisation frame', () => {
    const groups = [{ id: 'gr', kind: 'organisation' as const, title: 'GR' }]
    const m = model({ actors: bodies.map((b) => ({ ...b, group: 'gr' })), relations: [relation('ab', 'aansturing', 'a', 'b'), relation('bc', 'aansturing', 'b', 'c')], groups })
    expect(findingsOf(m, 'bestuurlijke-drukte')).toEqual([])
  })

  it('is reported for a gemeente in four joint arrangements at once, not in three', () => {
    const four = [1, 2, 3, 4].map((n) => actor(`gr${n}`, 'uitvoeringsorganisatie'))
    const m = (count: number) => model({ actors: [actor('g', 'gemeente'), ...four.slice(0, count)], relations: four.slice(0, count).map((gr) => relation(`d-${gr.id}`, 'deelname', 'g', gr.id)) })
    expect(findingsOf(m(4), 'bestuurlijke-drukte')).toHaveLength(1)
    expect(findingsOf(m(3), 'bestuurlijke-drukte')).toEqual([])
  })
})

describe('valkuil d: no evaluation or exit (002 dia 15)', () => {
  const actors = [actor('g', 'gemeente'), actor('gr', 'uitvoeringsorganisatie')]

  it('is reported when nothing says when a joint arrangement is evaluated or left', () => {
    const m = model({ actors, relations: [relation('d', 'deelname', 'g', 'gr')] })
    expect(findingsOf(m, 'geen-evaluatie-of-uittreding')).toEqual([expect.objectContaining({ severity: 'warning', actorIds: ['gr'] })])
  })

  it('is not reported when the card or a line says it, or valkuil d is answered', () => {
    const onCard = model({ actors: [actors[0]!, actor('gr', 'uitvoeringsorganisatie', { attributes: { toelichting: 'Evaluatie in 2026; uittreden met twee jaar opzegtermijn' } })], relations: [relation('d', 'deelname', 'g', 'gr')] })
    expect(findingsOf(onCard, 'geen-evaluatie-of-uittreding')).toEqual([])
    const answered: RegieChecklist = { type: 'checklist', id: 'v', purpose: 'valkuilen', title: 'Valkuilen', items: [{ id: 'vd', ref: 'd', text: 'd', response: 'Na vier jaar evalueren' }] }
    expect(findingsOf(model({ actors, relations: [relation('d', 'deelname', 'g', 'gr')], blocks: [answered] }), 'geen-evaluatie-of-uittreding')).toEqual([])
  })
})

describe('valkuil f: uitbesteding without the gemeente\u2019s own opdrachtgever (002 dia 15)', () => {
  const actors = [actor('g', 'gemeente', { group: 'G' }), actor('rt', 'regieteam', { group: 'G' }), actor('ander', 'ambtelijk-overleg'), actor('dienst', 'uitvoeringsorganisatie')]
  const groups = [{ id: 'G', kind: 'organisation' as const, title: 'Gemeente' }]

  it('is reported when only someone else commissions the contractor', () => {
    const m = model({ actors, groups, relations: [relation('u', 'uitbesteding', 'g', 'dienst', { radReference: 'RAD' }), relation('o', 'opdrachtgeverschap', 'ander', 'dienst')] })
    expect(findingsOf(m, 'uitbesteding-zonder-eigen-opdrachtgever')).toEqual([expect.objectContaining({ severity: 'warning', relationIds: ['u'] })])
  })

  it('is not reported when the gemeente\u2019s own regieteam commissions it', () => {
    const m = model({ actors, groups, relations: [relation('u', 'uitbesteding', 'g', 'dienst', { radReference: 'RAD' }), relation('o', 'opdrachtgeverschap', 'rt', 'dienst')] })
    expect(findingsOf(m, 'uitbesteding-zonder-eigen-opdrachtgever')).toEqual([])
  })
})

describe('rollenscheiding (003 dia 16)', () => {
  const actors = [actor('college', 'college'), actor('ab', 'regionaal-orgaan', { group: 'GR' }), actor('gr', 'uitvoeringsorganisatie', { group: 'GR' })]
  const groups = [{ id: 'GR', kind: 'organisation' as const, title: 'GR' }]

  it('is reported when the opdrachtgever also sits on the board of the contractor', () => {
    const m = model({ actors, groups, relations: [relation('o', 'opdrachtgeverschap', 'college', 'gr', { radReference: 'DVO' }), relation('d', 'deelname', 'college', 'ab')] })
    expect(findingsOf(m, 'rollen-niet-gescheiden')).toEqual([expect.objectContaining({ severity: 'warning', actorIds: ['gr', 'college'] })])
  })

  it('is reported when the opdrachtgever also owns the contractor, and not when the roles are apart', () => {
    const owner = model({ actors, groups, relations: [relation('o', 'opdrachtgeverschap', 'college', 'gr'), relation('e', 'eigenaarschap', 'college', 'gr')] })
    expect(findingsOf(owner, 'rollen-niet-gescheiden')).toHaveLength(1)
    const apart = model({ actors: [...actors, actor('wethouder', 'bestuurder')], groups, relations: [relation('o', 'opdrachtgeverschap', 'college', 'gr'), relation('d', 'deelname', 'wethouder', 'ab')] })
    expect(findingsOf(apart, 'rollen-niet-gescheiden')).toEqual([])
  })
})

describe('opdrachtgeverschap without a RAD (000 dia 6)', () => {
  const actors = [actor('rt', 'regieteam'), actor('gr', 'uitvoeringsorganisatie')]
  it('is reported when an assignment names no RAD or DVO', () => {
    expect(findingsOf(model({ actors, relations: [relation('o', 'opdrachtgeverschap', 'rt', 'gr')] }), 'opdrachtgeverschap-zonder-rad')).toHaveLength(1)
  })
  it('is not reported when it names one', () => {
    expect(findingsOf(model({ actors, relations: [relation('o', 'opdrachtgeverschap', 'rt', 'gr', { radReference: 'RAD 2026' })] }), 'opdrachtgeverschap-zonder-rad')).toEqual([])
  })
})

describe('a regieteam as opdrachtgever without a mandaat (000 dia 9)', () => {
  const actors = [actor('college', 'college'), actor('rt', 'regieteam'), actor('gr', 'uitvoeringsorganisatie')]
  it('is reported when no mandaat reaches the regieteam', () => {
    expect(findingsOf(model({ actors, relations: [relation('o', 'opdrachtgeverschap', 'rt', 'gr', { radReference: 'RAD' })] }), 'opdrachtgever-zonder-mandaat')).toEqual([
      expect.objectContaining({ severity: 'warning', actorIds: ['rt'] }),
    ])
  })
  it('is not reported when the college mandates it, nor for a college as opdrachtgever', () => {
    const mandated = model({ actors, relations: [relation('o', 'opdrachtgeverschap', 'rt', 'gr'), relation('m', 'mandaat', 'college', 'rt')] })
    expect(findingsOf(mandated, 'opdrachtgever-zonder-mandaat')).toEqual([])
    expect(findingsOf(model({ actors, relations: [relation('o', 'opdrachtgeverschap', 'college', 'gr')] }), 'opdrachtgever-zonder-mandaat')).toEqual([])
  })
})

describe('strategic collaboration without a proceskader from the raad (004 dia 6, 11)', () => {
  const actors = [actor('raad', 'gemeenteraad'), actor('college', 'college'), actor('partner', 'maatschappelijke-organisatie')]
  it('is reported when the college collaborates with a partner and no raad frames it', () => {
    expect(findingsOf(model({ actors, relations: [relation('s', 'samenwerking', 'college', 'partner'), relation('v', 'verantwoording', 'college', 'raad')] }), 'samenwerking-zonder-proceskader')).toHaveLength(1)
  })
  it('is not reported when the raad gives the college a kader, nor for co-creatie with inwoners', () => {
    expect(findingsOf(model({ actors, relations: [relation('s', 'samenwerking', 'college', 'partner'), relation('k', 'kaderstelling', 'raad', 'college')] }), 'samenwerking-zonder-proceskader')).toEqual([])
    const residents = model({ actors: [actor('college', 'college'), actor('inw', 'inwoners')], relations: [relation('c', 'co-productie', 'college', 'inw')] })
    expect(findingsOf(residents, 'samenwerking-zonder-proceskader')).toEqual([])
  })
})

describe('open questions of the afwegingskader A and C (004 dia 10, 11)', () => {
  const questions = (response?: string): RegieChecklist => ({
    type: 'checklist',
    id: 'vragen-c',
    purpose: 'vragen',
    title: 'C',
    items: [{ id: 'q', ref: 'c-proceskader', text: 'Welk proceskader wordt het college meegegeven?', ...(response !== undefined && { response }) }],
  })
  it('is reported while a question is unanswered', () => {
    expect(findingsOf(model({ blocks: [questions()] }), 'afwegingskader-open')).toEqual([expect.objectContaining({ severity: 'warning', blockIds: ['vragen-c'] })])
  })
  it('is not reported once it is answered', () => {
    expect(findingsOf(model({ blocks: [questions('Halfjaarlijks rapporteren over de opgave')] }), 'afwegingskader-open')).toEqual([])
  })
})

describe('the kind of arrangement decides the raad\u2019s role (002 dia 16)', () => {
  it('asks for a direct role of the raad in an arrangement for beleid', () => {
    const body = actor('rnv', 'regionaal-orgaan', { attributes: { regeling: 'beleid' } })
    const without = model({ actors: [body, actor('college', 'college')], relations: [relation('d', 'deelname', 'college', 'rnv')] })
    expect(findingsOf(without, 'rol-raad-past-niet-bij-regeling')).toHaveLength(1)
    const withRaad = model({ actors: [body, actor('raad', 'gemeenteraad')], relations: [relation('z', 'zienswijze', 'raad', 'rnv')] })
    expect(findingsOf(withRaad, 'rol-raad-past-niet-bij-regeling')).toEqual([])
  })

  it('asks for a line to a college in an arrangement for bedrijfsvoering, and accepts the raad via the college', () => {
    const body = actor('bel', 'uitvoeringsorganisatie', { attributes: { regeling: 'bedrijfsvoering' } })
    expect(findingsOf(model({ actors: [body, actor('raad', 'gemeenteraad')], relations: [relation('k', 'kaderstelling', 'raad', 'bel')] }), 'rol-raad-past-niet-bij-regeling')).toHaveLength(1)
    const viaCollege = model({ actors: [body, actor('college', 'college')], relations: [relation('o', 'opdrachtgeverschap', 'college', 'bel')] })
    expect(findingsOf(viaCollege, 'rol-raad-past-niet-bij-regeling')).toEqual([])
  })
})

/** What each template raises, as its file header and docs/seed-review.md say. */
const EXPECTED: Record<TemplateId, readonly RegieRuleId[]> = {
  'regiegemeente-bar': ['raad-zonder-kaderstelling', 'raad-zonder-kaderstelling', 'raad-zonder-kaderstelling', 'geen-evaluatie-of-uittreding'],
  'organisatienetwerk-drechtsteden': [
    'uitbesteding-zonder-opdrachtgever',
    'uitbesteding-zonder-opdrachtgever',
    'uitbesteding-zonder-rad',
    'uitbesteding-zonder-rad',
    'opdrachtgeverschap-zonder-rad',
    'opdrachtgeverschap-zonder-rad',
    'geen-evaluatie-of-uittreding',
    'opdrachtgever-zonder-mandaat',
  ],
  'regio-noord-veluwe': ['gezamenlijk-orgaan-zonder-verantwoording', 'raad-zonder-kaderstelling', 'bestuurlijke-drukte', 'geen-evaluatie-of-uittreding'],
  'bel-combinatie': ['geen-evaluatie-of-uittreding', 'rollen-niet-gescheiden', 'opdrachtgever-zonder-mandaat'],
  'afwegingskader-regievoering': ['afwegingskader-open', 'regieprestaties-onvolledig'],
  'co-creatie-co-productie-uitbesteding': [],
}

describe.each(TEMPLATE_IDS.map((id) => [id] as const))('the regiecheck on template %s', (id) => {
  it('raises what its header promises, in Dutch and English alike', () => {
    expect(regiecheck(templateModel(id, 'nl')).map((f) => f.ruleId)).toEqual(EXPECTED[id])
    expect(regiecheck(templateModel(id, 'en')).map((f) => f.ruleId)).toEqual(EXPECTED[id])
  })
})

describe('rules set aside for a board ("bewust zo gekozen")', () => {
  const document = (meta: TLDocument['meta']): TLRecord => ({ id: 'document:document', typeName: 'document', gridSize: 10, name: '', meta }) as TLDocument

  it('are stored in the document record with a reason, and read back', () => {
    const meta = metaWithDismissal({}, 'rollen-niet-gescheiden', { reason: 'Bij de BEL bewust zo gekozen: het college is opdrachtgever en AB.', by: 'Anaïs', at: 1 })
    const dismissals = boardDismissals([document(meta)])
    expect(dismissals.get('rollen-niet-gescheiden')).toEqual({ ruleId: 'rollen-niet-gescheiden', reason: 'Bij de BEL bewust zo gekozen: het college is opdrachtgever en AB.', by: 'Anaïs', at: 1 })
    expect(boardDismissals([document(metaWithDismissal(meta, 'rollen-niet-gescheiden', null))]).size).toBe(0)
  })

  it('hide the rule\u2019s findings from the open list and keep them with the reason', () => {
    const findings = regiecheck(templateModel('bel-combinatie', 'nl'))
    const meta = metaWithDismissal({}, 'rollen-niet-gescheiden', { reason: 'Bewust zo gekozen', by: '', at: 0 })
    const { open, dismissed } = splitDismissed(findings, dismissalsFromMeta(meta))
    expect(open.map((f) => f.ruleId)).not.toContain('rollen-niet-gescheiden')
    expect(dismissed).toEqual([expect.objectContaining({ dismissal: expect.objectContaining({ reason: 'Bewust zo gekozen' }), findings: [expect.objectContaining({ ruleId: 'rollen-niet-gescheiden' })] })])
  })

  it('ignore entries without a reason, for unknown rules, or of the wrong shape, as other clients may write', () => {
    const meta = { regiecheckDismissals: { 'rollen-niet-gescheiden': { reason: '  ' }, 'geen-regel': { reason: 'x' }, 'bestuurlijke-drukte': 'ja', 'actor-zonder-relaties': { reason: 'x'.repeat(900) } } }
    const dismissals = dismissalsFromMeta(meta)
    expect([...dismissals.keys()]).toEqual(['actor-zonder-relaties'])
    expect(dismissals.get('actor-zonder-relaties')?.reason).toHaveLength(500)
  })
})
