import { describe, expect, it } from 'vitest'
import type { RegieChecklist, RegieModel } from '../../../shared/regie/model.ts'
import { REGIEPRESTATIE_IDS } from '../../../shared/regie/regieprestaties.ts'
import { REGIE_RULES, regiecheck, type RegieRuleId } from '../../../shared/regie/regiecheck.ts'
import { templateModel } from '../../../shared/templates/index.ts'
import { actor, model, relation } from './model-fixtures.ts'

const findingsOf = (m: RegieModel, rule: RegieRuleId) => regiecheck(m).filter((f) => f.ruleId === rule)

describe('the regiecheck rules', () => {
  it('each have a title in Dutch and English', () => {
    for (const rule of REGIE_RULES) {
      expect(rule.title.nl).not.toBe('')
      expect(rule.title.en).not.toBe('')
    }
  })

  it('tie the accountability and framework rules to the valkuilen of seed 002', () => {
    const byId = Object.fromEntries(REGIE_RULES.map((rule) => [rule.id, rule.valkuilen]))
    expect(byId['gezamenlijk-orgaan-zonder-verantwoording']).toEqual(['c', 'e'])
    expect(byId['raad-zonder-kaderstelling']).toEqual(['a'])
  })

  it('find nothing on an empty board', () => {
    expect(regiecheck(model({}))).toEqual([])
  })
})

describe('uitbesteding without an opdrachtgever', () => {
  const base = {
    actors: [actor('gemeente', 'gemeente'), actor('regieteam', 'regieteam'), actor('stichting', 'maatschappelijke-organisatie')],
  }

  it('is reported when nobody commissions the party that carries out', () => {
    const m = model({ ...base, relations: [relation('u', 'uitbesteding', 'gemeente', 'stichting', { radReference: 'RAD' })] })
    expect(findingsOf(m, 'uitbesteding-zonder-opdrachtgever')).toEqual([
      expect.objectContaining({ severity: 'error', actorIds: ['gemeente', 'stichting'], relationIds: ['u'] }),
    ])
  })

  it('is not reported when a (mandated) opdrachtgever commissions it', () => {
    const m = model({
      ...base,
      relations: [relation('u', 'uitbesteding', 'gemeente', 'stichting', { radReference: 'RAD' }), relation('o', 'opdrachtgeverschap', 'regieteam', 'stichting')],
    })
    expect(findingsOf(m, 'uitbesteding-zonder-opdrachtgever')).toEqual([])
  })
})

describe('uitbesteding without a result agreement (RAD)', () => {
  const actors = [actor('gemeente', 'gemeente'), actor('gr', 'uitvoeringsorganisatie')]

  it('is reported when neither the uitbesteding nor an assignment to the contractor names a RAD', () => {
    const m = model({ actors, relations: [relation('u', 'uitbesteding', 'gemeente', 'gr'), relation('o', 'opdrachtgeverschap', 'gemeente', 'gr', { radReference: '  ' })] })
    const [finding] = findingsOf(m, 'uitbesteding-zonder-rad')
    expect(finding?.relationIds).toEqual(['u'])
    expect(finding?.message.nl).toContain('resultaatafsprakendocument (RAD)')
  })

  it('is not reported when the uitbesteding names its RAD', () => {
    const m = model({ actors, relations: [relation('u', 'uitbesteding', 'gemeente', 'gr', { radReference: 'RAD 2013' })] })
    expect(findingsOf(m, 'uitbesteding-zonder-rad')).toEqual([])
  })

  it('is not reported when the assignment to the same contractor names the RAD', () => {
    const m = model({ actors, relations: [relation('u', 'uitbesteding', 'gemeente', 'gr'), relation('o', 'opdrachtgeverschap', 'gemeente', 'gr', { radReference: 'RAD 2013' })] })
    expect(findingsOf(m, 'uitbesteding-zonder-rad')).toEqual([])
  })
})

describe('a joint body with no line of verantwoording to any gemeenteraad (valkuilen c, e)', () => {
  const actors = [actor('raad', 'gemeenteraad'), actor('college', 'college'), actor('ab', 'regionaal-orgaan'), actor('db', 'regionaal-orgaan'), actor('po', 'regionaal-orgaan')]

  it('is reported for a joint body that answers to no one', () => {
    const m = model({ actors: [actor('raad', 'gemeenteraad'), actor('gr', 'uitvoeringsorganisatie')], relations: [relation('k', 'kaderstelling', 'raad', 'gr')] })
    const findings = findingsOf(m, 'gezamenlijk-orgaan-zonder-verantwoording')
    expect(findings).toEqual([expect.objectContaining({ actorIds: ['gr'] })])
    expect(findings[0]?.message.nl).toContain('valkuilen c en e')
  })

  it('is not reported when verantwoording reaches a raad through the college', () => {
    const m = model({ actors, relations: [relation('v1', 'verantwoording', 'ab', 'college'), relation('v2', 'verantwoording', 'college', 'raad'), relation('v3', 'verantwoording', 'db', 'ab'), relation('v4', 'verantwoording', 'po', 'db')] })
    expect(findingsOf(m, 'gezamenlijk-orgaan-zonder-verantwoording')).toEqual([])
  })

  it('is not reported for a body steered by a college that answers to its raad (the raad\u2019s role via the college)', () => {
    const m = model({
      actors: [actor('raad', 'gemeenteraad'), actor('college', 'college'), actor('gr', 'uitvoeringsorganisatie')],
      relations: [relation('a', 'aansturing', 'college', 'gr'), relation('v', 'verantwoording', 'college', 'raad')],
    })
    expect(findingsOf(m, 'gezamenlijk-orgaan-zonder-verantwoording')).toEqual([])
  })

  it('counts a gemeente taking part as a line only when the gemeente itself leads to a raad (Wgr: members answer to who sent them)', () => {
    const loose = model({
      actors: [actor('raad', 'gemeenteraad'), actor('gemeente', 'gemeente'), actor('gr', 'uitvoeringsorganisatie')],
      relations: [relation('d', 'deelname', 'gemeente', 'gr')],
    })
    expect(findingsOf(loose, 'gezamenlijk-orgaan-zonder-verantwoording')).toHaveLength(1)
    const tied = model({ ...loose, relations: [...loose.relations, relation('v', 'verantwoording', 'gemeente', 'raad')] })
    expect(findingsOf(tied, 'gezamenlijk-orgaan-zonder-verantwoording')).toEqual([])
  })

  it('leads a gemeente card to the raad in its own frame (issue 16: a gemeente never reached its raad before)', () => {
    const m = model({
      actors: [actor('raad', 'gemeenteraad', { group: 'g' }), actor('gemeente', 'gemeente', { group: 'g' }), actor('gr', 'uitvoeringsorganisatie')],
      relations: [relation('u', 'uitbesteding', 'gemeente', 'gr')],
      groups: [{ id: 'g', kind: 'organisation', title: 'Gemeente' }],
    })
    expect(findingsOf(m, 'gezamenlijk-orgaan-zonder-verantwoording')).toEqual([])
  })

  it('does not ask an ambtelijk overleg for democratic accountability (issue 16: Regiegroep, Afstemming RNV)', () => {
    const m = model({ actors: [actor('regiegroep', 'ambtelijk-overleg'), actor('gemeente', 'gemeente')], relations: [relation('d', 'deelname', 'gemeente', 'regiegroep')] })
    expect(findingsOf(m, 'gezamenlijk-orgaan-zonder-verantwoording')).toEqual([])
  })

  it('reports bodies under a failing body together with it, once, at the top', () => {
    const m = model({ actors, relations: [relation('v', 'verantwoording', 'po', 'db'), relation('a', 'advies', 'db', 'ab'), relation('k', 'kaderstelling', 'raad', 'college')] })
    const findings = findingsOf(m, 'gezamenlijk-orgaan-zonder-verantwoording')
    expect(findings).toEqual([expect.objectContaining({ actorIds: ['ab', 'db', 'po'] })])
  })
})

describe('a gemeenteraad with no kaderstelling towards its joint arrangements (valkuil a)', () => {
  const actors = [actor('raad', 'gemeenteraad'), actor('college', 'college'), actor('gr', 'uitvoeringsorganisatie')]

  it('is reported when the raad sets frameworks neither for the joint body nor for its college', () => {
    const m = model({ actors, relations: [relation('v', 'verantwoording', 'college', 'raad'), relation('o', 'opdrachtgeverschap', 'college', 'gr', { radReference: 'DVO' })] })
    expect(findingsOf(m, 'raad-zonder-kaderstelling')).toEqual([expect.objectContaining({ severity: 'warning', actorIds: ['raad', 'gr'] })])
  })

  it('is not reported when the raad\u2019s role runs via the college it sets frameworks for: the BEL case, "raad via het college" (003 dia 8, 002 dia 16)', () => {
    const m = model({ actors, relations: [relation('k', 'kaderstelling', 'raad', 'college'), relation('o', 'opdrachtgeverschap', 'college', 'gr', { radReference: 'DVO' })] })
    expect(findingsOf(m, 'raad-zonder-kaderstelling')).toEqual([])
  })

  it('is not reported when the raad gives a zienswijze on the joint body', () => {
    const m = model({ actors, relations: [relation('z', 'zienswijze', 'raad', 'gr'), relation('o', 'opdrachtgeverschap', 'college', 'gr'), relation('v', 'verantwoording', 'college', 'raad')] })
    expect(findingsOf(m, 'raad-zonder-kaderstelling')).toEqual([])
  })

  it('is not reported when the raad sets frameworks for the joint body', () => {
    const m = model({
      actors,
      relations: [relation('k', 'kaderstelling', 'raad', 'gr'), relation('o', 'opdrachtgeverschap', 'college', 'gr'), relation('v', 'verantwoording', 'college', 'raad')],
    })
    expect(findingsOf(m, 'raad-zonder-kaderstelling')).toEqual([])
  })

  it('is not reported for a raad that has no joint arrangements at all', () => {
    const m = model({ actors: [actor('raad', 'gemeenteraad'), actor('college', 'college')], relations: [relation('v', 'verantwoording', 'college', 'raad')] })
    expect(findingsOf(m, 'raad-zonder-kaderstelling')).toEqual([])
  })
})

describe('the five regieprestaties on an afwegingskader board', () => {
  const core = (responses: Partial<Record<(typeof REGIEPRESTATIE_IDS)[number], string>>): RegieChecklist => ({
    type: 'checklist',
    id: 'kern',
    purpose: 'regieprestaties',
    title: 'Kern',
    items: REGIEPRESTATIE_IDS.map((ref) => ({ id: `p-${ref}`, ref, text: ref, ...(responses[ref] !== undefined && { response: responses[ref] }) })),
  })

  it('are reported with the ones still empty when not all five are filled in', () => {
    const m = model({ blocks: [core({ 'opgave-afbakenen': 'Armoede in Delft', 'overzicht-krijgen': '   ' })] })
    const [finding] = findingsOf(m, 'regieprestaties-onvolledig')
    expect(finding?.blockIds).toEqual(['kern'])
    expect(finding?.message.nl).toContain('overzicht krijgen over de opgave')
    expect(finding?.message.nl).not.toContain('de opgave afbakenen')
  })

  it('are not reported when all five are filled in', () => {
    const all = Object.fromEntries(REGIEPRESTATIE_IDS.map((ref) => [ref, `Ingevuld: ${ref}`]))
    expect(findingsOf(model({ blocks: [core(all)] }), 'regieprestaties-onvolledig')).toEqual([])
  })

  it('are not asked for on a board without an afwegingskader', () => {
    expect(findingsOf(model({ blocks: [{ type: 'note', id: 'n', text: 'x' }] }), 'regieprestaties-onvolledig')).toEqual([])
  })
})

describe('an actor without relations', () => {
  it('is reported as information, not as a warning', () => {
    const m = model({ actors: [actor('a', 'gemeente'), actor('b', 'inwoners'), actor('eenzaam', 'bedrijf')], relations: [relation('r', 'co-creatie', 'a', 'b')] })
    expect(findingsOf(m, 'actor-zonder-relaties')).toEqual([expect.objectContaining({ severity: 'info', actorIds: ['eenzaam'] })])
  })

  it('is not reported once it has a relation', () => {
    const m = model({ actors: [actor('a', 'gemeente'), actor('b', 'inwoners')], relations: [relation('r', 'co-creatie', 'b', 'a')] })
    expect(findingsOf(m, 'actor-zonder-relaties')).toEqual([])
  })
})

describe('the regiecheck on the seed templates', () => {
  it('accepts on the BEL board what seed 003 states: the raden have no say in the BEL Combinatie, their role runs via the college', () => {
    const m = templateModel('bel-combinatie', 'nl')
    expect(findingsOf(m, 'raad-zonder-kaderstelling')).toEqual([])
    expect(findingsOf(m, 'gezamenlijk-orgaan-zonder-verantwoording')).toEqual([])
  })

  it('asks the BAR raden about their role now that no invented kaderstelling silences it (000 lists the koersdocumenten only under the bestuurlijk proces)', () => {
    const findings = findingsOf(templateModel('regiegemeente-bar', 'nl'), 'raad-zonder-kaderstelling')
    expect(findings.map((f) => f.actorIds[0])).toEqual(['barendrecht-raad', 'albrandswaard-raad', 'ridderkerk-raad'])
  })

  it('finds a line from the GR-BAR to the raden through the colleges that steer it', () => {
    expect(findingsOf(templateModel('regiegemeente-bar', 'nl'), 'gezamenlijk-orgaan-zonder-verantwoording')).toEqual([])
  })

  it('asks for the five regieprestaties on a fresh afwegingskader', () => {
    expect(findingsOf(templateModel('afwegingskader-regievoering', 'nl'), 'regieprestaties-onvolledig')).toHaveLength(1)
  })

  it('asks who commissions the Omgevingsdienst and the Sportstichting in the Drechtsteden, as seed 001 does not say', () => {
    const findings = findingsOf(templateModel('organisatienetwerk-drechtsteden', 'nl'), 'uitbesteding-zonder-opdrachtgever')
    expect(findings.map((f) => f.actorIds[1])).toEqual(['omgevingsdienst', 'sportstichting'])
  })

  it('finds every card on every template connected, so nothing stands loose on a new board', () => {
    for (const id of ['regiegemeente-bar', 'organisatienetwerk-drechtsteden', 'regio-noord-veluwe', 'bel-combinatie', 'afwegingskader-regievoering'] as const) {
      expect(findingsOf(templateModel(id, 'nl'), 'actor-zonder-relaties'), id).toEqual([])
    }
  })

  it('speaks English on a board made in English', () => {
    const [finding] = findingsOf(templateModel('regiegemeente-bar', 'en'), 'raad-zonder-kaderstelling')
    expect(finding?.message.en).toContain('Barendrecht municipal council')
  })
})
