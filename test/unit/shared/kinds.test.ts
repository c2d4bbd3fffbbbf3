import { DefaultColorStyle, DefaultDashStyle } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { ACTOR_KINDS, actorKind, isActorKindId } from '../../../shared/regie/actor-kinds.ts'
import { RELATION_KINDS, VITAL_PROCESS_KINDS, carriesAttribute, isRelationKindId, relationKind } from '../../../shared/regie/relation-kinds.ts'
import { REGIEPRESTATIES } from '../../../shared/regie/regieprestaties.ts'
import { TLDRAW_COLORS, TLDRAW_DASHES } from '../../../shared/regie/tldraw-styles.ts'
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
    expect(ACTOR_KINDS.filter((kind) => kind.jointBody).map((kind) => kind.id)).toEqual(['uitvoeringsorganisatie', 'regionaal-orgaan'])
  })

  it('are recognised by id and unknown ids are not', () => {
    expect(isActorKindId('gemeenteraad')).toBe(true)
    expect(isActorKindId('provincie')).toBe(false)
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

  it('let only uitbesteding and opdrachtgeverschap carry a RAD reference', () => {
    const withRad = RELATION_KINDS.filter((kind) => carriesAttribute(kind.id, 'radReference')).map((kind) => kind.id)
    expect(withRad).toEqual(['uitbesteding', 'opdrachtgeverschap'])
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
