/**
 * Issue 16: every template element traceable to its seed. Per template, each body, relation and
 * step the seed names is listed here with the seed's own words and slide, and must be on the
 * board with the right kind; every actor or relation NOT listed here is something the seed does
 * not state, and must carry a visible "aanname" saying so.
 */
import { describe, expect, it } from 'vitest'
import type { ActorKindId } from '../../../shared/regie/actor-kinds.ts'
import type { RegieFlow, RegieModel } from '../../../shared/regie/model.ts'
import type { RelationKindId } from '../../../shared/regie/relation-kinds.ts'
import { getTemplate, templateModel, type TemplateId } from '../../../shared/templates/index.ts'

/** [kind, id on the board, the seed's words, slide] */
type SeedBody = readonly [ActorKindId, string, string, number]
/** [kind, from id, to id, the seed's words, slide] */
type SeedRelation = readonly [RelationKindId, string, string, string, number]
/** [step id, the seed's words, slide] */
type SeedStep = readonly [string, string, number]

interface SeedTable {
  readonly bodies: readonly SeedBody[]
  readonly relations: readonly SeedRelation[]
  readonly steps: readonly SeedStep[]
}

const BAR = ['barendrecht', 'albrandswaard', 'ridderkerk'] as const
const BEL = ['blaricum', 'eemnes', 'laren'] as const
const DRECHTSTEDEN = ['alblasserdam', 'dordrecht', 'hendrik-ido-ambacht', 'papendrecht', 'sliedrecht', 'zwijndrecht'] as const
const NOORD_VELUWE = ['elburg', 'ermelo', 'harderwijk', 'nunspeet', 'oldebroek', 'putten'] as const

const SEED: Record<Exclude<TemplateId, 'co-creatie-co-productie-uitbesteding'>, SeedTable> = {
  'regiegemeente-bar': {
    bodies: [
      ['gemeente', 'albrandswaard', 'Gemeente Albrandswaard … 25000 inwoners 140 fte', 2],
      ...BAR.flatMap((k): SeedBody[] => [
        ['gemeenteraad', `${k}-raad`, 'Bestuurlijk proces (drie gemeenteraden)', 4],
        ['college', `${k}-college`, 'ligt bij de drie colleges gezamenlijk', 5],
        ['regieteam', `${k}-regieteam`, 'Iedere gemeente heeft een regieteam', 5],
        ['inwoners', `${k}-inwoners`, 'Samen met inwoners beleid … voorbereiden (co-creatie)', 6],
      ]),
      ['uitvoeringsorganisatie', 'gr-bar', 'Er is één uitvoeringsorganisatie … Vorm is een gemeenschappelijke regeling', 5],
      ['ambtelijke-organisatie', 'gr-bar-control', 'Afdeling control', 5],
      ['maatschappelijke-organisatie', 'instellingen', 'richting onze opdrachtnemers (GR-BAR, instellingen etc.)', 6],
      ...Array.from({ length: 8 }, (_, i): SeedBody => ['ambtelijke-organisatie', `gr-bar-domein-${i + 1}`, '8 Domeinen', 5]),
    ],
    relations: [
      ...BAR.flatMap((k): SeedRelation[] => [
        ['co-creatie', k, `${k}-inwoners`, 'Samen met inwoners beleid over samenlevingsvraagstukken voorbereiden (co-creatie)', 6],
        ['co-productie', k, `${k}-inwoners`, 'Samen met inwoners beleidsdoelstellingen realiseren (co-productie)', 6],
        ['uitbesteding', k, 'gr-bar', 'De uitvoerende- en bedrijfsvoeringstaken brengen wij onder in de GR-BAR', 6],
        ['uitbesteding', k, 'instellingen', 'uitvoerende taken … samen met of door anderen … (uitbesteding)', 6],
        ['opdrachtgeverschap', `${k}-regieteam`, 'gr-bar', 'Resultaat Afspraken Documenten richting onze opdrachtnemers (GR-BAR …); (Gemandateerd) opdrachtgever', 9],
        ['opdrachtgeverschap', `${k}-regieteam`, 'instellingen', 'Resultaat Afspraken Documenten richting onze opdrachtnemers (… instellingen etc.)', 6],
        ['advies', `${k}-regieteam`, `${k}-college`, 'Strategisch adviseur/sparringpartner van de bestuurders', 9],
        ['aansturing', `${k}-college`, 'gr-bar', 'De bestuurlijke aansturing … ligt bij de drie colleges gezamenlijk', 5],
      ]),
      ['onderdeel-van', 'gr-bar-control', 'gr-bar', 'Afdeling control', 5],
      ...Array.from({ length: 8 }, (_, i): SeedRelation => ['onderdeel-van', `gr-bar-domein-${i + 1}`, 'gr-bar', '8 Domeinen', 5]),
    ],
    steps: [
      ['proces-bar-goed', '2008/2009 Koersdocument BAR-goed', 4],
      ['proces-albrandswaard-2', 'Augustus 2011 Albrandswaard 2.0', 4],
      ['proces-geeldruk', 'November 2011 Geeldruk regieorganisatie', 4],
      ['proces-bar-beter', 'Maart 2012 Koersdocument BAR-beter', 4],
      ['proces-bar-code', 'Oktober 2012 BAR-code', 4],
      ['proces-draaiboek', 'December 2012 Draaiboek regieorganisatie', 4],
      ['proces-opleiding', 'Introductieblok … 4e kw 2013 … Eerste certificaat update dag 1e kw 2015', 10],
    ],
  },
  'organisatienetwerk-drechtsteden': {
    bodies: [
      ...DRECHTSTEDEN.map((id): SeedBody => ['gemeente', id, 'Reacties andere colleges Drechtsteden: Dordrecht … Zwijndrecht', 24]),
      ['gemeenteraad', 'alblasserdam-raad', 'Waar nodig wordt de gemeenteraad … om besluitvorming gevraagd', 14],
      ['college', 'alblasserdam-college', 'Elk voorstel wordt aan het college aangeboden', 14],
      ['ondernemingsraad', 'alblasserdam-or', 'en/of Ondernemingsraad', 14],
      ['ambtelijk-overleg', 'ons-d', 'ONS-D is ambtelijk opdrachtgever', 14],
      ['samenwerkingsverband', 'organisatienetwerk', 'Samenwerken in het organisatienetwerk Drechtsteden', 1],
      ['ambtelijk-overleg', 'regiegroep', 'Regiegroep met lokale vertegenwoordiging', 14],
      ['ambtelijk-overleg', 'netwerk-mt-sociaal', 'Per domein (Sociaal, Fysiek, Economie) een netwerk-MT', 13],
      ['ambtelijk-overleg', 'netwerk-mt-fysiek', 'Per domein (Sociaal, Fysiek, Economie) een netwerk-MT', 13],
      ['ambtelijk-overleg', 'netwerk-mt-economie', 'Per domein (Sociaal, Fysiek, Economie) een netwerk-MT', 13],
      ['ambtelijke-organisatie', 'ipm', 'hosten/poolen Bijv. iPM', 13],
      ['ambtelijke-organisatie', 'kcc', 'KCC', 13],
      ['ambtelijke-organisatie', 'bureau-bestemmingsplannen', 'bureau bestemmingsplannen', 13],
      ['regionaal-orgaan', 'grd', 'de structuur van de GRD … het regionale bestuur', 20],
      ['uitvoeringsorganisatie', 'omgevingsdienst', 'overheveling taken BWT en APV naar Omgevingsdienst', 22],
      ['maatschappelijke-organisatie', 'sportstichting', 'een zelfstandige Sportstichting', 22],
    ],
    relations: [
      ...DRECHTSTEDEN.map((id): SeedRelation => ['deelname', id, 'organisatienetwerk', 'een volgende stap in de ambtelijke samenwerking, uitgaande van zelfstandige besturen', 12]),
      ...(['ipm', 'kcc', 'bureau-bestemmingsplannen'] as const).map((id): SeedRelation => ['hosten', 'organisatienetwerk', id, 'Nadere samenwerking c.q. hosten/poolen Bijv. iPM, KCC, bureau bestemmingsplannen', 13]),
      ['opdrachtgeverschap', 'ons-d', 'organisatienetwerk', 'Ontwikkelprogramma Drechtsteden … ONS-D is ambtelijk opdrachtgever', 14],
      ['informatie', 'alblasserdam-college', 'alblasserdam-raad', 'Waar nodig wordt de gemeenteraad … om besluitvorming gevraagd; De raad op gezette tijden hierover informeren', 14],
      ['informatie', 'alblasserdam-college', 'alblasserdam-or', 'en/of Ondernemingsraad om besluitvorming gevraagd', 14],
      ['kaderstelling', 'alblasserdam-raad', 'alblasserdam-college', 'Kaders van de Alblasserdamse raad, oktober 2011', 20],
      ['kaderstelling', 'alblasserdam-raad', 'grd', 'Nadenken over verbetering van de sturing op … de GRD', 20],
      ['uitbesteding', 'alblasserdam', 'omgevingsdienst', 'overheveling taken BWT en APV naar Omgevingsdienst', 22],
      ['uitbesteding', 'alblasserdam', 'sportstichting', 'en een zelfstandige Sportstichting', 22],
    ],
    steps: [
      ['besluit-1', 'ONS-D is ambtelijk opdrachtgever', 14],
      ['besluit-2', 'Elk voorstel wordt aan het college aangeboden; Uitgewerkte voorstellen naar lokale colleges en Drechtstedenbestuur', 17],
      ['besluit-3', 'Waar nodig wordt de gemeenteraad en/of Ondernemingsraad om besluitvorming gevraagd', 14],
    ],
  },
  'regio-noord-veluwe': {
    bodies: [
      ...NOORD_VELUWE.map((id): SeedBody => ['gemeente', id, 'Gemeenten Noord-Veluwe -Elburg -Ermelo-Harderwijk -Nunspeet -Oldebroek -Putten', 11]),
      ['regionaal-orgaan', 'ab', 'Bestuurlijk traject … AB', 9],
      ['regionaal-orgaan', 'db', 'Dagelijks Bestuur RNV', 11],
      ['regionaal-orgaan', 'po', 'Portefeuillehoudersoverleg Welzijn en Sociale Aangelegenheden', 11],
      ['regionaal-orgaan', 'stuurgroep', 'Stuurgroep Transities', 11],
      ['ambtelijk-overleg', 'secretarissenoverleg', 'Ambtelijk Secretarissenoverleg Noord-Veluwe', 11],
      ['ambtelijk-overleg', 'ao', 'Voorstel uit AO', 10],
      ['directie', 'management', 'Voorstel bespreken met verantwoordelijk management', 10],
      ['ambtelijk-overleg', 'clusteroverleg', 'Clusteroverleg Welzijn en Sociale Aangelegenheden', 11],
      ['ambtelijk-overleg', 'afstemming', 'Afstemming RNV', 11],
      ['directie', 'domeinmanager', 'Domeinmanager', 11],
      ...(['awbz-wmo', 'wwnv', 'jeugdzorg'] as const).flatMap((t): SeedBody[] => [
        ['bestuurder', `trekker-${t}`, 'Trekker Wethouder', 11],
        ['ambtelijke-organisatie', `projectgroep-${t}`, 'Projectgroep Transitie …', 11],
      ]),
      ['ambtelijke-organisatie', 'ao-wmo', 'Ambtelijk overleg WMO (op het bord: Wmo)', 11],
      ['ambtelijke-organisatie', 'beleidsoverleg-sw', 'Afdelingshoofden/ Beleidsoverleg sw', 11],
      ['ambtelijke-organisatie', 'aanjaagteam', 'Aanjaagteam', 11],
    ],
    relations: [
      ...[...NOORD_VELUWE, 'hattem', 'heerde', 'zeewolde'].map((id): SeedRelation => ['deelname', id, 'ab', 'Structuur: Gemeenten — AB', 9]),
      ['informatie', 'ao', 'management', 'Voorstel bespreken met verantwoordelijk management', 10],
      ['advies', 'ao', 'db', 'Voorstel uit AO … Voorstel bespreken in DB', 10],
      ['advies', 'po', 'db', 'DB vraagt advies PO … Advies PO bespreken in DB', 10],
      ['informatie', 'po', 'colleges', 'bij voorstellen met impact raadplegen PH’s tevoren hun college', 10],
      ['informatie', 'db', 'colleges', 'DB doet voorstel aan gemeenten (colleges/raden)', 10],
      ['informatie', 'db', 'raden', 'DB doet voorstel aan gemeenten (colleges/raden)', 10],
      ['advies', 'colleges', 'db', 'Adviezen gemeenten bespreken in DB', 10],
      ['advies', 'raden', 'db', 'Adviezen gemeenten bespreken in DB', 10],
      ['informatie', 'db', 'ab', 'Adviezen gemeenten bespreken in DB, eventueel AB', 10],
    ],
    steps: [
      ['stap-1', 'Voorstel uit AO', 10],
      ['stap-2', 'Voorstel bespreken met verantwoordelijk management', 10],
      ['stap-3', 'Voorstel bespreken in DB', 10],
      ['stap-4', 'DB vraagt advies PO (bij voorstellen met impact raadplegen PH’s tevoren hun college)', 10],
      ['stap-5', 'Advies PO bespreken in DB', 10],
      ['stap-6', 'DB doet voorstel aan gemeenten (colleges/raden)', 10],
      ['stap-7', 'Adviezen gemeenten bespreken in DB, eventueel AB', 10],
      ['stap-8', 'DB of AB neemt besluit en start uitvoering', 10],
    ],
  },
  'bel-combinatie': {
    bodies: [
      ...BEL.flatMap((k): SeedBody[] => [
        ['gemeenteraad', `${k}-raad`, 'Gemeenteraad Blaricum Gemeenteraad Eemnes Gemeenteraad Laren', 7],
        ['college', `${k}-college`, 'B&W Blaricum B&W Eemnes B&W Laren', 7],
        ['bestuurder', `${k}-burgemeester`, 'Burgemeesters vormen, met de directeur als secretaris het Dagelijks Bestuur', 8],
        ['gemeentesecretaris', `${k}-secretaris`, 'Secretaris is hoofd van de ambtelijke staf van de gemeente', 10],
        ['regieteam', `${k}-beleidsregie`, 'Beleidsregie Blaricum Beleidsregie Eemnes Beleidsregie Laren', 11],
      ]),
      ['uitvoeringsorganisatie', 'bel', 'BEL Combinatie', 2],
      ['regionaal-orgaan', 'ab', 'Algemeen Bestuur BEL Combinatie', 7],
      ['regionaal-orgaan', 'db', 'Dagelijks Bestuur BEL Combinatie', 7],
      ['directie', 'directeur', 'Directeur BEL Combinatie', 7],
      ['directie', 'managers', 'Afdelingsmanagers BEL Combinatie', 7],
      ['ambtelijke-organisatie', 'medewerkers', 'Medewerkers BEL Combinatie', 11],
    ],
    relations: [
      ...BEL.flatMap((k): SeedRelation[] => [
        ['kaderstelling', `${k}-raad`, `${k}-college`, 'Kaderstellend bij het uitoefenen van lokale taken en democratisch toezicht daarop', 8],
        ['verantwoording', `${k}-college`, `${k}-raad`, 'College van B&W legt verantwoording af aan de eigen raad', 8],
        ['deelname', `${k}-college`, 'ab', 'Collegeleden vormen het Algemeen Bestuur van de BEL Combinatie', 8],
        ['opdrachtgeverschap', `${k}-college`, 'bel', 'College is politiek opdrachtgever aan BEL Combinatie', 8],
        ['deelname', `${k}-burgemeester`, 'db', 'Burgemeesters vormen … het Dagelijks Bestuur', 8],
        ['advies', `${k}-secretaris`, `${k}-college`, 'Eerste adviseur van College van B&W', 10],
        ['advies', `${k}-secretaris`, 'ab', 'Adviseur van het AB/DB van de BEL Combinatie', 10],
        ['advies', `${k}-secretaris`, 'db', 'Adviseur van het AB/DB van de BEL Combinatie', 10],
        ['aansturing', `${k}-secretaris`, `${k}-beleidsregie`, 'Secretaris is hoofd van de ambtelijke staf van de gemeente (beleidsregie en secretariaat)', 10],
        ['advies', `${k}-beleidsregie`, `${k}-college`, 'Regievoering, advisering (collegevoorstellen, raadsvoorstellen)', 11],
        ['opdrachtgeverschap', `${k}-beleidsregie`, 'directeur', 'Beleidsregie is ambtelijk opdrachtgever … Ambtelijk opdrachtnemer van de drie gemeenten', 10],
      ]),
      ['aansturing', 'ab', 'bel', 'AB is verantwoordelijk voor financiële planning en controlcyclus', 9],
      ['aansturing', 'db', 'bel', 'DB bereid stukken voor, voert besluiten uit en beheert de financiën', 9],
      ['advies', 'directeur', 'ab', 'Secretaris van het AB/DB van de BEL Combinatie', 10],
      ['advies', 'directeur', 'db', 'met de directeur als secretaris het Dagelijks Bestuur', 8],
      ['werkgeverschap', 'directeur', 'managers', 'Werkgever ambtenaren BEL Combinatie', 10],
      ['werkgeverschap', 'directeur', 'medewerkers', 'Werkgever ambtenaren BEL Combinatie', 10],
      ['werkgeverschap', 'db', 'medewerkers', 'DB is belast met benoemen, schorsen en ontslaan van medewerkers', 9],
      ['aansturing', 'managers', 'medewerkers', 'Management BEL Combinatie Uitvoering, advisering Medewerkers BEL Combinatie', 11],
    ],
    steps: [],
  },
  'afwegingskader-regievoering': {
    bodies: [
      ['gemeenteraad', 'raad', 'Welke keuze maakt de raad: vastzetten of loslaten?', 10],
      ['college', 'college', 'Welk proceskader wordt het college meegegeven?', 11],
      ['rekenkamer', 'rekenkamer', 'op basis van een vooronderzoek door de Delftse Rekenkamer', 2],
      ['extern-adviseur', 'onderzoeksbureau', 'Igno Pröpper Onderzoeksbureau Partners + Pröpper', 9],
      ['maatschappelijke-organisatie', 'partners', 'richting partijen in de samenleving', 7],
      ['opgave', 'opgave', 'Een goed focuspunt is een concrete opgave waaraan de gemeente werkt', 8],
    ],
    relations: [
      ['kaderstelling', 'raad', 'college', 'Welk proceskader wordt het college meegegeven?', 11],
      ['verantwoording', 'college', 'raad', 'Verantwoording afleggen over de opgave', 8],
      ['advies', 'rekenkamer', 'raad', 'Dit onderzoek is in nauw samenspel met de raad tot stand gekomen', 2],
      ['samenwerking', 'college', 'partners', 'Hoe voert het gemeentebestuur regie op strategische samenwerking met andere partijen?', 4],
    ],
    steps: [],
  },
}

describe.each(Object.entries(SEED) as [Exclude<TemplateId, 'co-creatie-co-productie-uitbesteding'>, SeedTable][])('template %s against its seed', (id, table) => {
  const m: RegieModel = templateModel(id, 'nl')
  const seed = getTemplate(id).seed

  it.each(table.bodies.map((body) => [`${body[1]}: "${body[2]}" (${seed} dia ${body[3]})`, body] as const))('has the body %s', (_, [kind, actorId, , slide]) => {
    const found = m.actors.find((actor) => actor.id === actorId)
    expect(found?.kind, actorId).toBe(kind)
    expect(getTemplate(id).model.actors.find((actor) => actor.id === actorId)?.source?.seed).toBe(seed)
    expect(slide).toBeGreaterThan(0)
  })

  it.each(table.relations.map((relation) => [`${relation[1]} → ${relation[2]} (${relation[0]}): "${relation[3]}" (${seed} dia ${relation[4]})`, relation] as const))(
    'has the relation %s',
    (_, [kind, from, to]) => {
      expect(m.relations.filter((relation) => relation.from === from && relation.to === to).map((relation) => relation.kind)).toContain(kind)
    },
  )

  if (table.steps.length > 0) {
    it.each(table.steps.map((step) => [`${step[0]}: "${step[1]}" (${seed} dia ${step[2]})`, step] as const))('has the step %s', (_, [stepId]) => {
      const steps = m.blocks.filter((block): block is RegieFlow => block.type === 'flow').flatMap((flow) => flow.steps.map((step) => step.id))
      expect(steps).toContain(stepId)
    })
  }

  it('marks every actor and relation the seed does not state with an aanname, in Dutch and English', () => {
    const bodies = new Set(table.bodies.map((body) => body[1]))
    const relations = new Set(table.relations.map(([kind, from, to]) => `${kind}:${from}>${to}`))
    const template = getTemplate(id).model
    const unmarked = [
      ...template.actors.filter((actor) => !bodies.has(actor.id) && actor.aanname === undefined).map((actor) => actor.id),
      ...template.relations.filter((relation) => !relations.has(`${relation.kind}:${relation.from}>${relation.to}`) && relation.aanname === undefined).map((relation) => relation.id),
    ]
    expect(unmarked).toEqual([])
    for (const element of [...template.actors, ...template.relations, ...template.groups, ...template.blocks]) {
      if (element.aanname === undefined) continue
      expect(element.aanname.nl.length, element.id).toBeGreaterThan(20)
      expect(element.aanname.en.length, element.id).toBeGreaterThan(20)
    }
  })
})

describe('facts and omissions the review found (issue 16)', () => {
  it('draws no kaderstelling from the BAR raden to the GR-BAR: seed 000 lists the koersdocumenten only under the bestuurlijk proces', () => {
    expect(templateModel('regiegemeente-bar', 'nl').relations.filter((r) => r.kind === 'kaderstelling')).toEqual([])
  })

  it('marks Barendrecht and Ridderkerk as names the seed does not give', () => {
    const m = templateModel('regiegemeente-bar', 'nl')
    for (const id of ['barendrecht', 'ridderkerk']) expect(m.actors.find((a) => a.id === id)?.aanname).toContain('BAR')
    expect(m.actors.find((a) => a.id === 'albrandswaard')?.aanname).toBeUndefined()
  })

  it('does not give the BEL college the role "Advisering (bestuursopdracht)"', () => {
    const rollen = templateModel('bel-combinatie', 'nl').actors.filter((a) => a.kind === 'college').flatMap((a) => a.attributes?.rollen ?? [])
    expect(rollen.join(' ')).not.toContain('Advisering')
  })

  it('names the Noord-Veluwe PO without inventing "per thema een PO"', () => {
    const po = templateModel('regio-noord-veluwe', 'nl').actors.find((a) => a.id === 'po')
    expect(JSON.stringify(po)).not.toContain('per thema')
  })

  it('has the three stellingen of seed 002 as cards a group can vote on, with their "mits"', () => {
    const stellingen = templateModel('regio-noord-veluwe', 'nl').blocks.find((b) => b.type === 'checklist' && b.purpose === 'stellingen')
    expect(stellingen?.type === 'checklist' && stellingen.items.map((i) => [i.text.slice(0, 10), i.hint?.startsWith('Mits') || i.hint?.startsWith('Onbeheersbaar')])).toEqual([
      ['Stelling 1', true],
      ['Stelling 2', true],
      ['Stelling 3', true],
    ])
  })

  it('has "Wat is goede samenwerking?" (002 dia 5), the BEL succesfactoren and uitgangspunten (003 dia 4, 6), and the aanbevelingen of 001 and 004', () => {
    const titles = (id: TemplateId) => templateModel(id, 'nl').blocks.filter((b) => b.type === 'checklist').map((b) => (b.type === 'checklist' ? b.purpose : ''))
    expect(titles('regio-noord-veluwe')).toContain('succesfactoren')
    expect(titles('bel-combinatie').filter((p) => p === 'succesfactoren')).toHaveLength(2)
    expect(titles('organisatienetwerk-drechtsteden')).toContain('aanbevelingen')
    expect(titles('afwegingskader-regievoering')).toContain('aanbevelingen')
  })

  it('has a local opdrachtgever in the Drechtsteden ("Invulling van lokaal opdrachtgeverschap cruciaal", 001 dia 5)', () => {
    const local = templateModel('organisatienetwerk-drechtsteden', 'nl').relations.find((r) => r.id === 'lokaal-opdrachtgeverschap')
    expect(local).toMatchObject({ kind: 'opdrachtgeverschap', from: 'alblasserdam-college' })
  })

  it('asks the questions of A and C of the afwegingskader by their ref, so the regiecheck can tell which are open', () => {
    const refs = templateModel('afwegingskader-regievoering', 'nl').blocks.flatMap((b) => (b.type === 'checklist' ? b.items.map((i) => i.ref) : []))
    expect(refs).toEqual(expect.arrayContaining(['a-taak', 'a-samenwerking', 'c-kenmerken', 'c-hoe-ver', 'c-regietype', 'c-proceskader']))
  })
})
