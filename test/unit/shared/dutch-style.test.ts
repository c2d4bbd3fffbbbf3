/**
 * docs/taal.md, as far as a machine can check it: no Dutch UI string says "seed", uses a plural in
 * brackets, addresses people as "u" outside quotes from the seeds, writes WMO, or uses an English
 * word from the deny-list.
 */
import { describe, expect, it } from 'vitest'
import { nl } from '../../../client/i18n/nl.ts'
import { ACCESSIBILITY, PRIVACY } from '../../../client/info/info-texts.ts'
import { exportText, type ExportTextKey } from '../../../shared/export/export-text.ts'
import { ACTOR_KINDS } from '../../../shared/regie/actor-kinds.ts'
import { mapModelText } from '../../../shared/regie/localize.ts'
import { REGIE_RULES, regiecheck } from '../../../shared/regie/regiecheck.ts'
import { REGIEPRESTATIES } from '../../../shared/regie/regieprestaties.ts'
import { RELATION_KINDS } from '../../../shared/regie/relation-kinds.ts'
import { VALKUILEN } from '../../../shared/regie/valkuilen.ts'
import { TEMPLATES, templateModel } from '../../../shared/templates/index.ts'

/** English words a Dutch string must not contain (docs/taal.md, "Woorden die we vermijden"). */
const DENY = ['seed', 'seeds', 'frame', 'frames', 'shape', 'shapes', 'template', 'templates', 'live', 'offline', 'online', 'assumption', 'commissioner', 'click', 'select', 'board', 'lane', 'lanes']
const BRACKET_PLURAL = /\p{L}\((en|n|s|pen|men|nen|ren|len)\)/u
const POLITE = /(^|[^\p{L}])(u|uw|uzelf)(?=[^\p{L}]|$)/iu

/** Quotes from the seeds keep their own words, "u" included (seed 002 dia 15). */
const QUOTES = new Set(VALKUILEN.flatMap((valkuil) => [valkuil.pitfall.nl, valkuil.remedy.nl]))

function dutchStrings(): [string, string][] {
  const strings: [string, string][] = Object.entries(nl).map(([key, value]) => [`nl.ts ${key}`, value])
  for (const kind of ACTOR_KINDS) strings.push([`actor ${kind.id}`, kind.label.nl], [`actor ${kind.id} uitleg`, kind.explanation.nl])
  for (const kind of RELATION_KINDS) strings.push([`relatie ${kind.id}`, kind.label.nl], [`relatie ${kind.id} uitleg`, kind.explanation.nl])
  for (const rule of REGIE_RULES) strings.push([`regel ${rule.id}`, rule.title.nl], [`regel ${rule.id} uitleg`, rule.explanation.nl])
  for (const prestatie of REGIEPRESTATIES) strings.push([`prestatie ${prestatie.id}`, prestatie.label.nl])
  for (const template of TEMPLATES) {
    strings.push([`sjabloon ${template.id}`, template.title.nl], [`sjabloon ${template.id}`, template.description.nl], [`sjabloon ${template.id}`, template.covers.nl])
    mapModelText(template.model, (text) => strings.push([`sjabloon ${template.id}`, text.nl]))
    for (const finding of regiecheck(templateModel(template.id, 'nl'))) strings.push([`bevinding ${template.id} ${finding.ruleId}`, finding.message.nl])
  }
  for (const key of ['notes.kind', 'notes.frame', 'report.aannames', 'report.dismissed', 'report.severity.warning', 'aanname.column'] satisfies ExportTextKey[]) strings.push([`export ${key}`, exportText(key, 'nl')])
  for (const info of [ACCESSIBILITY, PRIVACY]) {
    for (const section of info.nl.sections) for (const text of [section.heading, ...section.paragraphs, ...(section.list ?? [])]) strings.push([`info ${info.nl.title}`, text])
  }
  return strings
}

const words = (text: string) => text.toLowerCase().split(/[^\p{L}-]+/u).filter(Boolean)

describe('every Dutch string (docs/taal.md)', () => {
  const strings = dutchStrings()

  it('is read in the hundreds, so the check below means something', () => {
    expect(strings.length).toBeGreaterThan(500)
  })

  it('never says "seed": it is the bronpresentatie', () => {
    expect(strings.filter(([, text]) => /\bseeds?\b/i.test(text))).toEqual([])
  })

  it('has no plurals in brackets such as "stip(pen)" or "bevinding(en)"', () => {
    expect(strings.filter(([, text]) => BRACKET_PLURAL.test(text) || /onderdeel\/onderdelen/.test(text))).toEqual([])
  })

  it('says "je", not "u" or "uw", outside quotes from the seeds', () => {
    expect(strings.filter(([, text]) => !QUOTES.has(text) && !text.includes('u doet het uzelf aan') && POLITE.test(text))).toEqual([])
  })

  it('uses no English word from the deny-list', () => {
    // Quotes inside the seeds' own Dutch stay as they are; none contains these words.
    expect(strings.filter(([, text]) => words(text).some((word) => DENY.includes(word))).map(([where, text]) => `${where}: ${text}`)).toEqual([])
  })

  it('writes Wmo, not WMO, and RAD as "resultaatafsprakendocument"', () => {
    expect(strings.filter(([, text]) => /\bWMO\b/.test(text) || /Resultaat Afspraken Document|resultaatafspraak\b/.test(text))).toEqual([])
  })

  it('never calls pausing the board "bevriezen", and keeps "vastzetten" for the afwegingskader', () => {
    expect(strings.filter(([, text]) => /bevriez|bevroren|ontdooi/i.test(text))).toEqual([])
    expect(strings.filter(([where, text]) => /vastzet|vast te zetten|vast zetten/i.test(text) && !where.includes('afwegingskader') && !where.includes('afweging'))).toEqual([])
  })
})
