/** The words of own templates, in both languages (loaded with the feature). */
import type { Language } from '../i18n/i18n.tsx'

const TEXTS = {
  nl: {
    ownGroup: 'Sjablonen van deze installatie',
    download: 'Download dit sjabloon als bestand',
    saved: (date: string) => `Opgeslagen op ${date}.`,
    open: 'Opslaan als sjabloon…',
    heading: 'Opslaan als sjabloon',
    help: 'Het sjabloon komt op de startpagina te staan, naast de vaste sjablonen. Het bewaart actoren, relaties, groepen, banen, blokken en vragenkaarten; geen notities of stemmen van deelnemers.',
    title: 'Titel',
    description: 'Beschrijving',
    scope: 'Wat bewaar je?',
    whole: 'Het hele bord',
    selection: (count: number) => `Alleen de selectie (${count} ${count === 1 ? 'vorm' : 'vormen'})`,
    nothingSelected: 'Alleen de selectie (selecteer eerst iets op het bord)',
    counts: (actors: number, relations: number, blocks: number) => `${actors} actoren, ${relations} relaties, ${blocks} blokken.`,
    save: 'Sjabloon opslaan',
    saving: 'Bezig met opslaan…',
    done: (title: string) => `"${title}" staat nu bij de sjablonen op de startpagina.`,
    empty: 'Er staat niets op het bord (of in de selectie) dat een sjabloon kan worden.',
    fromFile: 'Of voeg een sjabloonbestand toe (van een andere gemeente):',
    fileDone: (title: string) => `"${title}" is toegevoegd aan de sjablonen op de startpagina.`,
    fileError: (message: string) => `Dit bestand kon niet worden toegevoegd: ${message}`,
    notJson: 'het is geen JSON-bestand',
    error: (message: string) => `Opslaan lukte niet: ${message}`,
    close: 'Sluiten',
  },
  en: {
    ownGroup: 'Templates of this installation',
    download: 'Download this template as a file',
    saved: (date: string) => `Saved on ${date}.`,
    open: 'Save as template…',
    heading: 'Save as template',
    help: "The template appears on the start page, next to the built-in templates. It keeps actors, relations, groups, lanes, blocks and question cards; not participants' notes or votes.",
    title: 'Title',
    description: 'Description',
    scope: 'What do you keep?',
    whole: 'The whole board',
    selection: (count: number) => `Only the selection (${count} ${count === 1 ? 'shape' : 'shapes'})`,
    nothingSelected: 'Only the selection (select something on the board first)',
    counts: (actors: number, relations: number, blocks: number) => `${actors} actors, ${relations} relations, ${blocks} blocks.`,
    save: 'Save template',
    saving: 'Saving…',
    done: (title: string) => `"${title}" is now among the templates on the start page.`,
    empty: 'There is nothing on the board (or in the selection) that can become a template.',
    fromFile: 'Or add a template file (from another municipality):',
    fileDone: (title: string) => `"${title}" was added to the templates on the start page.`,
    fileError: (message: string) => `This file could not be added: ${message}`,
    notJson: 'it is not a JSON file',
    error: (message: string) => `Saving failed: ${message}`,
    close: 'Close',
  },
}

export type TemplateTexts = (typeof TEXTS)['nl']

export function templateTexts(language: Language): TemplateTexts {
  return TEXTS[language]
}
