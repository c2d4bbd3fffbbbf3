/**
 * The five seed presentations the templates are built from (transcripts in /work/shared/seeds/).
 * A template cites its seed by id; this table turns the id into something a reader can find.
 */
import type { SeedId } from '../regie/source.ts'

export interface Seed {
  readonly id: SeedId
  readonly file: string
  readonly title: string
  /** As the transcript names them; null where it names nobody. */
  readonly presenter: string | null
  /** The date the transcript states; null where it states none. */
  readonly date: string | null
}

export const SEEDS: Readonly<Record<SeedId, Seed>> = {
  '000': {
    id: '000',
    file: '000_04f56c332ddaeebb.txt',
    title: 'Albrandswaard op weg naar een regiegemeente',
    presenter: 'Bert Kooiman',
    date: null,
  },
  '001': {
    id: '001',
    file: '001_2d41d74e46ecb8ff.txt',
    title: 'Samenwerken in het organisatienetwerk Drechtsteden — Evaluatie proeftuinen, Visie op het werken in de Drechtsteden',
    presenter: 'Peter Verheij, Rianne van den Berg (BIO Alblasserdam)',
    date: '2013-03-26',
  },
  '002': {
    id: '002',
    file: '002_770a2a99d52a8098.txt',
    title: 'Bustour Slim Samenwerken — "Greep op samenwerking?" (VNG)',
    presenter: 'Leo Bezemer, directeur Regio Noord-Veluwe',
    date: '2012-01-18',
  },
  '003': {
    id: '003',
    file: '003_64546158e1edc0ee.txt',
    title: 'De BEL werkt! Ontstaan, werking en het succes van de BEL Combinatie',
    presenter: null,
    date: null,
  },
  '004': {
    id: '004',
    file: '004_420b065a5071702a.txt',
    title: 'Regievoering door gemeente Delft — Afwegingskader regievoering (Rekenkamer Delft, Igno Pröpper)',
    presenter: 'Igno Pröpper, Partners + Pröpper',
    date: '2012-09-13',
  },
}
