import { describe, expect, it } from 'vitest'
import type { ActorKindId } from '../../../shared/regie/actor-kinds.ts'
import { mapModelText } from '../../../shared/regie/localize.ts'
import { validateModel, type RegieChecklist, type RegieFlow, type RegieModel } from '../../../shared/regie/model.ts'
import { REGIEPRESTATIE_IDS } from '../../../shared/regie/regieprestaties.ts'
import type { LocalizedText } from '../../../shared/regie/text.ts'
import { getTemplate, TEMPLATE_IDS, TEMPLATES, templateModel, templateSummaries, type TemplateId } from '../../../shared/templates/index.ts'
import { SEEDS } from '../../../shared/templates/seeds.ts'

/**
 * Every body the seed (and its section in /work/shared/DOMAIN.md) names, with the kind it must
 * have, by its Dutch name on the board.
 */
const BODIES: Record<Exclude<TemplateId, 'co-creatie-co-productie-uitbesteding'>, readonly (readonly [ActorKindId, string])[]> = {
  'regiegemeente-bar': [
    ...['Barendrecht', 'Albrandswaard', 'Ridderkerk'].flatMap((name) => [
      ['gemeente', `Gemeente ${name}`],
      ['gemeenteraad', `Gemeenteraad ${name}`],
      ['college', `College van B&W ${name}`],
      ['regieteam', `Regieteam ${name}`],
      ['inwoners', `Inwoners ${name}`],
    ] as const),
    ['uitvoeringsorganisatie', 'GR-BAR uitvoeringsorganisatie'],
    ['ambtelijke-organisatie', 'Afdeling control'],
    ['maatschappelijke-organisatie', 'Instellingen'],
  ],
  'organisatienetwerk-drechtsteden': [
    ...['Alblasserdam', 'Dordrecht', 'Hendrik-Ido-Ambacht', 'Papendrecht', 'Sliedrecht', 'Zwijndrecht', 'Hardinxveld-Giessendam'].map((name) => ['gemeente', `Gemeente ${name}`] as const),
    ['gemeenteraad', 'Gemeenteraad Alblasserdam'],
    ['college', 'College van B&W Alblasserdam'],
    ['ondernemingsraad', 'Ondernemingsraad Alblasserdam'],
    ['ambtelijk-overleg', 'ONS-D'],
    ['samenwerkingsverband', 'Organisatienetwerk Drechtsteden (ontwikkelprogramma)'],
    ['ambtelijk-overleg', 'Netwerk-MT Sociaal'],
    ['ambtelijk-overleg', 'Netwerk-MT Fysiek'],
    ['ambtelijk-overleg', 'Netwerk-MT Economie'],
    ['ambtelijk-overleg', 'Regiegroep'],
    ['regionaal-orgaan', 'GRD / Drechtstedenbestuur'],
    ['ambtelijke-organisatie', 'iPM'],
    ['ambtelijke-organisatie', 'KCC (klantcontactcentrum)'],
    ['ambtelijke-organisatie', 'Bureau bestemmingsplannen'],
    ['uitvoeringsorganisatie', 'Omgevingsdienst'],
    ['maatschappelijke-organisatie', 'Sportstichting (zelfstandig)'],
  ],
  'regio-noord-veluwe': [
    ...['Elburg', 'Ermelo', 'Harderwijk', 'Nunspeet', 'Oldebroek', 'Putten', 'Hattem', 'Heerde', 'Zeewolde'].map((name) => ['gemeente', `Gemeente ${name}`] as const),
    ['college', 'Colleges van B&W'],
    ['gemeenteraad', 'Gemeenteraden'],
    ['regionaal-orgaan', 'Algemeen Bestuur (AB) RNV'],
    ['regionaal-orgaan', 'Dagelijks Bestuur (DB) RNV'],
    ['regionaal-orgaan', 'Portefeuillehoudersoverleg (PO) Welzijn en Sociale Aangelegenheden'],
    ['ambtelijk-overleg', 'Ambtelijk Secretarissenoverleg Noord-Veluwe'],
    ['ambtelijk-overleg', 'Ambtelijk overleg (AO)'],
    ['regionaal-orgaan', 'Stuurgroep Transities'],
    ['ambtelijk-overleg', 'Clusteroverleg Welzijn en Sociale Aangelegenheden'],
    ['ambtelijk-overleg', 'Afstemming RNV'],
    ['directie', 'Verantwoordelijk management'],
    ['directie', 'Domeinmanager'],
    ...['AWBZ/Wmo', 'Wwnv', 'Jeugdzorg'].flatMap((name) => [
      ['bestuurder', `Trekker wethouder Transitie ${name}`],
      ['ambtelijke-organisatie', `Projectgroep Transitie ${name}`],
    ] as const),
    ['ambtelijke-organisatie', 'Ambtelijk overleg Wmo'],
    ['ambtelijke-organisatie', 'Afdelingshoofden / Beleidsoverleg sw'],
    ['ambtelijke-organisatie', 'Aanjaagteam'],
  ],
  'bel-combinatie': [
    ...['Blaricum', 'Eemnes', 'Laren'].flatMap((name) => [
      ['gemeenteraad', `Gemeenteraad ${name}`],
      ['college', `College van B&W ${name}`],
      ['bestuurder', `Burgemeester ${name}`],
      ['gemeentesecretaris', `Gemeentesecretaris ${name}`],
      ['regieteam', `Beleidsregie ${name}`],
    ] as const),
    ['uitvoeringsorganisatie', 'BEL Combinatie'],
    ['regionaal-orgaan', 'Algemeen Bestuur BEL Combinatie'],
    ['regionaal-orgaan', 'Dagelijks Bestuur BEL Combinatie'],
    ['directie', 'Directeur BEL Combinatie'],
    ['directie', 'Afdelingsmanagers BEL Combinatie'],
    ['ambtelijke-organisatie', 'Medewerkers BEL Combinatie'],
  ],
  'afwegingskader-regievoering': [
    ['gemeenteraad', 'Gemeenteraad Delft'],
    ['college', 'College van B&W Delft'],
    ['rekenkamer', 'Rekenkamer Delft'],
    ['extern-adviseur', 'Partners + Pröpper (onderzoeksbureau)'],
    ['opgave', 'De opgave (nog invullen)'],
    ['maatschappelijke-organisatie', 'Partijen in de samenleving'],
  ],
}

const dutch = (id: TemplateId) => templateModel(id, 'nl')
const actorsOf = (m: RegieModel) => m.actors.map((a) => [a.kind, a.name] as const)
const checklist = (m: RegieModel, id: string) => m.blocks.find((b): b is RegieChecklist => b.type === 'checklist' && b.id === id)
const flow = (m: RegieModel, id: string) => m.blocks.find((b): b is RegieFlow => b.type === 'flow' && b.id === id)

/** Every text field of a bilingual model, visited the way localizing visits them. */
function texts(m: RegieModel<LocalizedText>): LocalizedText[] {
  const found: LocalizedText[] = []
  mapModelText(m, (text) => found.push(text))
  return found
}

describe('the template list', () => {
  it('holds every template id exactly once, in the order of the brief', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual([...TEMPLATE_IDS])
  })

  it('summarises each template for GET /api/templates with titles in both languages and its seed file', () => {
    const summaries = templateSummaries()
    expect(summaries).toHaveLength(6)
    for (const summary of summaries) {
      expect(summary.title.nl && summary.title.en && summary.description.nl && summary.description.en && summary.covers.nl && summary.covers.en).toBeTruthy()
      expect(summary.seed.file).toMatch(new RegExp(`^${summary.seed.id}_[0-9a-f]{16}\\.txt$`))
    }
    expect(summaries.map((s) => s.seed.id)).toEqual(['000', '001', '002', '003', '004', '000'])
  })

  it('knows the five seed files by their names in /work/shared/seeds', () => {
    expect(Object.values(SEEDS).map((seed) => seed.file)).toEqual([
      '000_04f56c332ddaeebb.txt',
      '001_2d41d74e46ecb8ff.txt',
      '002_770a2a99d52a8098.txt',
      '003_64546158e1edc0ee.txt',
      '004_420b065a5071702a.txt',
    ])
  })
})

describe.each(TEMPLATES.map((t) => [t.id, t] as const))('template %s', (id, template) => {
  it('is a valid model in Dutch and in English', () => {
    expect(validateModel(template.model)).toEqual([])
    expect(validateModel(templateModel(id, 'nl'))).toEqual([])
    expect(validateModel(templateModel(id, 'en'))).toEqual([])
  })

  it('has every text in both Dutch and English', () => {
    for (const text of texts(template.model)) {
      expect(text.nl.trim(), JSON.stringify(text)).not.toBe('')
      expect(text.en.trim(), JSON.stringify(text)).not.toBe('')
    }
  })

  it('cites its seed for every actor, relation, group and block', () => {
    const elements = [...template.model.actors, ...template.model.relations, ...template.model.groups, ...template.model.blocks.filter((b) => b.type !== 'legend')]
    for (const element of elements) {
      expect(element.source?.seed, element.id).toBe(template.seed)
    }
  })

  it('keeps ids, kinds and structure the same in both languages', () => {
    const strip = (m: RegieModel) => ({ actors: m.actors.map((a) => [a.id, a.kind, a.group]), relations: m.relations.map((r) => [r.id, r.kind, r.from, r.to]) })
    expect(strip(templateModel(id, 'en'))).toEqual(strip(templateModel(id, 'nl')))
  })
})

describe.each(Object.entries(BODIES))('template %s names every body of its seed', (id, bodies) => {
  it.each(bodies.map(([kind, name]) => [name, kind] as const))('%s (%s)', (name, kind) => {
    expect(actorsOf(dutch(id as TemplateId))).toContainEqual([kind, name])
  })
})

describe('Regiegemeente / BAR-samenwerking (seed 000)', () => {
  const m = dutch('regiegemeente-bar')

  it('gives the GR-BAR eight domains, as empty placeholders because the seed names none of them', () => {
    const domains = m.actors.filter((a) => a.id.startsWith('gr-bar-domein-'))
    expect(domains).toHaveLength(8)
    expect(domains.every((d) => d.placeholder === true && d.name.includes('nog invullen') && d.aanname !== undefined)).toBe(true)
    const grBar = getTemplate('regiegemeente-bar').model.actors.find((a) => a.id === 'gr-bar')?.attributes
    expect(grBar).toMatchObject({ domeinen: 8, afdelingen: 24 })
    // Dia 5 says "circa 800 fte": not an exact count, so it stays in words.
    expect(grBar?.fte).toBeUndefined()
    expect(grBar?.toelichting?.nl).toContain('circa 800 fte')
  })

  it('steers the GR-BAR and the instellingen with RADs from each regieteam', () => {
    const assignments = m.relations.filter((r) => r.kind === 'opdrachtgeverschap')
    expect(assignments).toHaveLength(6)
    expect(assignments.every((r) => r.from.endsWith('-regieteam') && r.radReference?.includes('RAD'))).toBe(true)
  })

  it('draws the three vital processes for each municipality', () => {
    for (const kind of ['co-creatie', 'co-productie', 'uitbesteding'] as const) {
      expect(new Set(m.relations.filter((r) => r.kind === kind).map((r) => r.from))).toEqual(new Set(['barendrecht', 'albrandswaard', 'ridderkerk']))
    }
  })

  it("gives each regieteam the regisseur's three roles and six competences", () => {
    const team = m.actors.find((a) => a.id === 'albrandswaard-regieteam')!
    expect(team.attributes?.rollen).toEqual(['Strategisch adviseur / sparringpartner van de bestuurders', '(Gemandateerd) opdrachtgever', 'Verbinder'])
    expect(team.attributes?.competenties).toHaveLength(6)
  })
})

describe('Organisatienetwerk Drechtsteden (seed 001)', () => {
  const m = dutch('organisatienetwerk-drechtsteden')

  it('lays out the five sturingslijnen as lanes', () => {
    expect(m.groups.filter((g) => g.kind === 'lane').map((g) => g.title)).toEqual(['Fysiek', 'Sociaal', 'Economie', 'Dienstverlening', 'Bedrijfsvoering'])
  })

  it('lists the five kaders of the Alblasserdam council', () => {
    expect(checklist(m, 'kaders-raad')?.items).toHaveLength(5)
  })

  it('routes proposals through the college to raad and/or ondernemingsraad', () => {
    expect(flow(m, 'besluitvorming')?.steps.at(-1)?.actorIds).toEqual(['alblasserdam-raad', 'alblasserdam-or'])
  })
})

describe('Regio Noord-Veluwe (seed 002)', () => {
  const m = dutch('regio-noord-veluwe')

  it('has the eight-step decision process as a flow, from the AO to a decision of DB or AB', () => {
    const steps = flow(m, 'besluitvorming')!.steps
    expect(steps).toHaveLength(8)
    expect(steps[0]?.text).toBe('Voorstel uit AO')
    expect(steps[7]?.text).toBe('DB of AB neemt besluit en start uitvoering')
  })

  it('has the six valkuilen, each with its remedy, as a checklist', () => {
    const valkuilen = checklist(m, 'valkuilen')!
    expect(valkuilen.purpose).toBe('valkuilen')
    expect(valkuilen.items.map((i) => i.ref)).toEqual(['a', 'b', 'c', 'd', 'e', 'f'])
    expect(valkuilen.items[2]?.hint).toBe('Regel uw democratische legitimatie')
  })
})

describe('BEL Combinatie (seed 003)', () => {
  const m = dutch('bel-combinatie')

  it("records that the councils set frameworks for local tasks but have no say in the BEL Combinatie", () => {
    expect(m.actors.find((a) => a.id === 'laren-raad')?.attributes?.rollen).toContain('Géén zeggenschap in de BEL Combinatie')
  })

  it('makes the director secretary of both AB and DB and employer of the staff', () => {
    const fromDirector = m.relations.filter((r) => r.from === 'directeur').map((r) => [r.kind, r.to])
    // Dia 8 and 10: secretaris van het AB/DB, not a member of either.
    expect(fromDirector).toEqual(expect.arrayContaining([['advies', 'ab'], ['advies', 'db'], ['werkgeverschap', 'medewerkers']]))
    expect(fromDirector.filter(([kind]) => kind === 'deelname')).toEqual([])
  })

  it('makes each college political and each beleidsregie ambtelijk opdrachtgever, under a dienstverleningsovereenkomst', () => {
    const assignments = m.relations.filter((r) => r.kind === 'opdrachtgeverschap')
    expect(assignments.map((r) => `${r.from}→${r.to}`).sort()).toEqual(
      ['blaricum-college→bel', 'eemnes-college→bel', 'laren-college→bel', 'blaricum-beleidsregie→directeur', 'eemnes-beleidsregie→directeur', 'laren-beleidsregie→directeur'].sort(),
    )
    expect(assignments.every((r) => r.radReference === 'Dienstverleningsovereenkomst (DVO)')).toBe(true)
  })
})

describe('Afwegingskader regievoering (seed 004)', () => {
  const m = dutch('afwegingskader-regievoering')

  it('has the areas A, B and C in that reading order', () => {
    expect(m.groups.filter((g) => g.id.startsWith('deel-')).map((g) => [g.id, g.after])).toEqual([
      ['deel-a', undefined],
      ['deel-b', 'deel-a'],
      ['deel-c', 'deel-b'],
    ])
  })

  it('splits B into voorwaarden voor vastzetten, aanwijzingen voor vastzetten and aanwijzingen voor loslaten', () => {
    const titles = m.blocks.filter((b) => b.group === 'deel-b').map((b) => (b.type === 'note' ? b.text : b.title))
    expect(titles).toEqual(['Voorwaarden voor vastzetten', 'Aanwijzingen voor vastzetten', 'Aanwijzingen voor loslaten'])
  })

  it('holds the five regieprestaties as the central block, still to be filled in', () => {
    const core = checklist(m, 'regieprestaties')!
    expect(core.purpose).toBe('regieprestaties')
    expect(core.items.map((i) => i.ref)).toEqual([...REGIEPRESTATIE_IDS])
    expect(core.items.every((i) => i.response === undefined)).toBe(true)
  })
})

describe('empty co-creatie · co-productie · uitbesteding map', () => {
  const m = dutch('co-creatie-co-productie-uitbesteding')

  it('has no actors, three lanes and a legend of the vital processes', () => {
    expect(m.actors).toEqual([])
    expect(m.groups.map((g) => [g.kind, g.title])).toEqual([
      ['lane', 'Co-creatie'],
      ['lane', 'Co-productie'],
      ['lane', 'Uitbesteding'],
    ])
    const legend = m.blocks.find((b) => b.type === 'legend')
    expect(legend?.type === 'legend' && legend.relationKinds).toEqual(['co-creatie', 'co-productie', 'uitbesteding', 'opdrachtgeverschap'])
  })

  it('speaks English when made in English', () => {
    expect(templateModel('co-creatie-co-productie-uitbesteding', 'en').groups.map((g) => g.title)).toEqual(['Co-creation', 'Co-production', 'Outsourcing'])
  })
})
