import { ArrowShapeArrowheadStartStyle, DefaultColorStyle, DefaultDashStyle } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { ACTOR_FAMILY_EDGE, ACTOR_KINDS, actorKind, isActorKindId } from '../../../shared/regie/actor-kinds.ts'
import { RELATION_KIND_IDS, RELATION_KINDS, VITAL_PROCESS_KINDS, carriesAttribute, isRelationKindId, relationKind } from '../../../shared/regie/relation-kinds.ts'
import { REGIEPRESTATIES } from '../../../shared/regie/regieprestaties.ts'
import { TLDRAW_ARROWHEADS, TLDRAW_COLORS, TLDRAW_DASHES } from '../../../shared/regie/tldraw-styles.ts'
import { VALKUILEN } from '../../../shared/regie/valkuilen.ts'
import type { LocalizedText } from '../../../shared/regie/text.ts'

const filledIn = (text: LocalizedText) => text.nl.trim() !== '' && text.en.trim() !== ''

describe('tldraw style names', () => {
  it('are exactly the colours tldraw 5 offers', () => {
    expect([...TLDRAW_COLORS].sort()).toEqual([...DefaultColorStyle.values].sort())
  })

  it('are the dashes tldraw 5 offers, except the invisible "none"', () => {
    expect([...TLDRAW_DASHES].sort()).toEqual([...DefaultDashStyle.values].filter((dash) => dash !== 'none').sort())
  })
})

describe('actor kinds', () => {
  it('cover every body the product brief names', () => {
    const ids = ACTOR_KINDS.map((kind) => kind.id)
    expect(ids).toEqual(
      expect.arrayContaining([
        'gemeente',
        'gemeenteraad',
        'college',
        'bestuurder',
        'regieteam',
        'gemeentesecretaris',
        'uitvoeringsorganisatie',
        'regionaal-orgaan',
        'maatschappelijke-organisatie',
        'bedrijf',
        'inwoners',
        'ondernemingsraad',
        'rekenkamer',
      ]),
    )
  })

  it.each(ACTOR_KINDS.map((kind) => [kind.id, kind] as const))('%s has a label and an explanation in Dutch and English', (_, kind) => {
    expect(filledIn(kind.label)).toBe(true)
    expect(filledIn(kind.explanation)).toBe(true)
    expect(kind.label.nl).not.toBe(kind.explanation.nl)
  })

  it('use only tldraw colours', () => {
    for (const kind of ACTOR_KINDS) expect(TLDRAW_COLORS).toContain(kind.color)
  })

  it('mark exactly the shared service organisation and regional bodies as joint bodies', () => {
    expect(ACTOR_KINDS.filter((kind) => kind.jointBody).map((kind) => kind.id)).toEqual([
      'uitvoeringsorganisatie',
      'regionaal-orgaan',
      'openbaar-lichaam',
      'gemeenschappelijk-orgaan',
      'centrumgemeente',
      'bedrijfsvoeringsorganisatie',
      'regeling-zonder-meer',
    ])
    // An ambtelijk overleg answers within its own organisations (issue 16: not a joint body to hold to account).
    expect(actorKind('ambtelijk-overleg').jointBody).toBe(false)
  })

  it('are recognised by id and unknown ids are not', () => {
    expect(isActorKindId('gemeenteraad')).toBe(true)
    expect(isActorKindId('provincie')).toBe(true)
    expect(isActorKindId('waterschap')).toBe(false)
    expect(isActorKindId('toString')).toBe(false)
    expect(actorKind('gemeenteraad').label.nl).toBe('Gemeenteraad')
  })
})

describe('relation kinds', () => {
  it('cover the three vital processes and every relation the brief names', () => {
    expect(RELATION_KINDS.map((kind) => kind.id)).toEqual(
      expect.arrayContaining(['co-creatie', 'co-productie', 'uitbesteding', 'opdrachtgeverschap', 'verantwoording', 'kaderstelling', 'advies', 'mandaat', 'werkgeverschap', 'deelname', 'informatie']),
    )
  })

  it.each(RELATION_KINDS.map((kind) => [kind.id, kind] as const))('%s has a label and an explanation in Dutch and English', (_, kind) => {
    expect(filledIn(kind.label)).toBe(true)
    expect(filledIn(kind.explanation)).toBe(true)
  })

  it('use only tldraw colours and visible tldraw dashes', () => {
    for (const kind of RELATION_KINDS) {
      expect(TLDRAW_COLORS).toContain(kind.color)
      expect(TLDRAW_DASHES).toContain(kind.dash)
    }
  })

  it('never look alike: each has its own pair of colour and dash', () => {
    const looks = RELATION_KINDS.map((kind) => `${kind.color}/${kind.dash}`)
    expect(new Set(looks).size).toBe(looks.length)
  })

  it('keep the three vital processes apart by dash alone, for readers who cannot tell colours apart', () => {
    const dashes = VITAL_PROCESS_KINDS.map((id) => relationKind(id).dash)
    expect(new Set(dashes).size).toBe(3)
  })

  it('treat co-creatie and co-productie as done together (undirected) and uitbesteding as directed', () => {
    expect(relationKind('co-creatie').directed).toBe(false)
    expect(relationKind('co-productie').directed).toBe(false)
    expect(relationKind('uitbesteding').directed).toBe(true)
  })

  it('let only uitbesteding, opdrachtgeverschap, subsidie and inkoop carry an agreement reference', () => {
    const withRad = RELATION_KINDS.filter((kind) => carriesAttribute(kind.id, 'radReference')).map((kind) => kind.id)
    expect(withRad).toEqual(['uitbesteding', 'opdrachtgeverschap', 'subsidierelatie', 'inkoop'])
  })

  it('put the party answered to first, so a raad is laid out above the college that answers to it', () => {
    expect(relationKind('verantwoording').layoutOrder).toBe('to-first')
    expect(relationKind('kaderstelling').layoutOrder).toBe('from-first')
  })

  it('are recognised by id and unknown ids are not', () => {
    expect(isRelationKindId('kaderstelling')).toBe(true)
    expect(isRelationKindId('vriendschap')).toBe(false)
  })
})

describe('domain vocabulary from the seeds', () => {
  it('has the six valkuilen a–f, each with its remedy, in both languages', () => {
    expect(VALKUILEN.map((v) => v.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f'])
    for (const valkuil of VALKUILEN) {
      expect(filledIn(valkuil.pitfall)).toBe(true)
      expect(filledIn(valkuil.remedy)).toBe(true)
    }
  })

  it('has the five regieprestaties in the order of seed 004, in both languages', () => {
    expect(REGIEPRESTATIES.map((p) => p.label.nl)).toEqual([
      'De opgave afbakenen',
      'Overzicht krijgen over de opgave',
      'Beleidslijnen uitzetten voor de opgave',
      'Organiseren van samenwerking voor de opgave',
      'Verantwoording afleggen over de opgave',
    ])
    for (const prestatie of REGIEPRESTATIES) expect(filledIn(prestatie.label)).toBe(true)
  })
})

describe('issue 16: kinds a Dutch regisseur expects, told apart without colour', () => {
  it('has the actor kinds of the Wgr, other governments, partners, council support, outside advisers and the opgave', () => {
    expect(ACTOR_KINDS.map((kind) => kind.id)).toEqual(
      expect.arrayContaining([
        'provincie',
        'rijk',
        'samenwerkingsverband',
        'openbaar-lichaam',
        'gemeenschappelijk-orgaan',
        'centrumgemeente',
        'bedrijfsvoeringsorganisatie',
        'regeling-zonder-meer',
        'raadscommissie',
        'extern-adviseur',
        'opgave',
        'ambtelijk-overleg',
      ]),
    )
  })

  it.each(ACTOR_KINDS.map((kind) => [kind.id, kind] as const))('actor kind %s has a label, an explanation, an icon and a family edge', (_, kind) => {
    expect(filledIn(kind.label)).toBe(true)
    expect(filledIn(kind.explanation)).toBe(true)
    expect([...kind.icon]).toHaveLength(1)
    expect(Object.keys(ACTOR_FAMILY_EDGE)).toContain(kind.family)
  })

  it('gives every actor kind its own icon, so no two kinds rely on colour alone', () => {
    const looks = ACTOR_KINDS.map((kind) => kind.icon)
    expect(new Set(looks).size).toBe(looks.length)
  })

  it('has the relation kinds between organisations that are not co-creatie or co-productie', () => {
    expect(RELATION_KIND_IDS).toEqual(
      expect.arrayContaining(['samenwerking', 'subsidierelatie', 'inkoop', 'convenant', 'eigenaarschap', 'onderdeel-van', 'toezicht', 'zienswijze', 'detachering', 'hosten']),
    )
  })

  it('tells every relation kind apart by dash and arrowheads alone (draw counted as solid), for readers who cannot tell colours apart', () => {
    const shape = RELATION_KINDS.map((kind) => `${kind.dash === 'draw' ? 'solid' : kind.dash}/${kind.arrowheadStart}/${kind.arrowheadEnd}`)
    expect(new Set(shape).size).toBe(shape.length)
  })

  it('draws an undirected kind with the same head at both ends, and a directed kind with a head at its end', () => {
    for (const kind of RELATION_KINDS) {
      if (kind.directed) expect(kind.arrowheadEnd, kind.id).not.toBe('none')
      else expect(kind.arrowheadStart, kind.id).toBe(kind.arrowheadEnd)
      expect(TLDRAW_ARROWHEADS).toContain(kind.arrowheadStart)
      expect(TLDRAW_ARROWHEADS).toContain(kind.arrowheadEnd)
    }
  })

  it('uses only the arrowheads tldraw 5 offers', () => {
    expect([...TLDRAW_ARROWHEADS].sort()).toEqual([...ArrowShapeArrowheadStartStyle.values].sort())
  })

  it('explains mandaat and delegatie as the Awb does: a mandate transfers nothing and the giver stays responsible', () => {
    const explanation = relationKind('mandaat').explanation.nl
    expect(explanation).toContain('geen bevoegdheid over')
    expect(explanation).toContain('mandaatgever blijft verantwoordelijk')
    expect(explanation).toContain('Awb 10:1')
    expect(explanation).toContain('Delegatie')
  })

  it('says a works council gives advice or consent, and does not decide', () => {
    expect(actorKind('ondernemingsraad').explanation.nl).toMatch(/advies of instemming/)
    expect(actorKind('ondernemingsraad').explanation.nl).not.toMatch(/om besluitvorming wordt gevraagd/)
  })
})
