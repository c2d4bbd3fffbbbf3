/**
 * What each seed names, for test/unit/shared/template-fidelity.test.ts (and for the coverage
 * figures in docs/seed-review.md): every body, relation and step, with the seed's own words and
 * the slide ("dia") they are on.
 */
import type { ActorKindId } from '../../../shared/regie/actor-kinds.ts'
import type { RelationKindId } from '../../../shared/regie/relation-kinds.ts'
import type { TemplateId } from '../../../shared/templates/template.ts'

/** [kind, id on the board, the seed's words, slide] */
export type SeedBody = readonly [ActorKindId, string, string, number]
/** [kind, from id, to id, the seed's words, slide] */
export type SeedRelation = readonly [RelationKindId, string, string, string, number]
/** [step id, the seed's words, slide] */
export type SeedStep = readonly [string, string, number]

export interface SeedTable {
  readonly bodies: readonly SeedBody[]
  readonly relations: readonly SeedRelation[]
  readonly steps: readonly SeedStep[]
}

const BAR = ['barendrecht', 'albrandswaard', 'ridderkerk'] as const
const BEL = ['blaricum', 'eemnes', 'laren'] as const
const DRECHTSTEDEN = ['alblasserdam', 'dordrecht', 'hendrik-ido-ambacht', 'papendrecht', 'sliedrecht', 'zwijndrecht'] as const
const NOORD_VELUWE = ['elburg', 'ermelo', 'harderwijk', 'nunspeet', 'oldebroek', 'putten'] as const

export const SEED: Record<Exclude<TemplateId, 'co-creatie-co-productie-uitbesteding'>, SeedTable> = {
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

